import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { zoomForPixels } from './outlineMinZoom';

/**
 * How wide (in pixels) the largest circle inside a ward must be before its name is drawn. A name is
 * wider than that; MapLibre's collision test then hides the names that would overlap.
 */
export const LABEL_MIN_PIXELS = 28;

/** Where each ward's name goes, and from which zoom; NaN for a ward without geometry. */
export interface LabelPoints {
  lon: Float64Array;
  lat: Float64Array;
  /**
   * The whole zoom from which the ward is big enough for its name (see LABEL_MIN_PIXELS), rounded:
   * MapLibre evaluates the layer's filter at whole zooms, so a name shows at most half a zoom level
   * early (the circle then 20 px wide) or late.
   */
  minZoom: Float32Array;
}

/** Metres per degree of latitude on Web Mercator's sphere. */
const METRES_PER_DEGREE = 40_075_016.686 / 360;

const cache = new WeakMap<object, LabelPoints>();

type Geometry = FeatureCollection<Polygon | MultiPolygon | null, unknown>;

/**
 * A label point inside each ward (see placeLabel) and the zoom from which the ward is big enough
 * for its name. Cached by the geometry object: computed once per dataset. 19,478 Belgian sectors
 * take 0.15–0.3 s in Node (tests/map/labelPoints.test.ts): the app uses labelPointsInSlices.
 */
export function labelPoints(geometry: Geometry, wardCount: number): LabelPoints {
  const cached = cache.get(geometry);
  if (cached && cached.lon.length === wardCount) return cached;
  const out = emptyPoints(wardCount);
  for (const feature of geometry.features) placeLabel(out, feature, wardCount);
  cache.set(geometry, out);
  return out;
}

/**
 * labelPoints without holding the page: the wards are placed `sliceMs` at a time, yielding to the
 * browser between slices, so loading Belgium does not freeze the page while its names are placed.
 * Rejects with an AbortError when `signal` aborts.
 */
export async function labelPointsInSlices(geometry: Geometry, wardCount: number, signal?: AbortSignal, sliceMs = 8): Promise<LabelPoints> {
  const cached = cache.get(geometry);
  if (cached && cached.lon.length === wardCount) return cached;
  const out = emptyPoints(wardCount);
  const { features } = geometry;
  let next = 0;
  while (next < features.length) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal?.throwIfAborted();
    const until = performance.now() + sliceMs;
    do placeLabel(out, features[next++], wardCount);
    while (next < features.length && (next % 64 !== 0 || performance.now() < until));
  }
  cache.set(geometry, out);
  return out;
}

function emptyPoints(wardCount: number): LabelPoints {
  return {
    lon: new Float64Array(wardCount).fill(NaN),
    lat: new Float64Array(wardCount).fill(NaN),
    minZoom: new Float32Array(wardCount).fill(NaN),
  };
}

function placeLabel(out: LabelPoints, feature: Geometry['features'][number], wardCount: number): void {
  const index = Number(feature.id);
  if (!(Number.isInteger(index) && index >= 0 && index < wardCount) || !feature.geometry) return;
  const point = pointInside(feature.geometry);
  if (!point) return;
  out.lon[index] = point.lon;
  out.lat[index] = point.lat;
  out.minZoom[index] = Math.round(zoomForPixels(2 * point.radiusMetres, point.lat, LABEL_MIN_PIXELS));
}

/**
 * A point well inside a geometry's largest polygon, with its distance to that polygon's border:
 * the polygon's centroid when it lies inside and at least 0.3 times as far from the border as the
 * radius of a disc of the same area (most wards are compact: one pass over the vertices), else the
 * pole of inaccessibility (polylabel), the point farthest from the border.
 */
function pointInside(geometry: Polygon | MultiPolygon): { lon: number; lat: number; radiusMetres: number } | null {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest: Position[][] | null = null;
  let largestArea = -1;
  for (const part of parts) {
    const area = part[0] ? Math.abs(ringMoments(part[0], 0, 0, 1).a) : 0;
    if (area > largestArea) {
      largest = part;
      largestArea = area;
    }
  }
  const outer = largest?.[0];
  if (!largest || !outer || outer.length === 0) return null;
  // In the plane: longitudes are shrunk by cos(latitude) so that a degree east and a degree north
  // are the same distance, and distances come out in degrees of latitude.
  const [x0, y0] = outer[0];
  const cosLat = Math.cos((y0 * Math.PI) / 180);
  const toLon = (x: number) => x / cosLat + x0;

  // The centroid, relative to the first vertex so that products keep their digits; holes subtract.
  let area = 0;
  let cx = 0;
  let cy = 0;
  largest.forEach((ring, r) => {
    const m = ringMoments(ring, x0, y0, cosLat);
    const sign = (r === 0 ? 1 : -1) * Math.sign(m.a);
    area += sign * m.a;
    cx += sign * m.cx;
    cy += sign * m.cy;
  });
  if (area > 0) {
    const px = cx / (3 * area);
    const py = cy / (3 * area);
    const edge = signedEdgeDistance(largest, px, py, x0, y0, cosLat);
    if (edge >= 0.3 * Math.sqrt(area / 2 / Math.PI)) return { lon: toLon(px), lat: py + y0, radiusMetres: edge * METRES_PER_DEGREE };
  }

  const flat = largest.map((ring) => ring.map(([x, y]) => [(x - x0) * cosLat, y - y0]));
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of outer) {
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // A twentieth of the ward's height: the label point is at most that much less far from the
  // border than the true pole.
  const precision = Math.max((maxY - minY) / 20, 1e-7);
  const pole = polylabel(flat, precision);
  if (!Number.isFinite(pole[0]) || !Number.isFinite(pole[1])) return null;
  return { lon: toLon(pole[0]), lat: pole[1] + y0, radiusMetres: Math.max(0, pole.distance) * METRES_PER_DEGREE };
}

/**
 * Twice the signed area `a` and the first moments (times 6) of a ring, with x scaled by `cosLat`
 * and both relative to (x0, y0).
 */
function ringMoments(ring: readonly Position[], x0: number, y0: number, cosLat: number): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const px = (p[0] - x0) * cosLat;
    const py = p[1] - y0;
    const qx = (q[0] - x0) * cosLat;
    const qy = q[1] - y0;
    const cross = px * qy - qx * py;
    a += cross;
    cx += (px + qx) * cross;
    cy += (py + qy) * cross;
  }
  return { a, cx, cy };
}

/** Distance from (px, py) to the polygon's border, negative when the point is outside it. */
function signedEdgeDistance(polygon: readonly Position[][], px: number, py: number, x0: number, y0: number, cosLat: number): number {
  let inside = false;
  let best = Infinity;
  for (const ring of polygon) {
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      const ax = (ring[i][0] - x0) * cosLat;
      const ay = ring[i][1] - y0;
      const bx = (ring[j][0] - x0) * cosLat;
      const by = ring[j][1] - y0;
      if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
      let dx = bx - ax;
      let dy = by - ay;
      const length = dx * dx + dy * dy;
      const t = length > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
      dx = ax + t * dx - px;
      dy = ay + t * dy - py;
      best = Math.min(best, dx * dx + dy * dy);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}
