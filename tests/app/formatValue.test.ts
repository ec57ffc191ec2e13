import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatScore, formatValue } from '../../src/ui/formatValue';
import { formatFte } from '../../src/ui/chartScales';

// Intl writes French thousands with a narrow no-break space (U+202F); the tests name it.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatValue and friends per locale', () => {
  it('formatScore(12.5, locale) writes a decimal comma in nl-BE and fr-BE, a point in en', () => {
    expect(formatScore(12.5, 'nl-BE')).toBe('12,5');
    expect(formatScore(12.5, 'fr-BE')).toBe('12,5');
    expect(formatScore(12.5, 'en')).toBe('12.5');
    expect(formatScore(12.5)).toBe('12.5');
    expect(formatScore(null, 'fr-BE')).toBe('–');
  });

  it('formatScore(value, "en") writes what value.toFixed(1) wrote before languages', () => {
    for (const value of [0, 0.05, 0.25, 1.005, 12.25, 33.349999, 99.95, 100]) expect(formatScore(value, 'en')).toBe(value.toFixed(1));
  });

  it('formatValue(value, unit, whole, locale) writes shares, money, counts and ratios in the locale', () => {
    expect(formatValue(41.25, '%', false, 'en')).toBe('41.3 %');
    expect(formatValue(41.25, '%', false, 'nl-BE')).toBe('41,3 %');
    expect(formatValue(41.25, '%', false, 'fr-BE')).toBe('41,3 %');
    expect(formatValue(23410, 'EUR', false, 'en')).toBe('€ 23,410');
    expect(formatValue(23410, 'EUR', false, 'nl-BE')).toBe(`€${NBSP}23.410`);
    expect(formatValue(23410, 'EUR', false, 'fr-BE')).toBe(`23${NNBSP}410${NBSP}€`);
    expect(formatValue(1204, 'persons', false, 'nl-BE')).toBe('1.204');
    expect(formatValue(5.314, '', false, 'fr-BE')).toBe('5,31');
    expect(formatValue(54, '', true, 'fr-BE')).toBe('54');
    expect(formatValue(null, '%', false, 'nl-BE')).toBe('–');
  });

  it('formatValue(value, unit) without a locale keeps the English output', () => {
    expect(formatValue(23410, 'EUR')).toBe('€ 23,410');
    expect(formatValue(41.2, '%')).toBe('41.2 %');
    expect(formatValue(1204, 'persons')).toBe('1,204');
    expect(formatValue(5.31, '')).toBe('5.31');
  });

  it('formatNumber(value, digits, locale) writes fixed decimals without grouping', () => {
    expect(formatNumber(1234.5, 2, 'en')).toBe('1234.50');
    expect(formatNumber(1234.5, 2, 'nl-BE')).toBe('1234,50');
    expect(formatNumber(0.5, 1, 'fr-BE')).toBe('0,5');
  });

  it('formatFte(fte, locale) and formatPercent(share, locale) follow the locale', () => {
    expect(formatFte(2.5, 'en')).toBe('2.5');
    expect(formatFte(2.5, 'nl-BE')).toBe('2,5');
    expect(formatFte(2.5, 'fr-BE')).toBe('2,5');
    expect(formatPercent(0.637, 'fr-BE')).toBe('64 %');
  });

  it('formatDate(date, locale) and formatDateTime(iso, locale) write the day as each language does', () => {
    const day = new Date(2026, 2, 1, 10, 5);
    expect(formatDate(day, 'en')).toBe('01/03/2026');
    expect(formatDate(day, 'nl-BE')).toBe('1/3/2026');
    expect(formatDate(day, 'fr-BE')).toBe('01/03/2026');
    expect(formatDateTime(day.toISOString(), 'fr-BE')).toContain('mars 2026');
    expect(formatDateTime(day.toISOString(), 'nl-BE')).toContain('mrt 2026');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
