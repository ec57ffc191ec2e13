import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectKeyColumn } from '../../src/io/detectKeyColumn';
import { detectYearColumn, selectYear, tableYears } from '../../src/io/longTable';
import { parseCsv, type CsvTable } from '../../src/io/parseCsv';
import { parseXlsx } from '../../src/io/parseXlsx';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';
import { sharedData } from './sharedData';

function table(text: string): CsvTable {
  return parseCsv(text, 'f.csv').data!;
}

const LONG = 'nis;jaar;inkomen\n24107;2019;35000\n24107;2020;35905\n62063;2019;27000\n62063;2020;27872\n';

describe('detectYearColumn', () => {
  it('detectYearColumn(table) finds a column named for the year', () => {
    expect(detectYearColumn(table(LONG))).toBe('jaar');
    expect(detectYearColumn(table('CD_YEAR,code,v\n2020,A,1\n2020,B,2\n'))).toBe('CD_YEAR');
    expect(detectYearColumn(table('code;Année;v\nA;2019;1\nA;;2\n'))).toBe('Année');
  });

  it('detectYearColumn(table) finds an unnamed column of years with a key repeated once per year', () => {
    expect(detectYearColumn(table('nis,periode,v\nA,2019,1\nA,2020,2\nB,2019,3\nB,2020,4\n'))).toBe('periode');
  });

  it('detectYearColumn(table) ignores year-like values that are not one row per area and year', () => {
    // Construction years of distinct buildings: no column repeats across years.
    expect(detectYearColumn(table('code,bouwjaar_x,v\nA,1995,1\nB,2001,2\nC,2010,3\n'))).toBeNull();
    // A single year: nothing to choose between.
    expect(detectYearColumn(table('code,periode,v\nA,2020,1\nB,2020,2\n'))).toBeNull();
    // A key that repeats within a year is not a long table's key.
    expect(detectYearColumn(table('code,periode,v\nA,2019,1\nA,2019,2\nA,2020,3\n'))).toBeNull();
  });

  it('detectYearColumn(table) ignores a column named year that does not hold years', () => {
    expect(detectYearColumn(table('code,year,v\nA,recent,1\nB,old,2\n'))).toBeNull();
  });
});

describe('tableYears', () => {
  it('tableYears(table, column) lists the distinct years in order and skips cells that are not years', () => {
    expect(tableYears(table('code,jaar\nA,2020\nB,2005\nC,2020\nD,\nE,n.a.\n'), 'jaar')).toEqual([2005, 2020]);
  });

  it('tableYears(table, column) throws for a column the table does not have', () => {
    expect(() => tableYears(table(LONG), 'year')).toThrow('invalid column: "year"');
  });
});

