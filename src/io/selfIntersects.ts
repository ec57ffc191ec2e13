import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Whether a ring of the polygon crosses itself, as in a bow tie: two of its edges that are not
 * neighbours cross at a point inside both. Rings that only touch themselves at a vertex, and rings
 * that cross other rings, are not looked for. A sweep over the edges sorted by their left end, so
 * that a sector of a few thousand vertices costs well under a millisecond (turf's `kinks` compares
 * every pair of edges: minutes for all of Belgium).
 * selfIntersects({type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}) is true.
 */
export function selfIntersects(geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((polygon) => polygon.some(ringCrosses));
}

function ringCrosses(ring: Position[]): boolean {
  // A closed ring of n positions has n - 1 edges; edge i runs from ring[i] to ring[i + 1].
  const edges = ring.length - 1;
  if (edges < 4) return false;
  const left = new Float64Array(edges);
  const right = new Float64Array(edges);
  for (let i = 0; i < edges; i++) {
    left[i] = Math.min(ring[i][0], ring[i + 1][0]);
    right[i] = Math.max(ring[i][0], ring[i + 1][0]);
  }
  const order = Array.from({ length: edges }, (_, i) => i).sort((a, b) => left[a] - left[b]);
  // The edges whose x range may still overlap the next edge's, compacted in place.
  const active: number[] = [];
  for (const i of order) {
    let kept = 0;
    for (const j of active) {
      if (right[j] < left[i]) continue;
      active[kept++] = j;
      const gap = Math.abs(i - j);
      if (gap !== 1 && gap !== edges - 1 && properlyCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
    active.length = kept;
    active.push(i);
  }
  return false;
}

/** Whether segments ab and cd cross at a single point strictly inside both. */
function properlyCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orientation(c, d, a);
  const d2 = orientation(c, d, b);
  const d3 = orientation(a, b, c);
  const d4 = orientation(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orientation(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}
