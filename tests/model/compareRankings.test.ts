import { describe, expect, it } from 'vitest';
import { compareRankings } from '../../src/model/compareRankings';

describe('compareRankings', () => {
  it('compareRankings(a, b, codes, k) lists the wards entering and leaving the top k, and the shift a − b', () => {
    // Wards:      a  b  c  d  e
    const a = [1, 2, 3, 4, 5];
    const b = [4, 1, 5, 2, 3];
    // Top 2 in a: a, b. Top 2 in b: b (1), d (2). d enters, a leaves.
    expect(compareRankings(a, b, ['a', 'b', 'c', 'd', 'e'], 2)).toEqual({
      entered: [3],
      left: [0],
      shift: [-3, 1, -2, 2, 2],
    });
    // Top 3 in a: a, b, c. Top 3 in b: b, d, e. d (2) and e (3) enter; a (1) and c (3) leave.
    expect(compareRankings(a, b, ['a', 'b', 'c', 'd', 'e'], 3)).toMatchObject({ entered: [3, 4], left: [0, 2] });
  });

  it('compareRankings(…) gives null shifts for wards unranked on either side, and counts null as outside the top k', () => {
    const result = compareRankings([1, null, 2, 3], [null, 1, 2, null], ['w1', 'w2', 'w3', 'w4'], 2);
    expect(result).toEqual({ entered: [1], left: [0], shift: [null, null, 0, null] });
  });

  it('compareRankings(…) keeps ties at rank k inside the top k and orders ties by code', () => {
    // In b, x, y and z tie at rank 2: all three are in the top 2, listed by code.
    const result = compareRankings([1, 3, 4, 5], [1, 2, 2, 2], ['w', 'z', 'x', 'y'], 2);
    expect(result.entered).toEqual([2, 3, 1]);
    expect(result.left).toEqual([]);
    expect(result.shift).toEqual([0, 1, 2, 3]);
  });

  it('compareRankings(…) finds nothing entering or leaving between identical rankings, or with k = 0', () => {
    expect(compareRankings([2, 1, 3], [2, 1, 3], ['a', 'b', 'c'], 2)).toEqual({ entered: [], left: [], shift: [0, 0, 0] });
    expect(compareRankings([1, 2], [2, 1], ['a', 'b'], 0)).toEqual({ entered: [], left: [], shift: [-1, 1] });
  });

  it('compareRankings(…) throws on arrays of different lengths or a bad k', () => {
    expect(() => compareRankings([1], [1, 2], ['a', 'b'], 1)).toThrow('invalid rankings');
    expect(() => compareRankings([1], [1], ['a'], -1)).toThrow('invalid k: -1');
    expect(() => compareRankings([1], [1], ['a'], 1.5)).toThrow('invalid k: 1.5');
  });
});
