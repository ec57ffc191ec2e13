import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/formatCsv';
import { parseCsv } from '../../src/io/parseCsv';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';

describe('formatCsv', () => {
  it('formatCsv(header, rows, {format: "csv"}) writes commas, points and LF, without BOM', () => {
    const text = formatCsv(['code', 'name', 'score'], [['A1', 'Noord', 12.5], ['A2', 'Zuid, Oost', null]], { format: 'csv' });
    expect(text).toBe('code,name,score\nA1,Noord,12.5\nA2,"Zuid, Oost",\n');
  });

  it('formatCsv(header, rows, {format: "excel-be"}) writes a BOM, semicolons, decimal commas and CRLF', () => {
    const text = formatCsv(['code', 'score'], [['A1', 12.5], ['A2', 1234.25]], { format: 'excel-be' });
    expect(text).toBe('\uFEFFcode;score\r\nA1;12,5\r\nA2;1234,25\r\n');
  });

  it('formatCsv(header, rows, options) escapes text that a spreadsheet would run as a formula', () => {
    const text = formatCsv(['v'], [['=SUM(A1)'], ['+1'], ['-x'], ['@a'], ['\tx'], [-3], ['a=b']], { format: 'csv' });
    expect(text.split('\n')).toEqual(['v', "'=SUM(A1)", "'+1", "'-x", "'@a", `"'\tx"`, '-3', 'a=b', '']);
  });

  it('formatCsv(header, rows, options) quotes separators, quotes, line breaks and a leading #', () => {
    const text = formatCsv(['v'], [['say "hi"'], ['two\nlines'], ['#1'], ['a;b']], { format: 'excel-be' });
    expect(text).toBe('\uFEFFv\r\n"say ""hi"""\r\n"two\nlines"\r\n"#1"\r\n"a;b"\r\n');
  });

  it('formatCsv(header, rows, options) rounds to 4 decimals by default and trims trailing zeros', () => {
    const text = formatCsv(['a', 'b', 'c', 'd'], [[1 / 3, 2, 0.10000001, -0.00001]], { format: 'csv' });
    expect(text).toBe('a,b,c,d\n0.3333,2,0.1,0\n');
  });

  it('formatCsv(header, rows, {decimals}) takes decimals for all columns or per column', () => {
    expect(formatCsv(['a', 'b'], [[1.2345, 2.5]], { format: 'csv', decimals: 1 })).toBe('a,b\n1.2,2.5\n');
    expect(formatCsv(['a', 'b'], [[1.2345, 2.5]], { format: 'csv', decimals: { a: 2, b: 0 } })).toBe('a,b\n1.23,3\n');
    expect(() => formatCsv(['a'], [[1]], { format: 'csv', decimals: -1 })).toThrow('invalid decimals: -1');
  });

  it('formatCsv(header, rows, {comments}) writes comment lines first, one "#" line per line of text', () => {
    const text = formatCsv(['v'], [[1]], { format: 'csv', comments: ['chw-planner export', 'method: percentile\n=HACK()'] });
    expect(text).toBe('# chw-planner export\n# method: percentile\n# =HACK()\nv\n1\n');
  });

  it('formatCsv(header, rows, options) writes an empty cell for non-finite numbers', () => {
    expect(formatCsv(['v'], [[NaN], [Infinity]], { format: 'csv' })).toBe('v\n\n\n');
  });
});

describe('formatCsv then parseCsv', () => {
  const header = ['code', 'name', 'score', 'share'];
  const rows: (string | number | null)[][] = [
    ['24107A00-', 'TIENEN-CENTRUM', 37.174, 0.5],
    ['24107A01-', '=cmd|calc', -3.5, null],
    ['24107A02-', 'Zuid; "oost"', 1234.5678, 12],
    ['24107A03-', '#1', 1.234, -0.25],
  ];

  for (const format of ['csv', 'excel-be'] as const) {
    it(`formatCsv(header, rows, {format: "${format}"}) reads back through parseCsv and readIndicatorTable`, () => {
      const text = formatCsv(header, rows, { format, comments: ['exported 2026-11-23'] });
      const parsed = parseCsv(text, 'export.csv');
      expect(parsed.problems).toEqual([]);
      const table = parsed.data!;
      expect(table.dialect.delimiter).toBe(format === 'csv' ? ',' : ';');
      expect(table.dialect.bom).toBe(format === 'excel-be');
      expect(table.columns).toEqual(header);
      // Escaped text comes back with its leading quote: the escape is what a spreadsheet shows too.
      expect(table.rows.map((r) => r[1])).toEqual(['TIENEN-CENTRUM', "'=cmd|calc", 'Zuid; "oost"', '#1']);
      const { data, problems } = readIndicatorTable(table, 'code', 'export.csv');
      expect(problems).toEqual([]);
      expect(data?.keys).toEqual(rows.map((r) => r[0]));
      expect(data?.values).toEqual({ score: [37.174, -3.5, 1234.5678, 1.234], share: [0.5, null, 12, -0.25] });
    });
  }
});
