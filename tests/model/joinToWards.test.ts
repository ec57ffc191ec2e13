import { describe, expect, it } from 'vitest';
import { joinToWards } from '../../src/model/joinToWards';
import { normaliseCode } from '../../src/model/normaliseCode';

describe('joinToWards', () => {
  it('joinToWards(codes, table) aligns rows by code, with and without the trailing "-"', () => {
    const { values, report } = joinToWards(
      ['11001A00-', '11001A01-', '11001B10-'],
      { keys: ['11001a01', '11001A00', '99999Z99', '11001A00'], values: { x: [1, 2, 3, 4] } },
      'x.csv',
    );
    expect(values.x).toEqual([2, 1, null]);
    expect(report).toEqual({
      file: 'x.csv',
      matched: 2,
      wardCount: 3,
      rowCount: 4,
      wardsWithoutRow: ['11001B10-'],
      rowsWithoutWard: ['99999Z99'],
      duplicateKeys: ['11001A00'],
    });
  });
});

describe('normaliseCode', () => {
  it('normaliseCode(code) trims, upper-cases and drops the trailing "-"', () => {
    expect(normaliseCode(' 11001a00- ')).toBe('11001A00');
    expect(normaliseCode('DEMO-A01')).toBe('DEMO-A01');
  });
});
