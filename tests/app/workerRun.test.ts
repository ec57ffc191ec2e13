import { describe, expect, it } from 'vitest';
import { runInWorker, type WorkerMessage } from '../../src/app/workerRun';

/** A stand-in for a module worker: records what the page posts and lets the test answer. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: { request: unknown; transfer: Transferable[] }[] = [];
  terminated = false;
  postMessage(request: unknown, transfer: Transferable[]): void {
    this.posted.push({ request, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: WorkerMessage<number[]>): void {
    this.onmessage?.({ data: message } as MessageEvent);
  }
}

function start(worker: FakeWorker) {
  return runInWorker(worker as unknown as Worker, { ask: 1 }, [], (packed: number[]) => packed.map((v) => v * 2), 'test run');
}

describe('runInWorker', () => {
  it('runInWorker(worker, request) posts the request, reports progress, unpacks the result and ends the worker', async () => {
    const worker = new FakeWorker();
    const buffer = new ArrayBuffer(8);
    const run = runInWorker(worker as unknown as Worker, { ask: 1 }, [buffer], (packed: number[]) => packed.map((v) => v * 2), 'test run');
    const done: number[] = [];
    run.onProgress((d) => done.push(d));
    expect(worker.posted).toEqual([{ request: { ask: 1 }, transfer: [buffer] }]);
    worker.answer({ type: 'progress', done: 3 });
    worker.answer({ type: 'progress', done: 7 });
    expect(worker.terminated).toBe(false);
    worker.answer({ type: 'result', result: [1, 2] });
    await expect(run.promise).resolves.toEqual([2, 4]);
    expect(done).toEqual([3, 7]);
    expect(worker.terminated).toBe(true);
  });

  it('runInWorker(worker, request).cancel() ends the worker, rejects with an AbortError and ignores later messages', async () => {
    const worker = new FakeWorker();
    const run = start(worker);
    const done: number[] = [];
    run.onProgress((d) => done.push(d));
    run.cancel();
    expect(worker.terminated).toBe(true);
    await expect(run.promise).rejects.toMatchObject({ name: 'AbortError', message: 'test run cancelled' });
    worker.answer({ type: 'progress', done: 1 });
    expect(done).toEqual([]);
  });

  it('runInWorker(worker, request) rejects with an Error for an error message or a worker failure', async () => {
    const failed = new FakeWorker();
    const run = start(failed);
    failed.answer({ type: 'error', message: 'invalid alpha: 0' });
    await expect(run.promise).rejects.toThrow('invalid alpha: 0');
    expect(failed.terminated).toBe(true);

    const crashed = new FakeWorker();
    const crash = start(crashed);
    crashed.onerror?.({ message: '' } as ErrorEvent);
    await expect(crash.promise).rejects.toThrow('test run worker failed');
    expect(crashed.terminated).toBe(true);
    // Cancelling a settled run changes nothing.
    crash.cancel();
    await expect(crash.promise).rejects.toThrow('test run worker failed');
  });
});