describe('selectYear', () => {
  it('selectYear(table, column, year) keeps the rows of that year and drops the year column', () => {
    const long = table(LONG);
    expect(selectYear(long, 'jaar', 2020)).toEqual({
      columns: ['nis', 'inkomen'],
      rows: [
        ['24107', '35905'],
        ['62063', '27872'],
      ],
      dialect: long.dialect,
      // Spreadsheet rows 3 and 5 of the file: problems still point at them.
      sourceRows: [3, 5],
      headerRow: 1,
    });
    expect(selectYear(long, 'jaar', 1999).rows).toEqual([]);
  });

  const income = sharedData('statbel-raw/TF_PSNL_INC_TAX_MUNTY.xlsx');
  describe.skipIf(income.skip)(`on Statbel's TF_PSNL_INC_TAX_MUNTY.xlsx${income.note}`, () => {
    let workbook: CsvTable;
    beforeAll(async () => {
      workbook = (await parseXlsx(new Uint8Array(readFileSync(income.path)), 'TF_PSNL_INC_TAX_MUNTY.xlsx')).data!;
    }, 30_000);

    it('detectYearColumn and tableYears find CD_YEAR with 2005-2020', () => {
      expect(detectYearColumn(workbook)).toBe('CD_YEAR');
      expect(tableYears(workbook, 'CD_YEAR')).toEqual(Array.from({ length: 16 }, (_, i) => 2005 + i));
    });

    it('selectYear(table, "CD_YEAR", 2020) gives one row per municipality, read by readIndicatorTable', () => {
      const year = selectYear(workbook, 'CD_YEAR', 2020);
      expect(year.rows).toHaveLength(581);
      expect(year.columns).not.toContain('CD_YEAR');
      const key = detectKeyColumn(year.columns, year.rows);
      expect(key).toBe('CD_MUNTY_REFNIS');
      const codes = year.rows.map((row) => row[year.columns.indexOf(key!)]);
      expect(new Set(codes).size).toBe(581);
      expect(codes.every((code) => /^\d{5}$/.test(code))).toBe(true);

      const { data, problems } = readIndicatorTable(year, key!, 'TF_PSNL_INC_TAX_MUNTY.xlsx');
      // Codes of districts, provinces and regions are numbers but not indicators.
      expect(problems.filter((p) => p.severity === 'info' && /looks like a code/.test(p.message)).map((p) => p.column)).toEqual([
        'CD_DSTR_REFNIS',
        'CD_PROV_REFNIS',
        'CD_RGN_REFNIS',
      ]);
      // Statbel writes "*" for values kept confidential (120 cells over all years; in 2020 columns
      // J and L of Herstappe, Voeren, Daverdisse and Herbeumont, sheet row 7857 is Herstappe):
      // missing, with "*" kept as the reason, and nothing else is wrong.
      expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
      expect(problems.filter((p) => p.column === 'MS_TOT_NET_MOV_ASS_INC').map((p) => p.message)).toEqual([
        '4 cells read as missing, not as 0 ("*" ×4); the reason is kept with the value',
      ]);
      const herstappe = data!.keys.indexOf('73028');
      expect(data?.values.MS_TOT_NET_MOV_ASS_INC[herstappe]).toBeNull();
      expect(data?.missingReasons?.MS_TOT_NET_MOV_ASS_INC[herstappe]).toBe('*');
      expect(data?.missingReasons?.MS_TOT_NET_VARIOUS_INC[herstappe]).toBe('*');
      expect(data?.keys).toHaveLength(581);
      expect(data?.columns).toHaveLength(28);
      expect(data?.columns.every((c) => c.startsWith('MS_'))).toBe(true);

      // Sheet row 2353, looked up in the workbook's XML by hand: Tienen (24107) in 2020 has
      // C 20395 (MS_NBR_NON_ZERO_INC), E 732273385.13 (MS_TOT_NET_TAXABLE_INC), AD 35545 (MS_TOT_RESIDENTS).
      const at = data!.keys.indexOf('24107');
      expect(data?.values.MS_NBR_NON_ZERO_INC[at]).toBe(20395);
      expect(data?.values.MS_TOT_NET_TAXABLE_INC[at]).toBe(732273385.13);
      expect(data?.values.MS_TOT_RESIDENTS[at]).toBe(35545);
      // Mean taxable income per declaration: 35,905 euro in Statbel's own tables.
      expect(Math.round(data!.values.MS_TOT_NET_TAXABLE_INC[at]! / data!.values.MS_NBR_NON_ZERO_INC[at]!)).toBe(35905);
    });

    it('selectYear(table, "CD_YEAR", 2005) works as well', () => {
      const year = selectYear(workbook, 'CD_YEAR', 2005);
      expect(year.rows).toHaveLength(581);
      const { data } = readIndicatorTable(year, 'CD_MUNTY_REFNIS', 'TF_PSNL_INC_TAX_MUNTY.xlsx');
      // Sheet row 2338: 2005, 24107, C 19226, D 1169, E 484424966.35000002, AD 31835.
      const at = data!.keys.indexOf('24107');
      expect(data?.values.MS_NBR_NON_ZERO_INC[at]).toBe(19226);
      expect(data?.values.MS_NBR_ZERO_INC[at]).toBe(1169);
      expect(data?.values.MS_TOT_NET_TAXABLE_INC[at]).toBe(484424966.35);
      expect(data?.values.MS_TOT_RESIDENTS[at]).toBe(31835);
    });
  });
});
