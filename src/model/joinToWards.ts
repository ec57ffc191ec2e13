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

/** The ward codes and table keys already passed through normaliseCode, aligned with the originals. */
export interface NormalisedCodes {
  wardCodes: readonly string[];
  keys: readonly string[];
}

/**
 * Aligns an indicator table with the wards by code (compared with normaliseCode); wards without a row
 * get null. The first row wins when a code repeats. A caller that joins several tables to the same
 * wards can pass the codes `normalised` once.
 */
export function joinToWards(
  wardCodes: readonly string[],
  table: KeyedColumns,
  file: string,
  normalised: NormalisedCodes = { wardCodes: wardCodes.map(normaliseCode), keys: table.keys.map(normaliseCode) },
): { values: ValueColumns; missing: Record<string, (string | null)[]>; report: JoinReport } {
  const rowOf = new Map<string, number>();
  const duplicates = new Set<string>();
  for (let row = 0; row < table.keys.length; row++) {
    const code = normalised.keys[row];
    if (rowOf.has(code)) duplicates.add(table.keys[row]);
    else rowOf.set(code, row);
  }
  // Per ward, the row it takes (-1: none); per row, whether a ward took it.
  const wardRows = new Int32Array(wardCodes.length);
  const used = new Uint8Array(table.keys.length);
  let matched = 0;
  for (let i = 0; i < wardRows.length; i++) {
    const row = rowOf.get(normalised.wardCodes[i]);
    if (row === undefined) {
      wardRows[i] = -1;
    } else {
      wardRows[i] = row;
      used[row] = 1;
      matched += 1;
    }
  }
  const values: ValueColumns = {};
  for (const [column, cells] of Object.entries(table.values)) {
    const aligned: (number | null)[] = [];
    for (let i = 0; i < wardRows.length; i++) aligned.push(wardRows[i] === -1 ? null : cells[wardRows[i]]);
    values[column] = aligned;
  }
  const missing: Record<string, (string | null)[]> = {};
  for (const [column, reasons] of Object.entries(table.missing ?? {})) {
    const aligned: (string | null)[] = [];
    for (let i = 0; i < wardRows.length; i++) aligned.push(wardRows[i] === -1 ? null : (reasons[wardRows[i]] ?? null));
    missing[column] = aligned;
  }
  const rowsWithoutWard: string[] = [];
  for (const [code, row] of rowOf) if (used[row] === 0) rowsWithoutWard.push(table.keys[row] ?? code);
  const wardsWithoutRow: string[] = [];
  for (let i = 0; i < wardRows.length; i++) if (wardRows[i] === -1) wardsWithoutRow.push(wardCodes[i]);
  return {
    values,
    missing,
    report: {
      file,
      matched,
      wardCount: wardCodes.length,
      rowCount: table.keys.length,
      wardsWithoutRow,
      rowsWithoutWard,
      duplicateKeys: [...duplicates],
    },
  };
}
