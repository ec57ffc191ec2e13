import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/model/prepare';
import { rank } from '../../src/model/rank';
import { score } from '../../src/model/score';
import type { Method } from '../../src/model/types';

const cell = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 6 });
const wards = (n: number) => fc.array(fc.tuple(cell, cell, cell), { minLength: n, maxLength: 40 });
const weightsArb = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 10 }));
const methodArb = fc.constantFrom<Method>('percentile', 'minmax', 'zscore', 'expo');
const directions = { a: 'high', b: 'low', c: 'high' } as const;

function run(rows: (number | null)[][], w: number[], method: Method) {
  const values = { a: rows.map((r) => r[0]), b: rows.map((r) => r[1]), c: rows.map((r) => r[2]) };
  return score(prepare(values, directions, method, rows.length), { a: w[0], b: w[1], c: w[2] });
}

describe('score properties', () => {
  it('score(prepared, weights) stays within 0–100 for every method', () => {
    fc.assert(
      fc.property(wards(1), weightsArb, methodArb, (rows, w, method) => {
        for (const s of run(rows, w, method).score) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
      }),
    );
  });

  it('score(prepared, weights) gives the same score to a ward whatever the row order', () => {
    fc.assert(
      fc.property(wards(2), weightsArb, methodArb, fc.nat(), (rows, w, method, seed) => {
        const perm = rows.map((_, i) => i).sort((x, y) => ((x * 7919 + seed) % rows.length) - ((y * 7919 + seed) % rows.length) || x - y);
        const forward = run(rows, w, method).score;
        const shuffled = run(perm.map((i) => rows[i]), w, method).score;
        perm.forEach((from, to) => {
          if (forward[from] === null) expect(shuffled[to]).toBeNull();
          else expect(shuffled[to]).toBeCloseTo(forward[from] as number, 9);
        });
      }),
    );
  });

  it('rank(scores, codes) is the same per ward whatever the row order', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { minLength: 1, maxLength: 40 }), (scores) => {
        const codes = scores.map((_, i) => `w${i}`);
        const reversed = rank([...scores].reverse(), [...codes].reverse());
        const forward = rank(scores, codes);
        scores.forEach((_, i) => expect(reversed.rank[scores.length - 1 - i]).toBe(forward.rank[i]));
        expect(reversed.order.map((i) => codes[scores.length - 1 - i])).toEqual(forward.order.map((i) => codes[i]));
      }),
    );
  });

  it('rank(score(prepare(values)), codes) lists the ward codes in the same order whatever the row order', () => {
    // zscore sums its mean in row order, so near-ties may differ in the last bit; its scores are
    // checked per ward, within 1e-9, above.
    const shuffled = wards(2).chain((rows) =>
      fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length })),
    );
    fc.assert(
      fc.property(shuffled, weightsArb, fc.constantFrom<Method>('percentile', 'minmax', 'expo'), ([rows, perm], w, method) => {
        const codes = rows.map((_, i) => `w${String(i).padStart(2, '0')}`);
        const forward = rank(run(rows, w, method).score, codes);
        const moved = rank(run(perm.map((i) => rows[i]), w, method).score, perm.map((i) => codes[i]));
        expect(moved.order.map((k) => codes[perm[k]])).toEqual(forward.order.map((k) => codes[k]));
      }),
    );
  });

  it('score(prepared, weights) is unchanged when all weights are multiplied by a constant', () => {
    fc.assert(
      fc.property(wards(1), weightsArb, methodArb, fc.integer({ min: 2, max: 50 }), (rows, w, method, k) => {
        const one = run(rows, w, method).score;
        const scaled = run(rows, w.map((x) => x * k), method).score;
        one.forEach((s, i) => (s === null ? expect(scaled[i]).toBeNull() : expect(scaled[i]).toBeCloseTo(s, 9)));
      }),
    );
  });

  it('score(prepared, weights) never falls for a ward whose need-high value rises (percentile, minmax, expo)', () => {
    fc.assert(
      fc.property(
        wards(2),
        weightsArb,
        fc.constantFrom<Method>('percentile', 'minmax', 'expo'),
        fc.nat(),
        fc.integer({ min: 1, max: 500 }),
        (rows, w, method, pick, raise) => {
          const i = pick % rows.length;
          if (rows[i][0] === null) return;
          const before = run(rows, w, method).score[i];
          const raised = rows.map((r, j) => (j === i ? [(r[0] as number) + raise, r[1], r[2]] : r));
          const after = run(raised, w, method).score[i];
          if (before === null) expect(after).toBeNull();
          else expect((after as number) + 1e-9).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
