import Papa from 'papaparse';
import { capProblems } from './capProblems';
import type { NumberFormat } from './parseNumber';
import { problemFrom, type Loaded, type MessageValue, type Problem } from './problem';

/** The field separators we recognise; Statbel's code lists (TU_COM_REFNIS.txt) use `|`. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** How a CSV file was written: separator, number convention, and whether it began with a UTF-8 BOM. */
export interface CsvDialect extends NumberFormat {
  delimiter: Delimiter;
  bom: boolean;
}

/**
 * A CSV file as text cells: trimmed header names, and rows padded or cut to the header's width.
 * `sourceRows` gives, per row, its number as a spreadsheet shows the file (the header's own row
 * counted, and comment and blank lines too; a line break inside a quoted cell does not start a
 * row); `headerRow` is the header's. Tables built otherwise may leave them out.
 */
export interface CsvTable {
  columns: string[];
  rows: string[][];
  dialect: CsvDialect;
  sourceRows?: number[];
  headerRow?: number;
}

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
const SAMPLE_RECORDS = 21;
const MAX_ROW_PROBLEMS = 20;
// Beyond this many unterminated quotes the rest of the file is given up on: each one costs a pass
// over the text after it.
const MAX_QUOTE_RECOVERIES = 20;

/** A record as papaparse returned it, with its row number as a spreadsheet would show it. */
interface SourceRecord {
  cells: string[];
  line: number;
}

/**
 * Reads CSV text as a table of strings, detecting the separator (`,` `;` tab or `|`), the number
 * convention (Statbel's "1.234" counts, Excel's "12,5" decimals) and a UTF-8 BOM. Lines starting
 * with `#` are comments. A quote that never closes costs its own row only: the rows after it are
 * read as usual. Problems count data rows in `row` (the header is row 0), as every loader does, and
 * name the row a spreadsheet shows in the message ("spreadsheet row 5: ..."): the header is
 * spreadsheet row 1 unless comment lines come before it.
 * parseCsv("code;value\nA;12,5", "f.csv").data.dialect.decimal is ",".
 */
export function parseCsv(text: string, file: string): Loaded<CsvTable> {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const problems: Problem[] = [];
  const records = readRecords(body, delimiter, file, problems);

  if (records.length === 0) {
    if (problems.length > 0) return { data: null, problems };
    return {
      data: null,
      problems: [
        problemFrom(file, 'csvEmpty'),
      ],
    };
  }
  if (records.length === 1) {
    const names = records[0].cells.map((c) => `"${c.trim()}"`).join(', ');
    return {
      data: null,
      problems: [
        ...problems,
        problemFrom(file, 'csvHeaderOnly', { names }),
      ],
    };
  }

  const [head, ...body2] = records;
  const raw = head.cells.map((name) => name.trim());
  const width = headerWidth(raw, body2);
  const columns = nameColumns(raw.slice(0, width), file, problems);
  const rows = fitRows(body2, width, columns, delimiter, file, problems);
  const format = detectNumberFormat(rows, delimiter);
  return {
    data: { columns, rows, dialect: { delimiter, ...format, bom }, sourceRows: body2.map((r) => r.line), headerRow: head.line },
    problems,
  };
}

/**
 * The records of the text, each with its spreadsheet row. A record whose quote never closes is
 * reported and left out, and reading starts again on the line after that quote; when that record
 * is the header, nothing more is read.
 */
