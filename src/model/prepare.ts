import { normalise, type NeedColumn } from './normalise';
import type { Direction, Method, ValueColumns } from './types';

/** Everything about a dataset that does not depend on the weights, computed once per method and directions. */
export interface Prepared {
  method: Method;
  wardCount: number;
  ids: string[];
  columns: Record<string, NeedColumn>;
}

/**
 * Normalises every indicator once, so that a weight change is only a weighted sum and a sort.
 * `wardCount` is given, not read off the columns, so that wards without any indicator still count.
 * prepare({ vt: [10, 30] }, { vt: 'high' }, 'percentile', 2).columns.vt.need -> [0, 1]
 */
export function prepare(values: ValueColumns, directions: Record<string, Direction>, method: Method, wardCount: number): Prepared {
  const ids = Object.keys(directions);
  const columns: Record<string, NeedColumn> = {};
  for (const id of ids) {
    const column = values[id];
    if (!column) throw new Error(`invalid indicator: ${id}`);
    if (column.length !== wardCount) throw new Error(`invalid column length: ${id} has ${column.length}, expected ${wardCount}`);
    columns[id] = normalise(column, directions[id], method);
  }
  return { method, wardCount, ids, columns };
}
