/// <reference lib="webworker" />
import { stageProgress, type StagingProgress } from './stageProgress';
import { answerStagingRequest, type StagingRequest } from './stagingJobs';
import { packStaging, type PackedStaging } from './stagingPacking';
import { serveInWorker } from './workerRun';

// A progress message per chunk read would be thousands for a large file; one per percent is plenty.
const STEP = 0.01;

serveInWorker<StagingRequest, PackedStaging, StagingProgress>(async (request, onProgress) => {
  let last: StagingProgress | null = null;
  const report = (progress: StagingProgress) => {
    const advanced = progress.fraction !== null && (last?.fraction == null || progress.fraction - last.fraction >= STEP || progress.fraction === 1);
    if (last && progress.stage === last.stage && !advanced) return;
    last = progress;
    onProgress(progress);
  };
  const staged = await answerStagingRequest(request, report);
  report(stageProgress('preparing', {}, null));
  return packStaging(staged);
});
