import { describe, expect, it } from 'vitest';
import { isMarkedByHand, MARKED_BY_HAND, toggleMarkedByHand } from '../../src/app/markByHand';

const ward = { index: 4, code: '71016A00-', name: 'Genk-Centrum', district: 'Genk', municipality: '71016' };
const programme = { city: 'Genk', municipality: '71016', area: 'Sledderlo', sectorCodes: ['71016A70'] };

describe('toggleMarkedByHand', () => {
  it('toggleMarkedByHand(matches, ward) adds a match of its own and removes it again, keeping the others', () => {
    const marked = toggleMarkedByHand([programme], ward);
    expect(marked).toEqual([
      programme,
      { city: MARKED_BY_HAND, municipality: '71016', area: 'Genk-Centrum (71016A00-)', sectorCodes: ['71016A00-'] },
    ]);
    expect(isMarkedByHand(marked, '71016a00')).toBe(true);
    expect(toggleMarkedByHand(marked, ward)).toEqual([programme]);
  });
  it('isMarkedByHand(matches, code) ignores the programme\'s own matches', () => {
    expect(isMarkedByHand([programme], '71016A70')).toBe(false);
  });
});
