import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Whether a ring of the polygon crosses itself, as in a bow tie: two of its edges that are not
 * neighbours cross at a point inside both. Rings that only touch themselves at a vertex, and rings
 * that cross other rings, are not looked for. Only edges whose bounding boxes meet are compared:
 * pair by pair in a small ring (most sectors have a dozen vertices), by a sweep over the edges
 * sorted by their left end in a larger one, so that a sector of a few thousand vertices costs well
 * under a millisecond (turf's `kinks` compares every pair of edges: minutes for all of Belgium).
 * selfIntersects({type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}) is true.
 */
export function selfIntersects(geometry: Polygon | MultiPolygon): boolean {
  return geometry.type === 'Polygon' ? polygonCrosses(geometry.coordinates) : geometry.coordinates.some(polygonCrosses);
}

function polygonCrosses(polygon: Position[][]): boolean {
  return polygon.some(ringCrosses);
}

// Rings of more edges than this are swept; below it, comparing every pair is cheaper than sorting.
const SWEEP_FROM = 64;

/** A ring's coordinates and each edge's bounding box, in flat arrays: quicker to read than a position array per vertex. */
interface Edges {
  xs: Float64Array;
  ys: Float64Array;
  left: Float64Array;
  right: Float64Array;
  bottom: Float64Array;
  top: Float64Array;
}

// Reused from ring to ring: the check runs on every ring of a file.
let scratch = edgeArrays(256);

function edgeArrays(size: number): Edges {
  const array = () => new Float64Array(size);
  return { xs: array(), ys: array(), left: array(), right: array(), bottom: array(), top: array() };
}

function ringCrosses(ring: Position[]): boolean {
  // A closed ring of n positions has n - 1 edges; edge i runs from ring[i] to ring[i + 1].
  const edges = ring.length - 1;
  if (edges < 4) return false;
  if (scratch.xs.length < ring.length) scratch = edgeArrays(2 * ring.length);
  const { xs, ys, left, right, bottom, top } = scratch;
  let x0 = ring[0][0];
  let y0 = ring[0][1];
  xs[0] = x0;
  ys[0] = y0;
  for (let i = 0; i < edges; i++) {
    const position = ring[i + 1];
    const x1 = position[0];
    const y1 = position[1];
    xs[i + 1] = x1;
    ys[i + 1] = y1;
    left[i] = Math.min(x0, x1);
    right[i] = Math.max(x0, x1);
    bottom[i] = Math.min(y0, y1);
    top[i] = Math.max(y0, y1);
    x0 = x1;
    y0 = y1;
  }
  return edges > SWEEP_FROM ? sweepCrosses(scratch, edges) : pairsCross(scratch, edges);
}

/**
 * Compares each edge with every earlier one that is not its neighbour (the first and last edges
 * are neighbours too) and whose bounding box meets its own.
 */
function pairsCross(ring: Edges, edges: number): boolean {
  const { left, right, bottom, top } = ring;
  for (let i = 2; i < edges; i++) {
    const l = left[i];
    const r = right[i];
    const b = bottom[i];
    const t = top[i];
    for (let j = i === edges - 1 ? 1 : 0; j < i - 1; j++) {
      if (right[j] < l || left[j] > r || top[j] < b || bottom[j] > t) continue;
      if (properlyCross(ring.xs, ring.ys, i, j)) return true;
    }
  }
  return false;
}

/** The same comparisons, found by a sweep over the edges in the order of their left ends. */
function sweepCrosses(ring: Edges, edges: number): boolean {
  const { left, right, bottom, top } = ring;
  const order = Array.from({ length: edges }, (_, i) => i).sort((a, b) => left[a] - left[b]);
  // The edges whose x range may still overlap the next edge's, compacted in place.
  const active: number[] = [];
  for (const i of order) {
    let kept = 0;
    for (const j of active) {
      if (right[j] < left[i]) continue;
      active[kept++] = j;
      const gap = Math.abs(i - j);
      if (gap !== 1 && gap !== edges - 1 && top[j] >= bottom[i] && bottom[j] <= top[i] && properlyCross(ring.xs, ring.ys, i, j)) return true;
    }
    active.length = kept;
    active.push(i);
  }
  return false;
}

/** Whether edges i and j of the ring whose coordinates are `xs`, `ys` cross at a single point strictly inside both. */
function properlyCross(xs: Float64Array, ys: Float64Array, i: number, j: number): boolean {
  const ax = xs[i];
  const ay = ys[i];
  const bx = xs[i + 1];
  const by = ys[i + 1];
  const cx = xs[j];
  const cy = ys[j];
  const dx = xs[j + 1];
  const dy = ys[j + 1];
  const d1 = orientation(cx, cy, dx, dy, ax, ay);
  const d2 = orientation(cx, cy, dx, dy, bx, by);
  const d3 = orientation(ax, ay, bx, by, cx, cy);
  const d4 = orientation(ax, ay, bx, by, dx, dy);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orientation(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
}
