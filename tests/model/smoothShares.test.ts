import { describe, expect, it } from 'vitest';
import { smoothShares } from '../../src/model/smoothShares';

describe('smoothShares', () => {
  it('smoothShares(shares, population) shrinks towards the overall share by the EB factor', () => {
    // r = 0.1, 0.2, 0.3, 0.4 with n = 100 each: m = 100 / 400 = 0.25;
    // sum n (r - m)² = 100 (0.0225 + 0.0025 + 0.0025 + 0.0225) = 5, / 400 = 0.0125; m / mean(n) = 0.0025;
    // s² = 0.01; C = 0.01 / (0.01 + 0.25 / 100) = 0.8; smoothed = 0.25 + 0.8 (r - 0.25) = 0.13, 0.21, 0.29, 0.37.
    const smoothed = smoothShares([10, 20, 30, 40], [100, 100, 100, 100]) as number[];
    [13, 21, 29, 37].forEach((expected, i) => expect(smoothed[i]).toBeCloseTo(expected, 10));
  });
  it('smoothShares(shares, population) pulls every share to the mean when the spread is all noise (s² < 0 -> 0)', () => {
    // r = 0.1, 0.2 with n = 10: m = 0.15; 10 (0.0025 + 0.0025) / 20 = 0.0025 < m / mean(n) = 0.015, so s² = 0.
    const smoothed = smoothShares([10, 20], [10, 10]) as number[];
    expect(smoothed[0]).toBeCloseTo(15, 10);
    expect(smoothed[1]).toBeCloseTo(15, 10);
  });
  it('smoothShares(shares, population) barely moves a ward with a huge population', () => {
    const smoothed = smoothShares([10, 20, 30, 40, 50], [1_000_000, 1000, 1000, 1000, 1000]) as number[];
    expect(Math.abs(smoothed[0] - 10)).toBeLessThan(0.01);
  });
  it('smoothShares(shares, population) moves a ward with a tiny population most of the way to the mean', () => {
    // m = (100 + 200 + 300 + 400 + 500 + 1.8) / 5002 = 0.3002; for n = 2, C ≈ 0.0198 / (0.0198 + 0.1501) ≈ 0.12.
    const shares = [10, 20, 30, 40, 50, 90];
    const population = [1000, 1000, 1000, 1000, 1000, 2];
    const smoothed = smoothShares(shares, population) as number[];
    const m = (100 + 200 + 300 + 400 + 500 + 1.8) / 5002;
    expect(Math.abs(smoothed[5] / 100 - m)).toBeLessThan(0.2 * Math.abs(0.9 - m));
    // The large wards keep nearly all of their own spread.
    expect(Math.abs(smoothed[0] - 10)).toBeLessThan(0.5);
  });
  it('smoothShares(shares, population) keeps null shares null and gives null without a positive population', () => {
    // Wards 1 and 3 are left out. The rest: r = 0.1, 0.3, n = 100: m = 0.2; 100 (0.01 + 0.01) / 200 = 0.01;
    // m / mean(n) = 0.002; s² = 0.008; C = 0.008 / 0.01 = 0.8; smoothed = 0.2 -/+ 0.08 = 12 %, 28 %.
    const smoothed = smoothShares([10, null, 30, 25], [100, 100, 100, null]);
    expect(smoothed[0]).toBeCloseTo(12, 10);
    expect(smoothed[2]).toBeCloseTo(28, 10);
    expect(smoothed[1]).toBeNull();
    expect(smoothed[3]).toBeNull();
    expect(smoothShares([10], [0])).toEqual([null]);
    expect(smoothShares([], [])).toEqual([]);
  });
  it('smoothShares(shares, population) leaves all-zero shares at 0', () => {
    expect(smoothShares([0, 0], [10, 20])).toEqual([0, 0]);
  });
  it('smoothShares(shares, population) throws when the arrays differ in length', () => {
    expect(() => smoothShares([1, 2], [1])).toThrow('invalid population');
  });
});
