import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/formatCsv';
import { parseCsv } from '../../src/io/parseCsv';
import { isMissing, numberValue, parseNumber, type NumberFormat } from '../../src/io/parseNumber';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';

// Text that looks like what users drop in: separators, quotes, line breaks, comment marks,
// numbers in both conventions, markers and the odd non-ASCII letter, in any order.
const CSV_PIECES = [',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', '#', ' ', '-', '.', '1', '23', '4,5', '1.234', '0.35', 'n.a.', '<5', 'code', 'CD_SECTOR', 'v', 'Liège', '=1+1', '\uFEFF', '\u0000'];
const csvish = fc.array(fc.constantFrom(...CSV_PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(csvish, fc.string({ unit: 'binary', maxLength: 200 }));

const FORMATS: NumberFormat[] = [
  { decimal: '.', thousands: null },
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: null },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
];

// formatCsv gives a text cell that a spreadsheet would run as a formula a leading apostrophe,
// which a re-import keeps (see formatCsv).
const FORMULA_START = /^[=+\-@\t\r]/;
const escaped = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);

const cellText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom(...CSV_PIECES), { maxLength: 4 }).map((pieces) => pieces.join('')),
);
// Header names as parseCsv gives them back: trimmed, non-empty and distinct once escaped.
const headerNames = fc.uniqueArray(
  cellText.map((s) => s.trim()).filter((s) => s !== ''),
  { minLength: 1, maxLength: 5, selector: escaped },
);
const table = headerNames.chain((header) =>
  fc.record({
    header: fc.constant(header),
    // A row of blank cells is a blank line, which parseCsv skips by design.
    rows: fc.array(
      fc.array(cellText, { minLength: header.length, maxLength: header.length }).filter((row) => row.some((c) => c.trim() !== '')),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

/** A number as Belgian Excel writes it: decimal comma, and "." between thousands when `grouped`. */
function belgian(value: number, grouped: boolean): string {
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(value));
  if (text.includes('e')) return sign + text.replace('.', ',');
  const [whole, fraction] = text.split('.');
  return sign + (grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole) + (fraction ? `,${fraction}` : '');
}

describe('parser properties', () => {
  it('parseCsv(text) never throws: any text gives a table of the header\'s width or a problem', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { data, problems } = parseCsv(text, 'f.csv');
        if (data === null) {
          expect(problems.some((p) => p.severity === 'error')).toBe(true);
          return;
        }
        for (const row of data.rows) expect(row).toHaveLength(data.columns.length);
        expect(data.sourceRows).toHaveLength(data.rows.length);
        data.sourceRows?.forEach((line, i) => expect(line).toBeGreaterThan(i === 0 ? (data.headerRow ?? 0) : data.sourceRows![i - 1]));
      }),
      { numRuns: 1000 },
    );
  });

  it('readIndicatorTable(table, key) never throws, whatever the table and the key column', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.option(fc.constantFrom<'percent' | 'fraction'>('percent', 'fraction')), (text, pick, scale) => {
        const parsed = parseCsv(text, 'f.csv').data;
        if (!parsed) return;
        const key = pick % (parsed.columns.length + 1) === parsed.columns.length ? 'not a column' : parsed.columns[pick % parsed.columns.length];
        const shares = scale ? Object.fromEntries(parsed.columns.map((c) => [c, scale])) : undefined;
        const { data, problems } = readIndicatorTable(parsed, key, 'f.csv', { shares });
        if (data === null) expect(problems.some((p) => p.severity === 'error')).toBe(true);
        else for (const column of data.columns) expect(data.values[column]).toHaveLength(data.keys.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseNumber(cell, format) never throws and gives a finite number, a gap or a reason', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...FORMATS), (cell, format) => {
        const parsed = parseNumber(cell, format);
        if (parsed.kind === 'number') expect(Number.isFinite(parsed.value)).toBe(true);
        else if (parsed.kind === 'invalid') expect(parsed.reason).toMatch(/^".*" is (?:not a number|out of range)$/s);
        else expect(typeof parsed.marker).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('numberValue(cell, format) and isMissing(cell) agree with parseNumber(cell, format)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, cellText), fc.constantFrom(...FORMATS), (cell, format) => {
        const parsed = parseNumber(cell, format);
        if (parsed.kind === 'number') expect(numberValue(cell, format)).toBe(parsed.value);
        else expect(numberValue(cell, format)).toBeNaN();
        expect(isMissing(cell)).toBe(parsed.kind === 'missing');
      }),
      { numRuns: 1000 },
    );
  });

  for (const format of ['csv', 'excel-be'] as const) {
    it(`parseCsv(formatCsv(table, {format: "${format}"})) gives back every cell, formulas escaped with an apostrophe`, () => {
      fc.assert(
        fc.property(table, ({ header, rows }) => {
          const { data, problems } = parseCsv(formatCsv(header, rows, { format }), 'f.csv');
          expect(problems).toEqual([]);
          expect(data?.columns).toEqual(header.map(escaped));
          expect(data?.rows).toEqual(rows.map((row) => row.map(escaped)));
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('parseNumber(belgian(x), {decimal: ",", thousands: "."}) gives back x', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.boolean(), (x, grouped) => {
        const text = belgian(x, grouped);
        const format: NumberFormat = { decimal: ',', thousands: grouped ? '.' : null };
        expect(parseNumber(text, format)).toEqual({ kind: 'number', value: x === 0 ? 0 : x });
        // Written with spaces between thousands, as some exports do, it reads the same.
        if (grouped) expect(parseNumber(text.replace(/\./g, ' '), { decimal: ',', thousands: null })).toEqual({ kind: 'number', value: x === 0 ? 0 : x });
      }),
      { numRuns: 1000 },
    );
  });
});
