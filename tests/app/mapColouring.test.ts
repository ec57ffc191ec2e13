import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapColouring } from '../../src/app/mapColouring';
import type { Classification } from '../../src/model/classify';
import { rank } from '../../src/model/rank';

const plain = (v: number) => String(v);

/** Relative luminance (0 black … 1 white) of "#rrggbb" or "rgb(r, g, b)". */
function luminance(colour: string): number {
  const channels = colour.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('mapColouring', () => {
  it('mapColouring(values, high, quantile, 2) cuts at the median and marks null as -1', () => {
    // Sorted 10, 20, 30, 40: the 0.5 quantile is 25.
    const c = mapColouring([10, 20, null, 30, 40], 'high', 'quantile', 2, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([0, 0, -1, 1, 1]));
    expect(c.noData).toBe(1);
    expect(c.colours).toHaveLength(2);
    expect(c.legend.map((l) => l.label)).toEqual(['10 – 25', '25 – 40']);
    expect(c.legend.map((l) => l.colour)).toEqual(c.colours);
  });

  it('mapColouring(values, low, quantile, 2) gives the lowest values the highest class', () => {
    const c = mapColouring([10, 20, null, 30, 40], 'low', 'quantile', 2, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([1, 1, -1, 0, 0]));
    expect(c.noData).toBe(1);
    // Legend runs least to most need: for `low` that is from the high values down.
    expect(c.legend.map((l) => l.label)).toEqual(['25 – 40', '10 – 25']);
    expect(c.legend.map((l) => l.colour)).toEqual(c.colours);
  });

  it('mapColouring(values, high, equal, 4) cuts equal-width intervals; a threshold value goes up', () => {
    // min 0, max 40, step 10: thresholds 10, 20, 30.
    const c = mapColouring([0, 10, 20, 30, 40], 'high', 'equal', 4, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([0, 1, 2, 3, 3]));
    expect(c.noData).toBe(0);
    expect(c.legend.map((l) => l.label)).toEqual(['0 – 10', '10 – 20', '20 – 30', '30 – 40']);
  });

  it('mapColouring(values, low, equal, 4) reverses the classes and the legend ranges', () => {
    const c = mapColouring([0, 10, 20, 30, 40], 'low', 'equal', 4, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([3, 2, 1, 0, 0]));
    expect(c.legend.map((l) => l.label)).toEqual(['30 – 40', '20 – 30', '10 – 20', '0 – 10']);
    // The lowest value (most need) gets the last, darkest colour.
    expect(c.colours[c.classes[0]]).toBe(c.colours[3]);
  });

  it('mapColouring(values, direction, classification, k, palette) colours run light to dark, least to most need', () => {
    for (const palette of ['viridis', 'cividis', 'magma'] as const) {
      const { colours } = mapColouring([1, 2, 3, 4, 5], 'high', 'equal', 5, palette, plain);
      expect(colours).toHaveLength(5);
      const lum = colours.map(luminance);
      for (let i = 1; i < lum.length; i++) expect(lum[i], `${palette} ${i}`).toBeLessThan(lum[i - 1]);
    }
  });

  it('mapColouring(values, ...) formats the legend edges with the given format', () => {
    const c = mapColouring([0.5, 1.5], 'high', 'equal', 2, 'viridis', (v) => v.toFixed(1) + ' %');
    expect(c.legend.map((l) => l.label)).toEqual(['0.5 % – 1.0 %', '1.0 % – 1.5 %']);
  });

  it('mapColouring(values, ...) with fewer distinct values than classes makes fewer classes', () => {
    // Two distinct values: one threshold (the equal-width midpoint 6).
    const c = mapColouring([4, 8, 4, 8], 'high', 'equal', 5, 'viridis', plain);
    expect(c.colours).toHaveLength(2);
    expect(c.classes).toEqual(Int8Array.from([0, 1, 0, 1]));
    expect(c.legend.map((l) => l.label)).toEqual(['4 – 6', '6 – 8']);
  });

  it('mapColouring(values, ...) counts NaN as no data', () => {
    const c = mapColouring([1, Number.NaN, 3], 'high', 'equal', 2, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([0, -1, 1]));
    expect(c.noData).toBe(1);
    expect(c.legend.map((l) => l.label)).toEqual(['1 – 2', '2 – 3']);
  });

  it('mapColouring(all null, ...) has every ward at -1 and an empty legend', () => {
    const c = mapColouring([null, null, null], 'low', 'quantile', 5, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([-1, -1, -1]));
    expect(c.noData).toBe(3);
    expect(c.legend).toEqual([]);
  });

  it('mapColouring(one value, ...) has one class covering that value', () => {
    const c = mapColouring([7, null], 'high', 'quantile', 5, 'viridis', plain);
    expect(c.classes).toEqual(Int8Array.from([0, -1]));
    expect(c.colours).toHaveLength(1);
    expect(c.legend.map((l) => l.label)).toEqual(['7 – 7']);
  });

  it('mapColouring(values, ..., ranking) colours as without the ranking, reusing its order', () => {
    // Scores as score() makes them (0–100, many ties, unscored wards), and -0 beside 0.
    const scoreArb = fc.oneof(fc.constantFrom(null, 0, -0, 50, 50 + 1e-12, 100), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
    const args = fc.tuple(fc.constantFrom<Classification>('quantile', 'equal', 'ckmeans'), fc.integer({ min: 1, max: 9 }), fc.constantFrom('high', 'low') as fc.Arbitrary<'high' | 'low'>);
    for (const [minLength, maxLength, numRuns] of [
      [0, 40, 200],
      [2048, 2500, 5],
    ]) {
      fc.assert(
        fc.property(fc.array(scoreArb, { minLength, maxLength }), args, (values, [classification, k, direction]) => {
          if (classification === 'ckmeans' && values.length > 100) return;
          const codes = values.map((_, i) => `w${(i * 7919) % 1009}`);
          const given = mapColouring(values, direction, classification, k, 'viridis', plain, rank(values, codes));
          expect(given).toEqual(mapColouring(values, direction, classification, k, 'viridis', plain));
        }),
        { numRuns, endOnFailure: true },
      );
    }
  });

  it('mapColouring(values, ..., ranking) throws when the ranking is of other values', () => {
    expect(() => mapColouring([1, 2, 3], 'high', 'quantile', 2, 'viridis', plain, rank([1, 2], ['a', 'b']))).toThrow('invalid ranking: 2 wards for 3 values');
  });
});
