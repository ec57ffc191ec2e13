import type { CsvTable } from './parseCsv';
import { numberColumn } from './numberColumn';
import { numberValue, type NumberFormat } from './parseNumber';

/** A numeric column whose cells read as different numbers under the file's convention and another one. */
export interface AmbiguousColumn {
  column: string;
  /** How the column is read now: the table's dialect. */
  reading: NumberFormat;
  /** The other convention, under which every cell is still a number. */
  alternative: NumberFormat;
  /** A few cells, as written, whose value depends on the convention ("1.234", "2.500"). */
  examples: string[];
}

const MAX_EXAMPLES = 3;

/**
 * The numeric columns that could be read two ways: every number in them is also a number with the
 * decimal and thousands separators swapped, and at least one then has another value. In a `;` file
 * read the Belgian way a column of "1.234" and "2.500" holds 1234 and 2500, or 1.234 and 2.5;
 * "12,5" settles it (it is no number with a comma for thousands). Offer the alternative per column
 * through readIndicatorTable's `formats`.
 */
export function ambiguousColumns(table: CsvTable): AmbiguousColumn[] {
  const reading: NumberFormat = { decimal: table.dialect.decimal, thousands: table.dialect.thousands };
  const alternative: NumberFormat = {
    decimal: reading.decimal === ',' ? '.' : ',',
    thousands: reading.decimal,
  };
  const found: AmbiguousColumn[] = [];
  table.columns.forEach((column, index) => {
    const now = numberColumn(table, index, reading);
    // Without a single number there is nothing to read two ways.
    if (!now.some((value) => !Number.isNaN(value))) return;
    const examples: string[] = [];
    let numbers = 0;
    for (let i = 0; i < table.rows.length; i++) {
      const cell = table.rows[i][index] ?? '';
      // The two conventions differ only in what "." and "," mean: a cell without either reads the same.
      const other = cell.includes('.') || cell.includes(',') ? numberValue(cell, alternative) : now[i];
      if (Number.isNaN(now[i])) {
        // A gap is a gap in either convention; text that is a number the other way only settles the column.
        if (!Number.isNaN(other)) return;
        continue;
      }
      // A cell that is a number one way only settles the question for the whole column.
      if (Number.isNaN(other)) return;
      numbers += 1;
      const text = cell.trim();
      if (now[i] !== other && examples.length < MAX_EXAMPLES && !examples.includes(text)) examples.push(text);
    }
    if (numbers > 0 && examples.length > 0) found.push({ column, reading, alternative, examples });
  });
  return found;
}
