import { area } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dissolve } from '../../src/model/dissolve';
import { square } from './tinyCity';

const feature = (id: number, geometry: Polygon): Feature<Polygon> => ({ type: 'Feature', id, properties: {}, geometry });

function bbox(geometry: Polygon | MultiPolygon): number[] {
  const points = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

// Two unit squares side by side, and one apart.
const FEATURES = [feature(0, square(0, 0)), feature(1, square(1, 0)), feature(2, square(5, 5))];

describe('dissolve', () => {
  it('dissolve(features, group of two adjacent squares) gives one polygon of twice the area', () => {
    const out = dissolve(FEATURES, [{ name: 'Team A', ids: [0, 1] }]);
    expect(out.features).toHaveLength(1);
    const merged = out.features[0];
    expect(merged.properties).toEqual({ name: 'Team A' });
    expect(merged.geometry.type).toBe('Polygon');
    expect((merged.geometry as Polygon).coordinates).toHaveLength(1);
    expect(bbox(merged.geometry)).toEqual([0, 0, 2, 1]);
    expect(area(merged) / area(FEATURES[0])).toBeCloseTo(2, 9);
  });

  it('dissolve(features, group of two apart squares) gives a MultiPolygon with both', () => {
    const out = dissolve(FEATURES, [{ name: 'Team B', ids: [0, 2] }]);
    expect(out.features[0].geometry.type).toBe('MultiPolygon');
    expect((out.features[0].geometry as MultiPolygon).coordinates).toHaveLength(2);
    expect(bbox(out.features[0].geometry)).toEqual([0, 0, 6, 6]);
  });

  it('dissolve(features, groups) keeps one feature per group in group order and leaves out groups that match no feature', () => {
    const out = dissolve(FEATURES, [
      { name: 'Nobody', ids: [7, 8] },
      { name: 'Solo', ids: [2] },
      { name: 'Pair', ids: [1, 9, 0] },
      { name: 'Empty', ids: [] },
    ]);
    expect(out.features.map((f) => f.properties.name)).toEqual(['Solo', 'Pair']);
    expect(out.features[0].geometry).toEqual(square(5, 5));
    expect(bbox(out.features[1].geometry)).toEqual([0, 0, 2, 1]);
  });

  it('dissolve(features, []) is an empty collection', () => {
    expect(dissolve(FEATURES, [])).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
