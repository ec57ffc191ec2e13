import type { FeatureCollection, Point } from 'geojson';

/** Lower bounds of P(top k) for badge levels 1, 2 and 3 (see the `badges` layer in src/map/style.ts). */
export const BADGE_LEVELS = [0.1, 0.5, 0.9] as const;

/**
 * Map badges for rank stability: one point per ward whose chance of being in the top k reaches 10 %,
 * at its centroid, with `level` 1 (10–50 %), 2 (50–90 %) or 3 (90 % or more) and the probability `p`.
 * Wards below 10 % or without a centroid get no badge. The point's id is the ward index.
 * stabilityBadges([0.95, 0.2, 0.05], [[4, 50], [5, 51], [6, 52]]).features.map((f) => f.properties.level) -> [3, 1]
 */
export function stabilityBadges(
  topK: readonly (number | null)[],
  centres: readonly ([number, number] | null)[],
): FeatureCollection<Point, { level: 1 | 2 | 3; p: number }> {
  const features: FeatureCollection<Point, { level: 1 | 2 | 3; p: number }>['features'] = [];
  topK.forEach((p, i) => {
    const at = centres[i];
    if (p === null || at === null || at === undefined || p < BADGE_LEVELS[0]) return;
    const level = p >= BADGE_LEVELS[2] ? 3 : p >= BADGE_LEVELS[1] ? 2 : 1;
    features.push({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [at[0], at[1]] }, properties: { level, p } });
  });
  return { type: 'FeatureCollection', features };
}
