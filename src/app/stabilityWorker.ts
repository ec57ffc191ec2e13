/// <reference lib="webworker" />
import type { Prepared } from '../model/prepare';
import { rankStability, type StabilityOptions } from '../model/rankStability';

/** What `runStability` posts to the worker: the options without the callback, which cannot cross. */
export interface StabilityRequest {
  prepared: Prepared;
  weights: Record<string, number>;
  options: Omit<StabilityOptions, 'onProgress'>;
}

/** What the worker posts back. Ranks travel as Float64Arrays with NaN for null, so they can be transferred. */
export type StabilityMessage =
  | { type: 'progress'; done: number }
  | { type: 'result'; median: Float64Array; p5: Float64Array; p95: Float64Array; topK: Float64Array; k: number; draws: number }
  | { type: 'error'; message: string };

const PROGRESS_EVERY = 50;

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<StabilityRequest>) => {
  const { prepared, weights, options } = event.data;
  try {
    const result = rankStability(prepared, weights, {
      ...options,
      onProgress: (done) => {
        if (done % PROGRESS_EVERY === 0 && done < options.draws) post({ type: 'progress', done });
      },
    });
    const median = pack(result.median);
    const p5 = pack(result.p5);
    const p95 = pack(result.p95);
    const topK = pack(result.topK);
    post({ type: 'result', median, p5, p95, topK, k: result.k, draws: result.draws }, [median.buffer, p5.buffer, p95.buffer, topK.buffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

function post(message: StabilityMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function pack(values: readonly (number | null)[]): Float64Array {
  const packed = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) packed[i] = values[i] ?? NaN;
  return packed;
}
