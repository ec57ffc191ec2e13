import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWorkability, parseWorkability, workabilityEntrySchema, type WorkabilityEntry } from '../../src/io/workabilityCsv';

const ENTRIES: WorkabilityEntry[] = [
  { code: '11001A00-', score: 5, note: 'partner house on site' },
  { code: '11001A01-', score: 1, note: 'no access, "closed" site;\nsee report, p. 3' },
  { code: '11001B00-', score: 3, note: '=HYPERLINK("http://x")' },
  { code: '11001B01-', score: 2, note: '' },
];

const CSV_HOSTILE = fc.constantFrom('"', ',', ';', '\n', '\r', '\t', "'", '=', '+', '-', '@', '#', ' ', 'a', 'é', '\uFEFF', '😀');

describe('parseWorkability', () => {
  it('parseWorkability(text, file) reads code, workability and note', () => {
    const text = 'code,workability,note\n11001A00-,5,partner house on site\n11001A01-,1,\n';
    expect(parseWorkability(text, 'w.csv')).toEqual({
      data: [
        { code: '11001A00-', score: 5, note: 'partner house on site' },
        { code: '11001A01-', score: 1, note: '' },
      ],
      problems: [],
    });
  });

  it('parseWorkability(text) finds Dutch and French column names without case; the note column is optional', () => {
    expect(parseWorkability('Wijk;Werkbaarheid;Opmerking\nA;4;goed bereikbaar\n', 'w.csv').data).toEqual([
      { code: 'A', score: 4, note: 'goed bereikbaar' },
    ]);
    expect(parseWorkability('CD_SECTOR;Score;Remarque\nB;2;peu de partenaires\n', 'w.csv').data).toEqual([
      { code: 'B', score: 2, note: 'peu de partenaires' },
    ]);
    expect(parseWorkability('code,score\nC,3\n', 'w.csv').data).toEqual([{ code: 'C', score: 3, note: '' }]);
  });

  it('parseWorkability(text) keeps notes verbatim: spaces, commas, quotes and line breaks', () => {
    const text = 'code,workability,note\nA,3,"  two, spaces ""quoted""\nsecond line "\n';
    expect(parseWorkability(text, 'w.csv').data).toEqual([{ code: 'A', score: 3, note: '  two, spaces "quoted"\nsecond line ' }]);
  });

  it('parseWorkability(text) drops rows whose score is not a whole number 1–5, with row and column', () => {
    const text = 'code,workability,note\nA,0,\nB,6,\nC,2.5,\nD,,\nE,good,\nF,5,ok\n,3,no code\n';
    const { data, problems } = parseWorkability(text, 'w.csv');
    expect(data).toEqual([{ code: 'F', score: 5, note: 'ok' }]);
    expect(problems).toHaveLength(6);
    expect(problems).toMatchObject([
      {
        file: 'w.csv',
        row: 1,
        column: 'workability',
        message: 'workability "0" is not a whole number from 1 to 5; row dropped',
        severity: 'error',
        key: 'rowDropped',
        values: { reason: { key: 'workabilityNotScore', values: { text: '0' } } },
      },
      { file: 'w.csv', row: 2, column: 'workability', message: 'workability "6" is not a whole number from 1 to 5; row dropped', severity: 'error' },
      { file: 'w.csv', row: 3, column: 'workability', message: 'workability "2.5" is not a whole number from 1 to 5; row dropped', severity: 'error' },
      { file: 'w.csv', row: 4, column: 'workability', message: 'empty workability score; row dropped', values: { reason: { key: 'workabilityEmpty' } } },
      { file: 'w.csv', row: 5, column: 'workability', message: 'workability "good" is not a whole number from 1 to 5; row dropped', severity: 'error' },
      { file: 'w.csv', row: 7, column: 'code', message: 'empty ward code; row dropped', values: { reason: { key: 'wardCodeEmpty' } } },
    ]);
  });

  it('parseWorkability(text) reads "4,0" in a Belgian file as 4', () => {
    expect(parseWorkability('code;workability\nA;4,0\nB;2,5\n', 'w.csv').data).toEqual([{ code: 'A', score: 4, note: '' }]);
  });

  it('parseWorkability(text) keeps the last row of a code listed twice (under normaliseCode), with a warning', () => {
    const text = 'code,workability,note\n11001a00,2,first\n11001B00-,4,other\n11001A00-,5,second\n';
    const { data, problems } = parseWorkability(text, 'w.csv');
    expect(data).toEqual([
      { code: '11001B00-', score: 4, note: 'other' },
      { code: '11001A00-', score: 5, note: 'second' },
    ]);
    expect(problems).toEqual([
      {
        file: 'w.csv',
        row: 3,
        column: 'code',
        message: 'ward 11001A00- is listed more than once (also on row 1); the last row is used',
        severity: 'warning',
        key: 'workabilityRepeated',
        values: { code: '11001A00-', row: 1 },
      },
    ]);
  });

  it('parseWorkability(text) gives no data and an error naming the missing column', () => {
    expect(parseWorkability('code,note\nA,x\n', 'w.csv')).toEqual({
      data: null,
      problems: [
        {
          file: 'w.csv',
          row: 0,
          column: 'workability',
          message: 'missing column "workability"; the file has "code", "note"',
          severity: 'error',
          key: 'columnsMissing',
          values: { count: 1, missing: '"workability"', columns: '"code", "note"' },
        },
      ],
    });
    expect(parseWorkability('naam,opmerking\nA,x\n', 'w.csv').problems.map((p) => p.message)).toEqual([
      'missing columns "code", "workability"; the file has "naam", "opmerking"',
    ]);
  });

  it('parseWorkability(text) gives no data when no row can be read', () => {
    const { data, problems } = parseWorkability('code,workability\nA,9\n', 'w.csv');
    expect(data).toBeNull();
    expect(problems.at(-1)).toMatchObject({ message: 'no workability entries: no row could be read', key: 'workabilityNone', row: null });
  });

  it('parseWorkability(text) sums up row problems after the first 20, in one message with a count', () => {
    const rows = Array.from({ length: 21 }, (_, i) => `W${i},9`).join('\n');
    const { problems } = parseWorkability(`code,workability\nOK,3\n${rows}\n`, 'w.csv');
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({ message: 'and 1 more problem in rows', key: 'moreRowProblems', values: { count: 1 }, column: 'workability' });
  });
});

