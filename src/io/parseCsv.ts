import Papa from 'papaparse';
import { capProblems } from './capProblems';
import type { NumberFormat } from './parseNumber';
import { problem, type Loaded, type Problem } from './problem';

/** The field separators we recognise; Statbel's code lists (TU_COM_REFNIS.txt) use `|`. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** How a CSV file was written: separator, number convention, and whether it began with a UTF-8 BOM. */
export interface CsvDialect extends NumberFormat {
  delimiter: Delimiter;
  bom: boolean;
}

/** A CSV file as text cells: trimmed header names, and rows padded or cut to the header's width. */
export interface CsvTable {
  columns: string[];
  rows: string[][];
  dialect: CsvDialect;
}

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
const SAMPLE_RECORDS = 21;
const MAX_ROW_PROBLEMS = 20;

/**
 * Reads CSV text as a table of strings, detecting the separator (`,` `;` tab or `|`), the number
 * convention (Statbel's "1.234" counts, Excel's "12,5" decimals) and a UTF-8 BOM. Lines starting
 * with `#` are comments. parseCsv("code;value\nA;12,5", "f.csv").data.dialect.decimal is ",".
 */
export function parseCsv(text: string, file: string): Loaded<CsvTable> {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const problems: Problem[] = [];
  const records: string[][] = [];
  const dropped = new Set<number>();

  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    comments: '#',
    delimiter,
    step: (result) => {
      const row = records.length;
      records.push(result.data);
      for (const error of result.errors) {
        const line = lineAt(body, error.index);
        if (error.code === 'MissingQuotes') {
          dropped.add(row);
          problems.push(
            problem(
              file,
              `unterminated quote on line ${line}: the rest of the file was read as one cell; row dropped`,
              { row },
            ),
          );
        } else if (error.code === 'InvalidQuotes') {
          problems.push(
            problem(file, `malformed quotes on line ${line} (a quote inside a quoted cell must be doubled); row read as best we could`, {
              row,
              severity: 'warning',
            }),
          );
        } else {
          problems.push(problem(file, `${error.message} (line ${line})`, { row, severity: 'warning' }));
        }
      }
    },
  });

  if (records.length === 0) return { data: null, problems: [problem(file, 'empty file')] };
  if (dropped.has(0)) return { data: null, problems };
  const kept = records.filter((_, i) => !dropped.has(i));
  if (kept.length === 1) {
    return { data: null, problems: [...problems, problem(file, 'no data rows: the file has a header only')] };
  }

  const raw = kept[0].map((name) => name.trim());
  const data = kept.slice(1);
  const width = headerWidth(raw, data);
  const columns = nameColumns(raw.slice(0, width), file, problems);
  const rows = fitRows(data, width, file, problems);
  const format = detectNumberFormat(rows, delimiter);
  return { data: { columns, rows, dialect: { delimiter, ...format, bom } }, problems };
}

/** The header's width without trailing unnamed columns that hold nothing (a trailing separator). */
function headerWidth(header: string[], rows: string[][]): number {
  let width = header.length;
  while (width > 1 && header[width - 1] === '' && rows.every((row) => (row[width - 1] ?? '').trim() === '')) {
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
      problems.push(problem(file, `column ${i + 1} has no name; read as "${name}"`, { row: 0, column: name, severity: 'warning' }));
    }
    if (seen.has(name)) {
      let n = 2;
      while (seen.has(`${name} (${n})`)) n += 1;
      const renamed = `${name} (${n})`;
      problems.push(
        problem(file, `duplicate column name "${name}"; column ${i + 1} read as "${renamed}"`, {
          row: 0,
          column: name,
          severity: 'warning',
        }),
      );
      name = renamed;
    }
    seen.add(name);
    return name;
  });
}

function fitRows(rows: string[][], width: number, file: string, problems: Problem[]): string[][] {
  const misfits: Problem[] = [];
  const fitted = rows.map((row, i) => {
    if (row.length === width) return row;
    if (row.length > width) {
      // Trailing separators (Excel writes "a;b;;") are not extra data.
      if (row.slice(width).every((cell) => cell.trim() === '')) return row.slice(0, width);
      misfits.push(
        problem(file, `row has ${row.length} fields, the header ${width}; extra fields ignored`, {
          row: i + 1,
          severity: 'warning',
        }),
      );
      return row.slice(0, width);
    }
    misfits.push(
      problem(file, `row has ${row.length} fields, the header ${width}; missing fields read as empty`, {
        row: i + 1,
        severity: 'warning',
      }),
    );
    return [...row, ...Array<string>(width - row.length).fill('')];
  });
  problems.push(...capProblems(misfits, MAX_ROW_PROBLEMS, (n) => `and ${n} more rows with a different number of fields`));
  return fitted;
}

/** 1-based line of a character offset, for messages that point into the file. */
function lineAt(text: string, index: number | undefined): number {
  let line = 1;
  const end = Math.min(index ?? 0, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
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
