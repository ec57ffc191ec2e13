import { z } from 'zod';
import { capProblems } from './capProblems';
import { normaliseCode } from '../model/normaliseCode';
import { keyNameRank } from './detectKeyColumn';
import { rowPrefix, type CsvTable } from './parseCsv';
import { numberColumn } from './numberColumn';
import { isMissing, type NumberFormat } from './parseNumber';
import { problemFrom, type Loaded, type MessagePiece, type MessageValue, type Problem } from './problem';

/** Indicator values read from a table: one row per area key, one numeric array per indicator column. */
export interface IndicatorTable {
  /** The column the keys came from. */
  key: string;
  /** Area codes as written in the file (trimmed); compare them through normaliseCode. */
  keys: string[];
  /** The numeric columns, in file order. */
  columns: string[];
  /** Per column, values aligned with `keys`; null = missing. */
  values: Record<string, (number | null)[]>;
  /**
   * Per column that has any, the text of cells read as missing ("<5", "n.a.", "abc"), aligned with
   * `keys`; null where there is a value or the cell was blank.
   */
  missingReasons?: Record<string, (string | null)[]>;
}

/** How a share column writes its values: 35 for 35 % (`percent`) or 0.35 (`fraction`); see shareScale. */
export type ShareScale = 'percent' | 'fraction';

/** How to read a table's numbers where the file's own convention is not the right one. */
export interface ReadIndicatorOptions {
  /**
   * Per column name, the number convention to read it with instead of the table's dialect (see
   * ambiguousColumns); names that are not columns are ignored.
   */
  formats?: Record<string, NumberFormat>;
  /**
   * Per column that holds a share (a catalogue indicator in %), how the file writes it. Fractions are
   * turned into percent (0.35 -> 35); a value outside 0–100 % is no share and is read as missing,
   * with its text kept as the reason and a warning.
   */
  shares?: Record<string, ShareScale>;
}

/** Share of the non-missing cells that must be numbers for a column to count as an indicator. */
const NUMERIC_SHARE = 0.8;
const MAX_CELL_PROBLEMS = 20;
const MAX_MARKERS_LISTED = 4;

// The boundary check on an area key. Long keys are almost always notes typed under the table
// ("Bron: IMA-AIM, bewerking ..."), not codes.
const MAX_KEY_LENGTH = 64;
const keySchema = z
  .string()
  .trim()
  .min(1, 'no code in the key column; row skipped. Fill in the code, or delete the row')
  .max(MAX_KEY_LENGTH, 'longer than 64 characters, probably a note under the table rather than a code; row skipped');

const AREA_WORDS = new Set(['code', 'id', 'key', 'nis', 'refnis', 'name', 'naam', 'nom', 'label', 'descr', 'description', 'omschrijving']);
const YEAR = /^(?:year|jaar|ann[ée]e|jahr)$/i;

/** Whether a column names or numbers the areas (codes, names, the year) rather than measuring them. */
function describesArea(name: string): boolean {
  if (keyNameRank(name) !== Infinity || /^(?:cd|tx)_/i.test(name) || YEAR.test(name.trim())) return true;
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => AREA_WORDS.has(word));
}

/**
 * Reads the numeric columns of a CSV table, keyed by `keyColumn`. A column is numeric when at
 * least 80 % of its non-missing cells are numbers; other cells in it become null with a warning,
 * and markers such as "n.a." or "<5" null with their text kept as the reason. Rows without a key
 * are skipped; of rows with the same key the first wins. Numbers are read in the table's dialect
 * unless `options.formats` names another for a column; `options.shares` checks share columns.
 * Problems count data rows; a message about one row names it as a spreadsheet shows it, when the
 * table knows (CsvTable.sourceRows).
 */
