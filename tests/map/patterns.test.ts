import { describe, expect, it } from 'vitest';
import { hatchPattern } from '../../src/map/patterns';

const alphaAt = (p: ReturnType<typeof hatchPattern>, x: number, y: number) => p.data[(y * p.width + x) * 4 + 3];
const greyAt = (p: ReturnType<typeof hatchPattern>, x: number, y: number) => p.data[(y * p.width + x) * 4];

describe('hatchPattern', () => {
  it('hatchPattern(spacing, false) draws one dark anti-diagonal per tile with a light edge beside it', () => {
    const p = hatchPattern(6, false);
    expect([p.width, p.height, p.data.length]).toEqual([6, 6, 6 * 6 * 4]);
    // Dark where x + y is a multiple of 6: (0,0), (5,1), (1,5)…
    for (const [x, y] of [[0, 0], [5, 1], [1, 5], [3, 3]]) {
      expect(alphaAt(p, x, y)).toBe(235);
      expect(greyAt(p, x, y)).toBe(20);
    }
    expect(greyAt(p, 4, 1)).toBe(255);
    expect(alphaAt(p, 2, 2)).toBe(0);
  });

  it('hatchPattern(spacing, true) adds the other diagonal', () => {
    const single = hatchPattern(6, false);
    const cross = hatchPattern(6, true);
    expect(alphaAt(single, 1, 1)).toBe(0);
    expect(alphaAt(cross, 1, 1)).toBe(235);
    const dark = (p: ReturnType<typeof hatchPattern>) => p.data.filter((_, i) => i % 4 === 3 && p.data[i] === 235).length;
    expect(dark(cross)).toBeGreaterThan(dark(single));
  });

  it('hatchPattern(spacing) tiles seamlessly: every dark pixel continues across the tile edge', () => {
    const p = hatchPattern(8, false);
    let dark = 0;
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        if (alphaAt(p, x, y) !== 235) continue;
        dark++;
        expect(alphaAt(p, (x + 1) % 8, (y + 7) % 8)).toBe(235);
      }
    }
    expect(dark).toBe(8);
  });

  it('hatchPattern(spacing) rejects a spacing too small to draw', () => {
    expect(() => hatchPattern(2, false)).toThrow('invalid spacing: 2');
  });
});
