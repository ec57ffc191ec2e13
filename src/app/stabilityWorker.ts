/// <reference lib="webworker" />
import type { Prepared } from '../model/prepare';
import { rankStability, type StabilityOptions } from '../model/rankStability';
import { packNullable } from './workerPacking';
import { serveInWorker } from './workerRun';

/** What `runStability` posts to the worker: the options without the callback, which cannot cross. */
export interface StabilityRequest {
  prepared: Prepared;
  weights: Record<string, number>;
  options: Omit<StabilityOptions, 'onProgress'>;
}

/** The result the worker posts back. Ranks travel as Float64Arrays with NaN for null, so they can be transferred. */
export interface PackedStability {
  median: Float64Array<ArrayBuffer>;
  p5: Float64Array<ArrayBuffer>;
  p95: Float64Array<ArrayBuffer>;
  topK: Float64Array<ArrayBuffer>;
  k: number;
  draws: number;
}

const PROGRESS_EVERY = 50;

serveInWorker(({ prepared, weights, options }: StabilityRequest, onProgress) => {
  const result = rankStability(prepared, weights, {
    ...options,
    onProgress: (done) => {
      if (done % PROGRESS_EVERY === 0 || done === options.draws) onProgress(done);
    },
  });
  const packed: PackedStability = {
    median: packNullable(result.median),
    p5: packNullable(result.p5),
    p95: packNullable(result.p95),
    topK: packNullable(result.topK),
    k: result.k,
    draws: result.draws,
  };
  return { packed, transfer: [packed.median.buffer, packed.p5.buffer, packed.p95.buffer, packed.topK.buffer] };
});
