import type { CsvTable } from './parseCsv';
import { numberValue, type NumberFormat } from './parseNumber';

// Per table (by its rows), per column and convention: the column read once. Staging asks which
// columns read two ways, shareColumns and readIndicatorTable then read the same cells again; at
// Belgium scale each reading of a table is some 200,000 cells. Tables are never changed once read.
const read = new WeakMap<readonly (readonly string[])[], Map<string, Float64Array>>();

/**
 * A column of a table read as numbers in `format`: per row parseNumber's value, NaN where the cell
 * is no number (blank, a marker, text; tell them apart with parseNumber). Read once per table,
 * column and convention; the array is shared, so it must not be changed.
 * numberColumn({columns: ["v"], rows: [["1,5"], ["n.a."]], dialect}, 0, {decimal: ",", thousands: null}) is [1.5, NaN].
 */
export function numberColumn(table: Pick<CsvTable, 'rows'>, index: number, format: NumberFormat): Float64Array {
  let columns = read.get(table.rows);
  if (!columns) {
    columns = new Map();
    read.set(table.rows, columns);
  }
  const id = `${index}${format.decimal}${format.thousands ?? ''}`;
  let values = columns.get(id);
  if (!values) {
    const rows = table.rows;
    values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = numberValue(rows[i][index] ?? '', format);
    columns.set(id, values);
  }
  return values;
}
