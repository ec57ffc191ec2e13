/** The equator's length in metres (Web Mercator's sphere). */
const EQUATOR = 40_075_016.686;

/** Metres per pixel at zoom 0 on the equator, for MapLibre's 512-pixel tiles. */
const METRES_PER_PIXEL_AT_ZOOM_0 = EQUATOR / 512;

/** How many pixels across a typical ward must be before its outline is worth drawing. */
const MIN_WARD_PIXELS = 4;

/**
 * The zoom from which the white outlines between wards are drawn: where a typical ward, the
 * bounds' area shared equally among `wardCount` wards, is at least 4 pixels across. Below it the
 * outlines of thousands of wards only grey the colours out, and drawing them was half of each
 * frame of Belgium's country view in software rendering. 0 (always) when the bounds are empty.
 * outlineMinZoom([2.54, 49.5, 6.41, 51.5], 19478) -> 7 (Belgium's 19,478 sectors)
 */
export function outlineMinZoom(bounds: readonly [number, number, number, number], wardCount: number): number {
  const [minX, minY, maxX, maxY] = bounds;
  const cosLat = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const metresPerDegree = EQUATOR / 360;
  const area = (maxX - minX) * cosLat * metresPerDegree * (maxY - minY) * metresPerDegree;
  if (!(area > 0) || wardCount < 1) return 0;
  const wardSize = Math.sqrt(area / wardCount);
  return Math.ceil(zoomForPixels(wardSize, (minY + maxY) / 2, MIN_WARD_PIXELS));
}

/**
 * The zoom (0–24, not rounded) at which `metres` on the ground, at latitude `lat`, span `pixels`
 * on screen. zoomForPixels(1000, 50.85, 40) -> about 11.5
 */
export function zoomForPixels(metres: number, lat: number, pixels: number): number {
  if (!(metres > 0)) return 24;
  const cosLat = Math.cos((lat * Math.PI) / 180);
  return Math.min(24, Math.max(0, Math.log2((pixels * METRES_PER_PIXEL_AT_ZOOM_0 * cosLat) / metres)));
}
