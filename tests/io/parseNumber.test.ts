import { describe, expect, it } from 'vitest';
import { isMissing, numberValue, parseNumber, type NumberFormat } from '../../src/io/parseNumber';

const EN: NumberFormat = { decimal: '.', thousands: null };
const EN_GROUPED: NumberFormat = { decimal: '.', thousands: ',' };
const BE: NumberFormat = { decimal: ',', thousands: '.' };

const value = (cell: string, format: NumberFormat) => {
  const parsed = parseNumber(cell, format);
  return parsed.kind === 'number' ? parsed.value : parsed;
};

describe('parseNumber', () => {
  it('parseNumber(cell, {decimal: "."}) reads plain, signed and scientific numbers', () => {
    expect(value('12.5', EN)).toBe(12.5);
    expect(value(' 42 ', EN)).toBe(42);
    expect(value('+3', EN)).toBe(3);
    expect(value('-0.25', EN)).toBe(-0.25);
    expect(value('−7', EN)).toBe(-7);
    expect(value('.5', EN)).toBe(0.5);
    expect(value('1.5e3', EN)).toBe(1500);
    expect(value('2E-2', EN)).toBe(0.02);
    expect(value('-0', EN)).toBe(0);
    expect(Object.is(value('-0', EN), -0)).toBe(false);
  });

  it('parseNumber(cell, {decimal: ",", thousands: "."}) reads Belgian numbers and Statbel counts', () => {
    expect(value('12,5', BE)).toBe(12.5);
    expect(value('1.234', BE)).toBe(1234);
    expect(value('1.234.567', BE)).toBe(1234567);
    expect(value('1.234,56', BE)).toBe(1234.56);
    expect(value('1234,5', BE)).toBe(1234.5);
    expect(value('-00', BE)).toBe(0);
  });

  it('parseNumber(cell, {thousands: ","}) reads English grouped numbers', () => {
    expect(value('1,234.56', EN_GROUPED)).toBe(1234.56);
    expect(value('12,345,678', EN_GROUPED)).toBe(12345678);
  });

  it('parseNumber(cell, format) takes spaces and non-breaking spaces as thousands separators in any format', () => {
    expect(value('1 234', EN)).toBe(1234);
    expect(value('1\u00a0234,5', BE)).toBe(1234.5);
    expect(value('12\u202f345.5', EN)).toBe(12345.5);
    expect(parseNumber('12 34', EN).kind).toBe('invalid');
  });

  it('parseNumber(cell, format) keeps a percentage as written', () => {
    expect(value('35%', EN)).toBe(35);
    expect(value('12,5 %', BE)).toBe(12.5);
  });

  it('parseNumber(cell, format) reads blanks and markers as missing, keeping the marker', () => {
    expect(parseNumber('', EN)).toEqual({ kind: 'missing', marker: '', suppressed: false });
    expect(parseNumber('  ', EN)).toEqual({ kind: 'missing', marker: '', suppressed: false });
    for (const marker of ['-', 'NA', 'n.a.', 'N/A', '#N/A', '…', 'x', 'nvt']) {
      expect(parseNumber(marker, BE)).toEqual({ kind: 'missing', marker, suppressed: false });
    }
  });

  it('parseNumber(cell, format) reads "<5" style small counts as suppressed', () => {
    expect(parseNumber('<5', BE)).toEqual({ kind: 'missing', marker: '<5', suppressed: true });
    expect(parseNumber('*', BE)).toEqual({ kind: 'missing', marker: '*', suppressed: true });
    expect(parseNumber('< 10', EN)).toEqual({ kind: 'missing', marker: '< 10', suppressed: true });
    expect(parseNumber('≤3', EN)).toEqual({ kind: 'missing', marker: '≤3', suppressed: true });
  });

  it('parseNumber(cell, format) gives a reason for text that is not a number', () => {
    expect(parseNumber('abc', EN)).toEqual({ kind: 'invalid', reason: '"abc" is not a number' });
    expect(parseNumber('12,5', EN).kind).toBe('invalid');
    expect(parseNumber('1.5', BE).kind).toBe('invalid');
    expect(parseNumber('1.23.4', BE).kind).toBe('invalid');
    expect(parseNumber('e5', EN).kind).toBe('invalid');
    expect(parseNumber('+', EN).kind).toBe('invalid');
    expect(parseNumber('1e999', EN)).toEqual({ kind: 'invalid', reason: '"1e999" is out of range' });
  });

  it('numberValue(cell, format) is parseNumber\'s value, NaN for a gap or text', () => {
    expect(numberValue('1.234,5', BE)).toBe(1234.5);
    expect(numberValue('-0', EN)).toBe(0);
    expect(Object.is(numberValue('-0', EN), -0)).toBe(false);
    for (const cell of ['', 'n.a.', '<5', 'abc', '11001A00-', '1.5', '1e999']) expect(numberValue(cell, BE)).toBeNaN();
  });

  it('isMissing(cell) is true where parseNumber reads a gap, in any format', () => {
    for (const cell of ['', '  ', '-', 'N/A', '<5', '≤ 3', '*']) expect(isMissing(cell)).toBe(true);
    for (const cell of ['0', '12,5', 'abc', '1e999']) expect(isMissing(cell)).toBe(false);
  });
});