describe('formatWorkability', () => {
  it('formatWorkability(entries, "csv") quotes notes with separators and line breaks and defuses formulas', () => {
    expect(formatWorkability(ENTRIES, 'csv')).toBe(
      'code,workability,note\n' +
        '11001A00-,5,partner house on site\n' +
        '11001A01-,1,"no access, ""closed"" site;\nsee report, p. 3"\n' +
        '11001B00-,3,"\'=HYPERLINK(""http://x"")"\n' +
        '11001B01-,2,\n',
    );
  });

  it('formatWorkability(entries, "excel-be") writes a BOM, semicolons and CRLF', () => {
    expect(formatWorkability(ENTRIES.slice(0, 2), 'excel-be')).toBe(
      '\uFEFFcode;workability;note\r\n11001A00-;5;partner house on site\r\n11001A01-;1;"no access, ""closed"" site;\nsee report, p. 3"\r\n',
    );
  });

  it('parseWorkability(formatWorkability(entries, format)) gives the entries back, formula-like notes included', () => {
    const tricky: WorkabilityEntry[] = [
      ...ENTRIES,
      { code: 'X1', score: 4, note: "'=already escaped" },
      { code: 'X2', score: 4, note: "''+two quotes" },
      { code: 'X3', score: 4, note: "'tis fine" },
      { code: 'X4', score: 4, note: '-5 km to the station' },
      { code: 'X5', score: 4, note: '\tindented' },
      { code: 'X6', score: 4, note: '# not a comment' },
    ];
    for (const format of ['csv', 'excel-be'] as const) {
      expect(parseWorkability(formatWorkability(tricky, format), 'w.csv')).toEqual({ data: tricky, problems: [] });
    }
  });

  it('parseWorkability(formatWorkability(entries, format)) gives any unicode notes back (property)', () => {
    const entries = fc
      .array(
        fc.record({
          score: fc.constantFrom<WorkabilityEntry['score']>(1, 2, 3, 4, 5),
          // Any unicode, and often the characters CSV has to escape.
          note: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: CSV_HOSTILE, maxLength: 12 })),
        }),
        { minLength: 1, maxLength: 8 },
      )
      .map((list) => list.map((e, i): WorkabilityEntry => ({ code: `11001A${String(i).padStart(2, '0')}-`, ...e })));
    fc.assert(
      fc.property(entries, fc.constantFrom('csv' as const, 'excel-be' as const), (list, format) => {
        expect(parseWorkability(formatWorkability(list, format), 'w.csv')).toEqual({ data: list, problems: [] });
      }),
      { numRuns: 500 },
    );
  });
});

describe('workabilityEntrySchema', () => {
  it('workabilityEntrySchema.safeParse(value) accepts scores 1–5 only', () => {
    expect(workabilityEntrySchema.safeParse({ code: 'A', score: 5, note: '' }).success).toBe(true);
    expect(workabilityEntrySchema.safeParse({ code: 'A', score: 0, note: '' }).success).toBe(false);
    expect(workabilityEntrySchema.safeParse({ code: 'A', score: 2.5, note: '' }).success).toBe(false);
    expect(workabilityEntrySchema.safeParse({ code: 'A', score: '3', note: '' }).success).toBe(false);
    expect(workabilityEntrySchema.safeParse({ code: '', score: 3, note: '' }).success).toBe(false);
  });
});
