import { z } from 'zod';
import { capProblems } from './capProblems';
import { normaliseCode } from '../model/normaliseCode';
import { keyNameRank } from './detectKeyColumn';
import type { CsvTable } from './parseCsv';
import { parseNumber, type NumberFormat, type ParsedNumber } from './parseNumber';
import { problem, type Loaded, type Problem } from './problem';

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

/** How to read a table's numbers where the file's own convention is not the right one. */
export interface ReadIndicatorOptions {
  /**
   * Per column name, the number convention to read it with instead of the table's dialect (see
   * ambiguousColumns); names that are not columns are ignored.
   */
  formats?: Record<string, NumberFormat>;
}

/** Share of the non-missing cells that must be numbers for a column to count as an indicator. */
const NUMERIC_SHARE = 0.8;
const MAX_CELL_PROBLEMS = 20;

// The boundary check on an area key. Long keys are almost always notes typed under the table
// ("Bron: IMA-AIM, bewerking ..."), not codes.
const keySchema = z
  .string()
  .trim()
  .min(1, 'empty key; row skipped')
  .max(64, 'key longer than 64 characters, probably a note rather than a code; row skipped');

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
 * least 80 % of its non-missing cells are numbers; other cells in it become null with a warning.
 * Rows without a key are skipped; of rows with the same key the first wins. Numbers are read in the
 * table's dialect unless `options.formats` names another for a column.
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
    return { data: null, problems: [problem(file, `key column "${keyColumn}" not found; the columns are ${known}`)] };
  }

  const problems: Problem[] = [];
  const parsed = new Map<number, ParsedNumber[]>();
  const { formats } = options;
  table.columns.forEach((name, index) => {
    if (index === keyIndex) return;
    const format = formats && Object.hasOwn(formats, name) ? formats[name] : table.dialect;
    const cells = table.rows.map((row) => parseNumber(row[index] ?? '', format));
    const present = cells.filter((c) => c.kind !== 'missing').length;
    const numbers = cells.filter((c) => c.kind === 'number').length;
    const numeric = present > 0 && numbers >= NUMERIC_SHARE * present;
    if (numeric && describesArea(name)) {
      problems.push(
        problem(file, `column "${name}" looks like a code, name or year rather than an indicator; not read`, {
          column: name,
          severity: 'info',
        }),
      );
    } else if (numeric) {
      parsed.set(index, cells);
    } else if (numbers > 0) {
      problems.push(
        problem(file, `column "${name}": only ${numbers} of ${present} values are numbers; not read as an indicator`, {
          column: name,
          severity: 'warning',
        }),
      );
    }
  });

  if (parsed.size === 0) {
    return { data: null, problems: [...problems, problem(file, 'no numeric columns: nothing to read as an indicator')] };
  }

  const columns = [...parsed.keys()].map((index) => table.columns[index]);
  const keys: string[] = [];
  const values: Record<string, (number | null)[]> = Object.fromEntries(columns.map((c) => [c, []]));
  const reasons: Record<string, (string | null)[]> = Object.fromEntries(columns.map((c) => [c, []]));
  const cellProblems = new Map<string, Problem[]>(columns.map((c) => [c, []]));
  const firstRow = new Map<string, number>();

  table.rows.forEach((row, i) => {
    const rowNumber = i + 1;
    const key = keySchema.safeParse(row[keyIndex] ?? '');
    if (!key.success) {
      problems.push(problem(file, key.error.issues[0].message, { row: rowNumber, column: keyColumn, severity: 'warning' }));
      return;
    }
    const code = normaliseCode(key.data);
    const first = firstRow.get(code);
    if (first !== undefined) {
      problems.push(
        problem(file, `duplicate key "${key.data}" (first on row ${first}); the first row is kept, this one is dropped`, {
          row: rowNumber,
          column: keyColumn,
        }),
      );
      return;
    }
    firstRow.set(code, rowNumber);
    keys.push(key.data);
    for (const [index, cells] of parsed) {
      const column = table.columns[index];
      const cell = cells[i];
      values[column].push(cell.kind === 'number' ? cell.value : null);
      reasons[column].push(cell.kind === 'number' ? null : cell.kind === 'missing' ? cell.marker || null : row[index].trim());
      if (cell.kind === 'invalid') {
        cellProblems.get(column)?.push(
          problem(file, `expected a number, got "${row[index].trim()}"; treated as missing`, {
            row: rowNumber,
            column,
            severity: 'warning',
          }),
        );
      }
    }
  });

  if (keys.length === 0) return { data: null, problems: [...problems, problem(file, 'no rows with a key')] };

  for (const [column, list] of cellProblems) {
    problems.push(...capProblems(list, MAX_CELL_PROBLEMS, (n) => `and ${n} more cells that are not numbers in column "${column}"`));
  }
  const missingReasons = Object.fromEntries(
    Object.entries(reasons).filter(([, list]) => list.some((reason) => reason !== null)),
  );
  return {
    data: { key: keyColumn, keys, columns, values, ...(Object.keys(missingReasons).length > 0 ? { missingReasons } : {}) },
    problems,
  };
}
