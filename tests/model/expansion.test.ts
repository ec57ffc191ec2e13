import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adjacency } from '../../src/model/adjacency';
import { centroids, distanceKm } from '../../src/model/centroids';
import { expansion, rankCandidates } from '../../src/model/expansion';

/** cols x rows squares of 0.01° near Brussels; index = row * cols + col, row 0 to the south. */
function grid(cols: number, rows: number): FeatureCollection<Polygon, Record<string, never>> {
  const features: Feature<Polygon, Record<string, never>>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x0, x1, y0, y1] = [(435 + c) / 100, (436 + c) / 100, (5085 + r) / 100, (5086 + r) / 100];
      const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      features.push({ type: 'Feature', id: r * cols + c, properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

// 12 13 14 15
//  8  9 10 11
//  4  5  6  7
//  0  1  2  3     current: 0 and 1 (team A), 4 (team B)
const g = grid(4, 4);
const neighbours = adjacency(g, 16);
const points = centroids(g, 16);
const current = new Map([
  [0, 'A'],
  [1, 'A'],
  [4, 'B'],
]);
// One cell is 0.70 km east–west and 1.11 km north–south.
const EAST = distanceKm([4.355, 50.855], [4.365, 50.855]);
const NORTH = distanceKm([4.355, 50.855], [4.355, 50.865]);

describe('expansion', () => {
  const e = expansion(current, neighbours, points);

  it('expansion(current, neighbours, centroids) puts bordering wards in ring 1 and their neighbours in ring 2', () => {
    expect(e.ring).toEqual([null, null, 1, 2, null, 1, 2, null, 1, 2, null, null, 2, null, null, null]);
  });

  it('expansion(current, neighbours, centroids) names the team of the nearest bordering ward', () => {
    // 5 borders 1 (A, 1.11 km north) and 4 (B, 0.70 km east): B. 6 touches ring-1 wards 2 (A, north)
    // and 5 (B, east): B. 3 is reached through 2 (A) only.
    expect(e.bordersTeam).toEqual([null, null, 'A', 'A', null, 'B', 'B', null, 'B', 'B', null, null, 'B', null, null, null]);
  });

  it('expansion(current, neighbours, centroids) measures every other ward to the nearest current ward', () => {
    expect(EAST).toBeCloseTo(0.702, 3);
    expect(NORTH).toBeCloseTo(1.112, 3);
    expect(e.distanceKm[0]).toBeNull();
    expect(e.distanceKm[4]).toBeNull();
    expect(e.distanceKm[2]).toBeCloseTo(EAST, 9); // from 1
    expect(e.distanceKm[8]).toBeCloseTo(NORTH, 9); // from 4
    expect(e.distanceKm[3]).toBeCloseTo(2 * EAST, 3); // from 1
    // 15 is 3 east and 2 north of 4, 2 east and 3 north of 1: 4 is nearer (3.06 against 3.62 km).
    expect(e.distanceKm[15]).toBeCloseTo(distanceKm(points[15] as [number, number], points[4] as [number, number]), 9);
    expect(e.distanceKm[15]).toBeCloseTo(Math.hypot(3 * EAST, 2 * NORTH), 2);
  });

  it('expansion(current, neighbours, centroids) gives null to wards without centroid and with no current areas', () => {
    const withHole = expansion(current, neighbours, points.map((p, i) => (i === 2 ? null : p)));
    expect(withHole.distanceKm[2]).toBeNull();
    expect(withHole.ring[2]).toBe(1);
    const none = expansion(new Map(), neighbours, points);
    expect(none.ring.every((r) => r === null)).toBe(true);
    expect(none.distanceKm.every((d) => d === null)).toBe(true);
    expect(() => expansion(new Map([[16, 'A']]), neighbours, points)).toThrow('invalid current ward: 16');
  });
});

describe('rankCandidates', () => {
  const e = expansion(current, neighbours, points);
  // Wards outside the rings score highest, so ranking them would show.
  const scores: (number | null)[] = Array.from({ length: 16 }, () => 99);
  Object.assign(scores, { 2: 40, 5: 70, 8: 40, 3: 90, 6: 10, 9: null, 12: 50 });

  it('rankCandidates(scores, expansion, 1) ranks ring-1 wards only, ties sharing the lower rank', () => {
    const r = rankCandidates(scores, e, 1);
    expect(r.order).toEqual([5, 2, 8]);
    expect(r.rank).toEqual([null, null, 2, null, null, 1, null, null, 2, null, null, null, null, null, null, null]);
  });

  it('rankCandidates(scores, expansion, 2) ranks both rings, leaving unscored candidates out', () => {
    const r = rankCandidates(scores, e, 2);
    expect(r.order).toEqual([3, 5, 12, 2, 8, 6]);
    expect(r.rank).toEqual([null, null, 4, 1, null, 2, 6, null, 4, null, null, null, 3, null, null, null]);
  });

  it('rankCandidates(scores, expansion, maxRing, codes) breaks ties by code', () => {
    const codes = Array.from({ length: 16 }, (_, i) => (i === 8 ? 'a' : `w${i}`));
    expect(rankCandidates(scores, e, 1, codes).order).toEqual([5, 8, 2]);
  });
});
