import { featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * Merges the polygons of each group into one outline, e.g. the wards of each CHW team into the team's
 * work area: dissolve(features, [{ name: 'Team A', ids: [3, 4] }]) -> one feature per group with
 * `properties.name`. Groups whose ids match no feature are left out.
 */
export function dissolve(
  features: readonly Feature<Polygon | MultiPolygon>[],
  groups: readonly { name: string; ids: readonly number[] }[],
): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
  const byId = new Map(features.map((f) => [f.id, f]));
  const out: Feature<Polygon | MultiPolygon, { name: string }>[] = [];
  for (const group of groups) {
    const members = group.ids.map((id) => byId.get(id)).filter((f): f is Feature<Polygon | MultiPolygon> => f !== undefined);
    if (members.length === 0) continue;
    const merged = members.length === 1 ? members[0] : union(featureCollection(members));
    if (merged) out.push({ type: 'Feature', properties: { name: group.name }, geometry: merged.geometry });
  }
  return { type: 'FeatureCollection', features: out };
}
