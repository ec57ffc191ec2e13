import type { LocalMoran, LocalMoranOptions } from '../model/localMoran';
import type { HotspotRequest } from './hotspotWorker';
import { packNeighbours, packNullable, unpackLocalMoran } from './workerPacking';
import { runInWorker, type WorkerRun } from './workerRun';

/** A local Moran's I run in a worker; progress is the number of wards done (every 256 valued wards, and the last). */
export type HotspotRun = WorkerRun<LocalMoran>;

/**
 * Runs `localMoran` in a module worker so that the page stays responsive (about a second for the
 * 19,478 sectors of Belgium at 499 permutations). Values and neighbours are packed into fresh typed
 * arrays whose buffers move to the worker; the worker ends when the run finishes or is cancelled.
 * @example
 * const run = runHotspots(scores, neighbours, { permutations: 499, seed: 1, alpha: 0.05 });
 * run.onProgress((done) => setDone(done)); const { cluster } = await run.promise;
 */
export function runHotspots(
  values: readonly (number | null)[],
  neighbours: readonly (readonly number[])[],
  options: Omit<LocalMoranOptions, 'onProgress'>,
): HotspotRun {
  const request: HotspotRequest = { values: packNullable(values), neighbours: packNeighbours(neighbours), options };
  const transfer = [request.values.buffer, request.neighbours.offsets.buffer, request.neighbours.indices.buffer];
  const worker = new Worker(new URL('./hotspotWorker.ts', import.meta.url), { type: 'module' });
  return runInWorker(worker, request, transfer, unpackLocalMoran, 'hot spots');
}
