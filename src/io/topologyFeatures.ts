import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** The parts of a TopoJSON topology that topologyFeatures reads; see topojson-specification. */
export interface TopologyInput {
  arcs: unknown[];
  transform?: Transform | null;
  objects: Record<string, unknown>;
}

interface Transform {
  scale: [number, number];
  translate: [number, number];
}

type BoundaryFeature = Feature<Polygon | MultiPolygon | null>;

// Geometry types topojson-client turns into something other than null; of them only polygons are read here.
const OTHER_GEOMETRIES = new Set(['GeometryCollection', 'Point', 'MultiPoint', 'LineString', 'MultiLineString']);

/**
 * The features of a TopoJSON GeometryCollection of polygons, as topojson-client's
 * `feature(topology, name).features` gives them, but with each arc decoded once: the rings that use
 * an arc share its positions, where topojson-client decodes an arc again for every ring that uses
 * it (twice for most borders between Belgium's sectors). Null for anything else (another kind of
 * object, points or lines, an arc index that is no arc, a quantised position that is not two
 * numbers): the caller then uses topojson-client, which says what is wrong. Shared positions must
 * not be changed in place. topologyFeatures(topology, "sectors") deep-equals
 * feature(topology, "sectors").features for Belgium's 19,478 sectors.
 */
export function topologyFeatures(topology: TopologyInput, name: string): BoundaryFeature[] | null {
  const object = topology.objects[name];
  if (!isObject(object) || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) return null;
  const geometries: unknown[] = object.geometries;
  const transform = topology.transform ?? null;
  // Per arc: 0 used by no ring, 1 used and readable, 2 used but not readable here.
  const used = new Uint8Array(topology.arcs.length);
  for (let g = 0; g < geometries.length; g++) if (!readable(geometries[g], topology.arcs, transform, used)) return null;

  const arcs = transform === null ? (topology.arcs as Position[][]) : decodeArcs(topology.arcs as number[][][], used, transform);
  const features: BoundaryFeature[] = new Array(geometries.length);
  for (let i = 0; i < geometries.length; i++) {
    const o = geometries[i] as Record<string, unknown>;
    // As topojson-client builds a feature: its members in this order, id and bbox only when given.
    const { id, bbox } = o;
    const properties = (o.properties == null ? {} : o.properties) as Record<string, unknown>;
    const geometry: Polygon | MultiPolygon | null =
      o.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polygon(o.arcs as number[][], arcs) }
        : o.type === 'MultiPolygon'
          ? { type: 'MultiPolygon', coordinates: multiPolygon(o.arcs as number[][][], arcs) }
          : null;
    features[i] = (
      id == null && bbox == null
        ? { type: 'Feature', properties, geometry }
        : bbox == null
          ? { type: 'Feature', id, properties, geometry }
          : { type: 'Feature', id, bbox, properties, geometry }
    ) as BoundaryFeature;
  }
  return features;
}

/**
 * Whether this decoder reads the geometry as topojson-client would: a polygon of arcs it can decode,
 * or no geometry. Marks the arcs its rings use in `used`.
 */
function readable(geometry: unknown, arcs: unknown[], transform: Transform | null, used: Uint8Array): boolean {
  if (!isObject(geometry)) return false;
  if (geometry.type === 'Polygon') return readablePolygon(geometry.arcs, arcs, transform, used);
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.arcs;
    if (!Array.isArray(polygons)) return false;
    for (let p = 0; p < polygons.length; p++) if (!readablePolygon(polygons[p], arcs, transform, used)) return false;
    return true;
  }
  return !(typeof geometry.type === 'string' && OTHER_GEOMETRIES.has(geometry.type));
}

function readablePolygon(rings: unknown, arcs: unknown[], transform: Transform | null, used: Uint8Array): boolean {
  if (!Array.isArray(rings)) return false;
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    if (!Array.isArray(ring)) return false;
    for (let j = 0; j < ring.length; j++) {
      const i: unknown = ring[j];
      if (typeof i !== 'number' || !Number.isInteger(i)) return false;
      const index = i < 0 ? ~i : i;
      if (index >= arcs.length) return false;
      if (used[index] === 0) used[index] = Array.isArray(arcs[index]) && (transform === null || isQuantised(arcs[index] as unknown[])) ? 1 : 2;
      if (used[index] === 2) return false;
    }
  }
  return true;
}

/** Whether every position of an arc is a pair of numbers, the deltas of a quantised topology. */
function isQuantised(arc: unknown[]): boolean {
  for (let k = 0; k < arc.length; k++) {
    const position: unknown = arc[k];
    if (!Array.isArray(position) || position.length !== 2 || typeof position[0] !== 'number' || typeof position[1] !== 'number') return false;
  }
  return true;
}

/**
 * The positions of the arcs the rings use, from their deltas, with topojson-client's arithmetic so
 * that the numbers come out the same to the last bit.
 */
function decodeArcs(arcs: number[][][], used: Uint8Array, transform: Transform): Position[][] {
  const kx = transform.scale[0];
  const ky = transform.scale[1];
  const dx = transform.translate[0];
  const dy = transform.translate[1];
  const decoded: Position[][] = new Array(arcs.length);
  for (let i = 0; i < arcs.length; i++) {
    if (used[i] !== 1) continue;
    const arc = arcs[i];
    const positions: Position[] = new Array(arc.length);
    let x0 = 0;
    let y0 = 0;
    for (let k = 0; k < arc.length; k++) {
      const delta = arc[k];
      positions[k] = [(x0 += delta[0]) * kx + dx, (y0 += delta[1]) * ky + dy];
    }
    decoded[i] = positions;
  }
  return decoded;
}

function multiPolygon(polygons: number[][][], arcs: Position[][]): Position[][][] {
  const out: Position[][][] = new Array(polygons.length);
  for (let p = 0; p < polygons.length; p++) out[p] = polygon(polygons[p], arcs);
  return out;
}

function polygon(rings: number[][], arcs: Position[][]): Position[][] {
  const out: Position[][] = new Array(rings.length);
  for (let r = 0; r < rings.length; r++) out[r] = ring(rings[r], arcs);
  return out;
}

/**
 * A ring as topojson-client joins its arcs: each arc after the first starts where the one before
 * ended, so that point is taken once; an arc index ~i is arc i backwards. A ring of fewer than four
 * positions is padded with its first.
 */
function ring(indices: number[], arcs: Position[][]): Position[] {
  const points: Position[] = [];
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j];
    if (points.length > 0) points.pop();
    const positions = arcs[i < 0 ? ~i : i];
    if (i >= 0) for (let k = 0; k < positions.length; k++) points.push(positions[k]);
    else for (let k = positions.length - 1; k >= 0; k--) points.push(positions[k]);
  }
  if (points.length < 2) points.push(points[0]);
  while (points.length < 4) points.push(points[0]);
  return points;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
