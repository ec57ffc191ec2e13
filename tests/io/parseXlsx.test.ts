import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKeyColumn } from '../../src/io/detectKeyColumn';
import { parseXlsx, xlsxSheetNames } from '../../src/io/parseXlsx';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';
import { xlsx } from './fixtureFiles';
import { sharedData } from './sharedData';

describe('parseXlsx', () => {
  it('parseXlsx(bytes, file) reads a sheet as the table parseCsv would give, numbers as plain text', async () => {
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          ['code', 'naam', 'inkomen', 'aandeel', 'datum'],
          ['24107A00-', 'Tienen-Centrum', 1234567, 0.125, { date: 44197 }],
          ['24107A01-', 'Tienen-Noord', 31000, null, { date: 44197.5 }],
        ],
      },
    ]);
    const { data, problems } = await parseXlsx(bytes, 'f.xlsx');
    expect(problems).toEqual([]);
    expect(data).toEqual({
      columns: ['code', 'naam', 'inkomen', 'aandeel', 'datum'],
      rows: [
        ['24107A00-', 'Tienen-Centrum', '1234567', '0.125', '2021-01-01'],
        ['24107A01-', 'Tienen-Noord', '31000', '', '2021-01-01T12:00:00'],
      ],
      dialect: { delimiter: ',', decimal: '.', thousands: null, bom: false },
      sheet: 'Data',
    });
  });

  it('parseXlsx(bytes, file) accepts an ArrayBuffer and a Uint8Array that views part of a larger buffer', async () => {
    const bytes = xlsx([{ name: 'S', rows: [['code', 'v'], ['A', 1]] }]);
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    const view = padded.subarray(8, 8 + bytes.length);
    expect((await parseXlsx(view, 'f.xlsx')).data?.rows).toEqual([['A', '1']]);
    expect((await parseXlsx(bytes.slice().buffer, 'f.xlsx')).data?.rows).toEqual([['A', '1']]);
  });

  it('parseXlsx(bytes, file) skips title rows, notes and blank rows above the table', async () => {
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          ['Fiscale inkomens per gemeente, 2020'],
          ['Bron: Statbel', 'eenheid: euro'],
          [],
          ['CD_MUNTY_REFNIS', 'TX_MUNTY_DESCR_NL', 'MS_TOT_NET_TAXABLE_INC', 'MS_NBR_NON_ZERO_INC'],
          ['24107', 'Tienen', 732273385.13, 20395],
          ['62063', 'Luik', 3117651645, 111858],
        ],
      },
    ]);
    const { data, problems } = await parseXlsx(bytes, 'f.xlsx');
    expect(data?.columns).toEqual(['CD_MUNTY_REFNIS', 'TX_MUNTY_DESCR_NL', 'MS_TOT_NET_TAXABLE_INC', 'MS_NBR_NON_ZERO_INC']);
    expect(data?.rows).toEqual([
      ['24107', 'Tienen', '732273385.13', '20395'],
      ['62063', 'Luik', '3117651645', '111858'],
    ]);
    expect(problems).toMatchObject([
      {
        file: 'f.xlsx',
        row: null,
        column: null,
        message: 'the table starts on row 4 of sheet "Data"; the rows above it were skipped',
        severity: 'info',
      },
    ]);
  });

  it('parseXlsx(bytes, file) names the columns under a merged two-row header "Group - Sub"', async () => {
    // Code and Gemeente are merged down over both header rows; Inkomen and Bevolking across two columns.
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          ['Code', 'Gemeente', 'Inkomen', null, 'Bevolking', null],
          [null, null, 'Totaal', 'Gemiddeld', 'Mannen', 'Vrouwen'],
          ['24107', 'Tienen', 732273385, 35905, 17500, 18045],
        ],
      },
    ]);
    const { data, problems } = await parseXlsx(bytes, 'f.xlsx');
    expect(problems).toEqual([]);
    expect(data?.columns).toEqual([
      'Code',
      'Gemeente',
      'Inkomen - Totaal',
      'Inkomen - Gemiddeld',
      'Bevolking - Mannen',
      'Bevolking - Vrouwen',
    ]);
    expect(data?.rows).toEqual([['24107', 'Tienen', '732273385', '35905', '17500', '18045']]);
  });

  it('parseXlsx(bytes, file) takes a notes row right above the header for a note, not a group', async () => {
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          ['Bron: Statbel', 'eenheid: euro'],
          ['code', 'naam', 'inkomen', 'aangiften'],
          ['24107', 'Tienen', 732273385.13, 20395],
        ],
      },
    ]);
    const { data } = await parseXlsx(bytes, 'f.xlsx');
    expect(data?.columns).toEqual(['code', 'naam', 'inkomen', 'aangiften']);
    expect(data?.rows).toHaveLength(1);
  });

  it('parseXlsx(bytes, file) reads a narrow group row whose first cells are merged down', async () => {
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          ['Code', 'Gemeente', 'Inkomen'],
          [null, null, 'Totaal', 'Gemiddeld', 'Mediaan'],
          ['24107', 'Tienen', 732273385, 35905, 27000],
        ],
      },
    ]);
    expect((await parseXlsx(bytes, 'f.xlsx')).data?.columns).toEqual([
      'Code',
      'Gemeente',
      'Inkomen - Totaal',
      'Inkomen - Gemiddeld',
      'Inkomen - Mediaan',
    ]);
  });

  it('parseXlsx(bytes, file) prefixes the columns under a lone merged group cell above the header', async () => {
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          [null, null, 'Inkomen'],
          ['Code', 'Gemeente', 'Totaal', 'Gemiddeld'],
          ['24107', 'Tienen', 732273385, 35905],
        ],
      },
    ]);
    expect((await parseXlsx(bytes, 'f.xlsx')).data?.columns).toEqual([
      'Code',
      'Gemeente',
      'Inkomen - Totaal',
      'Inkomen - Gemiddeld',
    ]);
  });

  it('parseXlsx(bytes, file) names empty header cells "column N" and suffixes duplicate names, with warnings', async () => {
    const bytes = xlsx([
      {
        name: 'Data',
        rows: [
          ['code', 'v', null, 'v'],
          ['A', 1, 2, 3],
          ['B', 4, 5, 6, 'extra'],
        ],
      },
    ]);
    const { data, problems } = await parseXlsx(bytes, 'f.xlsx');
    expect(data?.columns).toEqual(['code', 'v', 'column 3', 'v (2)', 'column 5']);
    expect(data?.rows).toEqual([
      ['A', '1', '2', '3', ''],
      ['B', '4', '5', '6', 'extra'],
    ]);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'column 3 has no name; read as "column 3"'],
      ['warning', 'duplicate column name "v"; column 4 read as "v (2)"'],
      ['warning', 'column 5 has no name; read as "column 5"'],
    ]);
  });

  it('parseXlsx(bytes, file) writes Excel numbers with a decimal comma when the text cells use one', async () => {
    // IMA-style export where shares were pasted as text ("12,5") next to real numbers.
    const bytes = xlsx([{ name: 'Data', rows: [['code', 'share', 'count'], ['A', '12,5', 1.5], ['B', '7,25', 1234]] }]);
    const { data } = await parseXlsx(bytes, 'f.xlsx');
    expect(data?.dialect).toEqual({ delimiter: ',', decimal: ',', thousands: null, bom: false });
    expect(data?.rows).toEqual([
      ['A', '12,5', '1,5'],
      ['B', '7,25', '1234'],
    ]);
    const read = readIndicatorTable(data!, 'code', 'f.xlsx').data;
    expect(read?.values).toEqual({ share: [12.5, 7.25], count: [1.5, 1234] });
  });

  it('xlsxSheetNames(bytes) lists the sheets and parseXlsx(bytes, file, sheet) reads the one named', async () => {
    const bytes = xlsx([
      { name: 'Toelichting', rows: [['Deze tabel bevat ...']] },
      { name: 'Gemeenten', rows: [['code', 'v'], ['24107', 1]] },
    ]);
    expect(await xlsxSheetNames(bytes)).toEqual(['Toelichting', 'Gemeenten']);
    const { data, problems } = await parseXlsx(bytes, 'f.xlsx', 'Gemeenten');
    expect(problems).toEqual([]);
    expect(data?.rows).toEqual([['24107', '1']]);
  });

  it('parseXlsx(bytes, file) reads the first sheet and says so when there are several', async () => {
    const bytes = xlsx([
      { name: 'A', rows: [['code', 'v'], ['x', 1]] },
      { name: 'B', rows: [['code', 'v'], ['y', 2]] },
    ]);
    const { data, problems } = await parseXlsx(bytes, 'f.xlsx');
    expect(data?.rows).toEqual([['x', '1']]);
    expect(problems).toMatchObject([
      {
        file: 'f.xlsx',
        row: null,
        column: null,
        message: 'the workbook has 2 sheets, "A", "B"; read the first, "A": choose another sheet if the data are elsewhere',
        severity: 'info',
      },
    ]);
  });

  it('parseXlsx(bytes, file, sheet) reports an unknown sheet with the list of sheets', async () => {
    const bytes = xlsx([
      { name: 'A', rows: [['code', 'v'], ['x', 1]] },
      { name: 'B', rows: [['code', 'v'], ['y', 2]] },
    ]);
    expect(await parseXlsx(bytes, 'f.xlsx', 'C')).toMatchObject({
      data: null,
      problems: [{ file: 'f.xlsx', row: null, column: null, message: 'f.xlsx has no sheet "C"; its sheets are "A", "B"', severity: 'error' }],
    });
  });

  it('parseXlsx(bytes, file) reports an empty sheet and a sheet with a header only', async () => {
    const bytes = xlsx([
      { name: 'Leeg', rows: [] },
      { name: 'Kop', rows: [['code', 'v']] },
    ]);
    expect((await parseXlsx(bytes, 'f.xlsx', 'Leeg')).problems.map((p) => p.message)).toEqual(['sheet "Leeg" is empty']);
    expect((await parseXlsx(bytes, 'f.xlsx', 'Kop')).problems.map((p) => p.message)).toEqual([
      'sheet "Kop" has a header only, no data rows',
    ]);
  });

  it('parseXlsx(bytes, file) reports bytes that are not a workbook with one clear error', async () => {
    const csv = new TextEncoder().encode('code;v\r\nA;1\r\n');
    const damaged = xlsx([{ name: 'S', rows: [['code', 'v']] }]).slice(0, 60);
    for (const [bytes, reason] of [
      [csv, 'it is not an Excel workbook (is it a CSV or another kind of file?): save it from Excel as .xlsx, or give a CSV a .csv name'],
      [new Uint8Array(), 'the file is empty'],
      [damaged, 'the file is damaged (its ZIP container cannot be opened): download it again, or open it in Excel and save it again'],
    ] as const) {
      const { data, problems } = await parseXlsx(bytes, 'f.xlsx');
      expect(data).toBeNull();
      expect(problems).toMatchObject([
        { file: 'f.xlsx', row: null, column: null, message: `f.xlsx is not a readable .xlsx workbook: ${reason}`, severity: 'error' },
      ]);
      expect(await xlsxSheetNames(bytes)).toEqual([]);
    }
  });

  it('parseXlsx(bytes, file) tells a password-protected workbook from an old .xls file', async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const stream = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
    const encrypted = new Uint8Array(1024);
    encrypted.set(ole);
    encrypted.set(stream, 600);
    const xls = new Uint8Array(1024);
    xls.set(ole);
    expect((await parseXlsx(encrypted, 'f.xlsx')).problems.map((p) => p.message)).toEqual([
      'f.xlsx is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again',
    ]);
    expect((await parseXlsx(xls, 'f.xls')).problems.map((p) => p.message)).toEqual([
      'f.xls is not a readable .xlsx workbook: it is an old Excel 97-2003 .xls file; save it as .xlsx or CSV and load that',
    ]);
  });

  const income = sharedData('statbel-raw/TF_PSNL_INC_TAX_MUNTY.xlsx');
  it.skipIf(income.skip)(`parseXlsx(bytes, file) reads Statbel's TF_PSNL_INC_TAX_MUNTY.xlsx${income.note}`, async () => {
    const bytes = new Uint8Array(readFileSync(income.path));
    expect(await xlsxSheetNames(bytes)).toEqual(['TF_PSNL_INC_TAX_MUNTY']);
    const { data, problems } = await parseXlsx(bytes, 'TF_PSNL_INC_TAX_MUNTY.xlsx');
    expect(problems).toEqual([]);
    expect(data?.dialect).toEqual({ delimiter: ',', decimal: '.', thousands: null, bom: false });
    expect(data?.columns).toHaveLength(49);
    expect(data?.columns.slice(0, 6)).toEqual([
      'CD_YEAR',
      'CD_MUNTY_REFNIS',
      'MS_NBR_NON_ZERO_INC',
      'MS_NBR_ZERO_INC',
      'MS_TOT_NET_TAXABLE_INC',
      'MS_TOT_NET_INC',
    ]);
    // 581 municipalities x 16 years (2005-2020).
    expect(data?.rows).toHaveLength(9296);
    // Sheet row 2 holds 260615502.80000001 as Excel stores it; the cell reads back as the shortest form.
    expect(data?.rows[0].slice(0, 6)).toEqual(['2005', '11001', '8065', '381', '260615502.8', '263021930.86']);
    expect(detectKeyColumn(data!.columns, data!.rows)).toBe('CD_MUNTY_REFNIS');
  }, 30_000);
});
