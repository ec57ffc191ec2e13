import { describe, expect, it } from 'vitest';
import { ambiguousColumns } from '../../src/io/ambiguousColumns';
import { decodeText, type DecodedText } from '../../src/io/decodeText';
import { describeDialect } from '../../src/io/describeDialect';
import { detectKeyColumn } from '../../src/io/detectKeyColumn';
import { formatCsv } from '../../src/io/formatCsv';
import { keyColumnProblems } from '../../src/io/keyColumnProblems';
import { parseCsv, type CsvTable } from '../../src/io/parseCsv';
import type { Problem, Severity } from '../../src/io/problem';
import { readIndicatorTable, type IndicatorTable, type ReadIndicatorOptions } from '../../src/io/readIndicatorTable';
import { shareScale } from '../../src/io/shareScale';
import { joinToWards } from '../../src/model/joinToWards';

// Every way a coordinator's indicator table can be wrong that we know of, one case each: what the
// app says (severity, row, column, exact message) and what it keeps. The same cases make the table
// in docs/bad-input-text.md. `row` counts data rows (the header is row 0), as every loader's
// problems do; the message names the row a spreadsheet shows ("spreadsheet row 5: ...").

/** The ward codes the tables join to: Statbel sectors of Tienen, written as Statbel does. */
const WARDS = ['24107A00-', '24107A01-', '24107A02-', '24107B10-'];

/** What reading one file gave, through the steps the app takes: decode, parse, find the key, read. */
interface Outcome {
  decoded: DecodedText;
  csv: CsvTable | null;
  key: string | null;
  table: IndicatorTable | null;
  problems: Problem[];
}

