import { quantileSorted } from 'd3';
import { ckmeans } from 'simple-statistics';

/** How values are cut into colour classes. */
export type Classification = 'quantile' | 'equal' | 'ckmeans';

/**
 * Thresholds that cut `values` into at most `k` classes, ascending; a value v falls in class
 * `classIndex(v, thresholds)`. Fewer thresholds come back when there are fewer distinct values.
 * - quantile: equal counts per class;
 * - equal: equal-width intervals between min and max;
 * - ckmeans: natural breaks (Wang & Song's optimal 1-D k-means, as in simple-statistics).
 * classBreaks([1, 2, 3, 4], 'equal', 2) -> [2.5]
 */
export function classBreaks(values: readonly (number | null)[], method: Classification, k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`invalid class count: ${k}`);
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0 || k === 1) return [];
  const distinct = new Set(sorted).size;
  const classes = Math.min(k, distinct);
  if (classes < 2) return [];
  let thresholds: number[];
  if (method === 'equal') {
    const min = sorted[0];
    const step = (sorted[sorted.length - 1] - min) / classes;
    thresholds = Array.from({ length: classes - 1 }, (_, i) => min + step * (i + 1));
  } else if (method === 'quantile') {
    thresholds = Array.from({ length: classes - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / classes) as number);
  } else {
    // Each cluster after the first starts at its smallest value.
    thresholds = ckmeans(sorted, classes).slice(1).map((cluster) => cluster[0]);
  }
  return dedupe(thresholds);
}

/** The class of a value: the number of thresholds it reaches (v >= t); null stays null. */
export function classIndex(value: number | null, thresholds: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value >= thresholds[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function dedupe(thresholds: number[]): number[] {
  return thresholds.filter((t, i) => i === 0 || t > thresholds[i - 1]);
}
