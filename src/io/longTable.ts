import type { CsvTable } from './parseCsv';

// Names of a year column once lower-cased, stripped of accents and of everything but letters:
// "CD_YEAR", "Jaar", "année", "ref_year".
const YEAR_NAME = /^(?:cd|ref|nr)?(?:year|yr|jaar|annee|an|jahr)(?:ref)?$/;
const YEAR_VALUE = /^\d{4}$/;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * The column that makes a table long (one row per area and year), or null. A column counts when
 * its name says year (CD_YEAR, jaar, année) and its non-blank values are four-digit years, or when
 * its values are all years 1990–2100, at least two of them, and another column's values repeat
 * across years but never within one (the area key). detectYearColumn(statbelIncome) === "CD_YEAR"
 */
export function detectYearColumn(table: CsvTable): string | null {
  const named = table.columns.findIndex(
    (name, index) => YEAR_NAME.test(plain(name)) && yearsIn(table, index, 0, 9999, true) !== null,
  );
  if (named !== -1) return table.columns[named];
  for (let index = 0; index < table.columns.length; index++) {
    const years = yearsIn(table, index, MIN_YEAR, MAX_YEAR);
    if (years && years.size >= 2 && hasKeyPerYear(table, index)) return table.columns[index];
  }
  return null;
}

/** The years in a table's year column, sorted and distinct; cells that are not years are left out. */
export function tableYears(table: CsvTable, column: string): number[] {
  const index = columnIndex(table, column);
  const years = new Set<number>();
  for (const row of table.rows) {
    const year = yearOf(row[index]);
    if (year !== null) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The rows of one year, without the year column: a long table made wide, ready for
 * readIndicatorTable. selectYear(income, "CD_YEAR", 2020).rows.length === 581
 */
export function selectYear(table: CsvTable, column: string, year: number): CsvTable {
  const index = columnIndex(table, column);
  const kept = table.rows.flatMap((row, i) => (yearOf(row[index]) === year ? [i] : []));
  return {
    columns: table.columns.filter((_, i) => i !== index),
    rows: kept.map((i) => table.rows[i].filter((_, j) => j !== index)),
    dialect: table.dialect,
    // The rows keep their numbers in the file, so that problems point at the right line.
    ...(table.sourceRows ? { sourceRows: kept.map((i) => table.sourceRows?.[i] ?? i + 2) } : {}),
    ...(table.headerRow !== undefined ? { headerRow: table.headerRow } : {}),
  };
}

function columnIndex(table: CsvTable, column: string): number {
  const index = table.columns.indexOf(column);
  if (index === -1) throw new Error(`invalid column: ${JSON.stringify(column)}`);
  return index;
}

function plain(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function yearOf(cell: string | undefined): number | null {
  const text = (cell ?? '').trim();
  return YEAR_VALUE.test(text) ? Number(text) : null;
}

/**
 * The distinct years of a column whose every cell (or, with `blanks`, every non-blank cell) is a
 * year in [min, max]; null when one is not, or when there is no year at all.
 */
function yearsIn(table: CsvTable, index: number, min: number, max: number, blanks = false): Set<number> | null {
  const years = new Set<number>();
  for (const row of table.rows) {
    if (blanks && (row[index] ?? '').trim() === '') continue;
    const year = yearOf(row[index]);
    if (year === null || year < min || year > max) return null;
    years.add(year);
  }
  return years.size > 0 ? years : null;
}

/** Whether some other column repeats its values across years yet is unique within each year. */
function hasKeyPerYear(table: CsvTable, yearIndex: number): boolean {
  return table.columns.some((_, index) => {
    if (index === yearIndex) return false;
    const values = new Set<string>();
    const pairs = new Set<string>();
    for (const row of table.rows) {
      const value = (row[index] ?? '').trim();
      if (value === '') return false;
      const pair = `${row[yearIndex].trim()}\u0000${value}`;
      if (pairs.has(pair)) return false;
      pairs.add(pair);
      values.add(value);
    }
    return values.size < table.rows.length;
  });
}
