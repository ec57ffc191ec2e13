import { z } from 'zod';
import type { HelpRequest } from '../model/fieldSignals';
import { capProblems } from './capProblems';
import { keyNameRank } from './detectKeyColumn';
import { formatCsv } from './formatCsv';
import { parseCsv } from './parseCsv';
import { parseNumber, type NumberFormat } from './parseNumber';
import { problemFrom, type Loaded, type MessagePiece, type Problem } from './problem';
import { quoteList, rowDropped } from './rowProblems';

/** The shape of a stored or imported help request, checked wherever requests enter from outside. */
export const helpRequestSchema = z.object({
  code: z.string().trim().min(1),
  count: z.number().int().nonnegative(),
  date: z.iso.date().nullable(),
});

const MAX_ROW_PROBLEMS = 20;

// Column names, compared lower-cased, without accents and without anything but letters and digits
// ("Date de la demande" -> "datedelademande"). Ward names are also accepted as code columns only
// after every known code name, so a file with both "wijk" (a name) and "code" reads the codes.
const WARD_NAMES = /^(?:ward|wijk|buurt|quartier|secteur|sector|district)(?:code|id|nr|nis)?$/;
const COUNT_NAMES =
  /^(?:count|counts|n|nr|nb|number|aantal|nombre|total|totaal|requests?|demandes?|aanvragen|hulpvragen|(?:n|nb|nr|number|aantal|nombre)(?:of)?(?:requests?|demandes?|aanvragen|hulpvragen)|(?:requests?|demandes?|aanvragen|hulpvragen)(?:count|n|aantal|nombre))$/;
const DATE_NAMES = /^(?:date|datum)|(?:date|datum)$|^(?:jour|dag|day)$/;

/** A column name in the form the name patterns are written for. */
export function plainColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The index of the column that holds ward codes: the most specific known code name (CD_SECTOR,
 * code, …) first, then a ward word (ward, wijk, quartier, secteur); null when none fits.
 * codeColumnIndex(["Wijk", "aantal"]) is 0.
 */
export function codeColumnIndex(columns: readonly string[]): number | null {
  let best: number | null = null;
  let bestRank = Infinity;
  columns.forEach((name, i) => {
    const rank = keyNameRank(name);
    if (rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  });
  if (best !== null) return best;
  const ward = columns.findIndex((name) => WARD_NAMES.test(plainColumnName(name)));
  return ward < 0 ? null : ward;
}

/** The first column whose name fits `pattern`, skipping `taken`; null when none. */
export function columnIndex(columns: readonly string[], pattern: RegExp, taken: readonly (number | null)[] = []): number | null {
  const at = columns.findIndex((name, i) => !taken.includes(i) && pattern.test(plainColumnName(name)));
  return at < 0 ? null : at;
}

/**
 * A CSV cell as text, with the `'` that formatCsv puts before formula-like text ("=", "+", "-",
 * "@", tab, CR) taken off. One `'` is taken from a run of them, so a cell that itself began with
 * `'=` survives an export that added one more.
 */
export function unescapeCell(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads help requests: a code column (code, CD_SECTOR, ward, wijk, quartier, …), an optional
 * count column (count, requests, aantal, nombre, n; without one every row is one request) and an
 * optional date column (date, datum, date_demande, …) in yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy or
 * dd.mm.yyyy, with one-digit days and months, two-digit years (20yy) and a time part as Excel in a
 * Belgian locale writes them. A row with an empty code, a count that is not a whole number >= 0,
 * or a date that cannot be read is dropped with an error; the other rows are kept.
 */
export function parseRequests(text: string, file: string): Loaded<HelpRequest[]> {
  const parsed = parseCsv(text, file);
  if (!parsed.data) return { data: null, problems: parsed.problems };
  const problems = [...parsed.problems];
  const { columns, rows, dialect } = parsed.data;

  const code = codeColumnIndex(columns);
  if (code === null) {
    problems.push(problemFrom(file, 'requestsNoCodeColumn', { columns: quoteList(columns) }, { row: 0 }));
    return { data: null, problems };
  }
  const count = columnIndex(columns, COUNT_NAMES, [code]);
  const date = columnIndex(columns, DATE_NAMES, [code, count]);

  const rowProblems: Problem[] = [];
  const requests: HelpRequest[] = [];
  rows.forEach((cells, i) => {
    const row = i + 1;
    const report = (column: number, reason: MessagePiece): void => {
      rowProblems.push(rowDropped(file, reason, row, columns[column]));
    };

    const codeText = unescapeCell(cells[code] ?? '').trim();
    if (codeText === '') return report(code, { key: 'wardCodeEmpty' });
    let n = 1;
    if (count !== null) {
      const read = readCount(cells[count] ?? '', dialect);
      if (typeof read !== 'number') return report(count, read);
      n = read;
    }
    let day: string | null = null;
    if (date !== null) {
      const read = readDate(cells[date] ?? '');
      if (read.error) return report(date, read.error);
      day = read.date;
    }
    requests.push({ code: codeText, count: n, date: day });
  });
  problems.push(...capProblems(rowProblems, MAX_ROW_PROBLEMS, { key: 'moreRowProblems' }));
  if (requests.length === 0) return { data: null, problems: [...problems, problemFrom(file, 'requestsNone')] };
  return { data: requests, problems };
}

/**
 * Writes help requests as CSV with columns code, count and date (yyyy-mm-dd, empty when
 * unknown), in the given format; parseRequests reads it back unchanged.
 */
export function formatRequests(requests: readonly HelpRequest[], format: 'csv' | 'excel-be'): string {
  return formatCsv(
    ['code', 'count', 'date'],
    requests.map((r) => [r.code, r.count, r.date]),
    { format, decimals: 0 },
  );
}

/** A count cell as a whole number >= 0, or why it is not one. */
function readCount(cell: string, format: NumberFormat): number | MessagePiece {
  const read = parseNumber(cell, format);
  if (read.kind === 'invalid') {
    // parseNumber says why in English: text that is no number, or a number too large to hold.
    const key = read.reason.endsWith(' is out of range') ? 'countOutOfRange' : 'countNotANumber';
    return { key, values: { text: cell.trim() } };
  }
  if (read.kind === 'missing') {
    return read.suppressed ? { key: 'countSuppressed', values: { marker: read.marker } } : { key: 'countEmpty' };
  }
  if (read.value < 0) return { key: 'countNegative', values: { value: read.value } };
  if (!Number.isInteger(read.value)) return { key: 'countNotWhole', values: { value: read.value } };
  return read.value;
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
// Excel and databases add a time: "5/03/2024 14:30", "2024-03-05T10:00:00Z".
const TIME = /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;

/** A date cell as an ISO date (null when empty), or why it cannot be read. */
function readDate(cell: string): { date: string | null; error: null } | { date: null; error: MessagePiece } {
  const text = cell.trim();
  if (text === '') return { date: null, error: null };
  const day = text.replace(TIME, '');
  let parts: [number, number, number] | null = null;
  const ymd = YEAR_FIRST.exec(day);
  if (ymd) parts = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  const dmy = DAY_FIRST.exec(day);
  if (dmy) parts = [dmy[4].length === 2 ? 2000 + Number(dmy[4]) : Number(dmy[4]), Number(dmy[3]), Number(dmy[1])];
  if (!parts) return { date: null, error: { key: 'dateUnreadable', values: { text } } };
  const [y, m, d] = parts;
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
    return { date: null, error: { key: 'dateNotCalendar', values: { text } } };
  }
  return { date: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, error: null };
}
