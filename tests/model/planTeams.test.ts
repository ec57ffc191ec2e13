import fc from 'fast-check';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adjacency } from '../../src/model/adjacency';
import { centroids, distanceKm } from '../../src/model/centroids';
import type { CapacityParams, TeamPlan } from '../../src/model/plan';
import { planTeams, type PlanInput } from '../../src/model/planTeams';

/** cols x rows squares of 0.01° near Brussels (0.70 km east–west, 1.11 km north–south); index = row * cols + col. */
function grid(cols: number, rows: number, without: ReadonlySet<number> = new Set()): FeatureCollection<Polygon, Record<string, never>> {
  const features: Feature<Polygon, Record<string, never>>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (without.has(r * cols + c)) continue;
      const [x0, x1, y0, y1] = [(435 + c) / 100, (436 + c) / 100, (5085 + r) / 100, (5086 + r) / 100];
      const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      features.push({ type: 'Feature', id: r * cols + c, properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

function gridInput(cols: number, rows: number, scores: (number | null)[], vulnerable: (number | null)[], without?: ReadonlySet<number>): PlanInput {
  const g = grid(cols, rows, without);
  return { scores, vulnerable, neighbours: adjacency(g, cols * rows), centroids: centroids(g, cols * rows) };
}

// Capacity 100 interventions per team = 1000 vulnerable persons; 1.5 km reaches two cells east–west,
// one north–south and one diagonally (1.32 km), not two north–south (2.22 km).
const params: CapacityParams = { interventionsPerFte: 100, interventionShare: 0.1, teamSize: 1, availableFte: 2.5, maxDistanceKm: 1.5 };

// Row 3 first, as on a map. Workload = vulnerable / 10; score x workload in brackets.
//  12: 20, 200 (400)   13: 60, 400 (2400)  14: 10, 100 (100)   15: null, 500
//   8: 30, 100 (300)    9: 70, 300 (2100)  10: 40, 200 (800)   11: 10, 100 (100)
//   4: 20, 100 (200)    5: 90, 400 (3600)   6: 80, 500 (4000)   7: 50, 300 (1500)
//   0: 10, 100 (100)    1: 30, 200 (600)    2: 20, 100 (200)    3: 50, 400 (2000)
const scores = [10, 30, 20, 50, 20, 90, 80, 50, 30, 70, 40, 10, 20, 60, 10, null];
const vulnerable = [100, 200, 100, 400, 100, 400, 500, 300, 100, 300, 200, 100, 200, 400, 100, 500];
const input = gridInput(4, 4, scores, vulnerable);

const members = (plan: TeamPlan) => plan.teams.map((t) => t.wards);

describe('planTeams', () => {
  it('planTeams(input, params) forms floor(availableFte / teamSize) teams greedily, as worked out by hand', () => {
    // Team 1: base 6 (4000); adds 5 (3600, work 90); 9 and 7 (30 each) and 10 and 1 (20 each) no longer
    // fit, 2 (200, lower index than 4) does: work 100. Team 2: base 13 (2400); adds 9, 10, then 8 (work 100).
    const plan = planTeams(input, params);
    expect(members(plan)).toEqual([
      [6, 5, 2],
      [13, 9, 10, 8],
    ]);
    expect(plan.teams.map((t) => [t.id, t.base, t.fte, t.capacity, t.peopleReached])).toEqual([
      [1, 6, 1, 100, 1000],
      [2, 13, 1, 100, 1000],
    ]);
    expect(plan.teams[0].workload).toBeCloseTo(100, 9);
    expect(plan.teams[1].workload).toBeCloseTo(100, 9);
    expect(plan.unassignedFte).toBe(0.5);
    // 2000 of the 4000 vulnerable persons (ward 15, without a score, counts in the total).
    expect(plan.coveredShare).toBe(0.5);
    expect(plan.teamOf).toEqual([null, null, 1, null, null, 1, 1, null, 2, 2, 2, null, null, 2, null, null]);
  });

  it('planTeams(input, params) keeps a team within maxDistanceKm of its base', () => {
    // Team 3: base 3 (2000) adds 7; 11 would fit the capacity (work 80) but lies 2.2 km north of 3.
    const plan = planTeams(input, { ...params, availableFte: 3 });
    expect(plan.teams[2].wards).toEqual([3, 7]);
    expect(plan.teams[2].peopleReached).toBe(700);
    expect(plan.unassignedFte).toBe(0);
    expect(plan.coveredShare).toBe(0.675);
    expect(planTeams(input, { ...params, availableFte: 3, maxDistanceKm: 2.5 }).teams[2].wards).toEqual([3, 7, 11]);
  });

  it('planTeams(input, params) leaves excluded wards out', () => {
    // Without 6: base 5 (3600) adds 9; 13 does not fit (110); 10, then 8.
    const plan = planTeams({ ...input, exclude: new Set([6]) }, { ...params, availableFte: 1 });
    expect(members(plan)).toEqual([[5, 9, 10, 8]]);
    expect(plan.teamOf[6]).toBeNull();
  });

  it('planTeams(input, params) lets a base with more work than the capacity form a team alone', () => {
    const plan = planTeams(gridInput(3, 1, [50, 50, 50], [5000, 100, 100]), { ...params, availableFte: 5 });
    expect(members(plan)).toEqual([[0], [1, 2]]);
    expect(plan.teams[0].workload).toBe(500);
    // No ward is left to start a third team: the remaining FTE is unassigned.
    expect(plan.unassignedFte).toBe(3);
  });

  it('planTeams(input, params) never adds a ward without a score, without geometry, or without work to count as a base', () => {
    // 1 has no score, so 0 and 2 cannot meet; 3 has no geometry (no neighbours, no centroid) and stays alone.
    const plan = planTeams(gridInput(4, 1, [50, null, 40, 90], [100, 100, 100, 100], new Set([3])), { ...params, availableFte: 10 });
    expect(members(plan)).toEqual([[3], [0], [2]]);
    // A ward with unknown or zero work joins a team but never starts one.
    const zero = planTeams(gridInput(3, 1, [10, 90, 90], [100, null, 0]), { ...params, availableFte: 10 });
    expect(members(zero)).toEqual([[0, 1, 2]]);
    expect(zero.teams[0].peopleReached).toBe(100);
    expect(zero.coveredShare).toBe(1);
  });

  it('planTeams(input, params) covers nobody without vulnerable persons or FTE', () => {
    const none = planTeams(gridInput(2, 1, [50, 50], [null, null]), params);
    expect(none).toEqual({ teams: [], unassignedFte: 2.5, teamOf: [null, null], coveredShare: 0 });
    expect(planTeams(input, { ...params, availableFte: 0.9 }).teams).toEqual([]);
  });

  it('planTeams(input, params) throws on bad parameters or misaligned input', () => {
    expect(() => planTeams(input, { ...params, teamSize: 0 })).toThrow('invalid teamSize: 0');
    expect(() => planTeams(input, { ...params, availableFte: -1 })).toThrow('invalid availableFte: -1');
    expect(() => planTeams(input, { ...params, maxDistanceKm: Number.NaN })).toThrow('invalid maxDistanceKm: NaN');
    expect(() => planTeams(input, { ...params, interventionsPerFte: 0 })).toThrow('invalid interventionsPerFte: 0');
    expect(() => planTeams({ ...input, vulnerable: [1] }, params)).toThrow('invalid vulnerable: 1 wards for 16 scores');
  });
});

describe('planTeams properties', () => {
  const cell = fc.record({
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 6 }),
    vulnerable: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null, freq: 8 }),
  });
  const world = fc
    .record({ cols: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 6 }) })
    .chain(({ cols, rows }) =>
      fc.record({
        cols: fc.constant(cols),
        rows: fc.constant(rows),
        cells: fc.array(cell, { minLength: cols * rows, maxLength: cols * rows }),
        without: fc.uniqueArray(fc.nat(cols * rows - 1), { maxLength: 3 }),
        exclude: fc.uniqueArray(fc.nat(cols * rows - 1), { maxLength: 3 }),
      }),
    );
  type World = typeof world extends fc.Arbitrary<infer W> ? W : never;
  const paramsArb = fc.record({
    interventionsPerFte: fc.integer({ min: 10, max: 200 }),
    interventionShare: fc.constantFrom(0.05, 0.1, 0.3),
    teamSize: fc.constantFrom(0.5, 1, 2),
    availableFte: fc.integer({ min: 0, max: 20 }),
    maxDistanceKm: fc.constantFrom(0.5, 1.2, 2, 5),
  });
  // Random grids with a few wards lacking geometry (`without`) and a few excluded.
  const build = (w: World): PlanInput => ({
    ...gridInput(w.cols, w.rows, w.cells.map((c) => c.score), w.cells.map((c) => c.vulnerable), new Set(w.without)),
    exclude: new Set(w.exclude),
  });

  it('planTeams(input, params) with more FTE keeps the smaller plan as a prefix and never covers fewer people', () => {
    fc.assert(
      fc.property(world, paramsArb, fc.integer({ min: 0, max: 20 }), (w, p, extra) => {
        const i = build(w);
        const small = planTeams(i, p);
        const large = planTeams(i, { ...p, availableFte: p.availableFte + extra });
        expect(large.teams.slice(0, small.teams.length)).toEqual(small.teams);
        expect(large.coveredShare).toBeGreaterThanOrEqual(small.coveredShare);
      }),
    );
  });

  it('planTeams(input, params) forms contiguous teams within capacity and distance, each ward in one team at most', () => {
    fc.assert(
      fc.property(world, paramsArb, (w, p) => {
        const i = build(w);
        const plan = planTeams(i, p);
        const capacity = p.teamSize * p.interventionsPerFte;
        const seen = new Set<number>();
        for (const team of plan.teams) {
          expect(team.wards[0]).toBe(team.base);
          let work = 0;
          for (const ward of team.wards) {
            expect(seen.has(ward)).toBe(false);
            seen.add(ward);
            expect(plan.teamOf[ward]).toBe(team.id);
            expect(i.scores[ward]).not.toBeNull();
            expect(i.exclude?.has(ward)).toBe(false);
            work += (i.vulnerable[ward] ?? 0) * p.interventionShare;
            if (ward !== team.base) {
              const [a, b] = [i.centroids[team.base], i.centroids[ward]];
              expect(a !== null && b !== null && distanceKm(a, b) <= p.maxDistanceKm).toBe(true);
            }
          }
          expect(team.workload).toBeCloseTo(work, 6);
          if (team.wards.length > 1) expect(team.workload).toBeLessThanOrEqual(capacity * (1 + 1e-9));
          // Contiguous: a search from the base through the team's own wards reaches all of them.
          const inTeam = new Set(team.wards);
          const reached = new Set([team.base]);
          const queue = [team.base];
          while (queue.length > 0) {
            for (const j of i.neighbours[queue.pop() as number]) {
              if (inTeam.has(j) && !reached.has(j)) {
                reached.add(j);
                queue.push(j);
              }
            }
          }
          expect(reached.size).toBe(inTeam.size);
        }
        expect(plan.teamOf.filter((t) => t !== null)).toHaveLength(seen.size);
      }),
    );
  });
});
