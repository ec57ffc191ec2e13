import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortBuffers, sortDescending } from '../../src/model/sortDescending';

function sorted(values: readonly number[]): number[] {
  const array = Float64Array.from(values);
  const order = new Uint32Array(array.length);
  sortDescending(array, order, sortBuffers(array));
  return Array.from(order);
}

/** The order a stable comparator sort gives: descending, equal values (-0 and 0 too) by index. */
function reference(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((x, y) => values[y] - values[x] || x - y);
}

const valueArb = fc.oneof(fc.constantFrom(0, -0, 5e-324, -5e-324, 1, 1 + 2 ** -40, 1 + 2 ** -41, -7, Infinity, -Infinity), fc.double({ noNaN: true }));

describe('sortDescending', () => {
  it('sortDescending(values, order, buffers) orders the indices by descending value, ties by index', () => {
    expect(sorted([1, 3, 3, -0, 0, 2])).toEqual([1, 2, 5, 0, 3, 4]);
  });

  it('sortDescending(values, order, buffers) matches a stable comparator sort, below and above the radix threshold', () => {
    for (const [minLength, maxLength, numRuns] of [
      [0, 50, 300],
      [2048, 4000, 15],
    ]) {
      fc.assert(
        fc.property(fc.array(valueArb, { minLength, maxLength }), (values) => {
          expect(sorted(values)).toEqual(reference(values));
        }),
        { numRuns, endOnFailure: true },
      );
    }
  });

  it('sortDescending(values, order, buffers) can sort the same array again with its buffers', () => {
    const values = Float64Array.from({ length: 3000 }, (_, i) => (i * 7919) % 101);
    const order = new Uint32Array(values.length);
    const buffers = sortBuffers(values);
    sortDescending(values, order, buffers);
    expect(Array.from(order)).toEqual(reference(Array.from(values)));
    values.reverse();
    sortDescending(values, order, buffers);
    expect(Array.from(order)).toEqual(reference(Array.from(values)));
  });
});
