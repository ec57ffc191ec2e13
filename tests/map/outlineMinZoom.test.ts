import { describe, expect, it } from 'vitest';
import { outlineMinZoom } from '../../src/map/outlineMinZoom';

describe('outlineMinZoom', () => {
  it("outlineMinZoom(bounds, n) hides Belgium's 19,478 sector outlines at the country view (zoom 6.4) only", () => {
    expect(outlineMinZoom([2.54, 49.5, 6.41, 51.5], 19_478)).toBe(7);
  });

  it('outlineMinZoom(bounds, n) keeps the demo city outlined at the zoom it opens at (about 10.5)', () => {
    expect(outlineMinZoom([2.71665, 50.93457, 2.88679, 51.03645], 432)).toBe(9);
  });

  it('outlineMinZoom(bounds, n) is one zoom higher for four times as many wards in the same bounds', () => {
    const bounds = [4, 50, 5, 51] as const;
    expect(outlineMinZoom(bounds, 4000) - outlineMinZoom(bounds, 1000)).toBe(1);
  });

  it('outlineMinZoom(bounds, n) is 0 for empty bounds or no wards, and never above 24', () => {
    expect(outlineMinZoom([4, 50, 4, 50], 1)).toBe(0);
    expect(outlineMinZoom([4, 50, 5, 51], 0)).toBe(0);
    expect(outlineMinZoom([4, 50, 4.000001, 50.000001], 1e9)).toBe(24);
  });
});
