import { describe, expect, it } from 'vitest';
import { expoTransform, normalise } from '../../src/model/normalise';
import { needRanks } from '../../src/model/needRanks';

const need = (values: (number | null)[], ...args: Parameters<typeof normalise> extends [unknown, ...infer R] ? R : never) => {
  const { need, has } = normalise(values, ...args);
  return Array.from(need, (v, i) => (has[i] ? v : null));
};

describe('needRanks', () => {
  it('needRanks(values, high) averages tied ranks and skips missing values', () => {
    expect(needRanks([10, 20, 20, null, 40], 'high')).toEqual({ ranks: [1, 2.5, 2.5, null, 4], n: 4 });
  });
  it('needRanks(values, low) ranks the lowest value as most need', () => {
    expect(needRanks([10, 20, 20, 40], 'low').ranks).toEqual([4, 2.5, 2.5, 1]);
  });
});

describe('normalise', () => {
  it('normalise(values, high, percentile) gives p = (r - 1) / (N - 1) with ties averaged', () => {
    expect(need([10, 20, 20, 40, null], 'high', 'percentile')).toEqual([0, 0.5, 0.5, 1, null]);
  });
  it('normalise(values, low, percentile) mirrors the direction', () => {
    expect(need([10, 20, 20, 40], 'low', 'percentile')).toEqual([1, 0.5, 0.5, 0]);
  });
  it('normalise(values, high, percentile) gives a lone value 0.5', () => {
    expect(need([null, 7], 'high', 'percentile')).toEqual([null, 0.5]);
  });
  it('normalise(values, dir, minmax) scales to 0–1 and mirrors for low', () => {
    expect(need([10, 20, 40], 'high', 'minmax')).toEqual([0, 1 / 3, 1]);
    expect(need([10, 20, 40], 'low', 'minmax')).toEqual([1, 2 / 3, 0]);
    expect(need([5, 5], 'high', 'minmax')).toEqual([0.5, 0.5]);
  });
  it('normalise(values, dir, zscore) uses the sample standard deviation', () => {
    // mean 4, sd = sqrt((4 + 0 + 4) / 2) = 2
    expect(need([2, 4, 6], 'high', 'zscore')).toEqual([-1, 0, 1]);
    expect(need([2, 4, 6, null], 'low', 'zscore')).toEqual([1, -0, -1, null]);
  });
  it('normalise(values, high, expo) applies the IMD/BIMD exponential transform to rank fractions', () => {
    const values = need([1, 2, 3, 4], 'high', 'expo') as number[];
    // p = 0.25, 0.5, 0.75, 1 -> e = 6.5177, 15.6468, 31.0091, 100 (computed by hand)
    expect(values[0]).toBeCloseTo(0.065177, 5);
    expect(values[1]).toBeCloseTo(0.156468, 5);
    expect(values[2]).toBeCloseTo(0.310091, 5);
    expect(values[3]).toBeCloseTo(1, 10);
  });
  it('normalise(values, low, expo) gives the lowest value the top transformed need', () => {
    const values = need([30, 10, 20], 'low', 'expo') as number[];
    expect(values[1]).toBeCloseTo(1, 10);
    expect(values[0]).toBeCloseTo(0.091774, 5); // p = 1/3 -> e = 9.1774
  });
  it('expoTransform(p) is 0 at 0, 1 at 1 and convex', () => {
    expect(expoTransform(0)).toBe(0);
    expect(expoTransform(1)).toBeCloseTo(1, 12);
    expect(expoTransform(0.5)).toBeLessThan(0.5);
  });
});
