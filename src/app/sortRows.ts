import type { RankedRow } from '../ui/RankedTable';

/**
 * Orders table rows by a column: rank, code, name, district, score or an indicator id.
 * Missing values go last in either direction; ties keep the rank order.
 */
export function sortRows(
  rows: readonly RankedRow[],
  sort: { column: string; descending: boolean },
  values: Record<string, readonly (number | null)[]>,
): RankedRow[] {
  const key = (row: RankedRow): number | string | null => {
    switch (sort.column) {
      case 'rank':
        return row.rank;
      case 'score':
        return row.score;
      case 'code':
        return row.ward.code;
      case 'name':
        return row.ward.name;
      case 'district':
        return row.ward.district;
      default:
        return values[sort.column]?.[row.ward.index] ?? null;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, position) => ({ row, position, key: key(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === b.key ? a.position - b.position : a.key === null ? 1 : -1;
      const order = typeof a.key === 'string' ? a.key.localeCompare(String(b.key)) : a.key - (b.key as number);
      return sign * order || a.position - b.position;
    })
    .map((entry) => entry.row);
}
