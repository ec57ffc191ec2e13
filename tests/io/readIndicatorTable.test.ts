import { describe, expect, it } from 'vitest';
import { detectKeyColumn } from '../../src/io/detectKeyColumn';
import { parseCsv } from '../../src/io/parseCsv';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';
import { sharedData } from './sharedData';

function read(text: string, key = 'code') {
  const table = parseCsv(text, 'f.csv').data!;
  return readIndicatorTable(table, key, 'f.csv');
}

describe('readIndicatorTable', () => {
  it('readIndicatorTable(table, key) reads numeric columns in file order and leaves text columns out', () => {
    const { data, problems } = read('code,name,income,vt_share\nA1,Noord,23541,29.45\nA2,Zuid,31000,12\n');
    expect(problems).toEqual([]);
    expect(data).toEqual({
      key: 'code',
      keys: ['A1', 'A2'],
      columns: ['income', 'vt_share'],
      values: { income: [23541, 31000], vt_share: [29.45, 12] },
    });
  });

  it('readIndicatorTable(table, key) reads a semicolon file with decimal commas', () => {
    const { data } = read('code;gmd;contacts\r\nA1;72,5;4,25\r\nA2;80;5\r\n');
    expect(data?.values).toEqual({ gmd: [72.5, 80], contacts: [4.25, 5] });
  });

  it('readIndicatorTable(table, key) reads Statbel "1.234" counts as thousands', () => {
    const { data } = read('CD_STAT_SECTOR;MS_NUM_HH;MS_NUM_CAR\r\n11053A381;218;287\r\n11053B000;821;1.030\r\n', 'CD_STAT_SECTOR');
    expect(data?.values.MS_NUM_CAR).toEqual([287, 1030]);
  });

  it('readIndicatorTable(table, key) reads markers as missing with their reason and warns about text', () => {
    const { data, problems } = read('code;v;w\nA;n.a.;1\nB;<5;2\nC;abc;3\nD;4;4\nE;;5\nF;6;6\nG;7;7\nH;8;8\n');
    expect(data?.values.v).toEqual([null, null, null, 4, null, 6, 7, 8]);
    expect(data?.missingReasons).toEqual({ v: ['n.a.', '<5', 'abc', null, null, null, null, null] });
    expect(problems).toMatchObject([
      {
        file: 'f.csv',
        row: null,
        column: 'v',
        message: '2 cells read as missing, not as 0 ("n.a." ×1, "<5" ×1); the reason is kept with the value',
        severity: 'info',
      },
      {
        file: 'f.csv',
        row: 3,
        column: 'v',
        message: 'spreadsheet row 4: expected a number, got "abc"; read as missing. Correct the cell, or leave it empty if there is no value',
        severity: 'warning',
      },
    ]);
  });

  it('readIndicatorTable(table, key) does not read a column with fewer than 80 % numbers', () => {
    const { data, problems } = read('code,mixed,v\nA,1,1\nB,x,2\nC,y,3\nD,2,4\n');
    expect(data?.columns).toEqual(['v']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ column: 'mixed', severity: 'warning' });
  });

  it('readIndicatorTable(table, key) caps cell warnings per column and sums up the rest', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `K${i},${i < 25 ? 'bad' : i}`).join('\n');
    const { data, problems } = read(`code,v\n${rows}\n`);
    expect(data?.values.v.filter((v) => v === null)).toHaveLength(25);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({ column: 'v', row: null, message: 'and 5 more cells that are not numbers in column "v"' });
  });

  it('readIndicatorTable(table, key) skips rows without a key, with a warning', () => {
    const { data, problems } = read('code,v\nA,1\n ,2\nB,3\n');
    expect(data?.keys).toEqual(['A', 'B']);
    expect(data?.values.v).toEqual([1, 3]);
    expect(problems).toMatchObject([
      {
        file: 'f.csv',
        row: 2,
        column: 'code',
        message: 'spreadsheet row 3: no code in the key column; row skipped. Fill in the code, or delete the row',
        severity: 'warning',
      },
    ]);
  });

  it('readIndicatorTable(table, key) keeps the first of duplicate keys and reports the later row', () => {
    const { data, problems } = read('code,v\n24107A00-,1\nB,2\n24107a00,3\n');
    expect(data?.keys).toEqual(['24107A00-', 'B']);
    expect(data?.values.v).toEqual([1, 2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 3, column: 'code', severity: 'error' });
    expect(problems[0].message).toBe(
      'spreadsheet row 4: code "24107a00" is also on spreadsheet row 2 (as "24107A00-"), with other values; that row is kept, this one left out. Delete the row that is wrong',
    );
  });

  it('readIndicatorTable(table, key) leaves codes and years out with an info', () => {
    const { data, problems } = read('code,CD_REFNIS,year,v\nA,11001,2020,1\nB,11002,2020,2\n');
    expect(data?.columns).toEqual(['v']);
    expect(problems.map((p) => [p.column, p.severity])).toEqual([
      ['CD_REFNIS', 'info'],
      ['year', 'info'],
    ]);
  });

  it('readIndicatorTable(table, key) reports an unknown key column', () => {
    const { data, problems } = read('code,v\nA,1\n', 'CD_SECTOR');
    expect(data).toBeNull();
    expect(problems[0]).toMatchObject({
      severity: 'error',
      message: 'the key column "CD_SECTOR" is not in the file, whose columns are "code", "v"; nothing was read. Choose the column that holds the area codes',
    });
  });

  it('readIndicatorTable(table, key) reports a table without numeric columns', () => {
    const { data, problems } = read('code,name\nA,Noord\n');
    expect(data).toBeNull();
    expect(problems).toMatchObject([
      {
        file: 'f.csv',
        row: null,
        column: null,
        message:
          'no column besides "code" holds numbers, so there is no indicator to read; nothing was read. Expected one numeric column per indicator; check that "code" is the column with the area codes',
        severity: 'error',
      },
    ]);
  });

  const statbel = sharedData('statbel-raw/TF_CAR_HH_SECTOR.txt');
  it.skipIf(statbel.skip)(`readIndicatorTable(table, key) reads Statbel's TF_CAR_HH_SECTOR.txt${statbel.note}`, () => {
    const table = parseCsv(statbel.read(), 'TF_CAR_HH_SECTOR.txt').data!;
    const key = detectKeyColumn(table.columns, table.rows);
    expect(key).toBe('CD_STAT_SECTOR');
    const { data, problems } = readIndicatorTable(table, key!, 'TF_CAR_HH_SECTOR.txt');
    expect(data?.keys.length).toBeGreaterThan(19_000);
    expect(data?.columns).toEqual(['MS_NUM_HH', 'MS_NUM_CAR']);
    // CD_YEAR and CD_REFNIS are numbers but not indicators.
    expect(problems.map((p) => [p.column, p.severity])).toEqual([
      ['CD_YEAR', 'info'],
      ['CD_REFNIS', 'info'],
    ]);
    const at = (code: string) => data!.keys.indexOf(code);
    // Looked up by hand: line 12 "11053B000;821;1.030", line 79 "11055B120;1.022;1.569",
    // line 3479 "24107A00-;705;446".
    expect(data?.values.MS_NUM_HH[at('11053B000')]).toBe(821);
    expect(data?.values.MS_NUM_CAR[at('11053B000')]).toBe(1030);
    expect(data?.values.MS_NUM_HH[at('11055B120')]).toBe(1022);
    expect(data?.values.MS_NUM_CAR[at('11055B120')]).toBe(1569);
    expect(data?.values.MS_NUM_HH[at('24107A00-')]).toBe(705);
    expect(data?.values.MS_NUM_CAR[at('24107A00-')]).toBe(446);
  });

  const fixture = sharedData('derived/fixture_tienen_sector_indicators.csv');
  it.skipIf(fixture.skip)(`readIndicatorTable(table, key) reads the Tienen indicator fixture${fixture.note}`, () => {
    const table = parseCsv(fixture.read(), 'fixture_tienen_sector_indicators.csv').data!;
    expect(table.dialect).toMatchObject({ delimiter: ',', decimal: '.', thousands: null });
    const key = detectKeyColumn(table.columns, table.rows);
    expect(key).toBe('CD_SECTOR');
    const { data } = readIndicatorTable(table, key!, 'fixture_tienen_sector_indicators.csv');
    expect(data?.keys).toHaveLength(61);
    expect(data?.columns).toEqual([
      'population_2011',
      'households_2019',
      'cars_2019',
      'bimd2011_score',
      'bimd2011_decile',
      'bimd2011_income_decile',
      'bimd2011_health_decile',
      'bimd2011_nohealth_decile',
    ]);
    // First row: 24107A00-,24107,TIENEN-CENTRUM,TIENEN-CENTRUM,1177,705,446,37.174,2,2,5,2
    expect(data?.keys[0]).toBe('24107A00-');
    expect(data?.values.population_2011[0]).toBe(1177);
    expect(data?.values.bimd2011_score[0]).toBe(37.174);
    expect(data?.values.bimd2011_score[1]).toBe(39.414);
  });
});

