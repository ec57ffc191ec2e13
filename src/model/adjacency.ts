import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** Rook: wards that share a boundary segment; queen: wards that share at least a point (a corner). */
export type Contiguity = 'rook' | 'queen';

/**
 * For each ward index, the sorted indices of the wards it borders: with `rook` (the default) a common
 * boundary segment, with `queen` also a single common point. Features carry the ward index as `id`;
 * wards without a feature get []. Borders are found in a TopoJSON topology built from exact
 * coordinates (no quantization), so two rings must share their vertices along the common border, as
 * rings cut from one topology or rounded from one Voronoi diagram do.
 */
export function adjacency(
  geometry: FeatureCollection<Polygon | MultiPolygon | null, unknown>,
  wardCount: number,
  contiguity: Contiguity = 'rook',
): number[][] {
  checkWardCount(wardCount);
  const built = topologyOf(geometry);
  return built ? adjacencyFromTopology(built.topo, 'w', built.ids, wardCount, contiguity) : emptyLists(wardCount);
}

/** Both contiguities from one topology (building it is the costly part). */
export function rookAndQueen(
  geometry: FeatureCollection<Polygon | MultiPolygon | null, unknown>,
  wardCount: number,
): { rook: number[][]; queen: number[][] } {
  checkWardCount(wardCount);
  const built = topologyOf(geometry);
  if (!built) return { rook: emptyLists(wardCount), queen: emptyLists(wardCount) };
  return {
    rook: adjacencyFromTopology(built.topo, 'w', built.ids, wardCount, 'rook'),
    queen: adjacencyFromTopology(built.topo, 'w', built.ids, wardCount, 'queen'),
  };
}

function topologyOf(geometry: FeatureCollection<Polygon | MultiPolygon | null, unknown>): { topo: Topology; ids: number[] } | null {
  if (geometry.features.length === 0) return null;
  const ids = geometry.features.map((f) => {
    if (typeof f.id !== 'number') throw new Error(`invalid ward index: ${f.id}`);
    return f.id;
  });
  const topo = topology({ w: geometry as FeatureCollection }) as unknown as Topology<{ w: GeometryCollection }>;
  return { topo, ids };
}

/**
 * The same borders read from a topology that already exists (a .topojson file, as published): much
 * faster than building one. `ids[i]` is the ward index of the object's i-th geometry, null to skip it.
 * Queen contiguity adds wards whose arcs share an end point: a topology cuts its arcs wherever the
 * wards on either side change, so two wards that touch only at a corner meet at arc ends.
 */
export function adjacencyFromTopology(
  topo: Topology,
  objectName: string,
  ids: readonly (number | null)[],
  wardCount: number,
  contiguity: Contiguity = 'rook',
): number[][] {
  checkWardCount(wardCount);
  const object = topo.objects[objectName];
  if (!object || object.type !== 'GeometryCollection') throw new Error(`invalid objectName: ${objectName}`);
  const geometries = object.geometries as GeometryObject[];
  if (ids.length !== geometries.length) throw new Error(`invalid ids: ${ids.length} ids for ${geometries.length} geometries`);
  for (const id of ids) {
    if (id !== null && !(Number.isInteger(id) && id >= 0 && id < wardCount)) throw new Error(`invalid ward index: ${id}`);
  }
  const out = emptyLists(wardCount);
  const link = (position: number, other: number) => {
    const ward = ids[position];
    const neighbour = ids[other];
    // A geometry can meet itself (two parts of a MultiPolygon along an arc): not a neighbour.
    if (ward !== null && neighbour !== null && neighbour !== ward) out[ward].push(neighbour);
  };
  neighbors(geometries).forEach((others, position) => {
    for (const other of others) link(position, other);
  });
  if (contiguity === 'queen') {
    for (const positions of wardsAtArcEnds(topo, geometries).values()) {
      for (const a of positions) for (const b of positions) link(a, b);
    }
  }
  for (let i = 0; i < wardCount; i++) {
    const list = out[i];
    if (list.length > 1) out[i] = [...new Set(list)].sort((a, b) => a - b);
  }
  return out;
}

/** For each arc end point ("x,y"), the positions of the geometries with an arc that starts or ends there. */
function wardsAtArcEnds(topo: Topology, geometries: readonly GeometryObject[]): Map<string, number[]> {
  const ends = topo.arcs.map((arc) => {
    const first = arc[0];
    if (!topo.transform) return [`${first[0]},${first[1]}`, `${arc[arc.length - 1][0]},${arc[arc.length - 1][1]}`];
    // A quantized topology stores each arc's points as deltas from the previous point.
    let x = 0;
    let y = 0;
    for (const point of arc) {
      x += point[0];
      y += point[1];
    }
    return [`${first[0]},${first[1]}`, `${x},${y}`];
  });
  const at = new Map<string, number[]>();
  geometries.forEach((geometry, position) => {
    for (const index of arcIndices(geometry)) {
      for (const key of ends[index < 0 ? ~index : index]) {
        const list = at.get(key);
        if (!list) at.set(key, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    }
  });
  return at;
}

function arcIndices(geometry: GeometryObject): number[] {
  if (geometry.type === 'Polygon') return geometry.arcs.flat();
  if (geometry.type === 'MultiPolygon') return geometry.arcs.flat(2);
  return [];
}

function checkWardCount(wardCount: number): void {
  if (!Number.isInteger(wardCount) || wardCount < 0) throw new Error(`invalid wardCount: ${wardCount}`);
}

function emptyLists(n: number): number[][] {
  return Array.from({ length: n }, () => []);
}