/** Reads a file as the app's staging does: decodeText, parseCsv, detectKeyColumn, then readIndicatorTable. */
function load(file: string, content: string | Uint8Array, opts: { wards?: string[]; key?: string; options?: ReadIndicatorOptions } = {}): Outcome {
  const decoded = decodeText(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  const parsed = parseCsv(decoded.text, file);
  if (!parsed.data) return { decoded, csv: null, key: null, table: null, problems: parsed.problems };
  const wards = opts.wards ?? WARDS;
  const key = opts.key ?? detectKeyColumn(parsed.data.columns, parsed.data.rows, wards);
  const keyProblems = keyColumnProblems(parsed.data, key, wards, file);
  if (key === null) return { decoded, csv: parsed.data, key, table: null, problems: [...parsed.problems, ...keyProblems] };
  const read = readIndicatorTable(parsed.data, key, file, opts.options);
  return { decoded, csv: parsed.data, key, table: read.data, problems: [...parsed.problems, ...keyProblems, ...read.problems] };
}

type Said = { severity: Severity; row: number | null; column: string | null; message: string | RegExp };

/** One bad input: the test's name, how to read it, what must be said, and what must be kept. */
interface Case {
  name: string;
  file: string;
  read: () => Outcome;
  problems: Said[];
  kept: (outcome: Outcome) => void;
}

function expectSaid(problems: Problem[], file: string, said: Said[]): void {
  expect(problems).toMatchObject(
    said.map((p) => ({ file, ...p, message: p.message instanceof RegExp ? expect.stringMatching(p.message) : p.message })),
  );
}

const EMPTY_FILE =
  'empty file: expected a header row with the column names, then one row per area; nothing was read. Check that you chose the right file, or export the table again';

const CASES: Case[] = [
  {
    name: 'parseCsv(empty file) reads nothing and says that a header and rows were expected',
    file: 'leeg.csv',
    read: () => load('leeg.csv', ''),
    problems: [{ severity: 'error', row: null, column: null, message: EMPTY_FILE }],
    kept: (o) => {
      expect(o.csv).toBeNull();
      // A BOM alone, blank lines or comments only are empty too.
      for (const text of ['\uFEFF', ' \r\n\r\n', '# export 2024\n']) expect(load('leeg.csv', text).problems.map((p) => p.message)).toEqual([EMPTY_FILE]);
    },
  },
  {
    name: 'parseCsv(header only) reads nothing and names the columns it found',
    file: 'kop.csv',
    read: () => load('kop.csv', 'CD_SECTOR;vt_share\r\n'),
    problems: [
      {
        severity: 'error',
        row: null,
        column: null,
        message: 'header only: found the columns "CD_SECTOR", "vt_share" but no rows below them; nothing was read. Export the table again with its rows',
      },
    ],
    kept: (o) => expect(o.csv).toBeNull(),
  },
  {
    name: 'parseCsv(";" file where "," was expected) detects the separator, reads every row and describeDialect says how',
    file: 'puntkomma.csv',
    read: () => load('puntkomma.csv', 'CD_SECTOR;vt_share;inkomen\r\n24107A00-;12,5;23.541\r\n24107A01-;30;31.000\r\n'),
    problems: [],
    kept: (o) => {
      expect(o.table?.values).toEqual({ vt_share: [12.5, 30], inkomen: [23541, 31000] });
      expect(describeDialect(o.csv!.dialect, o.decoded)).toBe('semicolon separated, decimal comma, "." between thousands, UTF-8');
      const tab = load('tab.txt', 'CD_SECTOR\tvt_share\n24107A00-\t0.5\n');
      expect(describeDialect(tab.csv!.dialect, tab.decoded)).toBe('tab separated, decimal point, UTF-8');
      // A separator we do not know leaves one column: said so, nothing read.
      const colon = load('dubbelepunt.csv', 'CD_SECTOR:vt_share\n24107A00-:12\n24107A01-:14\n');
      expect(colon.table).toBeNull();
      expectSaid(colon.problems, 'dubbelepunt.csv', [
        {
          severity: 'error',
          row: null,
          column: null,
          message:
            'the file has one column, "CD_SECTOR:vt_share": expected a column with the area codes and one column per indicator, separated by , ; tab or |; nothing was read. Save the table as CSV with one of those separators',
        },
      ]);
    },
  },
  {
    name: 'parseCsv(mixed separators) reads a row written with another separator that way, and pads a row it cannot split',
    file: 'gemengd.csv',
    read: () => load('gemengd.csv', 'CD_SECTOR;vt_share;gmd_share\n24107A00-;12;60\n24107A01-,14,61\n24107A02-;16;62\n24107B10-,18\n'),
    problems: [
      {
        severity: 'warning',
        row: 2,
        column: null,
        message: 'spreadsheet row 3: separated by "," where the rest of the file uses ";"; read with ",". Use one separator throughout the file',
      },
      {
        severity: 'warning',
        row: 4,
        column: null,
        message: 'spreadsheet row 5: 1 field where the header has 3; "vt_share", "gmd_share" read as empty. Check this row for a missing separator ";"',
      },
    ],
    kept: (o) => {
      // The padded row's code is "24107B10-,18": kept, it simply matches no ward.
      expect(o.table?.keys).toEqual(['24107A00-', '24107A01-', '24107A02-', '24107B10-,18']);
      expect(o.table?.values).toEqual({ vt_share: [12, 14, 16, null], gmd_share: [60, 61, 62, null] });
    },
  },
  {
    name: 'parseCsv(unterminated quote) leaves out that row only and reads the rows after it',
    file: 'quote.csv',
    read: () => load('quote.csv', 'CD_SECTOR,naam,vt_share\n24107A00-,Centrum,12\n24107A01-,"Noord,14\n24107A02-,Zuid,16\n24107B10-,Oost,18\n'),
    problems: [
      {
        severity: 'error',
        row: 2,
        column: 'naam',
        message:
          'spreadsheet row 3: a quote (") in column "naam" never closes, so everything after it would be one cell; this row was left out and the rows after it were read as usual. Remove that quote or add the closing one',
      },
    ],
    kept: (o) => {
      expect(o.table?.keys).toEqual(['24107A00-', '24107A02-', '24107B10-']);
      expect(o.table?.values).toEqual({ vt_share: [12, 16, 18] });
      expect(o.csv?.sourceRows).toEqual([2, 4, 5]);
    },
  },
  {
    name: 'decodeText + parseCsv(UTF-8 with BOM) reads the first column name without the BOM',
    file: 'bom.csv',
    read: () => load('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('CD_SECTOR;naam;vt_share\r\n24107A00-;Liège;12,5\r\n')])),
    problems: [],
    kept: (o) => {
      expect(o.decoded).toMatchObject({ encoding: 'utf-8', bom: true });
      expect(o.csv?.columns).toEqual(['CD_SECTOR', 'naam', 'vt_share']);
      expect(o.key).toBe('CD_SECTOR');
      expect(o.csv?.rows[0][1]).toBe('Liège');
      expect(describeDialect(o.csv!.dialect, o.decoded)).toBe('semicolon separated, decimal comma, UTF-8 with BOM');
      // A BOM left in the text (a file read without decodeText) is stripped as well.
      expect(parseCsv('\uFEFFCD_SECTOR,v\nA,1\n', 'f.csv').data?.columns[0]).toBe('CD_SECTOR');
    },
  },
  {
    name: 'decodeText(Windows-1252 bytes) keeps "Liège" and "€" intact',
    file: 'latin1.csv',
    // "CD_SECTOR;naam;noot\r\n24107A00-;Liège;€ 5\r\n" as Excel's "CSV (;)" export writes it in Windows-1252.
    read: () =>
      load(
        'latin1.csv',
        new Uint8Array([
          ...new TextEncoder().encode('CD_SECTOR;naam;vt_share\r\n24107A00-;Li'),
          0xe8,
          ...new TextEncoder().encode('ge;12,5\r\n24107A01-;'),
          0x80,
          ...new TextEncoder().encode(' 5;14\r\n'),
        ]),
      ),
    problems: [],
    kept: (o) => {
      expect(o.decoded.encoding).toBe('windows-1252');
      expect(o.csv?.rows.map((r) => r[1])).toEqual(['Liège', '€ 5']);
      expect(describeDialect(o.csv!.dialect, o.decoded)).toBe('semicolon separated, decimal comma, Windows-1252 (Latin-1)');
    },
  },
  {
    name: 'readIndicatorTable(decimal comma) reads "12,5" as 12.5',
    file: 'komma.csv',
    read: () => load('komma.csv', 'CD_SECTOR;vt_share;gp_contacts_per_person\n24107A00-;12,5;4,25\n24107A01-;7;3,9\n'),
    problems: [],
    kept: (o) => {
      expect(o.csv?.dialect).toMatchObject({ delimiter: ';', decimal: ',' });
      expect(o.table?.values).toEqual({ vt_share: [12.5, 7], gp_contacts_per_person: [4.25, 3.9] });
    },
  },
  {
    name: 'readIndicatorTable(Statbel "1.234" counts) reads 1234 in a ";" file, and ambiguousColumns offers the other reading',
    file: 'TF_CAR_HH_SECTOR.txt',
    read: () => load('TF_CAR_HH_SECTOR.txt', 'CD_STAT_SECTOR;MS_NUM_HH;MS_NUM_CAR\r\n24107A00-;705;446\r\n24107A01-;1.022;1.569\r\n'),
    problems: [],
    kept: (o) => {
      expect(o.table?.values).toEqual({ MS_NUM_HH: [705, 1022], MS_NUM_CAR: [446, 1569] });
      expect(ambiguousColumns(o.csv!).map((a) => [a.column, a.examples])).toEqual([
        ['MS_NUM_HH', ['1.022']],
        ['MS_NUM_CAR', ['1.569']],
      ]);
      // In a "," file the same cells are decimals; the panel offers thousands instead.
      const comma = load('f.csv', 'CD_SECTOR,v\n24107A00-,1.022\n24107A01-,1.569\n');
      expect(comma.table?.values.v).toEqual([1.022, 1.569]);
      expect(ambiguousColumns(comma.csv!).map((a) => a.alternative)).toEqual([{ decimal: ',', thousands: '.' }]);
    },
  },
  {
    name: 'shareScale(0.35 in one file, 35 in another) tells fractions from percent, and readIndicatorTable(shares) reads both as percent',
    file: 'fractie.csv',
    read: () => load('fractie.csv', 'CD_SECTOR,vt_share\n24107A00-,0.35\n24107A01-,0.125\n24107A02-,0\n', { options: { shares: { vt_share: 'fraction' } } }),
    problems: [],
    kept: (o) => {
      expect(o.table?.values.vt_share).toEqual([35, 12.5, 0]);
      const fraction = load('fractie.csv', 'CD_SECTOR,vt_share\n24107A00-,0.35\n24107A01-,0.125\n24107A02-,0\n');
      expect(shareScale(fraction.table!.values.vt_share)).toEqual({
        scale: 'fraction',
        reasons: ['all 3 values lie between 0 and 1 (the largest is 0.35)'],
      });
      const percent = load('procent.csv', 'CD_SECTOR;vt_share\n24107A00-;35\n24107A01-;12,5\n24107A02-;0,5\n', { options: { shares: { vt_share: 'percent' } } });
      expect(percent.table?.values.vt_share).toEqual([35, 12.5, 0.5]);
      expect(shareScale(percent.table!.values.vt_share)).toEqual({
        scale: 'percent',
        reasons: ['2 of 3 values are above 1 (the largest is 35)', '1 value below 1 read as small percentages (0.5 = 0.5 %)'],
      });
      expect(shareScale([0, 1, 1, 0]).scale).toBe('unclear');
    },
  },
  {
    name: 'readIndicatorTable(shares above 100 or below 0) reads them as missing, keeps the text as the reason and warns per cell',
    file: 'aandeel.csv',
    read: () =>
      load('aandeel.csv', 'CD_SECTOR;vt_share;gmd_share\n24107A00-;135;60\n24107A01-;-5;61\n24107A02-;100;62\n24107B10-;0;1,2\n', {
        options: { shares: { vt_share: 'percent', gmd_share: 'fraction' } },
      }),
    problems: [
      {
        severity: 'warning',
        row: 1,
        column: 'vt_share',
        message: 'spreadsheet row 2: 135 is outside 0–100 %, which a share cannot be; read as missing. Correct the value, or leave the cell empty',
      },
      {
        severity: 'warning',
        row: 2,
        column: 'vt_share',
        message: 'spreadsheet row 3: -5 is outside 0–100 %, which a share cannot be; read as missing. Correct the value, or leave the cell empty',
      },
      {
        severity: 'warning',
        row: 1,
        column: 'gmd_share',
        message: 'spreadsheet row 2: 60 is outside 0–1, which a share written as a fraction cannot be; read as missing. Correct the value, or leave the cell empty',
      },
      {
        severity: 'warning',
        row: 2,
        column: 'gmd_share',
        message: 'spreadsheet row 3: 61 is outside 0–1, which a share written as a fraction cannot be; read as missing. Correct the value, or leave the cell empty',
      },
      {
        severity: 'warning',
        row: 3,
        column: 'gmd_share',
        message: 'spreadsheet row 4: 62 is outside 0–1, which a share written as a fraction cannot be; read as missing. Correct the value, or leave the cell empty',
      },
      {
        severity: 'warning',
        row: 4,
        column: 'gmd_share',
        message: 'spreadsheet row 5: 1,2 is outside 0–1, which a share written as a fraction cannot be; read as missing. Correct the value, or leave the cell empty',
      },
    ],
    kept: (o) => {
      expect(o.table?.values).toEqual({ vt_share: [null, null, 100, 0], gmd_share: [null, null, null, null] });
      expect(o.table?.missingReasons?.vt_share).toEqual(['135', '-5', null, null]);
      // A whole column out of range is summed up after 20 warnings.
      const rows = Array.from({ length: 25 }, (_, i) => `W${i};${150 + i}`).join('\n');
      const many = load('veel.csv', `code;vt_share\n${rows}\n`, { key: 'code', wards: [], options: { shares: { vt_share: 'percent' } } });
      expect(many.problems).toHaveLength(21);
      expect(many.problems[20]).toMatchObject({ row: null, column: 'vt_share', message: 'and 5 more values outside 0–100 % in column "vt_share", read as missing' });
    },
  },
  {
    name: 'readIndicatorTable("n.a.", "-", "<5", "abc" in a numeric column) reads them as missing, never 0, with the reason kept',
    file: 'ima.csv',
    read: () =>
      load('ima.csv', 'CD_SECTOR;gmd_share\n24107A00-;n.a.\n24107A01-;-\n24107A02-;<5\n24107B10-;abc\n24107B11-;61\n24107B12-;62\n24107B13-;63\n24107B14-;64\n24107B15-;65\n'),
    problems: [
      {
        severity: 'info',
        row: null,
        column: 'gmd_share',
        message: '3 cells read as missing, not as 0 ("n.a." ×1, "-" ×1, "<5" ×1); the reason is kept with the value',
      },
      {
        severity: 'warning',
        row: 4,
        column: 'gmd_share',
        message: 'spreadsheet row 5: expected a number, got "abc"; read as missing. Correct the cell, or leave it empty if there is no value',
      },
    ],
    kept: (o) => {
      expect(o.table?.values.gmd_share).toEqual([null, null, null, null, 61, 62, 63, 64, 65]);
      expect(o.table?.missingReasons?.gmd_share.slice(0, 5)).toEqual(['n.a.', '-', '<5', 'abc', null]);
    },
  },
  {
    name: 'readIndicatorTable(duplicate ward codes) keeps the first row and names both rows',
    file: 'dubbel.csv',
    read: () => load('dubbel.csv', 'CD_SECTOR;vt_share\n24107A00-;12\n24107A01-;14\n24107a00;99\n24107A01-;14\n'),
    problems: [
      {
        severity: 'error',
        row: 3,
        column: 'CD_SECTOR',
        message:
          'spreadsheet row 4: code "24107a00" is also on spreadsheet row 2 (as "24107A00-"), with other values; that row is kept, this one left out. Delete the row that is wrong',
      },
      {
        severity: 'warning',
        row: 4,
        column: 'CD_SECTOR',
        message: 'spreadsheet row 5: code "24107A01-" is also on spreadsheet row 3, with the same values; that row is kept, this one left out',
      },
    ],
    kept: (o) => {
      expect(o.table?.keys).toEqual(['24107A00-', '24107A01-']);
      expect(o.table?.values.vt_share).toEqual([12, 14]);
    },
  },
  {
    name: 'joinToWards(codes with or without the trailing "-", in any case) matches them; keyColumnProblems(codes that lost a leading zero) says so',
    file: 'codes.csv',
    read: () => load('codes.csv', 'code;v\n24107a00;1\n24107A01-;2\n 24107A02 ;3\n', { wards: ['24107A00-', '24107A01', '24107A02-'] }),
    problems: [],
    kept: (o) => {
      const joined = joinToWards(['24107A00-', '24107A01', '24107A02-'], o.table!, 'codes.csv');
      expect(joined.report).toMatchObject({ matched: 3, wardsWithoutRow: [], rowsWithoutWard: [] });
      expect(joined.values.v).toEqual([1, 2, 3]);
      // Numeric codes written "01002" in the boundaries lose their zero in Excel: pointed out, not guessed.
      const zeros = load('nis.csv', 'nis;v\n1002;1\n01003;2\n1004;3\n', { wards: ['01002', '01003', '01004'] });
      expectSaid(zeros.problems, 'nis.csv', [
        {
          severity: 'warning',
          row: 1,
          column: 'nis',
          message:
            'spreadsheet row 2: 2 codes match a ward only with leading zeros added ("1002" for "01002", "1004" for "01004"): Excel drops the leading zeros of numbers, and these rows are not joined. Format the column as text in Excel and export again',
        },
      ]);
      expect(joinToWards(['01002', '01003', '01004'], zeros.table!, 'nis.csv').values.v).toEqual([null, 2, null]);
    },
  },
  {
    name: 'keyColumnProblems(no column with the ward codes) names the columns and the codes it expected',
    file: 'geencode.csv',
    read: () => load('geencode.csv', 'gemeente;vt_share\nTienen;12\nTienen;14\n'),
    problems: [
      {
        severity: 'error',
        row: null,
        column: null,
        message:
          'no column holds the area codes: none of "gemeente", "vt_share" has values like the ward codes (such as "24107A00-", "24107A01-"); nothing can be joined. Choose the column with the codes, or add one (CD_SECTOR, CD_REFNIS or code) to the file',
      },
    ],
    kept: (o) => {
      expect(o.key).toBeNull();
      expect(o.table).toBeNull();
      // A column taken for the codes that holds none of them, and a chosen key that is not a column.
      const names = load('namen.csv', 'naam;vt_share\nCentrum;12\nNoord;14\n');
      expect(names.key).toBe('naam');
      expectSaid(names.problems, 'namen.csv', [
        {
          severity: 'warning',
          row: null,
          column: 'naam',
          message:
            'none of the values in "naam" (such as "Centrum", "Noord") is a ward code (such as "24107A00-", "24107A01-") or a municipality code; nothing will be joined. Choose the column that holds the codes',
        },
      ]);
      const chosen = load('namen.csv', 'naam;vt_share\nCentrum;12\n', { key: 'CD_SECTOR' });
      expect(chosen.problems.map((p) => p.message)).toEqual([
        'the key column "CD_SECTOR" is not in the file, whose columns are "naam", "vt_share"; nothing was read. Choose the column that holds the area codes',
      ]);
    },
  },
  {
    name: 'parseCsv + readIndicatorTable(200,000 rows) reads every row and every value',
    file: 'groot.csv',
    read: () => {
      const rows = Array.from({ length: 200_000 }, (_, i) => `S${i};${i % 100},5;${1000 + i}`);
      return load('groot.csv', `CD_SECTOR;vt_share;population\r\n${rows.join('\r\n')}\r\n`, { key: 'CD_SECTOR', wards: [] });
    },
    problems: [],
    kept: (o) => {
      expect(o.table?.keys).toHaveLength(200_000);
      expect(o.table?.keys[199_999]).toBe('S199999');
      expect(o.table?.values.vt_share[199_999]).toBe(99.5);
      expect(o.table?.values.population[123_456]).toBe(124_456);
      expect(o.csv?.sourceRows?.[199_999]).toBe(200_001);
    },
  },
  {
    name: 'formatCsv(cells starting with = + - @) gives text a leading apostrophe and writes numbers as numbers, in both formats',
    file: 'export.csv',
    read: () => {
      const text = formatCsv(['code', '=name', 'score'], [['=1+1', '+32 Zuid', -3.5], ['-x', '@West', 12]], { format: 'csv' });
      return load('export.csv', text, { key: 'code', wards: [] });
    },
    problems: [],
    kept: (o) => {
      expect(o.csv?.columns).toEqual(['code', "'=name", 'score']);
      expect(o.csv?.rows).toEqual([
        ["'=1+1", "'+32 Zuid", '-3.5'],
        ["'-x", "'@West", '12'],
      ]);
      expect(o.table?.values.score).toEqual([-3.5, 12]);
      const excel = formatCsv(['code', 'score', 'tab'], [['-3,5', -3.5, '\t=1']], { format: 'excel-be' });
      expect(excel).toBe(`\uFEFFcode;score;tab\r\n"'-3,5";-3,5;"'\t=1"\r\n`);
    },
  },
  {
    name: 'formatCsv + parseCsv(ward names with <script> and <img onerror>) keep them as text, unchanged',
    file: 'html.csv',
    read: () => {
      const names = ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">'];
      const text = formatCsv(['code', 'name', 'v'], names.map((name, i) => [`W${i}`, name, i]), { format: 'excel-be' });
      return load('html.csv', text, { key: 'code', wards: [] });
    },
    problems: [],
    kept: (o) => {
      expect(o.csv?.rows.map((r) => r[1])).toEqual(['<script>alert(1)</script>', '<img src=x onerror="alert(1)">']);
      const csv = parseCsv(formatCsv(['name'], [['<script>alert(1)</script>'], ['<img src=x onerror="alert(1)">']], { format: 'csv' }), 'f.csv');
      expect(csv.data?.rows.flat()).toEqual(['<script>alert(1)</script>', '<img src=x onerror="alert(1)">']);
      // As keys, too: the io layer never strips markup.
      const keyed = load('html.csv', 'code;v\n<b>W1</b>;1\n', { key: 'code', wards: [] });
      expect(keyed.table?.keys).toEqual(['<b>W1</b>']);
    },
  },
];

describe('bad input: indicator tables', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const outcome = c.read();
      expectSaid(outcome.problems, c.file, c.problems);
      c.kept(outcome);
    });
  }
});
