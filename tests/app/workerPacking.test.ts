import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMoran } from '../../src/model/localMoran';
import {
  packLocalMoran,
  packNeighbours,
  packNullable,
  unpackLocalMoran,
  unpackNeighbours,
  unpackNullable,
} from '../../src/app/workerPacking';

describe('workerPacking', () => {
  it('packNullable(values) puts NaN for null and unpackNullable turns it back', () => {
    const values = [1.5, null, -0, 0, null, Number.MAX_VALUE, -1e-300];
    const packed = packNullable(values);
    expect(Array.from(packed)).toEqual([1.5, NaN, -0, 0, NaN, Number.MAX_VALUE, -1e-300]);
    expect(unpackNullable(packed)).toEqual(values);
    expect(Object.is(unpackNullable(packed)[2], -0)).toBe(true);
    expect(unpackNullable(packNullable([]))).toEqual([]);
  });

  it('packNeighbours(lists) gives compressed sparse rows, empty lists included, and unpackNeighbours turns them back', () => {
    const lists = [[], [2, 0], [], [], [1, 1, 3], []];
    const { offsets, indices } = packNeighbours(lists);
    expect(Array.from(offsets)).toEqual([0, 0, 2, 2, 2, 5, 5]);
    expect(Array.from(indices)).toEqual([2, 0, 1, 1, 3]);
    expect(unpackNeighbours({ offsets, indices })).toEqual(lists);
    expect(unpackNeighbours(packNeighbours([]))).toEqual([]);
  });

  it('packNeighbours(lists) rejects indices a Uint32Array would wrap', () => {
    expect(() => packNeighbours([[0], [-1]])).toThrow('invalid neighbour of ward 1: -1');
    expect(() => packNeighbours([[0.5]])).toThrow('invalid neighbour of ward 0: 0.5');
    expect(() => packNeighbours([[2 ** 32]])).toThrow(`invalid neighbour of ward 0: ${2 ** 32}`);
  });

  it('packLocalMoran(result) round-trips through unpackLocalMoran with nulls and every cluster', () => {
    const result = {
      I: [0.5, null, -0.25, 1, 2, 0],
      z: [1, null, -1, 2, -2, 0],
      lag: [0.5, null, 0.25, -0.5, 1, null],
      p: [0.01, null, 0.02, 0.03, 0.04, null],
      cluster: ['HH' as const, null, 'LH' as const, 'HL' as const, 'LL' as const, null],
    };
    const { packed, transfer } = packLocalMoran(result);
    expect(Array.from(packed.cluster)).toEqual([1, 0, 4, 3, 2, 0]);
    expect(transfer).toEqual([packed.I.buffer, packed.z.buffer, packed.lag.buffer, packed.p.buffer, packed.cluster.buffer]);
    expect(unpackLocalMoran(packed)).toEqual(result);
  });

  it('unpackLocalMoran(packed) rejects an unknown cluster code', () => {
    const { packed } = packLocalMoran({ I: [0], z: [0], lag: [0], p: [1], cluster: [null] });
    packed.cluster[0] = 5;
    expect(() => unpackLocalMoran(packed)).toThrow('invalid cluster code: 5');
  });

  it('localMoran on unpacked inputs matches localMoran on the originals, and its packed result round-trips', () => {
    const wardsArb = fc.integer({ min: 0, max: 20 }).chain((n) =>
      fc.tuple(
        fc.array(fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null, freq: 4 }), { minLength: n, maxLength: n }),
        fc.array(fc.array(fc.nat({ max: Math.max(n - 1, 0) }), { maxLength: 5 }), { minLength: n, maxLength: n }),
      ),
    );
    fc.assert(
      fc.property(wardsArb, ([values, neighbours]) => {
        const valuesBack = unpackNullable(packNullable(values));
        const neighboursBack = unpackNeighbours(packNeighbours(neighbours));
        expect(valuesBack).toEqual(values);
        expect(neighboursBack).toEqual(neighbours);
        const options = { permutations: 9, seed: 3, alpha: 0.5 };
        const direct = localMoran(values, neighbours, options);
        expect(localMoran(valuesBack, neighboursBack, options)).toEqual(direct);
        expect(unpackLocalMoran(packLocalMoran(direct).packed)).toEqual(direct);
      }),
    );
  });
});
