/// <reference lib="webworker" />
import { serveInWorker } from '../app/workerRun';
import { geometryJson, type PackedPolygons } from './geometryJson';

/** What the worker posts back: the GeoJSON text of the packed polygons, as a Blob for a blob URL. */
export interface GeometryText {
  blob: Blob;
}

serveInWorker((packed: PackedPolygons) => ({ packed: { blob: new Blob(geometryJson(packed), { type: 'application/json' }) } satisfies GeometryText, transfer: [] }));
