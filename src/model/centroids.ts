import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** Mean Earth radius in km, as Turf uses. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * The area-weighted centroid ([lon, lat]) of each ward's geometry, null for wards without one.
 * Not turf's `centroid` (the mean of the vertices, pulled towards finely drawn borders such as a river)
 * nor `centerOfMass` (which falls back to the convex hull for MultiPolygons and ignores holes): the
 * centroid of the area itself, holes subtracted, all parts counted. Computed in lon/lat: a ward is small
 * enough for an equirectangular projection, and centroids are preserved by that affine map.
 */
export function centroids(
  geometry: FeatureCollection<Polygon | MultiPolygon | null, unknown>,
  wardCount: number,
): ([number, number] | null)[] {
  if (!Number.isInteger(wardCount) || wardCount < 0) throw new Error(`invalid wardCount: ${wardCount}`);
  const out: ([number, number] | null)[] = new Array(wardCount).fill(null);
  for (const feature of geometry.features) {
    const index = Number(feature.id);
    if (!(Number.isInteger(index) && index >= 0 && index < wardCount)) throw new Error(`invalid ward index: ${feature.id}`);
    if (feature.geometry) out[index] = areaCentroid(feature.geometry);
  }
  return out;
}

/** Great-circle (haversine) distance in km between two [lon, lat] points. */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function areaCentroid(geometry: Polygon | MultiPolygon): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const first = polygons[0]?.[0]?.[0];
  if (!first) return null;
  // Relative to one vertex, so the cross products do not lose digits to lon/lat offsets.
  const [x0, y0] = first;
  let area = 0;
  let cx = 0;
  let cy = 0;
  let vx = 0;
  let vy = 0;
  let vertices = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      const ringArea = signedArea(ring, x0, y0);
      if (ringArea.a === 0) return;
      // Outer rings add, holes subtract, whatever their winding.
      const sign = (r === 0 ? 1 : -1) * Math.sign(ringArea.a);
      area += sign * ringArea.a;
      cx += sign * ringArea.cx;
      cy += sign * ringArea.cy;
    });
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        vx += x - x0;
        vy += y - y0;
        vertices++;
      }
    }
  }
  // A degenerate (zero-area) geometry still has a location: its mean vertex.
  if (area <= 0) return vertices === 0 ? null : [x0 + vx / vertices, y0 + vy / vertices];
  return [x0 + cx / (3 * area), y0 + cy / (3 * area)];
}

/** Shoelace: twice the signed area `a` and the first moments (times 6) `cx`, `cy` of a ring. */
function signedArea(ring: readonly Position[], x0: number, y0: number): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const px = p[0] - x0;
    const py = p[1] - y0;
    const qx = q[0] - x0;
    const qy = q[1] - y0;
    const cross = px * qy - qx * py;
    a += cross;
    cx += (px + qx) * cross;
    cy += (py + qy) * cross;
  }
  return { a, cx, cy };
}