function readRecords(body: string, delimiter: Delimiter, file: string, problems: Problem[]): SourceRecord[] {
  const records: SourceRecord[] = [];
  const lines = lineCounter(body);
  let embedded = 0;
  let base = 0;
  // Where the current record starts, and the first quote at or after it (-1: none left).
  let start = 0;
  let quote = 0;
  for (let pass = 0; base < body.length; pass++) {
    if (pass > MAX_QUOTE_RECOVERIES) {
      const line = lines(base) + 1 - embedded;
      problems.push(
        problemFrom(file, 'csvQuotesNeverClose', { at: rowPrefix(line), max: MAX_QUOTE_RECOVERIES }, { row: records.length }),
      );
      break;
    }
    let restart = -1;
    Papa.parse<string[]>(body.slice(base), {
      header: false,
      // Blank lines are skipped here, as papaparse's skipEmptyLines: 'greedy' would, without the
      // string it joins from every row to find them.
      skipEmptyLines: false,
      comments: '#',
      delimiter,
      step: (result, parser) => {
        if (isBlank(result.data)) return;
        const missing = result.errors.find((e) => e.code === 'MissingQuotes');
        if (missing) {
          const at = base + (missing.index ?? 0);
          const previous = records.length > 0 ? records[records.length - 1].line : 0;
          const line = Math.max(previous + 1, lines(at) + 1 - embedded);
          const column = Math.max(0, result.data.length - 1);
          const header = records.length === 0;
          const name = header ? `column ${column + 1}` : (records[0].cells[column] ?? '').trim() || `column ${column + 1}`;
          problems.push(
            header
              ? problemFrom(file, 'csvHeaderQuote', { at: rowPrefix(line), column: column + 1 }, { row: records.length })
              : problemFrom(file, 'csvRowQuote', { at: rowPrefix(line), name }, { row: records.length, column: name }),
          );
          if (!header) restart = nextLine(body, at);
          parser.abort();
          return;
        }
        const cursor = base + result.meta.cursor;
        // Only a quoted cell can hold a line break; most records have no quote at all.
        if (quote !== -1 && quote < start) quote = body.indexOf('"', start);
        const inside = quote !== -1 && quote < cursor ? result.data.reduce((n, cell) => n + breaksIn(cell), 0) : 0;
        start = cursor;
        const last = body.charCodeAt(cursor - 1);
        const end = last === 13 || last === 10 ? 1 : 0;
        // Mixed line endings can fool the count; rows still never go back.
        const previous = records.length > 0 ? records[records.length - 1].line : 0;
        const line = Math.max(previous + 1, lines(cursor) + 1 - end - inside - embedded);
        const row = records.length;
        embedded += inside;
        records.push({ cells: result.data, line });
        for (const error of result.errors) {
          if (error.code === 'InvalidQuotes') {
            problems.push(
              problemFrom(file, 'csvQuoteNotDoubled', { at: rowPrefix(line) }, { row, severity: 'warning' }),
            );
          } else {
            problems.push(problemFrom(file, 'csvParser', { at: rowPrefix(line), error: error.message }, { row, severity: 'warning' }));
          }
        }
      },
    });
    if (restart === -1) break;
    base = restart;
    start = restart;
    quote = body.indexOf('"', restart);
  }
  return records;
}

/**
 * Line breaks before a position (CRLF, CR or LF, one each, a CRLF counted at its CR), counted
 * incrementally for rising positions.
 */
function lineCounter(text: string): (position: number) => number {
  let at = 0;
  let count = 0;
  return (position) => {
    if (position < at) {
      at = 0;
      count = 0;
    }
    const end = Math.min(position, text.length);
    for (; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c === 13 || (c === 10 && text.charCodeAt(at - 1) !== 13)) count += 1;
    }
    return count;
  };
}

