import { quantileSorted } from 'd3';
import fc from 'fast-check';
import { ckmeans } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { classBreaks, classBreaksSorted, classIndex, type Classification } from '../../src/model/classify';

/** classBreaks as it was before the radix sort: a comparator sort and a Set. The reference below. */
function referenceBreaks(values: readonly (number | null)[], method: Classification, k: number): number[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0 || k === 1) return [];
  const classes = Math.min(k, new Set(sorted).size);
  if (classes < 2) return [];
  let thresholds: number[];
  if (method === 'equal') {
    const step = (sorted[sorted.length - 1] - sorted[0]) / classes;
    thresholds = Array.from({ length: classes - 1 }, (_, i) => sorted[0] + step * (i + 1));
  } else if (method === 'quantile') {
    thresholds = Array.from({ length: classes - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / classes) as number);
  } else {
    thresholds = ckmeans(sorted, classes).slice(1).map((cluster) => cluster[0]);
  }
  return thresholds.filter((t, i) => i === 0 || t > thresholds[i - 1]);
}

// Ties, -0 beside 0, values that share their high 32 bits, and what classBreaks skips (null, NaN, ±Infinity).
const valueArb = fc.oneof(
  fc.constantFrom(0, -0, 5e-324, -5e-324, 50, 50 + 1e-12, 7, -3, null, Number.NaN, Infinity, -Infinity),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
);
const methodArb = fc.constantFrom<Classification>('quantile', 'equal', 'ckmeans');

describe('classBreaks', () => {
  it('classBreaks(values, equal, k) cuts the range into equal widths', () => {
    expect(classBreaks([0, 1, 2, 3, 10, null], 'equal', 5)).toEqual([2, 4, 6, 8]);
  });
  it('classBreaks(values, quantile, k) puts equal counts in each class', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8];
    const t = classBreaks(values, 'quantile', 4);
    expect(t).toEqual([2.75, 4.5, 6.25]);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[classIndex(v, t) as number]++;
    expect(counts).toEqual([2, 2, 2, 2]);
  });
  it('classBreaks(values, ckmeans, k) finds natural gaps', () => {
    expect(classBreaks([1, 2, 3, 50, 51, 52, 100, 101], 'ckmeans', 3)).toEqual([50, 100]);
  });
  it('classBreaks(values, method, k) returns fewer thresholds when there are fewer distinct values', () => {
    expect(classBreaks([3, 3, 3], 'quantile', 5)).toEqual([]);
    expect(classBreaks([1, 1, 2, 2], 'ckmeans', 5)).toEqual([2]);
  });
});

describe('classBreaks against the comparator sort', () => {
  it('classBreaks(values, method, k) gives the same thresholds as sorting with a comparator', () => {
    for (const [minLength, maxLength, numRuns] of [
      [0, 40, 400],
      [2048, 3000, 10],
    ]) {
      fc.assert(
        fc.property(fc.array(valueArb, { minLength, maxLength }), methodArb, fc.integer({ min: 1, max: 9 }), (values, method, k) => {
          // ckmeans on thousands of values takes a while; quantile and equal cover the radix path.
          if (method === 'ckmeans' && values.length > 100) return;
          expect(classBreaks(values, method, k)).toEqual(referenceBreaks(values, method, k));
        }),
        { numRuns, endOnFailure: true },
      );
    }
  });

  it('classBreaksSorted(sorted, method, k) gives what classBreaks gives for the unsorted values', () => {
    expect(classBreaksSorted([1, 2, 3, 4], 'equal', 2)).toEqual([2.5]);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 40 }), methodArb, fc.integer({ min: 1, max: 9 }), (values, method, k) => {
        const sorted = [...values].sort((a, b) => a - b);
        expect(classBreaksSorted(sorted, method, k)).toEqual(classBreaks(values, method, k));
      }),
    );
  });

  it('classBreaksSorted(sorted, method, k) throws on a class count below 1', () => {
    expect(() => classBreaksSorted([1, 2], 'quantile', 0)).toThrow('invalid class count: 0');
  });
});

describe('classIndex', () => {
  it('classIndex(value, thresholds) counts the thresholds reached and keeps null', () => {
    expect(classIndex(0, [2, 4])).toBe(0);
    expect(classIndex(2, [2, 4])).toBe(1);
    expect(classIndex(9, [2, 4])).toBe(2);
    expect(classIndex(null, [2, 4])).toBeNull();
  });
});
