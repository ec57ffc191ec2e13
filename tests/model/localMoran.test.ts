import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMoran } from '../../src/model/localMoran';
import { random } from '../../src/model/random';

/** Rook neighbours on a cols x rows grid; ward index = row * cols + col. */
function rookGrid(cols: number, rows: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const list: number[] = [];
      if (r > 0) list.push((r - 1) * cols + c);
      if (c > 0) list.push(r * cols + c - 1);
      if (c < cols - 1) list.push(r * cols + c + 1);
      if (r < rows - 1) list.push((r + 1) * cols + c);
      out.push(list);
    }
  }
  return out;
}

/** Global Moran's I straight from its definition, with a dense row-standardised weight matrix. */
function globalMoran(x: number[], neighbours: number[][]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const d = x.map((v) => v - mean);
  const w = neighbours.map((list) => Array.from({ length: n }, (_, j) => (list.includes(j) ? 1 / list.length : 0)));
  const s0 = neighbours.filter((list) => list.length > 0).length;
  let cross = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cross += w[i][j] * d[i] * d[j];
  return (n / s0) * (cross / d.reduce((a, v) => a + v * v, 0));
}

const options = { permutations: 999, seed: 7, alpha: 0.05 };

describe('localMoran', () => {
  // 3 x 3 grid, rook neighbours written out:
  //   9 8 1      0 1 2
  //   7 6 1      3 4 5
  //   1 1 1      6 7 8
  const values = [9, 8, 1, 7, 6, 1, 1, 1, 1];
  const neighbours = [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]];

  it('localMoran(values, neighbours) matches I computed by hand on a 3 x 3 grid', () => {
    // mean = 35/9, so 9·(x − mean) = 46, 37, −26, 28, 19, −26, −26, −26, −26 (call these k).
    // Σ(x − mean)² = (46² + 37² + 28² + 19² + 5·26²)/81 = 8010/81, population sd = √8010 / 27,
    // so z = (k/9) / (√8010/27) = 3k/√8010 and I_i = z_i · mean_j z_j = 9 · k_i · mean_j k_j / 8010.
    //   0: nbrs 1,3      mean k = (37 + 28)/2          = 32.5  I = 9·46·32.5/8010  = 13455/8010
    //   1: nbrs 0,2,4    mean k = (46 − 26 + 19)/3     = 13    I = 9·37·13/8010    = 4329/8010
    //   2: nbrs 1,5      mean k = (37 − 26)/2          = 5.5   I = 9·−26·5.5/8010  = −1287/8010
    //   3: nbrs 0,4,6    mean k = (46 + 19 − 26)/3     = 13    I = 9·28·13/8010    = 3276/8010
    //   4: nbrs 1,3,5,7  mean k = (37 + 28 − 26 − 26)/4 = 3.25 I = 9·19·3.25/8010  = 555.75/8010
    //   5: nbrs 2,4,8    mean k = (−26 + 19 − 26)/3    = −11   I = 9·−26·−11/8010  = 2574/8010
    //   6: nbrs 3,7      mean k = (28 − 26)/2          = 1     I = 9·−26·1/8010    = −234/8010
    //   7: nbrs 4,6,8    mean k = (19 − 26 − 26)/3     = −11   I = 9·−26·−11/8010  = 2574/8010
    //   8: nbrs 5,7      mean k = −26                          I = 9·−26·−26/8010  = 6084/8010
    const expected = [13455, 4329, -1287, 3276, 555.75, 2574, -234, 2574, 6084].map((v) => v / 8010);
    const { I, z } = localMoran(values, neighbours, options);
    I.forEach((v, i) => expect(Math.abs((v as number) - expected[i])).toBeLessThan(1e-9));
    expect(Math.abs((z[0] as number) - (3 * 46) / Math.sqrt(8010))).toBeLessThan(1e-9);
  });

  it('localMoran(values, neighbours) averages to the global Moran\'s I from the same weights', () => {
    const { I } = localMoran(values, neighbours, options);
    const mean = (I as number[]).reduce((a, b) => a + b, 0) / I.length;
    expect(Math.abs(mean - globalMoran(values, neighbours))).toBeLessThan(1e-9);
    // 31326.75/8010/9 by hand from the I above.
    expect(Math.abs(mean - 31326.75 / 8010 / 9)).toBeLessThan(1e-9);
  });

  it('localMoran(values, neighbours, options) approaches the exact conditional-permutation p-value', () => {
    // Ward 0 (k = 46, two neighbours): of the C(8,2) = 28 pairs of other wards, only {37, 28} reaches
    // the observed neighbour sum 65, so p → 1/28. Ward 8 (k = −26, I > 0, lower tail): any two of the
    // other four −26s tie the observed −52, so p → C(4,2)/28 = 6/28; exact ties must count.
    const { p } = localMoran(values, neighbours, { permutations: 99_999, seed: 1, alpha: 0.05 });
    expect(Math.abs((p[0] as number) - 1 / 28)).toBeLessThan(0.005);
    expect(Math.abs((p[8] as number) - 6 / 28)).toBeLessThan(0.01);
  });

  it('localMoran(values, neighbours, options) finds a 2 x 2 hot spot as HH', () => {
    const rng = random(11);
    const hot = new Set([0, 1, 6, 7]);
    const grid = Array.from({ length: 36 }, (_, i) => (hot.has(i) ? 10 : 0) + rng());
    const { p, cluster } = localMoran(grid, rookGrid(6, 6), options);
    for (const i of hot) {
      expect(cluster[i]).toBe('HH');
      expect(p[i] as number).toBeLessThanOrEqual(0.05);
    }
    // Noise still throws up the odd false positive at alpha = 0.05 (up to 7 of 32 over 200 seeds).
    const others = cluster.filter((c, i) => !hot.has(i) && c !== null);
    expect(others.length).toBeLessThanOrEqual(8);
  });

  it('localMoran(values, neighbours, options) gives the same result for the same seed', () => {
    const rng = random(3);
    const grid = Array.from({ length: 100 }, () => (rng() < 0.1 ? null : Math.round(rng() * 50)));
    const a = localMoran(grid, rookGrid(10, 10), { permutations: 199, seed: 5, alpha: 0.05 });
    const b = localMoran(grid, rookGrid(10, 10), { permutations: 199, seed: 5, alpha: 0.05 });
    const c = localMoran(grid, rookGrid(10, 10), { permutations: 199, seed: 6, alpha: 0.05 });
    expect(b).toEqual(a);
    expect(c.I).toEqual(a.I);
    expect(c.p).not.toEqual(a.p);
  });

  it('localMoran(values, neighbours, { onProgress }) reports the wards done every 256 valued wards and at the end', () => {
    // Every fifth ward (0, 5, 10, …) has no value, so valued ward o (counting from 0) is ward 5·o/4 + 1 when
    // 4 divides o: valued wards 256, 512, 768 and 1024 are wards 321, 641, 961 and 1281, and when each is
    // reached all wards below it are done.
    const grid = Array.from({ length: 1600 }, (_, i) => (i % 5 === 0 ? null : (i * 7) % 11));
    const done: number[] = [];
    const withProgress = localMoran(grid, rookGrid(40, 40), { permutations: 9, seed: 2, alpha: 0.05, onProgress: (d) => done.push(d) });
    expect(done).toEqual([321, 641, 961, 1281, 1600]);
    expect(withProgress).toEqual(localMoran(grid, rookGrid(40, 40), { permutations: 9, seed: 2, alpha: 0.05 }));
  });

  it('localMoran(values, neighbours, { onProgress }) reports once when there are few wards', () => {
    const done: number[] = [];
    localMoran(values, neighbours, { ...options, onProgress: (d) => done.push(d) });
    expect(done).toEqual([9]);
  });

  it('localMoran(values, neighbours) ignores neighbours without a value and nulls wards left alone', () => {
    const { I, z, p, cluster } = localMoran([1, null, 3, 5], [[1], [0, 2], [1, 3, 3, 2], [2]], options);
    expect(I[0]).toBeNull();
    expect(z[0]).not.toBeNull();
    expect(p[0]).toBeNull();
    expect(cluster[0]).toBeNull();
    expect(I[1]).toBeNull();
    expect(z[1]).toBeNull();
    // Ward 2's only valued neighbour is 3 (listed twice, counted once); 3 is the mean, so z_2 = 0 and I_2 = 0.
    expect(I[2]).toBe(0);
    expect(p[2]).toBe(1);
  });

  it('localMoran(values, neighbours, options) rejects bad options', () => {
    expect(() => localMoran([1, 2], [[1]], options)).toThrow('invalid neighbours: 1 lists for 2 values');
    expect(() => localMoran([1, 2], [[1], [0]], { ...options, permutations: 0 })).toThrow('invalid permutations: 0');
    expect(() => localMoran([1, 2], [[1], [0]], { ...options, alpha: 0 })).toThrow('invalid alpha: 0');
    expect(() => localMoran([1, 2], [[2], [0]], options)).toThrow('invalid neighbour of ward 0: 2');
  });
});

describe('localMoran properties', () => {
  const wardsArb = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.tuple(
      fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: null, freq: 5 }), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 6 }), { minLength: n, maxLength: n }),
    ),
  );

  it('localMoran(values, neighbours, options) gives p in (0, 1] and clusters only where p ≤ alpha', () => {
    fc.assert(
      fc.property(wardsArb, fc.integer(), fc.double({ min: 0.01, max: 1, noNaN: true }), ([values, neighbours], seed, alpha) => {
        const { I, z, lag, p, cluster } = localMoran(values, neighbours, { permutations: 19, seed, alpha });
        values.forEach((v, i) => {
          expect(z[i] === null).toBe(v === null);
          expect(p[i] === null).toBe(I[i] === null);
          expect(lag[i] === null).toBe(I[i] === null);
          if (p[i] !== null) expect(p[i]! > 0 && p[i]! <= 1).toBe(true);
          if (cluster[i] !== null) expect(p[i]!).toBeLessThanOrEqual(alpha);
          if (cluster[i] === 'HH' || cluster[i] === 'HL') expect(z[i]!).toBeGreaterThan(0);
          if (cluster[i] === 'LL' || cluster[i] === 'LH') expect(z[i]!).toBeLessThan(0);
        });
      }),
    );
  });
});