/** Whether every cell holds nothing but white space: a blank line, which is no record. */
function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function breaksIn(cell: string): number {
  if (!/[\r\n]/.test(cell)) return 0;
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** The position just after the line break that ends the line holding `position`. */
function nextLine(text: string, position: number): number {
  for (let i = position; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (c === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

/** The header's width without trailing unnamed columns that hold nothing (a trailing separator). */
function headerWidth(header: string[], records: SourceRecord[]): number {
  let width = header.length;
  while (width > 1 && header[width - 1] === '' && records.every(({ cells }) => (cells[width - 1] ?? '').trim() === '')) {
    width -= 1;
  }
  return width;
}

/**
 * Makes header names usable as column names: an empty one becomes "column N", a repeated one
 * "name (2)", each with a warning in `problems`. nameColumns(["v", "", "v"], f, []) is
 * ["v", "column 2", "v (2)"].
 */
export function nameColumns(header: string[], file: string, problems: Problem[]): string[] {
  const seen = new Set<string>();
  return header.map((original, i) => {
    let name = original;
    if (name === '') {
      name = `column ${i + 1}`;
      problems.push(
        problemFrom(file, 'columnNoName', { index: i + 1, name }, { row: 0, column: name, severity: 'warning' }),
      );
    }
    if (seen.has(name)) {
      let n = 2;
      while (seen.has(`${name} (${n})`)) n += 1;
      const renamed = `${name} (${n})`;
      problems.push(
        problemFrom(file, 'columnDuplicate', { name, index: i + 1, renamed }, { row: 0, column: name, severity: 'warning' }),
      );
      name = renamed;
    }
    seen.add(name);
    return name;
  });
}

/**
 * Fits each record to the header's width. A record that holds one field where the header has
 * several, and splits into exactly the header's width on another separator, was written with that
 * separator (a row pasted from another file): it is read that way, with a warning.
 */
function fitRows(
  records: SourceRecord[],
  width: number,
  columns: string[],
  delimiter: Delimiter,
  file: string,
  problems: Problem[],
): string[][] {
  const misfits: Problem[] = [];
  const fitted = records.map(({ cells, line }, i) => {
    const row = i + 1;
    const at = rowPrefix(line);
    if (cells.length === width) return cells;
    if (cells.length > width) {
      // Trailing separators (Excel writes "a;b;;") are not extra data.
      if (cells.slice(width).every((cell) => cell.trim() === '')) return cells.slice(0, width);
      const extra = cells.slice(width).filter((c) => c.trim() !== '').map((c) => `"${c}"`).slice(0, 3).join(', ');
      misfits.push(
        problemFrom(file, 'rowExtraFields', { at, count: cells.length, width, extra, separator: show(delimiter) }, { row, severity: 'warning' }),
      );
      return cells.slice(0, width);
    }
    if (cells.length === 1 && width > 1) {
      const other = resplit(cells[0], width, delimiter);
      if (other) {
        misfits.push(
          problemFrom(file, 'rowOtherSeparator', { at, other: show(other.delimiter), separator: show(delimiter) }, { row, severity: 'warning' }),
        );
        return other.cells;
      }
    }
    const absent = columns.slice(cells.length).map((c) => `"${c}"`).slice(0, 3).join(', ');
    misfits.push(
      problemFrom(
        file,
        'rowMissingFields',
        { at, count: cells.length, width, absent: `${absent}${width - cells.length > 3 ? ' …' : ''}`, separator: show(delimiter) },
        { row, severity: 'warning' },
      ),
    );
    return [...cells, ...Array<string>(width - cells.length).fill('')];
  });
  problems.push(...capProblems(misfits, MAX_ROW_PROBLEMS, { key: 'moreMisfitRows' }));
  return fitted;
}

/** The cell split on the first other separator that gives exactly `width` fields, or null. */
function resplit(cell: string, width: number, delimiter: Delimiter): { delimiter: Delimiter; cells: string[] } | null {
  for (const other of DELIMITERS) {
    if (other === delimiter || !cell.includes(other)) continue;
    const cells = Papa.parse<string[]>(cell, { header: false, delimiter: other }).data[0] ?? [];
    if (cells.length === width) return { delimiter: other, cells };
  }
  return null;
}

/** Where a problem is, as a spreadsheet that opens the file numbers its rows; leads the message. */
export function spreadsheetRow(line: number | undefined): string {
  return line === undefined ? '' : `spreadsheet row ${line}: `;
}

/** spreadsheetRow as a piece of a problem message, written in the reader's language. */
export function rowPrefix(line: number | undefined): MessageValue {
  return line === undefined ? '' : { key: 'spreadsheetRow', values: { line } };
}

/** A separator as a message shows it. */
function show(delimiter: Delimiter): MessageValue {
  return delimiter === '\t' ? { key: 'separatorTab' } : `"${delimiter}"`;
}

/**
 * Picks the separator that occurs in the header and the same number of times on most of the first
 * rows (counted outside quotes), so decimal commas in a `;` file do not win; papaparse's guess is
 * the fallback for a file whose header has none of them (one column).
 */
function detectDelimiter(text: string): Delimiter {
  const counts = countDelimiters(text);
  const [head, ...rest] = counts;
  let best: Delimiter | null = null;
  let bestScore = -1;
  if (head) {
    for (const d of DELIMITERS) {
      if (head[d] === 0) continue;
      const score = rest.length === 0 ? 1 : rest.filter((line) => line[d] === head[d]).length / rest.length;
      if (score > bestScore || (score === bestScore && best !== null && head[d] > head[best])) {
        best = d;
        bestScore = score;
      }
    }
  }
  if (best) return best;
  const guess = Papa.parse(text.slice(0, 10_000), { preview: 10, comments: '#', delimitersToGuess: DELIMITERS }).meta
    .delimiter;
  return DELIMITERS.find((d) => d === guess) ?? ',';
}

/** Separator counts outside quotes for the first records, skipping comments and blank lines. */
function countDelimiters(text: string): Record<Delimiter, number>[] {
  const records: Record<Delimiter, number>[] = [];
  let current = emptyCounts();
  let inQuotes = false;
  let atStart = true;
  let blank = true;
  const end = Math.min(text.length, 200_000);
  for (let i = 0; i < end && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (atStart && !inQuotes && c === '#') {
      while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      continue;
    }
    atStart = false;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!blank) records.push(current);
      current = emptyCounts();
      atStart = true;
      blank = true;
    } else if (!inQuotes && isDelimiter(c)) {
      current[c] += 1;
      blank = false;
    } else if (c.trim() !== '') blank = false;
  }
  if (!blank && records.length < SAMPLE_RECORDS) records.push(current);
  return records;
}

function emptyCounts(): Record<Delimiter, number> {
  return { ',': 0, ';': 0, '\t': 0, '|': 0 };
}

function isDelimiter(c: string): c is Delimiter {
  return c === ',' || c === ';' || c === '\t' || c === '|';
}

// Shapes of numeric cells (sign and % removed) and what each says about the convention.
const BE_DECIMAL = [/^\d{1,3}(?:\.\d{3})+,\d+$/, /^\d{1,3}(?:\.\d{3}){2,}$/, /^\d*,\d+(?:e[+-]?\d+)?$/i];
const EN_DECIMAL = [/^\d{1,3}(?:,\d{3})+\.\d+$/, /^\d{1,3}(?:,\d{3}){2,}$/, /^\d*\.\d+(?:e[+-]?\d+)?$/i];
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const AMBIGUOUS_DOT = /^[1-9]\d{0,2}\.\d{3}$/;
const AMBIGUOUS_COMMA = /^[1-9]\d{0,2},\d{3}$/;
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/**
 * Whether a cell can count in detectNumberFormat: one that holds a separator and nothing but
 * digits, separators, signs, an exponent, a percent sign and spaces. Integers and text, most of a
 * large table, cannot match any of its shapes; skipping them here saves the regular expressions.
 */
function mayTellFormat(cell: string): boolean {
  let separator = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 || c === 44) separator = true; // . ,
    else if (c === 0x20 || c === 0xa0 || c === 0x202f) separator = true; // space groups
    else if (!(c === 43 || c === 45 || c === 0x2212 || c === 101 || c === 69 || c === 37 || isSpace(cell, i))) return false; // + - − e E %
  }
  return separator;
}

