import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rank } from '../../src/model/rank';

describe('rank', () => {
  it('rank(scores, codes) gives 1 to the highest score and shares the lowest rank on ties', () => {
    const r = rank([50, 80, null, 80], ['a', 'b', 'c', 'd']);
    expect(r.rank).toEqual([3, 1, null, 1]);
    expect(r.order).toEqual([1, 3, 0, 2]);
    expect(r.scored).toBe(3);
  });
  it('rank(scores, codes) puts decile 1 on the 10 % with most need', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i); // 19 is the neediest
    const codes = scores.map((s) => `w${String(s).padStart(2, '0')}`);
    const r = rank(scores, codes);
    expect(r.decile[19]).toBe(1);
    expect(r.decile[18]).toBe(1);
    expect(r.decile[17]).toBe(2);
    expect(r.decile[0]).toBe(10);
    expect(r.decile.filter((d) => d === 5)).toHaveLength(2);
  });
  it('rank(scores, codes) gives tied wards the same decile and leaves unscored wards out', () => {
    const r = rank([50, 50, 10, null], ['a', 'b', 'c', 'd']);
    expect(r.decile).toEqual([1, 1, 7, null]);
  });
  it('rank(scores, codes) does not depend on row order', () => {
    const scores = [12, 40, 40, 7, null, 99];
    const codes = ['f', 'b', 'a', 'e', 'd', 'c'];
    const forward = rank(scores, codes);
    const perm = [5, 3, 1, 0, 4, 2];
    const shuffled = rank(perm.map((i) => scores[i]), perm.map((i) => codes[i]));
    const byCode = (res: typeof forward, cs: string[]) => Object.fromEntries(cs.map((c, i) => [c, res.rank[i]]));
    expect(byCode(shuffled, perm.map((i) => codes[i]))).toEqual(byCode(forward, codes));
    expect(forward.order.map((i) => codes[i])).toEqual(shuffled.order.map((i) => codes[perm[i]]));
  });
});

/** rank as it was before the radix sort: a comparator sort, ties by code. The reference for the property tests. */
function referenceRank(scores: readonly (number | null)[], codes: readonly string[]) {
  const n = scores.length;
  const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const sa = scores[a];
    const sb = scores[b];
    if (sa === null || sb === null) {
      if (sa === sb) return compareCodes(codes[a], codes[b]);
      return sa === null ? 1 : -1;
    }
    return sb - sa || compareCodes(codes[a], codes[b]);
  });
  const ranks: (number | null)[] = new Array(n).fill(null);
  const deciles: (number | null)[] = new Array(n).fill(null);
  let scored = 0;
  while (scored < n && scores[order[scored]] !== null) scored++;
  for (let k = 0; k < scored; k++) {
    const i = order[k];
    const previous = k > 0 ? order[k - 1] : -1;
    const r = previous >= 0 && scores[previous] === scores[i] ? (ranks[previous] as number) : k + 1;
    ranks[i] = r;
    deciles[i] = Math.min(10, Math.floor(((r - 1) * 10) / scored) + 1);
  }
  return { rank: ranks, decile: deciles, order, scored };
}

// Scores that stress the sort: many ties, -0 beside 0, denormals, infinities, and distinct values
// that share their high 32 bits (50 + 1e-12) so the radix sort must settle them by full value.
const awkward = [0, -0, 5e-324, -5e-324, 50, 50 + 1e-12, 50 + 2e-12, 49.99999999999, 100, -3.5, Infinity, -Infinity];
const scoreArb = fc.oneof(fc.constantFrom(...awkward), fc.constant(null), fc.double({ noNaN: true }), fc.integer({ min: 0, max: 100 }));
// A few codes, so that many wards share one: ties by code then fall back to the row order.
const codeArb = fc.oneof(fc.constantFrom('a', 'b', 'B', 'aa', '', '21004A00-', '21004A001'), fc.string({ maxLength: 3 }));
const wardsArb = (minLength: number, maxLength: number) => fc.array(fc.tuple(scoreArb, codeArb), { minLength, maxLength });

describe('rank against the comparator sort', () => {
  it('rank(scores, codes) gives the same rank, decile and order as a comparator sort', () => {
    fc.assert(
      fc.property(wardsArb(0, 60), (wards) => {
        const scores = wards.map((w) => w[0]);
        const codes = wards.map((w) => w[1]);
        expect(rank(scores, codes)).toEqual(referenceRank(scores, codes));
      }),
      { numRuns: 500 },
    );
  });

  it('rank(scores, codes) gives the same result as a comparator sort on inputs that take the radix sort', () => {
    fc.assert(
      fc.property(wardsArb(2048, 5000), (wards) => {
        const scores = wards.map((w) => w[0]);
        const codes = wards.map((w) => w[1]);
        expect(rank(scores, codes)).toEqual(referenceRank(scores, codes));
      }),
      // Shrinking thousands of wards takes minutes; the first failing input is reported as is.
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('rank(scores, codes) re-sorts the codes when the same array has changed in place', () => {
    const scores = [5, 5, 5];
    const codes = ['c', 'b', 'a'];
    expect(rank(scores, codes).order).toEqual([2, 1, 0]);
    codes.reverse();
    expect(rank(scores, codes).order).toEqual([0, 1, 2]);
    expect(rank([5, 5, null], codes).order).toEqual([0, 1, 2]);
  });

  it('rank(scores, codes) throws when there is not one code per score', () => {
    expect(() => rank([1, 2], ['a'])).toThrow('invalid codes: 1 codes for 2 scores');
  });
});
