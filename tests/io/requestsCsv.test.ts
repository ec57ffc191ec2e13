import { describe, expect, it } from 'vitest';
import { codeColumnIndex, formatRequests, helpRequestSchema, parseRequests, unescapeCell } from '../../src/io/requestsCsv';
import type { HelpRequest } from '../../src/model/fieldSignals';

describe('parseRequests', () => {
  it('parseRequests(text, file) reads code, count and date columns', () => {
    const text = 'code,count,date\n11001A00-,3,2024-03-05\n11001A01-,0,\n11001B00-,12,2023-12-31\n';
    expect(parseRequests(text, 'requests.csv')).toEqual({
      data: [
        { code: '11001A00-', count: 3, date: '2024-03-05' },
        { code: '11001A01-', count: 0, date: null },
        { code: '11001B00-', count: 12, date: '2023-12-31' },
      ],
      problems: [],
    });
  });

  it('parseRequests(text) finds Dutch column names without case, and reads Excel-BE dates (d/mm/yyyy, a time)', () => {
    const text = '\uFEFFWijk;Aantal;Datum\r\n11001A00-;2;5/03/2024\r\n11001A01-;1;05/03/2024 14:30\r\n11001B00-;4;1.234\r\n';
    const { data, problems } = parseRequests(text, 'aanvragen.csv');
    expect(data).toEqual([
      { code: '11001A00-', count: 2, date: '2024-03-05' },
      { code: '11001A01-', count: 1, date: '2024-03-05' },
    ]);
    expect(problems).toEqual([
      {
        file: 'aanvragen.csv',
        row: 3,
        column: 'Datum',
        message: 'date "1.234" is not yyyy-mm-dd or dd/mm/yyyy; row dropped',
        severity: 'error',
        key: 'rowDropped',
        values: { reason: { key: 'dateUnreadable', values: { text: '1.234' } } },
      },
    ]);
  });

  it('parseRequests(text) finds French column names and reads dd-mm-yyyy, dd-mm-yy and dd.mm.yyyy dates', () => {
    const text = 'Quartier;Nombre;Date de la demande\n21004A;1;05-03-2024\n21004B;2;05-03-24\n21004C;3;5.3.2024\n21004D;4;2024/3/5\n';
    expect(parseRequests(text, 'demandes.csv').data).toEqual([
      { code: '21004A', count: 1, date: '2024-03-05' },
      { code: '21004B', count: 2, date: '2024-03-05' },
      { code: '21004C', count: 3, date: '2024-03-05' },
      { code: '21004D', count: 4, date: '2024-03-05' },
    ]);
  });

  it('parseRequests(text) counts each row as one request when there is no count column', () => {
    const text = 'CD_SECTOR,date_demande,remarks\n11001A00-,2024-01-02,phone\n11001A00-,,visit\n';
    expect(parseRequests(text, 'log.csv')).toEqual({
      data: [
        { code: '11001A00-', count: 1, date: '2024-01-02' },
        { code: '11001A00-', count: 1, date: null },
      ],
      problems: [],
    });
  });

  it('parseRequests(text) prefers a code column to a ward name column', () => {
    const text = 'wijk,code,requests\nCentrum,11001A00-,4\n';
    expect(parseRequests(text, 'f.csv').data).toEqual([{ code: '11001A00-', count: 4, date: null }]);
  });

  it('parseRequests(text) drops rows with a negative, fractional, suppressed, empty or non-numeric count, keeping the others', () => {
    const text = 'code,requests\nA,2\nB,-1\nC,2.5\nD,<5\nE,\nF,many\nG,7\n';
    const { data, problems } = parseRequests(text, 'r.csv');
    expect(data).toEqual([
      { code: 'A', count: 2, date: null },
      { code: 'G', count: 7, date: null },
    ]);
    expect(problems.map((p) => [p.row, p.column, p.severity, p.message])).toEqual([
      [2, 'requests', 'error', 'count -1 is negative; row dropped'],
      [3, 'requests', 'error', 'count 2.5 is not a whole number; row dropped'],
      [4, 'requests', 'error', 'count "<5" is suppressed and cannot be summed; row dropped'],
      [5, 'requests', 'error', 'empty count; row dropped'],
      [6, 'requests', 'error', 'count "many" is not a number; row dropped'],
    ]);
    expect(problems.map((p) => p.values?.reason)).toEqual([
      { key: 'countNegative', values: { value: -1 } },
      { key: 'countNotWhole', values: { value: 2.5 } },
      { key: 'countSuppressed', values: { marker: '<5' } },
      { key: 'countEmpty' },
      { key: 'countNotANumber', values: { text: 'many' } },
    ]);
  });

  it('parseRequests(text) drops rows with an empty code or a date that is not on the calendar', () => {
    const text = 'code,n,date\n,1,2024-01-01\nA,1,31/02/2024\nB,1,2024-13-01\nC,1,2024-02-29\n';
    const { data, problems } = parseRequests(text, 'r.csv');
    expect(data).toEqual([{ code: 'C', count: 1, date: '2024-02-29' }]);
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [1, 'code', 'empty ward code; row dropped'],
      [2, 'date', 'date "31/02/2024" is not a calendar date; row dropped'],
      [3, 'date', 'date "2024-13-01" is not a calendar date; row dropped'],
    ]);
    expect(problems[1]).toMatchObject({ key: 'rowDropped', values: { reason: { key: 'dateNotCalendar', values: { text: '31/02/2024' } } } });
  });

  it('parseRequests(text) gives no data and an error when no column holds ward codes', () => {
    expect(parseRequests('naam,aantal\nCentrum,3\n', 'r.csv')).toEqual({
      data: null,
      problems: [
        {
          file: 'r.csv',
          row: 0,
          column: null,
          message: 'no ward code column (code, ward, wijk, sector, CD_SECTOR, …); the file has "naam", "aantal"',
          severity: 'error',
          key: 'requestsNoCodeColumn',
          values: { columns: '"naam", "aantal"' },
        },
      ],
    });
  });

  it('parseRequests(text) gives no data when no row can be read', () => {
    const { data, problems } = parseRequests('code,count\nA,-2\n', 'r.csv');
    expect(data).toBeNull();
    expect(problems.map((p) => p.message)).toEqual(['count -2 is negative; row dropped', 'no help requests: no row could be read']);
    expect(problems[1]).toMatchObject({ key: 'requestsNone', row: null });
  });

  it('parseRequests(text) sums up row problems after the first 20', () => {
    const text = 'code,count\n' + Array.from({ length: 25 }, (_, i) => `W${i},-1`).join('\n') + '\nOK,1\n';
    const { data, problems } = parseRequests(text, 'r.csv');
    expect(data).toEqual([{ code: 'OK', count: 1, date: null }]);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({ message: 'and 5 more problems in rows', key: 'moreRowProblems', values: { count: 5 } });
  });
});