/** Whether the character at `i` is one that trim() and \s count as white space. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(text[i]);
}

const WHITESPACE = /\s/;

/**
 * Decides between the Belgian convention (decimal comma, dot thousands) and the English one from
 * the cells that can only be read one way ("12,5", "1.234,5", "0.25"). "1.234" alone is
 * ambiguous: in a `;` file it is a Statbel count (1234), elsewhere a decimal.
 * detectNumberFormat([["12,5"]], ",") is {decimal: ",", thousands: null}.
 */
export function detectNumberFormat(rows: string[][], delimiter: Delimiter): NumberFormat {
  let be = 0;
  let en = 0;
  let dotGroups = 0;
  let commaGroups = 0;
  let spaceGroups = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (!mayTellFormat(cell)) continue;
      const s = cell.trim().replace(/\s*%$/, '').replace(/^[+\-−]\s*/, '');
      if (s === '' || !/^[\d.,]/.test(s)) continue;
      if (AMBIGUOUS_DOT.test(s)) dotGroups += 1;
      else if (AMBIGUOUS_COMMA.test(s)) commaGroups += 1;
      else if (BE_DECIMAL.some((re) => re.test(s))) {
        be += 1;
        if (DOT_GROUPS.test(s)) dotGroups += 1;
      } else if (EN_DECIMAL.some((re) => re.test(s))) {
        en += 1;
        if (COMMA_GROUPS.test(s)) commaGroups += 1;
      } else if (SPACE_GROUPS.test(s)) {
        spaceGroups += 1;
        if (s.includes(',')) be += 1;
        if (s.includes('.')) en += 1;
      }
    }
  }
  const belgian = be > en || (be === en && delimiter === ';');
  if (belgian) return { decimal: ',', thousands: dotGroups > 0 ? '.' : spaceGroups > 0 ? ' ' : null };
  return { decimal: '.', thousands: commaGroups > 0 ? ',' : spaceGroups > 0 ? ' ' : null };
}
