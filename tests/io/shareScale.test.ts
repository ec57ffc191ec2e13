import { describe, expect, it } from 'vitest';
import { shareScale } from '../../src/io/shareScale';

describe('shareScale', () => {
  it('shareScale(values within 0–1, some between) reads them as fractions', () => {
    expect(shareScale([0.35, 0.12, null, 0, 1])).toEqual({ scale: 'fraction', reasons: ['all 4 values lie between 0 and 1 (the largest is 1)'] });
  });

  it('shareScale(values mostly above 1) reads them as percent, small ones as small percentages', () => {
    expect(shareScale([35, 12.5, 48.3])).toEqual({ scale: 'percent', reasons: ['3 of 3 values are above 1 (the largest is 48.3)'] });
    expect(shareScale([35, 12, 0.5]).reasons).toEqual(['2 of 3 values are above 1 (the largest is 35)', '1 value below 1 read as small percentages (0.5 = 0.5 %)']);
  });

  it('shareScale(values only 0 and 1) cannot tell', () => {
    expect(shareScale([0, 1, 1, 0])).toEqual({
      scale: 'unclear',
      reasons: ['every value is 0 or 1: as percent that is 0 % or 1 %, as fractions 0 % or 100 %'],
    });
  });

  it('shareScale(half within 0–1, some above) cannot tell: two files pasted together?', () => {
    expect(shareScale([0.3, 0.4, 0.5, 35])).toEqual({
      scale: 'unclear',
      reasons: ['1 of 4 values are above 1 (the largest is 35), but half of them are 1 or less (median 0.4): percent and fractions mixed?'],
    });
  });

  it('shareScale(no values, or none within 0–100) cannot tell', () => {
    expect(shareScale([null, null])).toEqual({ scale: 'unclear', reasons: ['the column has no values'] });
    expect(shareScale([-5, 135])).toEqual({
      scale: 'unclear',
      reasons: ['no value lies within 0–100', '2 values lie outside 0–100, which fits neither reading'],
    });
  });

  it('shareScale(values) leaves values below 0 or above 100 out of the vote and says so', () => {
    expect(shareScale([0.2, 0.3, 135])).toEqual({
      scale: 'fraction',
      reasons: ['all 2 values lie between 0 and 1 (the largest is 0.3)', '1 value lies outside 0–100, which fits neither reading'],
    });
  });
});
