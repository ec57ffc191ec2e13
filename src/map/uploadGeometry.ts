import type { FeatureCollection } from 'geojson';
import { addProtocol, importScriptInWorkers, type AddProtocolResponseData, type GetResourceResponse, type RequestParameters } from 'maplibre-gl';
import protocolScript from './geometryProtocol.mjs?url&no-inline';
import { runInWorker } from '../app/workerRun';
import { packedBuffers, packPolygons } from './geometryJson';
import type { GeometryText } from './geometryWorker';

/** Ward geometry ready for the map: a blob URL of its GeoJSON text, the URL to give MapLibre, and its bounds. */
export interface GeometryUpload {
  /** The blob URL of the text; revoke it once the map no longer needs it. */
  blobUrl: string;
  /** `chw-geometry://<blob URL>`: MapLibre's workers read it themselves (geometryProtocol.mjs). */
  url: string;
  bounds: [number, number, number, number] | null;
}

const PROTOCOL = 'chw-geometry';

/**
 * Teaches MapLibre the `chw-geometry://` URLs: in its workers (where the text is read and parsed,
 * off the page), and on the page as a fallback for a worker that has not loaded the script yet.
 * Resolves once the workers have it; call before the first setData of such a URL.
 */
export function registerGeometryProtocol(): Promise<void> {
  registered ??= (async () => {
    addProtocol(PROTOCOL, readGeometry);
    await importScriptInWorkers(new URL(protocolScript, location.href).href);
  })();
  return registered;
}
let registered: Promise<void> | undefined;

async function readGeometry(params: RequestParameters, abortController: AbortController): Promise<GetResourceResponse<AddProtocolResponseData>> {
  const response = await fetch(decodeURIComponent(params.url.slice(PROTOCOL.length + 3)), { signal: abortController.signal });
  if (!response.ok) throw new Error(`ward geometry could not be read (${response.status})`);
  return { data: (await response.json()) as AddProtocolResponseData };
}

/**
 * The collection's polygons as a blob URL of GeoJSON text for MapLibre's setData(url), so that
 * MapLibre's worker reads the text and the page never copies the coordinates in one long task:
 * the page packs them into typed arrays in slices of a few milliseconds, a worker writes the text.
 * Revoke the URL (URL.revokeObjectURL) once the map no longer needs it. Rejects with an AbortError
 * when `signal` is aborted.
 * @example
 * const { url, bounds } = await geometryUpload(dataset.geometry, controller.signal);
 * source.setData(url);
 */
export async function geometryUpload(collection: FeatureCollection, signal?: AbortSignal): Promise<GeometryUpload> {
  const packed = await packPolygons(collection, { pause: yieldToPage, signal });
  if (signal?.aborted) throw new DOMException('geometry upload cancelled', 'AbortError');
  const worker = new Worker(new URL('./geometryWorker.ts', import.meta.url), { type: 'module' });
  const bounds = packed.bounds;
  const run = runInWorker(worker, packed, packedBuffers(packed), (text: GeometryText) => text.blob, 'map geometry');
  const stop = () => run.cancel();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const [blob] = await Promise.all([run.promise, registerGeometryProtocol()]);
    const blobUrl = URL.createObjectURL(blob);
    return { blobUrl, url: `${PROTOCOL}://${encodeURIComponent(blobUrl)}`, bounds };
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** A pause in which the page handles input and paints. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
