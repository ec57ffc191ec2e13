import type { Prepared } from '../model/prepare';
import type { StabilityOptions, StabilityResult } from '../model/rankStability';
import type { PackedStability, StabilityRequest } from './stabilityWorker';
import { unpackNullable } from './workerPacking';
import { runInWorker, type WorkerRun } from './workerRun';

/** A rank-stability run in a worker; progress is the number of draws done (every 50 draws, and the last). */
export type StabilityRun = WorkerRun<StabilityResult>;

/**
 * Runs `rankStability` in a module worker so that the page stays responsive. The need arrays are
 * copied and the copies transferred: transferring the originals would detach the caller's
 * `prepared`, which the page keeps scoring with. The worker ends when the run finishes or is cancelled.
 * @example
 * const run = runStability(prepared, weights, { draws: 1000, concentration: 50, topK: 100, seed: 1 });
 * run.onProgress((done) => setDone(done)); const result = await run.promise;
 */
export function runStability(prepared: Prepared, weights: Record<string, number>, options: Omit<StabilityOptions, 'onProgress'>): StabilityRun {
  const columns: Prepared['columns'] = {};
  const transfer: Transferable[] = [];
  for (const id of prepared.ids) {
    const need = prepared.columns[id].need.slice();
    const has = prepared.columns[id].has.slice();
    columns[id] = { need, has };
    transfer.push(need.buffer, has.buffer);
  }
  const request: StabilityRequest = { prepared: { ...prepared, columns }, weights, options };
  const worker = new Worker(new URL('./stabilityWorker.ts', import.meta.url), { type: 'module' });
  return runInWorker(worker, request, transfer, unpackStability, 'rank stability');
}

function unpackStability(packed: PackedStability): StabilityResult {
  return {
    median: unpackNullable(packed.median),
    p5: unpackNullable(packed.p5),
    p95: unpackNullable(packed.p95),
    topK: unpackNullable(packed.topK),
    k: packed.k,
    draws: packed.draws,
  };
}
