import { detectKeyColumn } from '../io/detectKeyColumn';
import type { WardFields } from '../io/detectWardFields';
import type { Boundaries } from '../io/parseBoundaries';
import { parseCsv, type CsvTable } from '../io/parseCsv';
import { problem, type Problem } from '../io/problem';
import { readIndicatorTable } from '../io/readIndicatorTable';
import { addIndicators, createDataset, type Dataset, type IndicatorTableInput } from '../model/createDataset';
import type { JoinReport } from '../model/joinToWards';
import { normaliseCode } from '../model/normaliseCode';
import type { IndicatorDef } from '../model/types';
import { readBoundariesFile, type SourceFile } from './assembleDataset';

/** Files the user opened but has not applied yet: nothing they had is touched until they apply. */
export interface Staging {
  boundaries: { file: string; boundaries: Boundaries; fields: WardFields } | null;
  tables: { file: string; csv: CsvTable; key: string | null }[];
  problems: Problem[];
}

export const EMPTY_STAGING: Staging = { boundaries: null, tables: [], problems: [] };

/** True for files read as boundaries (GeoJSON/TopoJSON), by extension or by a leading "{". */
export function isBoundaryFile(file: SourceFile): boolean {
  return /\.(geojson|topojson|json)$/i.test(file.name) || file.text.trimStart().startsWith('{');
}

/**
 * Adds opened files to the staging area: a boundaries file replaces the staged one, each CSV is added
 * with its key column detected against the ward codes it will join to.
 */
export function stageFiles(staging: Staging, files: readonly SourceFile[], dataset: Dataset | null): Staging {
  let next: Staging = { ...staging, tables: [...staging.tables], problems: [...staging.problems] };
  for (const file of files.filter(isBoundaryFile)) {
    const read = readBoundariesFile(file);
    next.problems.push(...read.problems);
    if (read.boundaries) next = { ...next, boundaries: { file: file.name, boundaries: read.boundaries, fields: read.fields } };
  }
  const codes = stagedWardCodes(next, dataset);
  for (const file of files.filter((f) => !isBoundaryFile(f))) {
    const parsed = parseCsv(file.text, file.name);
    next.problems.push(...parsed.problems);
    if (!parsed.data) continue;
    const key = detectKeyColumn(parsed.data.columns, parsed.data.rows, codes);
    next.tables = [...next.tables.filter((t) => t.file !== file.name), { file: file.name, csv: parsed.data, key }];
  }
  return next;
}

/** The ward codes the staged tables will join to: from the staged boundaries, else the loaded dataset. */
export function stagedWardCodes(staging: Staging, dataset: Dataset | null): string[] {
  if (staging.boundaries) {
    const key = staging.boundaries.fields.key;
    if (!key) return [];
    return staging.boundaries.boundaries.features.map((f) => String(f.properties?.[key] ?? '')).filter((c) => c !== '');
  }
  return dataset?.wards.map((w) => w.code) ?? [];
}

/** How many distinct codes of a staged table's key column match a ward code: the join preview. */
export function previewMatches(csv: CsvTable, key: string, wardCodes: readonly string[]): { matched: number; rows: number } {
  const column = csv.columns.indexOf(key);
  if (column === -1) return { matched: 0, rows: csv.rows.length };
  const wards = new Set(wardCodes.map(normaliseCode));
  const keys = new Set(csv.rows.map((row) => normaliseCode(row[column] ?? '')));
  let matched = 0;
  for (const k of keys) if (wards.has(k)) matched++;
  return { matched, rows: csv.rows.length };
}

/**
 * Turns the staged files into a dataset: new boundaries replace the dataset (with the staged tables
 * joined to them); tables alone are added to the loaded dataset. Returns null when nothing applies.
 */
export function applyStaging(
  staging: Staging,
  dataset: Dataset | null,
  catalogue: readonly IndicatorDef[],
): { dataset: Dataset | null; mode: 'replace' | 'add'; problems: Problem[] } {
  const problems: Problem[] = [];
  const tables: IndicatorTableInput[] = [];
  for (const staged of staging.tables) {
    if (!staged.key) {
      problems.push(problem(staged.file, 'choose the column that holds the ward codes'));
      continue;
    }
    const read = readIndicatorTable(staged.csv, staged.key, staged.file);
    problems.push(...read.problems);
    if (read.data) tables.push({ file: staged.file, keys: read.data.keys, values: read.data.values });
  }
  if (staging.boundaries) {
    const { file, boundaries, fields } = staging.boundaries;
    if (!fields.key) {
      problems.push(problem(file, 'choose the property that holds the ward codes'));
      return { dataset: null, mode: 'replace', problems };
    }
    const created = createDataset({
      name: file,
      features: boundaries.features,
      fields: { key: fields.key, name: fields.name, district: fields.district, municipality: fields.municipality ?? null },
      tables,
      catalogue,
    });
    return { dataset: created, mode: 'replace', problems: [...problems, ...created.warnings.map((w) => problem(file, w, { severity: 'warning' }))] };
  }
  if (!dataset) {
    problems.push(problem('(no boundaries)', 'open a boundaries file (GeoJSON or TopoJSON) first: indicator files join to its wards'));
    return { dataset: null, mode: 'add', problems };
  }
  if (tables.length === 0) return { dataset: null, mode: 'add', problems };
  return { dataset: addIndicators(dataset, tables, catalogue), mode: 'add', problems };
}

/** A join report in words, as a problem of the right severity for the problems list. */
export function describeJoin(report: JoinReport): Problem {
  const parts = [`${report.matched} of ${report.wardCount} wards matched a row`];
  const list = (codes: string[]) => codes.slice(0, 8).join(', ') + (codes.length > 8 ? ` and ${codes.length - 8} more` : '');
  if (report.wardsWithoutRow.length > 0) parts.push(`${report.wardsWithoutRow.length} wards have no row (${list(report.wardsWithoutRow)})`);
  if (report.rowsWithoutWard.length > 0) parts.push(`${report.rowsWithoutWard.length} codes match no ward (${list(report.rowsWithoutWard)})`);
  if (report.duplicateKeys.length > 0) parts.push(`${report.duplicateKeys.length} codes repeat, first row used (${list(report.duplicateKeys)})`);
  const clean = report.wardsWithoutRow.length === 0 && report.rowsWithoutWard.length === 0 && report.duplicateKeys.length === 0;
  return problem(report.file, `join: ${parts.join('; ')}`, { severity: clean ? 'info' : 'warning' });
}
