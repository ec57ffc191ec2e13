import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/model/prepare';
import { random } from '../../src/model/random';
import { rank } from '../../src/model/rank';
import { rankStability } from '../../src/model/rankStability';
import { score } from '../../src/model/score';
import type { Method } from '../../src/model/types';

const directions = { a: 'high', b: 'high', c: 'low' } as const;

function prepared(rows: (number | null)[][], method: Method = 'percentile') {
  const values = { a: rows.map((r) => r[0]), b: rows.map((r) => r[1]), c: rows.map((r) => r[2]) };
  return prepare(values, directions, method, rows.length);
}

// Seven wards whose order depends on how a, b and c are weighed, with no ties at equal weights.
const rows = [
  [25, 91, 66],
  [1, 83, 47],
  [50, 87, 28],
  [35, 19, 88],
  [41, 98, 19],
  [47, 25, 72],
  [99, 91, 39],
];
const equal = { a: 1, b: 1, c: 1 };

describe('rankStability', () => {
  it('rankStability(prepared, weights, options) matches the plain ranks at a very high concentration', () => {
    for (const method of ['percentile', 'minmax', 'zscore', 'expo'] as const) {
      const p = prepared(rows, method);
      const plain = rank(score(p, equal).score, rows.map((_, i) => `w${i}`)).rank;
      const result = rankStability(p, equal, { draws: 200, concentration: 1e6, topK: 2, seed: 1 });
      expect(result.median).toEqual(plain);
      expect(result.p5).toEqual(plain);
      expect(result.p95).toEqual(plain);
      expect(result.topK).toEqual(plain.map((r) => (r !== null && r <= 2 ? 1 : 0)));
      expect(result.draws).toBe(200);
      expect(result.k).toBe(2);
    }
  });

  it('rankStability(prepared, weights, options) widens the 5–95 % band as the concentration falls', () => {
    const p = prepared(rows);
    const widths = [1e4, 1e3, 100, 10, 1].map((concentration) => {
      const result = rankStability(p, equal, { draws: 2000, concentration, topK: 1, seed: 5 });
      return result.p95.map((hi, i) => (hi as number) - (result.p5[i] as number)).reduce((a, b) => a + b, 0);
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1]);
    expect(widths[widths.length - 1]).toBeGreaterThan(widths[0]);
  });

  it('rankStability(prepared, weights, options) ranks large inputs as rank(score) does, ties and negatives included', () => {
    // One weighted indicator leaves nothing to perturb, so every draw must reproduce the plain ranks;
    // 3,000 and 70,000 wards take the radix sort and the 4-byte rank store.
    for (const n of [3000, 70_000]) {
      const rng = random(n);
      const column = Array.from({ length: n }, () => (rng() < 0.1 ? null : Math.floor(rng() * 500) - 250));
      for (const method of ['zscore', 'percentile'] as const) {
        const p = prepare({ a: column, b: column, c: column }, directions, method, n);
        const weights = { a: 0, b: 0, c: 1 };
        const plain = rank(score(p, weights).score, column.map((_, i) => String(i))).rank;
        const result = rankStability(p, weights, { draws: 3, concentration: 1, topK: 10, seed: 1 });
        expect(result.median).toEqual(plain);
        expect(result.p95).toEqual(plain);
        expect(result.topK).toEqual(plain.map((r) => (r === null ? null : r <= 10 ? 1 : 0)));
      }
    }
  });

  it('rankStability(prepared, weights, options) always ranks a ward that dominates every indicator first', () => {
    const p = prepared([...rows, [100, 100, 0]]);
    const result = rankStability(p, { a: 3, b: 1, c: 0.5 }, { draws: 500, concentration: 0.5, topK: 1, seed: 2 });
    expect(result.topK[7]).toBe(1);
    expect(result.median[7]).toBe(1);
    expect(result.p95[7]).toBe(1);
  });

  it('rankStability(prepared, weights, options) gives null to wards without a weighted indicator', () => {
    const p = prepared([[10, null, 5], [null, 20, null], [30, null, 1]]);
    const result = rankStability(p, { a: 1, b: 0, c: 2 }, { draws: 50, concentration: 10, topK: 1, seed: 1 });
    expect(result.median[1]).toBeNull();
    expect(result.p5[1]).toBeNull();
    expect(result.topK[1]).toBeNull();
    expect(result.median[0]).not.toBeNull();
  });

  it('rankStability(prepared, weights, options) gives tied wards the better rank', () => {
    const p = prepared([[10, 20, 30], [50, 60, 70], [10, 20, 30], [0, 0, 99]]);
    const result = rankStability(p, equal, { draws: 100, concentration: 5, topK: 3, seed: 4 });
    expect(result.median[0]).toBe(result.median[2]);
    expect(result.topK[0]).toBe(result.topK[2]);
  });

  it('rankStability(prepared, weights, options) keeps every rank when all weights are 0', () => {
    const result = rankStability(prepared(rows), { a: 0, b: 0, c: 0 }, { draws: 10, concentration: 10, topK: 1, seed: 1 });
    expect(result.median.every((r) => r === null)).toBe(true);
  });

  it('rankStability(prepared, weights, options) is deterministic for a seed', () => {
    const p = prepared(rows);
    const options = { draws: 300, concentration: 5, topK: 2, seed: 9 };
    expect(rankStability(p, equal, options)).toEqual(rankStability(p, equal, options));
    expect(rankStability(p, equal, options)).not.toEqual(rankStability(p, equal, { ...options, seed: 10 }));
  });

  it('rankStability(prepared, weights, options) reports progress after each draw', () => {
    const done: number[] = [];
    rankStability(prepared(rows), equal, { draws: 5, concentration: 5, topK: 1, seed: 1, onProgress: (d) => done.push(d) });
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('rankStability(prepared, weights, options) rejects bad options', () => {
    const p = prepared(rows);
    expect(() => rankStability(p, equal, { draws: 0, concentration: 1, topK: 1, seed: 1 })).toThrow('invalid draws: 0');
    expect(() => rankStability(p, equal, { draws: 1, concentration: 0, topK: 1, seed: 1 })).toThrow('invalid concentration: 0');
    expect(() => rankStability(p, equal, { draws: 1, concentration: 1, topK: 0.5, seed: 1 })).toThrow('invalid topK: 0.5');
    expect(() => rankStability(p, { a: -1 }, { draws: 1, concentration: 1, topK: 1, seed: 1 })).toThrow('invalid weight for a: -1');
  });

  const distinctRows = fc
    .uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 3, maxLength: 25 })
    .chain((seeds) => fc.constant(seeds.map((s) => [s % 1000, Math.floor(s / 1000), (s * 7919) % 1009])));
  const weightsArb = fc.record({ a: fc.integer({ min: 1, max: 10 }), b: fc.integer({ min: 0, max: 10 }), c: fc.integer({ min: 1, max: 10 }) });

  it('rankStability(prepared, weights, options) gives top-k probabilities in [0, 1] that sum to k without ties', () => {
    fc.assert(
      fc.property(distinctRows, weightsArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1000 }), (r, w, k, seed) => {
        const result = rankStability(prepared(r, 'minmax'), w, { draws: 100, concentration: 2, topK: k, seed });
        for (const q of result.topK) expect(q !== null && q >= 0 && q <= 1).toBe(true);
        // The composites of distinct wards can still tie for one draw of weights; counts tell exactly.
        const counts = result.topK.map((q) => Math.round((q as number) * result.draws));
        expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(k * result.draws);
      }),
      { numRuns: 50 },
    );
  });

  it('rankStability(prepared, weights, options) top-k estimates converge as draws grow', () => {
    fc.assert(
      fc.property(distinctRows, weightsArb, fc.integer({ min: 0, max: 1000 }), (r, w, seed) => {
        const p = prepared(r);
        const few = rankStability(p, w, { draws: 200, concentration: 5, topK: 2, seed });
        const many = rankStability(p, w, { draws: 2000, concentration: 5, topK: 2, seed: seed + 1 });
        // Two independent binomial estimates of one probability: their difference stays within six
        // standard errors of the pooled estimate (a false alarm about once in 500 million comparisons).
        few.topK.forEach((q, i) => {
          const a = q as number;
          const b = many.topK[i] as number;
          const pooled = (a * few.draws + b * many.draws) / (few.draws + many.draws);
          const se = Math.sqrt(pooled * (1 - pooled) * (1 / few.draws + 1 / many.draws));
          expect(Math.abs(a - b)).toBeLessThanOrEqual(6 * se + 1e-12);
        });
      }),
      { numRuns: 30 },
    );
  });
});