describe('codeColumnIndex', () => {
  it('codeColumnIndex(columns) takes a known code name first, then a ward word, else null', () => {
    expect(codeColumnIndex(['wijk', 'code', 'aantal'])).toBe(1);
    expect(codeColumnIndex(['Ward', 'requests'])).toBe(0);
    expect(codeColumnIndex(['Secteur', 'CD_SECTOR'])).toBe(1);
    expect(codeColumnIndex(['naam', 'aantal'])).toBeNull();
  });
});

describe('formatRequests', () => {
  const REQUESTS: HelpRequest[] = [
    { code: '11001A00-', count: 3, date: '2024-03-05' },
    { code: '11001A01-', count: 0, date: null },
    { code: '-odd', count: 1234, date: '2023-12-31' },
  ];

  it('formatRequests(requests, "csv") writes code, count and ISO date', () => {
    expect(formatRequests(REQUESTS, 'csv')).toBe('code,count,date\n11001A00-,3,2024-03-05\n11001A01-,0,\n\'-odd,1234,2023-12-31\n');
  });

  it('formatRequests(requests, "excel-be") writes a BOM, semicolons and CRLF', () => {
    expect(formatRequests(REQUESTS.slice(0, 2), 'excel-be')).toBe('\uFEFFcode;count;date\r\n11001A00-;3;2024-03-05\r\n11001A01-;0;\r\n');
  });

  it('parseRequests(formatRequests(requests, format)) gives the requests back in both formats', () => {
    for (const format of ['csv', 'excel-be'] as const) {
      expect(parseRequests(formatRequests(REQUESTS, format), 'r.csv')).toEqual({ data: REQUESTS, problems: [] });
    }
  });
});

describe('helpRequestSchema', () => {
  it('helpRequestSchema.safeParse(value) accepts a request and refuses a bad count or date', () => {
    expect(helpRequestSchema.safeParse({ code: 'A', count: 2, date: null }).success).toBe(true);
    expect(helpRequestSchema.safeParse({ code: 'A', count: 2, date: '2024-02-29' }).success).toBe(true);
    expect(helpRequestSchema.safeParse({ code: 'A', count: -1, date: null }).success).toBe(false);
    expect(helpRequestSchema.safeParse({ code: 'A', count: 1.5, date: null }).success).toBe(false);
    expect(helpRequestSchema.safeParse({ code: 'A', count: 1, date: '05/03/2024' }).success).toBe(false);
    expect(helpRequestSchema.safeParse({ code: ' ', count: 1, date: null }).success).toBe(false);
  });
});

describe('unescapeCell', () => {
  it('unescapeCell(cell) takes one `\'` off formula-like text and leaves other text alone', () => {
    expect(unescapeCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unescapeCell("''=x")).toBe("'=x");
    expect(unescapeCell("'-3")).toBe('-3');
    expect(unescapeCell("'tis")).toBe("'tis");
    expect(unescapeCell('=x')).toBe('=x');
  });
});
