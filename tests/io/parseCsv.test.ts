import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/parseCsv';
import { sharedData } from './sharedData';

describe('parseCsv', () => {
  it('parseCsv(text) reads a comma file with a point decimal', () => {
    const { data, problems } = parseCsv('code,name,value\nA1,Noord,12.5\nA2,"Zuid, oost",3\n', 'a.csv');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual(['code', 'name', 'value']);
    expect(data?.rows).toEqual([
      ['A1', 'Noord', '12.5'],
      ['A2', 'Zuid, oost', '3'],
    ]);
    expect(data?.dialect).toEqual({ delimiter: ',', decimal: '.', thousands: null, bom: false });
  });

  it('parseCsv(text) detects a semicolon delimiter and a decimal comma', () => {
    const { data, problems } = parseCsv('code;share;count\nA1;12,5;3\nA2;7,25;4\n', 'b.csv');
    expect(problems).toEqual([]);
    expect(data?.rows[0]).toEqual(['A1', '12,5', '3']);
    expect(data?.dialect).toMatchObject({ delimiter: ';', decimal: ',', thousands: null });
  });

  it('parseCsv(text) detects a tab delimiter', () => {
    const { data } = parseCsv('code\tvalue\nA1\t0.5\n', 't.tsv');
    expect(data?.dialect).toMatchObject({ delimiter: '\t', decimal: '.' });
    expect(data?.rows).toEqual([['A1', '0.5']]);
  });

  it('parseCsv(text) strips a BOM, reads CRLF line ends and trims header names', () => {
    const { data, problems } = parseCsv('\uFEFF code ; value \r\nA1;1\r\nA2;2\r\n', 'c.csv');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual(['code', 'value']);
    expect(data?.rows).toEqual([
      ['A1', '1'],
      ['A2', '2'],
    ]);
    expect(data?.dialect.bom).toBe(true);
  });

  it('parseCsv(text) reads Statbel "1.234" counts in a semicolon file as dot thousands', () => {
    const text = 'CD_STAT_SECTOR;MS_NUM_HH;MS_NUM_CAR\r\n11053A381;218;287\r\n11053B000;821;1.030\r\n';
    expect(parseCsv(text, 's.txt').data?.dialect).toMatchObject({ delimiter: ';', decimal: ',', thousands: '.' });
  });

  it('parseCsv(text) reads "1.234,56" as dot thousands and decimal comma', () => {
    expect(parseCsv('k;v\nA;1.234,56\nB;2\n', 'f').data?.dialect).toMatchObject({ decimal: ',', thousands: '.' });
  });

  it('parseCsv(text) reads "1,234.56" as comma thousands and decimal point', () => {
    expect(parseCsv('k,v\nA,"1,234.56"\nB,2.5\n', 'f').data?.dialect).toMatchObject({ decimal: '.', thousands: ',' });
  });

  it('parseCsv(text) reads "37.174" in a comma file as a decimal', () => {
    expect(parseCsv('k,v\nA,37.174\nB,39.414\n', 'f').data?.dialect).toMatchObject({ decimal: '.', thousands: null });
  });

  it('parseCsv(text) detects a pipe delimiter, as in Statbel\'s code lists', () => {
    const { data, problems } = parseCsv('LVL_REFNIS|CD_REFNIS|TX_REFNIS_FR\r\n4|62063|Liège\r\n4|55050|Ecaussinnes, commune\r\n', 'r.txt');
    expect(problems).toEqual([]);
    expect(data?.dialect.delimiter).toBe('|');
    expect(data?.rows).toEqual([
      ['4', '62063', 'Liège'],
      ['4', '55050', 'Ecaussinnes, commune'],
    ]);
  });

  it('parseCsv(text) prefers the separator that matches the header over decimal commas in data', () => {
    // Two commas on every data row, none in the header.
    const { data } = parseCsv('code;a;b\nX;1,5;2,5\nY;3,5;4,5\n', 'f');
    expect(data?.dialect.delimiter).toBe(';');
    expect(data?.columns).toEqual(['code', 'a', 'b']);
  });

  it('parseCsv(text) skips # comment lines and blank lines', () => {
    const { data, problems } = parseCsv('# exported by chw-planner\n# method: percentile\ncode,v\n\nA,1\n\nB,2\n', 'f');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual(['code', 'v']);
    expect(data?.rows).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  it('parseCsv(text) reads a one-column file', () => {
    const { data, problems } = parseCsv('code\nA\nB\n', 'f');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual(['code']);
    expect(data?.rows).toEqual([['A'], ['B']]);
  });

  it('parseCsv(text) reports an empty file as an error', () => {
    for (const text of ['', '\uFEFF', ' \n\r\n', '# only a comment\n']) {
      const { data, problems } = parseCsv(text, 'empty.csv');
      expect(data).toBeNull();
      expect(problems).toMatchObject([
        {
          file: 'empty.csv',
          row: null,
          column: null,
          message:
            'empty file: expected a header row with the column names, then one row per area; nothing was read. Check that you chose the right file, or export the table again',
          severity: 'error',
        },
      ]);
    }
  });

  it('parseCsv(text) reports a header without rows as an error', () => {
    const { data, problems } = parseCsv('code;value\r\n', 'h.csv');
    expect(data).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', row: null });
    expect(problems[0].message).toBe('header only: found the columns "code", "value" but no rows below them; nothing was read. Export the table again with its rows');
  });

  it('parseCsv(text) reports an unterminated quote with its spreadsheet row, drops that row and reads the rows after it', () => {
    const { data, problems } = parseCsv('code,name\nA,ok\nB,"broken\nC,kept\n', 'q.csv');
    expect(data?.rows).toEqual([
      ['A', 'ok'],
      ['C', 'kept'],
    ]);
    expect(data?.sourceRows).toEqual([2, 4]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'q.csv', row: 2, column: 'name', severity: 'error' });
    expect(problems[0].message).toMatch(/^spreadsheet row 3: a quote \("\) in column "name" never closes/);
  });

  it('parseCsv(text) refuses a header whose quote never closes', () => {
    const { data, problems } = parseCsv('code,"name\nA,ok\n', 'q.csv');
    expect(data).toBeNull();
    expect(problems).toMatchObject([
      {
        file: 'q.csv',
        row: 0,
        column: null,
        message:
          'spreadsheet row 1: the header has a quote (") in column 2 that never closes, so the whole file would be one cell; nothing was read. Remove that quote or add the closing one',
        severity: 'error',
      },
    ]);
  });

  it('parseCsv(text) numbers rows as a spreadsheet does: comment and blank lines count, line breaks in quoted cells do not', () => {
    const { data } = parseCsv('# note\ncode,name\n\nA,"two\nlines"\r\nB,x\n# between\nC,y\n', 'f.csv');
    expect(data?.headerRow).toBe(2);
    expect(data?.rows.map((r) => r[0])).toEqual(['A', 'B', 'C']);
    expect(data?.sourceRows).toEqual([4, 5, 7]);
  });

  it('parseCsv(text) warns about a malformed quote and keeps the row', () => {
    const { data, problems } = parseCsv('code,name\nA,"x"y",z\nB,ok\n', 'q.csv');
    expect(data?.rows.map((r) => r[0])).toEqual(['A', 'B']);
    expect(problems.some((p) => p.row === 1 && p.severity === 'warning' && /^spreadsheet row 2: a quote \("\) inside a quoted cell is not doubled/.test(p.message))).toBe(true);
  });

  it('parseCsv(text) pads short rows and cuts long ones, with a warning per row', () => {
    const { data, problems } = parseCsv('a,b,c\n1,2\n1,2,3,4\n1,2,3\n', 'w.csv');
    expect(data?.rows).toEqual([
      ['1', '2', ''],
      ['1', '2', '3'],
      ['1', '2', '3'],
    ]);
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [1, 'warning'],
      [2, 'warning'],
    ]);
  });

  it('parseCsv(text) ignores trailing separators silently', () => {
    const { data, problems } = parseCsv('a;b;\n1;2;\n3;4;;\n', 'f');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual(['a', 'b']);
    expect(data?.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('parseCsv(text) caps row-length warnings and sums up the rest', () => {
    const text = 'a,b\n' + Array.from({ length: 30 }, (_, i) => `${i}\n`).join('');
    const { problems } = parseCsv(text, 'f');
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe('and 10 more rows with a different number of fields');
  });

  it('parseCsv(text) names empty header cells and renames duplicates, with warnings', () => {
    const { data, problems } = parseCsv('code,,value,value\nA,x,1,2\n', 'f');
    expect(data?.columns).toEqual(['code', 'column 2', 'value', 'value (2)']);
    expect(problems.map((p) => [p.column, p.severity])).toEqual([
      ['column 2', 'warning'],
      ['value', 'warning'],
    ]);
  });

  const statbel = sharedData('statbel-raw/TF_CAR_HH_SECTOR.txt');
  it.skipIf(statbel.skip)(`parseCsv(text) reads Statbel's TF_CAR_HH_SECTOR.txt${statbel.note}`, () => {
    const { data, problems } = parseCsv(statbel.read(), 'TF_CAR_HH_SECTOR.txt');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual([
      'CD_YEAR',
      'CD_REFNIS',
      'TX_REFNIS_DESCR_FR',
      'TX_REFNIS_DESCR_NL',
      'CD_STAT_SECTOR',
      'MS_NUM_HH',
      'MS_NUM_CAR',
    ]);
    expect(data?.rows.length).toBe(19824);
    expect(data?.dialect).toEqual({ delimiter: ';', decimal: ',', thousands: '.', bom: true });
    expect(data?.rows[0]).toEqual(['2019', '11053', 'Wuustwezel', 'Wuustwezel', '11053A381', '218', '287']);
  });
});
