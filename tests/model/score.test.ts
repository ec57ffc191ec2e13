import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/model/prepare';
import { score } from '../../src/model/score';

const values = { a: [10, 20, 30], b: [5, null, 1] };
const directions = { a: 'high', b: 'low' } as const;

describe('score', () => {
  it('score(prepared, weights) is the weighted mean of need values over the indicators a ward has', () => {
    // a: p = 0, 0.5, 1; b (low): 5 -> 0, 1 -> 1; ward 1 lacks b so its weights renormalise to a alone.
    const result = score(prepare(values, directions, 'percentile', 3), { a: 2, b: 1 });
    expect(result.score).toEqual([0, 50, 100]);
    expect(Array.from(result.indicatorsUsed)).toEqual([2, 1, 2]);
    expect(result.indicatorsWeighted).toBe(2);
  });
  it('score(prepared, weights) ignores zero-weight indicators and leaves wards without data null', () => {
    const result = score(prepare(values, directions, 'percentile', 3), { a: 0, b: 1 });
    expect(result.score).toEqual([0, null, 100]);
    expect(Array.from(result.indicatorsUsed)).toEqual([1, 0, 1]);
    expect(result.indicatorsWeighted).toBe(1);
  });
  it('score(prepared, weights) is unchanged when all weights are scaled by a constant', () => {
    const prepared = prepare({ a: [3, 1, 4, 1, 5], b: [9, 2, 6, 5, 3] }, { a: 'high', b: 'low' }, 'minmax', 5);
    const one = score(prepared, { a: 1, b: 3 }).score as number[];
    const ten = score(prepared, { a: 10, b: 30 }).score as number[];
    one.forEach((s, i) => expect(ten[i]).toBeCloseTo(s, 10));
  });
  it('score(prepared, weights) with unequal weights follows the weights', () => {
    // minmax: a = 0, 0.5, 1; b (low) = 1, -, 0. Ward 0: (1*0 + 3*1) / 4 = 0.75; ward 2: (1*1 + 3*0) / 4 = 0.25.
    const result = score(prepare({ a: [10, 20, 30], b: [1, null, 5] }, directions, 'minmax', 3), { a: 1, b: 3 });
    expect(result.score).toEqual([75, 50, 25]);
  });
  it('score(prepared, weights) rescales z-score composites to 0–100', () => {
    const result = score(prepare({ a: [2, 4, 6] }, { a: 'high' }, 'zscore', 3), { a: 1 });
    expect(result.score).toEqual([0, 50, 100]);
  });
  it('score(prepared, weights) with zscore gives tied composites 50, not 0 and 100 from float noise', () => {
    // z: a = [-0.71, 0.71], b (low) = [0.71, -0.71], c = [-0.71, 0.71]; with weights 4, 6, 2 both
    // composites are 0 in exact arithmetic (found by the weight-scaling property test).
    const prepared = prepare({ a: [0, 1], b: [-114, -84], c: [0, 1] }, { a: 'high', b: 'low', c: 'high' }, 'zscore', 2);
    expect(score(prepared, { a: 4, b: 6, c: 2 }).score).toEqual([50, 50]);
    expect(score(prepared, { a: 152, b: 228, c: 76 }).score).toEqual([50, 50]);
  });
  it('score(prepared, weights) with expo gives the neediest ward 100', () => {
    const result = score(prepare({ a: [1, 2, 3, 4] }, { a: 'high' }, 'expo', 4), { a: 1 });
    expect(result.score[3]).toBe(100);
    expect(result.score[0]).toBeCloseTo(6.5177, 3);
  });
  it('score(prepared, weights) rejects a negative weight', () => {
    expect(() => score(prepare(values, directions, 'percentile', 3), { a: -1 })).toThrow('invalid weight for a: -1');
  });
});

describe('prepare', () => {
  it('prepare(values, directions, method, wardCount) keeps the ward count when there is no indicator', () => {
    const prepared = prepare({}, {}, 'percentile', 4);
    expect(prepared.wardCount).toBe(4);
    expect(score(prepared, {}).score).toEqual([null, null, null, null]);
  });
  it('prepare(values, directions, method, wardCount) refuses a column of another length', () => {
    expect(() => prepare({ a: [1, 2] }, { a: 'high' }, 'percentile', 3)).toThrow('invalid column length: a has 2, expected 3');
  });
});
