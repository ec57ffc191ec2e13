/// <reference lib="webworker" />
import { localMoran, type LocalMoranOptions } from '../model/localMoran';
import { packLocalMoran, unpackNeighbours, unpackNullable, type PackedNeighbours } from './workerPacking';
import { serveInWorker } from './workerRun';

/** What `runHotspots` posts to the worker: values with NaN for null and CSR neighbours, so both transfer. */
export interface HotspotRequest {
  values: Float64Array<ArrayBuffer>;
  neighbours: PackedNeighbours;
  options: Omit<LocalMoranOptions, 'onProgress'>;
}

serveInWorker(({ values, neighbours, options }: HotspotRequest, onProgress) =>
  packLocalMoran(localMoran(unpackNullable(values), unpackNeighbours(neighbours), { ...options, onProgress })),
);
