import { describe, expect, it } from 'vitest';
import { describeDialect } from '../../src/io/describeDialect';

describe('describeDialect', () => {
  it('describeDialect(dialect) names the separator, the decimal mark and the thousands separator', () => {
    expect(describeDialect({ delimiter: ',', decimal: '.', thousands: null, bom: false })).toBe('comma separated, decimal point');
    expect(describeDialect({ delimiter: '|', decimal: '.', thousands: ',', bom: false })).toBe('"|" separated, decimal point, "," between thousands');
    expect(describeDialect({ delimiter: '\t', decimal: ',', thousands: ' ', bom: true })).toBe('tab separated, decimal comma, spaces between thousands, with BOM');
  });

  it('describeDialect(dialect, decoded) adds the encoding and its BOM', () => {
    const dialect = { delimiter: ';', decimal: ',', thousands: '.', bom: false } as const;
    expect(describeDialect(dialect, { encoding: 'utf-8', bom: true })).toBe('semicolon separated, decimal comma, "." between thousands, UTF-8 with BOM');
    expect(describeDialect(dialect, { encoding: 'windows-1252', bom: false })).toBe('semicolon separated, decimal comma, "." between thousands, Windows-1252 (Latin-1)');
    expect(describeDialect(dialect, { encoding: 'utf-16le', bom: true })).toBe('semicolon separated, decimal comma, "." between thousands, UTF-16 with BOM');
  });
});
