import { describe, expect, it } from 'vitest';
import { flagCount, medianOf, needFlags, percentileOf } from '../../src/model/needFlags';
import { prepare } from '../../src/model/prepare';

const eleven = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

describe('needFlags', () => {
  it('needFlags(prepared, ids) flags the wards at or above the 90th need percentile', () => {
    // p = (r - 1) / 10: the values 10 (p = 0.9) and 11 (p = 1) are flagged; 9 (p = 0.8) is not.
    const flags = needFlags(prepare({ a: eleven }, { a: 'high' }, 'percentile', 11), ['a']);
    expect(Array.from(flags.a)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });
  it('needFlags(prepared, ids) follows the direction: low values are the neediest for `low`', () => {
    const flags = needFlags(prepare({ a: eleven }, { a: 'low' }, 'percentile', 11), ['a']);
    expect(Array.from(flags.a)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('needFlags(prepared, ids) gives the same flags whatever the method', () => {
    const values = { a: [3, 40, 1, 7, 7, 2, 9, 100, 5, 4, 6], b: [5, null, 1, 2, 9, 8, 7, 3, 4, 6, 10] };
    const directions = { a: 'high', b: 'low' } as const;
    const expected = needFlags(prepare(values, directions, 'percentile', 11), ['a', 'b']);
    for (const method of ['minmax', 'zscore', 'expo'] as const) {
      const flags = needFlags(prepare(values, directions, method, 11), ['a', 'b']);
      expect(Array.from(flags.a)).toEqual(Array.from(expected.a));
      expect(Array.from(flags.b)).toEqual(Array.from(expected.b));
    }
    // a: 100 and 40 are the two neediest of 11; b (low): 1 and 2 of the 10 present, 1 at p = 1, 2 at p = 8/9 < 0.9.
    expect(Array.from(expected.a)).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(expected.b)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('needFlags(prepared, ids) flags tied wards together and never a ward without a value', () => {
    // The two 10s share rank 10.5 of 11: p = 0.95, both flagged. The null ward is neither ranked nor flagged.
    const flags = needFlags(prepare({ a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, null] }, { a: 'high' }, 'minmax', 12), ['a']);
    expect(Array.from(flags.a)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
  });
  it('needFlags(prepared, ids) flags no ward when all values are equal', () => {
    const flags = needFlags(prepare({ a: [4, 4, 4] }, { a: 'high' }, 'minmax', 3), ['a']);
    expect(Array.from(flags.a)).toEqual([0, 0, 0]);
  });
  it('needFlags(prepared, ids) throws on an indicator that was not prepared', () => {
    expect(() => needFlags(prepare({ a: [1] }, { a: 'high' }, 'minmax', 1), ['b'])).toThrow('invalid indicator: b');
  });
  it('flagCount(flags, ward) counts the indicators that flag the ward', () => {
    const flags = { a: Uint8Array.from([1, 0]), b: Uint8Array.from([1, 1]), c: Uint8Array.from([0, 0]) };
    expect(flagCount(flags, 0)).toBe(2);
    expect(flagCount(flags, 1)).toBe(1);
  });
});

describe('percentileOf', () => {
  it('percentileOf(values, ward) is the ascending mid-rank percentile among the present values', () => {
    expect(percentileOf([10, 30, 20, null], 2)).toBe(0.5);
    expect(percentileOf([10, 30, 20, null], 1)).toBe(1);
    expect(percentileOf([10, 30, 20, null], 3)).toBeNull();
    // Ties average: 20, 20 take ranks 2 and 3 of 4 -> 2.5 -> (2.5 - 1) / 3 = 0.5.
    expect(percentileOf([10, 20, 20, 40], 1)).toBe(0.5);
  });
  it('percentileOf(values, ward, among) ranks only among the given wards', () => {
    // Among wards 0, 2, 3: 10, 20, 50 -> 20 is at 0.5; ward 1 is not among them.
    expect(percentileOf([10, 30, 20, 50], 2, [0, 2, 3])).toBe(0.5);
    expect(percentileOf([10, 30, 20, 50], 1, [0, 2, 3])).toBeNull();
  });
});

describe('medianOf', () => {
  it('medianOf(values) leaves out missing values and averages the middle two', () => {
    expect(medianOf([3, null, 1, 2, 10])).toBe(2.5);
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([null])).toBeNull();
  });
  it('medianOf(values, among) takes the median over the given wards', () => {
    expect(medianOf([3, 100, 1, 2], [0, 2, 3])).toBe(2);
  });
});
