import { describe, expect, it } from 'vitest';
import { shiftColouring, SHIFT_COLOURS } from '../../src/app/shiftColouring';

describe('shiftColouring', () => {
  it('shiftColouring(shift) puts unchanged wards in the middle, movers by size and direction, unranked as no data', () => {
    // |moves| = 1 2 3 4 5 6 → terciles (linear) at 2.67 and 4.33 → small ≤ 2, medium ≤ 4, large > 4.
    const shift = [0, 1, -2, 3, -4, 5, -6, null];
    const { classes, noData, colours } = shiftColouring(shift);
    expect([...classes]).toEqual([3, 4, 2, 5, 1, 6, 0, -1]);
    expect(noData).toBe(1);
    expect(colours).toEqual(SHIFT_COLOURS);
  });

  it('shiftColouring(shift) labels the classes with the place counts that bound them', () => {
    const { legend } = shiftColouring([0, 1, -2, 3, -4, 5, -6]);
    expect(legend.map((e) => e.label)).toEqual([
      'Down more than 4 places',
      'Down 3–4 places',
      'Down 1–2 places',
      'Same rank',
      'Up 1–2 places',
      'Up 3–4 places',
      'Up more than 4 places',
    ]);
  });

  it('shiftColouring(shift) keeps the class bounds increasing when every mover moved by one place', () => {
    const { classes, legend } = shiftColouring([1, -1, 1, 0]);
    expect([...classes]).toEqual([4, 2, 4, 3]);
    expect(legend[4].label).toBe('Up 1 place');
    expect(legend[5].label).toBe('Up 2 places');
  });
});
