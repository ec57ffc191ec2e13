import type { Prepared } from '../model/prepare';
import type { StabilityOptions, StabilityResult } from '../model/rankStability';
import type { StabilityMessage, StabilityRequest } from './stabilityWorker';

/** A rank-stability run in a worker: the result, a way to stop it, and progress reports. */
export interface StabilityRun {
  promise: Promise<StabilityResult>;
  /** Stops the worker; the promise rejects with an AbortError. */
  cancel(): void;
  /** Registers a callback for the number of draws done (every 50 draws). */
  onProgress(callback: (done: number) => void): void;
}

/**
 * Runs `rankStability` in a module worker so that the page stays responsive. The need arrays are
 * copied and the copies transferred: transferring the originals would detach the caller's
 * `prepared`, which the page keeps scoring with. The worker ends when the run finishes or is cancelled.
 * const run = runStability(prepared, weights, { draws: 1000, concentration: 50, topK: 100, seed: 1 });
 * run.onProgress((done) => setDone(done)); const result = await run.promise;
 */
export function runStability(prepared: Prepared, weights: Record<string, number>, options: Omit<StabilityOptions, 'onProgress'>): StabilityRun {
  const worker = new Worker(new URL('./stabilityWorker.ts', import.meta.url), { type: 'module' });
  const callbacks: ((done: number) => void)[] = [];
  let settled = false;
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<StabilityResult>((resolvePromise, rejectPromise) => {
    reject = rejectPromise;
    worker.onmessage = (event: MessageEvent<StabilityMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        for (const callback of callbacks) callback(message.done);
        return;
      }
      finish();
      if (message.type === 'error') rejectPromise(new Error(message.message));
      else {
        for (const callback of callbacks) callback(message.draws);
        resolvePromise({
          median: unpack(message.median),
          p5: unpack(message.p5),
          p95: unpack(message.p95),
          topK: unpack(message.topK),
          k: message.k,
          draws: message.draws,
        });
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      rejectPromise(new Error(event.message || 'rank stability worker failed'));
    };
  });

  const columns: Prepared['columns'] = {};
  const transfer: Transferable[] = [];
  for (const id of prepared.ids) {
    const need = prepared.columns[id].need.slice();
    const has = prepared.columns[id].has.slice();
    columns[id] = { need, has };
    transfer.push(need.buffer, has.buffer);
  }
  const request: StabilityRequest = { prepared: { ...prepared, columns }, weights, options };
  worker.postMessage(request, transfer);

  function finish(): void {
    settled = true;
    worker.terminate();
  }

  return {
    promise,
    cancel() {
      if (settled) return;
      finish();
      reject(new DOMException('rank stability cancelled', 'AbortError'));
    },
    onProgress(callback) {
      callbacks.push(callback);
    },
  };
}

function unpack(values: Float64Array): (number | null)[] {
  const result: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) result[i] = Number.isNaN(values[i]) ? null : values[i];
  return result;
}
