import { normaliseCode } from './normaliseCode';
import type { ValueColumns } from './types';

/** What a join found, per file. */
export interface JoinReport {
  file: string;
  /** Wards that got a row. */
  matched: number;
  wardCount: number;
  rowCount: number;
  /** Ward codes that have no row in the file. */
  wardsWithoutRow: string[];
  /** Codes in the file that match no ward. */
  rowsWithoutWard: string[];
  /** Codes that appear more than once in the file (the first row is used). */
  duplicateKeys: string[];
  /** `municipality` when the file's codes were municipalities: the counts are then municipalities. */
  level?: 'ward' | 'municipality';
}

/** An indicator table keyed by code, columns aligned with `keys`. */
export interface KeyedColumns {
  keys: readonly string[];
  values: ValueColumns;
  /** Per column, why a cell is missing as the file wrote it ("<5", "-", "*"); null where not given. */
  missing?: Record<string, readonly (string | null)[]>;
}

/**
 * Aligns an indicator table with the wards by code (compared with normaliseCode); wards without a row
 * get null. The first row wins when a code repeats.
 */
export function joinToWards(
  wardCodes: readonly string[],
  table: KeyedColumns,
  file: string,
): { values: ValueColumns; missing: Record<string, (string | null)[]>; report: JoinReport } {
  const rowOf = new Map<string, number>();
  const duplicates = new Set<string>();
  table.keys.forEach((key, row) => {
    const code = normaliseCode(key);
    if (rowOf.has(code)) duplicates.add(key);
    else rowOf.set(code, row);
  });
  const usedRows = new Set<number>();
  const wardRows = wardCodes.map((code) => {
    const row = rowOf.get(normaliseCode(code));
    if (row !== undefined) usedRows.add(row);
    return row;
  });
  const values: ValueColumns = {};
  for (const [column, cells] of Object.entries(table.values)) {
    values[column] = wardRows.map((row) => (row === undefined ? null : cells[row]));
  }
  const missing: Record<string, (string | null)[]> = {};
  for (const [column, reasons] of Object.entries(table.missing ?? {})) {
    missing[column] = wardRows.map((row) => (row === undefined ? null : reasons[row] ?? null));
  }
  const rowsWithoutWard: string[] = [];
  for (const [code, row] of rowOf) if (!usedRows.has(row)) rowsWithoutWard.push(table.keys[row] ?? code);
  return {
    values,
    missing,
    report: {
      file,
      matched: wardRows.filter((row) => row !== undefined).length,
      wardCount: wardCodes.length,
      rowCount: table.keys.length,
      wardsWithoutRow: wardCodes.filter((_, i) => wardRows[i] === undefined),
      rowsWithoutWard,
      duplicateKeys: [...duplicates],
    },
  };
}
