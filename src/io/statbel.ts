/** The attribution Statbel's open data asks for (CC BY 4.0). */
export const STATBEL_ATTRIBUTION = '© Statbel (CC BY 4.0)';

// Columns and properties that only Statbel's files use, and Statbel's file names (TF_… tables, TU_… code lists).
const STATBEL_COLUMNS = new Set(['CD_SECTOR', 'CD_STAT_SECTOR', 'CD_MUNTY_REFNIS', 'CD_REFNIS']);
const STATBEL_FILE = /^T[FU]_[A-Z0-9_]+\.(?:txt|csv|xlsx|zip)$/i;

/**
 * Whether a file is Statbel's, by its name or its columns (or boundary properties).
 * looksLikeStatbel("TF_CAR_HH_SECTOR.txt", []) and looksLikeStatbel("sectors.geojson", ["CD_SECTOR"]) are true.
 */
export function looksLikeStatbel(file: string, columns: readonly string[]): boolean {
  return STATBEL_FILE.test(file) || columns.some((c) => STATBEL_COLUMNS.has(c.toUpperCase()));
}

/** STATBEL_ATTRIBUTION when any of the files looks like Statbel's, else null. */
export function statbelAttribution(files: readonly { file: string; columns: readonly string[] }[]): string | null {
  return files.some((f) => looksLikeStatbel(f.file, f.columns)) ? STATBEL_ATTRIBUTION : null;
}