describe('readIndicatorTable with options', () => {
  // A ';' file read the Belgian way; the ratio column was written with decimal points.
  const text = 'code;aantal;aandeel;ratio\r\nA;1.234;12,5;0.123\r\nB;567;7,25;2.500\r\nC;2.345;30;1.750\r\n';

  it('readIndicatorTable(table, key) reads every column in the table\'s dialect by default', () => {
    const { data } = read(text);
    expect(data?.values).toEqual({ aantal: [1234, 567, 2345], aandeel: [12.5, 7.25, 30], ratio: [123, 2500, 1750] });
  });

  it('readIndicatorTable(table, key, file, {formats}) reads a column in the format given for it', () => {
    const table = parseCsv(text, 'f.csv').data!;
    const { data, problems } = readIndicatorTable(table, 'code', 'f.csv', {
      formats: { ratio: { decimal: '.', thousands: null }, elders: { decimal: '.', thousands: null } },
    });
    expect(problems).toEqual([]);
    expect(data?.values).toEqual({ aantal: [1234, 567, 2345], aandeel: [12.5, 7.25, 30], ratio: [0.123, 2.5, 1.75] });
  });

  it('readIndicatorTable(table, key, file, {formats}) warns when the format given does not fit the cells', () => {
    const table = parseCsv(text, 'f.csv').data!;
    const { data, problems } = readIndicatorTable(table, 'code', 'f.csv', { formats: { aandeel: { decimal: '.', thousands: null } } });
    expect(data?.columns).toEqual(['aantal', 'ratio']);
    expect(problems).toMatchObject([
      {
        file: 'f.csv',
        row: null,
        column: 'aandeel',
        message:
          'column "aandeel": only 1 of 3 values are numbers (spreadsheet row 2 has "12,5"); not read as an indicator. If it is one, correct the text cells or leave them empty',
        severity: 'warning',
      },
    ]);
  });

  it('readIndicatorTable(table, key) keeps the reasons of an IMA-Atlas-style export and its "Totaal" row', () => {
    const ima =
      'Code;Gemeente;% met GMD;Aantal;Contacten per persoon\r\n' +
      '24107;Tienen;72,5;<5;4,2\r\n' +
      '24062;Leuven;-;1.234;\r\n' +
      '62063;Luik;65,1;2.345;3,9\r\n' +
      'Totaal;;70,3;12.345;4,1\r\n';
    const table = parseCsv(ima, 'ima.csv').data!;
    expect(detectKeyColumn(table.columns, table.rows)).toBe('Code');
    const { data, problems } = readIndicatorTable(table, 'Code', 'ima.csv');
    expect(problems.map((p) => [p.column, p.severity, p.message])).toEqual([
      ['% met GMD', 'info', '1 cell read as missing, not as 0 ("-" ×1); the reason is kept with the value'],
      ['Aantal', 'info', '1 cell read as missing, not as 0 ("<5" ×1); the reason is kept with the value'],
    ]);
    // The footer row is a key like any other; it simply matches no area when joined.
    expect(data?.keys).toEqual(['24107', '24062', '62063', 'Totaal']);
    expect(data?.columns).toEqual(['% met GMD', 'Aantal', 'Contacten per persoon']);
    expect(data?.values).toEqual({
      '% met GMD': [72.5, null, 65.1, 70.3],
      Aantal: [null, 1234, 2345, 12345],
      'Contacten per persoon': [4.2, null, 3.9, 4.1],
    });
    // A blank cell has no reason; "<5" (suppressed) and "-" keep theirs, per cell.
    expect(data?.missingReasons).toEqual({
      '% met GMD': [null, '-', null, null],
      Aantal: ['<5', null, null, null],
    });
  });
});

describe('readIndicatorTable with shares', () => {
  it('readIndicatorTable(table, key, file, {shares: fraction}) turns fractions into percent without float noise', () => {
    const table = parseCsv('code,vt_share,other\nA,0.07,0.07\nB,0.29,0.29\nC,,1\n', 'f.csv').data!;
    const { data, problems } = readIndicatorTable(table, 'code', 'f.csv', { shares: { vt_share: 'fraction', absent: 'percent' } });
    expect(problems).toEqual([]);
    expect(data?.values).toEqual({ vt_share: [7, 29, null], other: [0.07, 0.29, 1] });
  });
});
