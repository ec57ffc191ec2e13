import { describe, expect, it } from 'vitest';
import { classBreaks, classIndex } from '../../src/model/classify';

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

describe('classIndex', () => {
  it('classIndex(value, thresholds) counts the thresholds reached and keeps null', () => {
    expect(classIndex(0, [2, 4])).toBe(0);
    expect(classIndex(2, [2, 4])).toBe(1);
    expect(classIndex(9, [2, 4])).toBe(2);
    expect(classIndex(null, [2, 4])).toBeNull();
  });
});
