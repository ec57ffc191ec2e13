import type { Staging, StagingProgress } from './staging';
import type { StagingJob, StagingRequest } from './stagingJobs';
import { unpackStaging, type PackedStaging } from './stagingPacking';
import { runInWorker, type WorkerRun } from './workerRun';

/**
 * A staging job running in a worker. It settles to the job's update, to apply to the staging as it
 * is by then (`setStaging(await run.promise)`), and reports progress by stage.
 */
export type StagingRun = WorkerRun<(staging: Staging) => Staging, StagingProgress>;

/**
 * Runs a staging job (`filesJob`, `sheetJob`, `objectJob`) in a module worker, so that a 100 MB
 * GeoJSON never freezes the page: the worker reads the File objects itself (the page copies no
 * bytes), and what it staged comes back packed and is rebuilt in slices between which the page
 * stays responsive. Cancelling stops the worker, or the rebuilding; the promise then rejects with an
 * AbortError and nothing of the run is kept.
 * @example
 * const run = runStaging(filesJob(files, { wardCodes: stagedWardCodes(staging, dataset), prepared: staging.prepared }));
 * run.onProgress(({ stage, fraction }) => show(stage, fraction)); setStaging(await run.promise);
 */
export function runStaging(job: StagingJob): StagingRun {
  const callbacks: ((progress: StagingProgress) => void)[] = [];
  const report = (progress: StagingProgress) => {
    for (const callback of callbacks) callback(progress);
  };
  const worker = new Worker(new URL('./stagingWorker.ts', import.meta.url), { type: 'module' });
  const inWorker = runInWorker<StagingRequest, PackedStaging, PackedStaging, StagingProgress>(worker, job.request, [], (packed) => packed, 'reading files');
  inWorker.onProgress(report);
  const controller = new AbortController();
  return {
    promise: inWorker.promise.then(async (packed) => job.update(await unpackStaging(packed, { onProgress: report, signal: controller.signal }))),
    cancel() {
      inWorker.cancel();
      controller.abort();
    },
    onProgress(callback) {
      callbacks.push(callback);
    },
  };
}
