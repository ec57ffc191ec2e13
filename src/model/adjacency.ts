import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/**
 * For each ward index, the sorted indices of the wards it shares a border with: a common boundary
 * segment, not just a corner (rook adjacency). Features carry the ward index as `id`; wards without a
 * feature get []. Borders are found as shared TopoJSON arcs, built from exact coordinates (no
 * quantization), so two rings must share their vertices along the common border, as rings cut from one
 * topology or rounded from one Voronoi diagram do.
 */
export function adjacency(geometry: FeatureCollection<Polygon | MultiPolygon | null, unknown>, wardCount: number): number[][] {
  checkWardCount(wardCount);
  if (geometry.features.length === 0) return emptyLists(wardCount);
  const ids = geometry.features.map((f) => {
    if (typeof f.id !== 'number') throw new Error(`invalid ward index: ${f.id}`);
    return f.id;
  });
  const topo = topology({ w: geometry as FeatureCollection }) as unknown as Topology<{ w: GeometryCollection }>;
  return adjacencyFromTopology(topo, 'w', ids, wardCount);
}

/**
 * The same borders read from a topology that already exists (a .topojson file, as published): much
 * faster than building one. `ids[i]` is the ward index of the object's i-th geometry, null to skip it.
 */
export function adjacencyFromTopology(
  topo: Topology,
  objectName: string,
  ids: readonly (number | null)[],
  wardCount: number,
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
  const byPosition = neighbors(geometries);
  byPosition.forEach((others, position) => {
    const ward = ids[position];
    if (ward === null) return;
    const list = out[ward];
    for (const other of others) {
      const neighbour = ids[other];
      // A geometry can meet itself (two parts of a MultiPolygon along an arc): not a neighbour.
      if (neighbour !== null && neighbour !== ward) list.push(neighbour);
    }
  });
  for (let i = 0; i < wardCount; i++) {
    const list = out[i];
    if (list.length > 1) out[i] = [...new Set(list)].sort((a, b) => a - b);
  }
  return out;
}

function checkWardCount(wardCount: number): void {
  if (!Number.isInteger(wardCount) || wardCount < 0) throw new Error(`invalid wardCount: ${wardCount}`);
}

function emptyLists(n: number): number[][] {
  return Array.from({ length: n }, () => []);
}