export function readIndicatorTable(
  table: CsvTable,
  keyColumn: string,
  file: string,
  options: ReadIndicatorOptions = {},
): Loaded<IndicatorTable> {
  const keyIndex = table.columns.indexOf(keyColumn);
  if (keyIndex === -1) {
    const known = table.columns.map((c) => `"${c}"`).join(', ');
    return {
      data: null,
      problems: [
        problemFrom(file, 'keyColumnAbsent', { key: keyColumn, columns: known }, { column: keyColumn }),
      ],
    };
  }

  // Problems count data rows (the header is row 0); messages name the row a spreadsheet shows.
  const at = (i: number) => rowPrefix(table.sourceRows?.[i]);
  const rowName = (i: number): MessagePiece =>
    table.sourceRows ? { key: 'spreadsheetRowName', values: { line: table.sourceRows[i] } } : { key: 'rowName', values: { row: i + 1 } };
  const problems: Problem[] = [];
  // Per numeric column, its values read in its convention: NaN for a cell that is no number.
  const parsed = new Map<number, Float64Array>();
  const { formats, shares } = options;
  const rows = table.rows;
  table.columns.forEach((name, index) => {
    if (index === keyIndex) return;
    const format = formats && Object.hasOwn(formats, name) ? formats[name] : table.dialect;
    const cells = numberColumn(table, index, format);
    let numbers = 0;
    for (let i = 0; i < cells.length; i++) if (!Number.isNaN(cells[i])) numbers += 1;
    // A column without a single number is text, and nothing is said about it.
    if (numbers === 0) return;
    let present = numbers;
    let first = -1;
    for (let i = 0; i < cells.length; i++) {
      if (Number.isNaN(cells[i]) && !isMissing(rows[i][index] ?? '')) {
        present += 1;
        if (first === -1) first = i;
      }
    }
    const numeric = numbers >= NUMERIC_SHARE * present;
    if (numeric && describesArea(name)) {
      problems.push(
        problemFrom(file, 'columnLooksLikeCode', { name }, { column: name, severity: 'info' }),
      );
    } else if (numeric) {
      parsed.set(index, cells);
    } else {
      problems.push(
        problemFrom(
          file,
          'columnMostlyText',
          { name, numbers, present, row: rowName(first), text: (rows[first][index] ?? '').trim() },
          { column: name, severity: 'warning' },
        ),
      );
    }
  });

  if (parsed.size === 0) {
    const only =
      table.columns.length === 1
        ? problemFrom(file, 'tableOneColumn', { name: table.columns[0] })
        : problemFrom(file, 'tableNoNumbers', { key: keyColumn });
    return { data: null, problems: [...problems, only] };
  }

  // The rows read: one per code, the first where a code repeats.
  const numericIndices = [...parsed.keys()];
  const keys: string[] = [];
  const kept: number[] = [];
  const firstRow = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const rowNumber = i + 1;
    const raw = row[keyIndex] ?? '';
    // keySchema's checks, without its cost for the codes that pass them (nearly all).
    const trimmed = raw.trim();
    let code: string;
    if (trimmed.length >= 1 && trimmed.length <= MAX_KEY_LENGTH) {
      code = trimmed;
    } else {
      const key = keySchema.safeParse(raw);
      if (!key.success) {
        const where = { row: rowNumber, column: keyColumn, severity: 'warning' } as const;
        problems.push(
          trimmed === ''
            ? problemFrom(file, 'keyMissing', { at: at(i) }, where)
            : problemFrom(file, 'keyTooLong', { at: at(i), start: trimmed.slice(0, 40), max: MAX_KEY_LENGTH }, where),
        );
        continue;
      }
      code = key.data;
    }
    const normal = normaliseCode(code);
    const first = firstRow.get(normal);
    if (first !== undefined) {
      const earlier = rows[first];
      const same = numericIndices.every((index) => (earlier[index] ?? '').trim() === (row[index] ?? '').trim());
      const firstKey = (earlier[keyIndex] ?? '').trim();
      const written: MessageValue = firstKey === code ? '' : { key: 'writtenAs', values: { code: firstKey } };
      problems.push(
        problemFrom(
          file,
          same ? 'codeRepeatedSame' : 'codeRepeatedOther',
          { at: at(i), code, row: rowName(first), written },
          { row: rowNumber, column: keyColumn, severity: same ? 'warning' : 'error' },
        ),
      );
      continue;
    }
    firstRow.set(normal, i);
    keys.push(code);
    kept.push(i);
  }

  if (keys.length === 0) {
    return { data: null, problems: [...problems, problemFrom(file, 'noCodes', { key: keyColumn })] };
  }

  const columns = numericIndices.map((index) => table.columns[index]);
  const values: Record<string, (number | null)[]> = {};
  const missingReasons: Record<string, (string | null)[]> = {};
  for (const index of numericIndices) {
    const column = table.columns[index];
    const cells = parsed.get(index) as Float64Array;
    const scale = shares && Object.hasOwn(shares, column) ? shares[column] : null;
    const read: (number | null)[] = [];
    // Created at the first cell with a reason: most columns have none.
    let reasons: (string | null)[] | null = null;
    const markers = new Map<string, number>();
    const cellProblems: Problem[] = [];
    const rangeProblems: Problem[] = [];
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k];
      const cell = cells[i];
      if (!Number.isNaN(cell)) {
        if (scale === null) {
          read.push(cell);
          continue;
        }
        const percent = scale === 'fraction' ? Number((cell * 100).toPrecision(15)) : cell;
        if (percent >= 0 && percent <= 100) {
          read.push(percent);
          continue;
        }
        const text = (rows[i][index] ?? '').trim();
        rangeProblems.push(
          problemFrom(file, scale === 'fraction' ? 'shareOutsideFraction' : 'shareOutsidePercent', { at: at(i), text }, { row: i + 1, column, severity: 'warning' }),
        );
        read.push(null);
        reasons ??= new Array<string | null>(kept.length).fill(null);
        reasons[k] = text;
        continue;
      }
      read.push(null);
      const text = (rows[i][index] ?? '').trim();
      if (isMissing(text)) {
        // The marker as written; a blank cell has none.
        if (text === '') continue;
        reasons ??= new Array<string | null>(kept.length).fill(null);
        reasons[k] = text;
        markers.set(text, (markers.get(text) ?? 0) + 1);
        continue;
      }
      reasons ??= new Array<string | null>(kept.length).fill(null);
      reasons[k] = text;
      cellProblems.push(
        problemFrom(file, 'notANumber', { at: at(i), text }, { row: i + 1, column, severity: 'warning' }),
      );
    }
    values[column] = read;
    if (reasons) missingReasons[column] = reasons;

    const count = [...markers.values()].reduce((a, b) => a + b, 0);
    if (count > 0) {
      const listed = [...markers].slice(0, MAX_MARKERS_LISTED).map(([marker, n]) => `"${marker}" ×${n}`);
      if (markers.size > MAX_MARKERS_LISTED) listed.push('…');
      problems.push(
        problemFrom(file, 'cellsMissing', { count, markers: listed.join(', ') }, { column, severity: 'info' }),
      );
    }
    problems.push(
      ...capProblems(cellProblems, MAX_CELL_PROBLEMS, { key: 'moreNotNumbers', values: { column } }),
      ...capProblems(rangeProblems, MAX_CELL_PROBLEMS, { key: 'moreSharesOutside', values: { column } }),
    );
  }
  return {
    data: { key: keyColumn, keys, columns, values, ...(Object.keys(missingReasons).length > 0 ? { missingReasons } : {}) },
    problems,
  };
}
