/// <reference lib="webworker" />

// Both ends of a long computation run in a module worker so that the page stays responsive: the page
// side (`runInWorker`) and the worker side (`serveInWorker`) share the messages below.

/** What the worker posts back: progress, the packed result, or the message of the error it caught. */
export type WorkerMessage<Packed, Progress = number> =
  | { type: 'progress'; done: Progress }
  | { type: 'result'; result: Packed }
  | { type: 'error'; message: string };

/** A computation running in a worker: the result, a way to stop it, and progress reports. */
export interface WorkerRun<Result, Progress = number> {
  promise: Promise<Result>;
  /** Stops the worker; the promise rejects with an AbortError. */
  cancel(): void;
  /** Registers a callback for the progress the worker reports. */
  onProgress(callback: (done: Progress) => void): void;
}

/**
 * Posts `request` to a freshly started `worker`, moving the `transfer` buffers, and follows the run:
 * progress goes to the callbacks, the packed result is unpacked, a failure rejects with an Error. The
 * worker ends when the run settles or is cancelled. `name` words the errors ("hot spots cancelled").
 * @example
 * const worker = new Worker(new URL('./hotspotWorker.ts', import.meta.url), { type: 'module' });
 * const run = runInWorker(worker, request, [request.values.buffer], unpackLocalMoran, 'hot spots');
 */
export function runInWorker<Request, Packed, Result, Progress = number>(
  worker: Worker,
  request: Request,
  transfer: Transferable[],
  unpack: (packed: Packed) => Result,
  name: string,
): WorkerRun<Result, Progress> {
  const callbacks: ((done: Progress) => void)[] = [];
  let settled = false;
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<Result>((resolvePromise, rejectPromise) => {
    reject = rejectPromise;
    worker.onmessage = (event: MessageEvent<WorkerMessage<Packed, Progress>>) => {
      const message = event.data;
      // A message already on its way when the run was cancelled.
      if (settled) return;
      if (message.type === 'progress') {
        for (const callback of callbacks) callback(message.done);
        return;
      }
      finish();
      if (message.type === 'error') rejectPromise(new Error(message.message));
      else {
        try {
          resolvePromise(unpack(message.result));
        } catch (error) {
          rejectPromise(error);
        }
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      rejectPromise(new Error(event.message || `${name} worker failed`));
    };
  });
  try {
    worker.postMessage(request, transfer);
  } catch (error) {
    finish();
    reject(error);
  }

  function finish(): void {
    settled = true;
    worker.terminate();
  }

  return {
    promise,
    cancel() {
      if (settled) return;
      finish();
      reject(new DOMException(`${name} cancelled`, 'AbortError'));
    },
    onProgress(callback) {
      callbacks.push(callback);
    },
  };
}

/**
 * The worker's side of `runInWorker`: answers each request with `compute`'s packed result (or the
 * promise of one), moving its `transfer` buffers, and posts what `compute` passes to its progress
 * callback on the way.
 * @example
 * serveInWorker((request: HotspotRequest, onProgress) => packLocalMoran(localMoran(..., { ...options, onProgress })));
 */
export function serveInWorker<Request, Packed, Progress = number>(
  compute: (
    request: Request,
    onProgress: (done: Progress) => void,
  ) => { packed: Packed; transfer: Transferable[] } | Promise<{ packed: Packed; transfer: Transferable[] }>,
): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (message: WorkerMessage<Packed, Progress>, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  scope.onmessage = async (event: MessageEvent<Request>) => {
    try {
      const { packed, transfer } = await compute(event.data, (done) => post({ type: 'progress', done }));
      post({ type: 'result', result: packed }, transfer);
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
