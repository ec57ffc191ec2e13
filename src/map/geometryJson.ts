import type { FeatureCollection, Position } from 'geojson';

// MapLibre reads a GeoJSON source given as an object by posting the object to its worker: the page
// copies every coordinate pair in one task (6-7 s for a 100 MB file of 20,000 wards, during which
// nothing responds). Given a URL, its worker fetches and parses the text itself. So the page packs
// the polygons into typed arrays (a tight loop, in slices), a worker writes the GeoJSON text from
// them, and the map is handed a blob URL of that text.

/**
 * Polygon features in flat arrays, each with a numeric id (the ward index, for feature-state).
 * Feature i's polygons are polygonStarts[i] up to polygonStarts[i + 1], polygon p's rings
 * ringStarts[p] up to ringStarts[p + 1], ring r's positions positionStarts[r] up to
 * positionStarts[r + 1], position k at coordinates[2k], coordinates[2k + 1].
 */
export interface PackedPolygons {
  ids: Float64Array<ArrayBuffer>;
  /** 1 for a Polygon, 2 for a MultiPolygon. */
  kinds: Uint8Array<ArrayBuffer>;
  polygonStarts: Uint32Array<ArrayBuffer>;
  ringStarts: Uint32Array<ArrayBuffer>;
  positionStarts: Uint32Array<ArrayBuffer>;
  coordinates: Float64Array<ArrayBuffer>;
  /** West, south, east, north of every position; null without any. */
  bounds: [number, number, number, number] | null;
}

/** The buffers of a packing, to transfer it to a worker without a copy. */
export function packedBuffers(packed: PackedPolygons): ArrayBuffer[] {
  return [packed.ids.buffer, packed.kinds.buffer, packed.polygonStarts.buffer, packed.ringStarts.buffer, packed.positionStarts.buffer, packed.coordinates.buffer];
}

/** Options of `packPolygons`: how long a slice of work may last, and what to await between slices. */
export interface PackOptions {
  /** Milliseconds of work between two pauses; 25 unless told. */
  sliceMs?: number;
  /** Awaited between slices (the page handles input meanwhile); none unless told. */
  pause?: () => Promise<void>;
  /** Checked at each pause: packing stops with an AbortError once it is aborted. */
  signal?: AbortSignal;
  now?: () => number;
}

type PolygonFeature = FeatureCollection['features'][number];

/**
 * Packs the Polygon and MultiPolygon features of a collection (others are left out) with their
 * numeric ids, and their bounds. Runs in slices of `sliceMs` with `pause` between them.
 * @example
 * const packed = await packPolygons(dataset.geometry, { pause: () => new Promise((r) => setTimeout(r)) });
 */
export async function packPolygons(collection: FeatureCollection, options: PackOptions = {}): Promise<PackedPolygons> {
  const features = collection.features.filter(isPolygonal);
  const sliceMs = options.sliceMs ?? 25;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  const breathe = async () => {
    if (!options.pause || now() - sliceStart < sliceMs) return;
    await options.pause();
    if (options.signal?.aborted) throw new DOMException('geometry upload cancelled', 'AbortError');
    sliceStart = now();
  };

  let polygons = 0;
  let rings = 0;
  let positions = 0;
  for (let i = 0; i < features.length; i++) {
    for (const polygon of polygonsOf(features[i])) {
      polygons++;
      rings += polygon.length;
      for (const ring of polygon) positions += ring.length;
    }
    if ((i & 255) === 255) await breathe();
  }
  const n = features.length;
  const ids = new Float64Array(n);
  const kinds = new Uint8Array(n);
  const polygonStarts = new Uint32Array(n + 1);
  const ringStarts = new Uint32Array(polygons + 1);
  const positionStarts = new Uint32Array(rings + 1);
  const coordinates = new Float64Array(positions * 2);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  let p = 0;
  let r = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const feature = features[i];
    ids[i] = feature.id as number;
    kinds[i] = feature.geometry.type === 'Polygon' ? 1 : 2;
    for (const polygon of polygonsOf(feature)) {
      for (const ring of polygon) {
        for (let j = 0; j < ring.length; j++) {
          const x = ring[j][0];
          const y = ring[j][1];
          coordinates[2 * k] = x;
          coordinates[2 * k + 1] = y;
          if (x < west) west = x;
          if (x > east) east = x;
          if (y < south) south = y;
          if (y > north) north = y;
          k++;
        }
        positionStarts[++r] = k;
      }
      ringStarts[++p] = r;
    }
    polygonStarts[i + 1] = p;
    if ((i & 63) === 63) await breathe();
  }
  const bounds: PackedPolygons['bounds'] = positions > 0 ? [west, south, east, north] : null;
  return { ids, kinds, polygonStarts, ringStarts, positionStarts, coordinates, bounds };
}

type Polygonal = PolygonFeature & { id: number; geometry: { type: 'Polygon' | 'MultiPolygon' } };

function isPolygonal(feature: PolygonFeature): feature is Polygonal {
  const type = feature.geometry?.type;
  return (type === 'Polygon' || type === 'MultiPolygon') && typeof feature.id === 'number';
}

function polygonsOf(feature: Polygonal): Position[][][] {
  const geometry = feature.geometry as { type: 'Polygon' | 'MultiPolygon'; coordinates: Position[][] | Position[][][] };
  return geometry.type === 'Polygon' ? [geometry.coordinates as Position[][]] : (geometry.coordinates as Position[][][]);
}

/**
 * The packed polygons as GeoJSON text, in parts to join or to wrap in a Blob: a FeatureCollection
 * whose features carry their id, empty properties and their geometry. Coordinates are rounded to
 * `decimals` places (6 unless told: 0.1 m in degrees, finer than any zoom draws; Statbel's file
 * writes 15, which makes the text half as long again for MapLibre to parse); ids are exact.
 * @example
 * new Blob(geometryJson(packed), { type: 'application/json' })
 */
export function geometryJson(packed: PackedPolygons, decimals = 6): string[] {
  const { ids, kinds, polygonStarts, ringStarts, positionStarts, coordinates } = packed;
  const scale = 10 ** decimals;
  // Rounded, and written without a needless "-0".
  const round = (value: number) => Math.round(value * scale) / scale + 0;
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  for (let i = 0; i < ids.length; i++) {
    const polygons: string[] = [];
    for (let p = polygonStarts[i]; p < polygonStarts[i + 1]; p++) {
      const rings: string[] = [];
      for (let r = ringStarts[p]; r < ringStarts[p + 1]; r++) {
        const points: string[] = new Array(positionStarts[r + 1] - positionStarts[r]);
        for (let k = positionStarts[r], j = 0; k < positionStarts[r + 1]; k++, j++) points[j] = `[${round(coordinates[2 * k])},${round(coordinates[2 * k + 1])}]`;
        rings.push(`[${points.join(',')}]`);
      }
      polygons.push(`[${rings.join(',')}]`);
    }
    const geometry = kinds[i] === 1 ? `{"type":"Polygon","coordinates":${polygons[0] ?? '[]'}}` : `{"type":"MultiPolygon","coordinates":[${polygons.join(',')}]}`;
    parts.push(`${i === 0 ? '' : ','}{"type":"Feature","id":${ids[i]},"properties":{},"geometry":${geometry}}`);
  }
  parts.push(']}');
  return parts;
}
