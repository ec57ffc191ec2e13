import fc from 'fast-check';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adjacency } from '../../src/model/adjacency';
import { centroids } from '../../src/model/centroids';
import { coverageCurve, curveKnee } from '../../src/model/coverageCurve';
import type { CapacityParams } from '../../src/model/plan';
import { planTeams, type PlanInput } from '../../src/model/planTeams';

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

function gridInput(cols: number, rows: number, scores: (number | null)[], vulnerable: (number | null)[]): PlanInput {
  const g = grid(cols, rows);
  return { scores, vulnerable, neighbours: adjacency(g, cols * rows), centroids: centroids(g, cols * rows) };
}

// The grid of planTeams.test.ts: teams of 1 FTE with capacity 100 interventions (1000 persons), 1.5 km.
const params: CapacityParams = { interventionsPerFte: 100, interventionShare: 0.1, teamSize: 1, availableFte: 2, maxDistanceKm: 1.5 };
const scores = [10, 30, 20, 50, 20, 90, 80, 50, 30, 70, 40, 10, 20, 60, 10, null];
const vulnerable = [100, 200, 100, 400, 100, 400, 500, 300, 100, 300, 200, 100, 200, 400, 100, 500];
const input = gridInput(4, 4, scores, vulnerable);

describe('coverageCurve', () => {
  it('coverageCurve(input, params) adds one team per point until no ward can start a team', () => {
    // Teams reach 1000 ([6, 5, 2]), 1000 ([13, 9, 10, 8]), 700 ([3, 7]), 400 ([1, 0, 4]), then 200 (12),
    // 100 (11) and 100 (14) alone, of 4000; ward 15 has no score and can never be covered.
    const points = coverageCurve(input, params);
    expect(points.map((p) => p.fte)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(points.map((p) => p.coveredShare)).toEqual([0, 0.25, 0.5, 0.675, 0.775, 0.825, 0.85, 0.875]);
  });

  it('coverageCurve(input, params, maxFte) stops at maxFte, flat once no team can form', () => {
    expect(coverageCurve(input, params, 2.5).map((p) => p.coveredShare)).toEqual([0, 0.25, 0.5]);
    const long = coverageCurve(input, params, 9);
    expect(long.map((p) => p.fte)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(long.slice(7).map((p) => p.coveredShare)).toEqual([0.875, 0.875, 0.875]);
    expect(coverageCurve(input, params, 0)).toEqual([{ fte: 0, coveredShare: 0 }]);
    expect(() => coverageCurve(input, params, -1)).toThrow('invalid maxFte: -1');
  });

  it('coverageCurve(input, params) rises with FTE and matches planTeams at every point', () => {
    const arb = fc.record({
      scores: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 6 }), { minLength: 25, maxLength: 25 }),
      vulnerable: fc.array(fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null, freq: 8 }), { minLength: 25, maxLength: 25 }),
      teamSize: fc.constantFrom(0.5, 1, 2),
    });
    fc.assert(
      fc.property(arb, ({ scores: s, vulnerable: v, teamSize }) => {
        const i = gridInput(5, 5, s, v);
        const p = { ...params, teamSize };
        const points = coverageCurve(i, p);
        points.forEach((point, k) => {
          expect(point.fte).toBe(k * teamSize);
          if (k > 0) expect(point.coveredShare).toBeGreaterThanOrEqual(points[k - 1].coveredShare);
          expect(point.coveredShare).toBeCloseTo(planTeams(i, { ...p, availableFte: point.fte }).coveredShare, 12);
        });
      }),
      { numRuns: 50 },
    );
  });
});

describe('curveKnee', () => {
  const curve = (shares: number[]) => shares.map((coveredShare, k) => ({ fte: 2 * k, coveredShare }));

  it('curveKnee(points) picks the point farthest above the line from the first to the last point', () => {
    // Scaled to 0–1: x = 0, .25, .5, .75, 1 and y = 0, .4, .8, .933, 1; heights .15, .3, .183.
    expect(curveKnee(curve([0, 0.3, 0.6, 0.7, 0.75]))).toEqual({ fte: 4, coveredShare: 0.6 });
    // Heights .417, .389, .194: the first step gives most.
    expect(curveKnee(curve([0, 0.6, 0.8, 0.85, 0.9]))).toEqual({ fte: 2, coveredShare: 0.6 });
  });

  it('curveKnee(points) is null with fewer than 3 points, or for a straight, convex or flat curve', () => {
    expect(curveKnee(curve([0, 0.5]))).toBeNull();
    expect(curveKnee(curve([0, 0.25, 0.5, 0.75]))).toBeNull();
    expect(curveKnee(curve([0, 0.1, 0.3, 0.9]))).toBeNull();
    expect(curveKnee(curve([0, 0, 0]))).toBeNull();
  });
});
