import { describe, expect, it } from 'vitest';
import { stabilityBadges } from '../../src/app/stabilityBadges';

describe('stabilityBadges', () => {
  it('stabilityBadges(topK, centres) gives one badge per ward from 10 %, with its level, at its centroid', () => {
    const topK = [0.95, 0.9, 0.89, 0.5, 0.2, 0.1, 0.099, null, 0.7];
    const centres: ([number, number] | null)[] = [[4, 50], [4.1, 50], [4.2, 50], [4.3, 50], [4.4, 50], [4.5, 50], [4.6, 50], [4.7, 50], null];
    const badges = stabilityBadges(topK, centres);
    expect(badges.features.map((f) => [f.id, f.properties.level])).toEqual([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 2],
      [4, 1],
      [5, 1],
    ]);
    expect(badges.features[4].geometry.coordinates).toEqual([4.4, 50]);
    expect(badges.features[4].properties.p).toBe(0.2);
  });

  it('stabilityBadges(topK, centres) is empty when no ward reaches 10 %', () => {
    expect(stabilityBadges([0, 0.05, null], [[4, 50], [4, 50], [4, 50]]).features).toEqual([]);
  });
});
