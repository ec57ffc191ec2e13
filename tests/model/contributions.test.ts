import { describe, expect, it } from 'vitest';
import { contributions } from '../../src/model/contributions';
import { prepare } from '../../src/model/prepare';
import { score } from '../../src/model/score';

const values = { a: [10, 20, 30], b: [5, null, 1] };
const directions = { a: 'high', b: 'low' } as const;

describe('contributions', () => {
  it('contributions(prepared, weights, ward) splits a percentile score into points that add up to it', () => {
    // a: need 0, 0.5, 1; b (low): 0, -, 1. Ward 2: a = 100 * 2 * 1 / 3 = 66.67, b = 100 * 1 * 1 / 3 = 33.33; score 100.
    const prepared = prepare(values, directions, 'percentile', 3);
    const rows = contributions(prepared, { a: 2, b: 1 }, 2);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows.map((r) => r.need)).toEqual([1, 1]);
    expect(rows[0].points).toBeCloseTo(200 / 3, 10);
    expect(rows[1].points).toBeCloseTo(100 / 3, 10);
    expect(rows[0].share).toBeCloseTo(2 / 3, 10);
    expect(rows[1].share).toBeCloseTo(1 / 3, 10);
    expect(rows[0].points + rows[1].points).toBeCloseTo(score(prepared, { a: 2, b: 1 }).score[2] as number, 10);
  });
  it('contributions(prepared, weights, ward) gives an indicator the ward lacks need null and 0 points', () => {
    // Ward 1 lacks b, so its weights renormalise to a alone: 100 * 2 * 0.5 / 2 = 50 = its score.
    const rows = contributions(prepare(values, directions, 'percentile', 3), { a: 2, b: 1 }, 1);
    expect(rows).toEqual([
      { id: 'a', weight: 2, need: 0.5, points: 50, share: 1 },
      { id: 'b', weight: 1, need: null, points: 0, share: 0 },
    ]);
  });
  it('contributions(prepared, weights, ward) gives shares 0 when the score is 0', () => {
    const rows = contributions(prepare(values, directions, 'percentile', 3), { a: 2, b: 1 }, 0);
    expect(rows.map((r) => [r.points, r.share])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
  it('contributions(prepared, weights, ward) follows unequal weights with minmax and leaves out zero weights', () => {
    // minmax: a = 0, 0.5, 1; b (low) = 1, -, 0. Ward 0: a = 0, b = 100 * 3 * 1 / 4 = 75 (score 75).
    const prepared = prepare({ a: [10, 20, 30], b: [1, null, 5], c: [1, 2, 3] }, { ...directions, c: 'high' }, 'minmax', 3);
    expect(contributions(prepared, { a: 1, b: 3, c: 0 }, 0)).toEqual([
      { id: 'a', weight: 1, need: 0, points: 0, share: 0 },
      { id: 'b', weight: 3, need: 1, points: 75, share: 1 },
    ]);
  });
  it('contributions(prepared, weights, ward) adds up to the score for every ward with expo', () => {
    const prepared = prepare({ a: [3, 1, 4, 1, 5], b: [9, null, 6, 5, 3] }, directions, 'expo', 5);
    const weights = { a: 1.5, b: 0.5 };
    const scores = score(prepared, weights).score as number[];
    scores.forEach((s, ward) => {
      const total = contributions(prepared, weights, ward).reduce((sum, r) => sum + r.points, 0);
      expect(total).toBeCloseTo(s, 10);
    });
  });
  it('contributions(prepared, weights, ward) with zscore gives composite-level points, before the rescaling', () => {
    // a: z = -1, 0, 1; b (low) from [3, 1, 2]: mean 2, sd 1, z = 1, -1, 0, negated -1, 1, 0.
    // Ward 0: 100 * 1 * -1 / 2 = -50 each (composite -1), shares 0.5 each; its rescaled score is 0.
    const prepared = prepare({ a: [2, 4, 6], b: [3, 1, 2] }, directions, 'zscore', 3);
    const rows = contributions(prepared, { a: 1, b: 1 }, 0);
    expect(rows.map((r) => [r.need, r.points, r.share])).toEqual([
      [-1, -50, 0.5],
      [-1, -50, 0.5],
    ]);
    expect(score(prepared, { a: 1, b: 1 }).score[0]).toBe(0);
  });
  it('contributions(prepared, weights, ward) throws on a ward out of range', () => {
    const prepared = prepare(values, directions, 'percentile', 3);
    expect(() => contributions(prepared, { a: 1 }, 3)).toThrow('invalid ward: 3');
  });
});
