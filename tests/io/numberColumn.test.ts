import { describe, expect, it } from 'vitest';
import { numberColumn } from '../../src/io/numberColumn';
import { parseCsv } from '../../src/io/parseCsv';

const BELGIAN = { decimal: ',', thousands: '.' } as const;
const ENGLISH = { decimal: '.', thousands: null } as const;

describe('numberColumn', () => {
  it('numberColumn(table, index, format) reads a column as numbers, NaN for gaps and text', () => {
    const table = parseCsv('code;v\nA;1.234\nB;12,5\nC;n.a.\nD;abc\n', 'f.csv').data!;
    expect([...numberColumn(table, 1, BELGIAN)]).toEqual([1234, 12.5, NaN, NaN]);
    expect([...numberColumn(table, 1, ENGLISH)]).toEqual([1.234, NaN, NaN, NaN]);
    expect([...numberColumn(table, 0, BELGIAN)]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('numberColumn(table, index, format) reads each column and convention of a table once', () => {
    const table = parseCsv('code;v\nA;1.234\n', 'f.csv').data!;
    expect(numberColumn(table, 1, BELGIAN)).toBe(numberColumn(table, 1, { ...BELGIAN }));
    expect(numberColumn(table, 1, ENGLISH)).not.toBe(numberColumn(table, 1, BELGIAN));
    // Another table with the same cells is read for itself.
    expect(numberColumn({ rows: table.rows.map((row) => [...row]) }, 1, BELGIAN)).not.toBe(numberColumn(table, 1, BELGIAN));
  });
});
