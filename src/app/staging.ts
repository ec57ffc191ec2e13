import { ambiguousColumns, type AmbiguousColumn } from '../io/ambiguousColumns';
import { decodeText, type TextEncoding } from '../io/decodeText';
import { detectKeyColumn } from '../io/detectKeyColumn';
import { detectWardFields, type WardFields } from '../io/detectWardFields';
import { parseBoundaries, type Boundaries } from '../io/parseBoundaries';
import { parseCatalogue } from '../io/parseCatalogue';
import { parseCsv, type CsvTable } from '../io/parseCsv';
import { parseManifest, type Manifest } from '../io/parseManifest';
import type { NumberFormat } from '../io/parseNumber';
import { parseShapefile } from '../io/parseShapefile';
import { parseXlsx, xlsxSheetNames } from '../io/parseXlsx';
import { problem, type Problem } from '../io/problem';
import { readIndicatorTable } from '../io/readIndicatorTable';
import { readJson } from '../io/readJson';
import { detectYearColumn, selectYear, tableYears } from '../io/longTable';
import { withIncomeMean } from '../io/withIncomeMean';
import { addIndicators, createDataset, type Dataset, type IndicatorTableInput } from '../model/createDataset';
import type { JoinReport } from '../model/joinToWards';
import { normaliseCode } from '../model/normaliseCode';
import type { IndicatorDef, Level } from '../model/types';

/** A file as the user gave it: its name and its bytes. */
export interface RawFile {
  name: string;
  bytes: Uint8Array;
}

export interface StagedBoundaries {
  file: string;
  boundaries: Boundaries;
  fields: WardFields;
  /** The text of a TopoJSON, kept so another object can be chosen; null otherwise. */
  text: string | null;
}

export interface StagedTable {
  file: string;
  /** The table as read: every year, the chosen sheet. */
  source: CsvTable;
  encoding: TextEncoding | null;
  /** Workbook sheets and the one read; null for text files. */
  sheets: string[] | null;
  sheet: string | null;
  /** Workbook bytes, kept so another sheet can be read. */
  bytes: Uint8Array | null;
  /** A long table's year column, its years, and the year used. */
  yearColumn: string | null;
  years: number[];
  year: number | null;
  key: string | null;
  /** Columns whose numbers can be read two ways, and the reading the user chose for each. */
  ambiguous: AmbiguousColumn[];
  formats: Record<string, NumberFormat>;
  /** The level from a prepared dataset's manifest; detected from the codes otherwise. */
  level: Level | 'auto';
}

/** Files the user opened but has not applied yet: nothing they had is touched until they apply. */
export interface Staging {
  boundaries: StagedBoundaries | null;
  tables: StagedTable[];
  /** A prepared dataset's manifest (dataset.json) and its catalogue, when one was opened. */
  prepared: { manifest: Manifest; catalogue: IndicatorDef[] | null } | null;
  problems: Problem[];
}

export const EMPTY_STAGING: Staging = { boundaries: null, tables: [], prepared: null, problems: [] };

const SHAPEFILE_PART = /\.(shp|dbf|prj|cpg|shx)$/i;
const BOUNDARY_TEXT = /\.(geojson|topojson)$/i;
const WORKBOOK = /\.xlsx$/i;

/** True for files read as boundaries (GeoJSON/TopoJSON): by extension, or by a leading "{" whatever the name. */
export function isBoundaryText(name: string, text: string): boolean {
  return BOUNDARY_TEXT.test(name) || /\.json$/i.test(name) || text.trimStart().startsWith('{');
}

/** The table a staged file contributes: the chosen year of a long table, else the whole table. */
export function stagedTable(table: StagedTable): CsvTable {
  return table.yearColumn && table.year !== null ? selectYear(table.source, table.yearColumn, table.year) : table.source;
}

/**
 * Adds opened files to the staging area. Shapefile parts (or a .zip) and GeoJSON/TopoJSON become the
 * staged boundaries (replacing earlier ones); CSV/TXT (UTF-8, UTF-16 or Windows-1252) and .xlsx become
 * tables, each with its key column detected against the ward codes it will join to and, for long
 * tables, the latest year chosen. A prepared dataset's dataset.json and catalogue.json set the keys,
 * levels and indicator definitions instead of detection.
 */
export async function stageFiles(staging: Staging, files: readonly RawFile[], dataset: Dataset | null): Promise<Staging> {
  let next: Staging = { ...staging, tables: [...staging.tables], problems: [...staging.problems] };
  const rest: RawFile[] = [];

  // The manifest first (it says what the other files are), then a catalogue that goes with it.
  const json = files.filter((f) => /\.json$/i.test(f.name) && !BOUNDARY_TEXT.test(f.name)).map((f) => ({ file: f, text: decodeText(f.bytes).text }));
  const manifests = json.filter((j) => /"format"\s*:\s*"chw-planner-dataset"/.test(j.text));
  const catalogues = json.filter((j) => !manifests.includes(j) && j.text.trimStart().startsWith('['));
  for (const { file, text } of manifests) {
    const parsed = parseManifest(text, file.name);
    next.problems.push(...parsed.problems);
    if (parsed.data) next.prepared = { manifest: parsed.data, catalogue: null };
  }
  for (const { file, text } of catalogues) {
    const read = readCatalogue(text, file.name);
    next.problems.push(...read.problems);
    if (!next.prepared) {
      next.problems.push(problem(file.name, 'an indicator catalogue is read with its dataset.json: open both together', { severity: 'warning' }));
    } else if (read.data) {
      next.prepared = { ...next.prepared, catalogue: read.data };
    }
  }
  const taken = new Set([...manifests, ...catalogues].map((j) => j.file));
  rest.push(...files.filter((f) => !taken.has(f)));
  const manifest = next.prepared?.manifest ?? null;

  const shapefileParts = rest.filter((f) => SHAPEFILE_PART.test(f.name) || /\.zip$/i.test(f.name));
  if (shapefileParts.length > 0) {
    const parsed = await parseShapefile(shapefileParts, shapefileParts.map((f) => f.name).join(' + '));
    next.problems.push(...parsed.problems);
    if (parsed.data) next.boundaries = { file: shapefileParts[0].name.replace(/\.[^.]+$/, ''), boundaries: parsed.data, fields: detectFields(parsed.data), text: null };
  }
  const texts = new Map(
    rest.filter((f) => !SHAPEFILE_PART.test(f.name) && !/\.zip$/i.test(f.name) && !WORKBOOK.test(f.name)).map((f) => [f, decodeText(f.bytes).text]),
  );
  const boundaryFiles = [...texts].filter(([f, text]) => isBoundaryText(f.name, text)).map(([f]) => f);
  for (const file of boundaryFiles) {
    const text = texts.get(file) as string;
    const object = manifest?.boundaries.file === file.name ? manifest.boundaries.object : undefined;
    const parsed = parseBoundaries(text, file.name, object);
    next.problems.push(...parsed.problems);
    if (!parsed.data) continue;
    const fields =
      manifest?.boundaries.file === file.name
        ? { key: manifest.boundaries.key, name: manifest.boundaries.name, district: manifest.boundaries.district, municipality: manifest.boundaries.municipality }
        : detectFields(parsed.data);
    next.boundaries = { file: file.name, boundaries: parsed.data, fields, text: parsed.data.source === 'topojson' ? text : null };
  }

  const codes = stagedWardCodes(next, dataset);
  for (const file of rest.filter((f) => !SHAPEFILE_PART.test(f.name) && !/\.zip$/i.test(f.name) && !boundaryFiles.includes(f))) {
    const table = await readTableFile(file);
    next.problems.push(...table.problems);
    if (!table.staged) continue;
    const listed = manifest?.indicators.find((i) => i.file === file.name);
    const staged: StagedTable = {
      ...table.staged,
      key: listed?.key ?? detectKeyColumn(table.staged.source.columns, table.staged.source.rows, codes),
      level: listed?.level ?? 'auto',
    };
    next.tables = [...next.tables.filter((t) => t.file !== file.name), staged];
  }

  if (manifest) {
    const opened = new Set([next.boundaries?.file, ...next.tables.map((t) => t.file)]);
    for (const needed of [manifest.boundaries.file, ...manifest.indicators.map((i) => i.file)]) {
      if (!opened.has(needed)) {
        next.problems.push(problem(needed, `dataset.json lists ${needed}, which was not opened with it: select all the files of the dataset's folder together`));
      }
    }
    if (!next.prepared?.catalogue) {
      next.problems.push(problem(manifest.catalogue, `${manifest.catalogue} was not opened: indicators get default labels and weights`, { severity: 'warning' }));
    }
  }
  return next;
}

async function readTableFile(file: RawFile): Promise<{ staged: Omit<StagedTable, 'key' | 'level'> | null; problems: Problem[] }> {
  let source: CsvTable | null = null;
  let problems: Problem[] = [];
  let encoding: TextEncoding | null = null;
  let sheets: string[] | null = null;
  let sheet: string | null = null;
  if (WORKBOOK.test(file.name)) {
    sheets = await xlsxSheetNames(file.bytes).catch(() => []);
    sheet = sheets[0] ?? null;
    const parsed = await parseXlsx(file.bytes, file.name, sheet ?? undefined);
    source = parsed.data;
    problems = parsed.problems;
  } else {
    const decoded = decodeText(file.bytes);
    encoding = decoded.encoding;
    const parsed = parseCsv(decoded.text, file.name);
    source = parsed.data;
    problems = parsed.problems;
    if (source && decoded.encoding === 'windows-1252') {
      problems.push(problem(file.name, 'read as Windows-1252 (Latin-1): the file is not UTF-8', { severity: 'info' }));
    }
  }
  if (!source) return { staged: null, problems };
  const { yearColumn, years } = yearsOf(source);
  return {
    staged: {
      file: file.name,
      source,
      encoding,
      sheets,
      sheet,
      bytes: sheets ? file.bytes : null,
      yearColumn,
      years,
      year: years.length > 0 ? years[years.length - 1] : null,
      ambiguous: ambiguousColumns(source),
      formats: {},
    },
    problems,
  };
}

/** Reads another sheet of a staged workbook. */
export async function chooseSheet(staging: Staging, file: string, sheet: string): Promise<Staging> {
  const table = staging.tables.find((t) => t.file === file);
  if (!table?.bytes) return staging;
  const parsed = await parseXlsx(table.bytes, file, sheet);
  if (!parsed.data) return { ...staging, problems: [...staging.problems, ...parsed.problems] };
  const { yearColumn, years } = yearsOf(parsed.data);
  const replaced: StagedTable = {
    ...table,
    source: parsed.data,
    sheet,
    yearColumn,
    years,
    year: years.length > 0 ? years[years.length - 1] : null,
    key: parsed.data.columns.includes(table.key ?? '') ? table.key : detectKeyColumn(parsed.data.columns, parsed.data.rows),
    ambiguous: ambiguousColumns(parsed.data),
    formats: {},
  };
  return { ...staging, tables: staging.tables.map((t) => (t.file === file ? replaced : t)), problems: [...staging.problems, ...parsed.problems] };
}

/** Re-reads the staged TopoJSON with another of its objects. */
export function chooseObject(staging: Staging, objectName: string): Staging {
  const staged = staging.boundaries;
  if (!staged?.text) return staging;
  const parsed = parseBoundaries(staged.text, staged.file, objectName);
  if (!parsed.data) return { ...staging, problems: [...staging.problems, ...parsed.problems] };
  return { ...staging, boundaries: { ...staged, boundaries: parsed.data, fields: detectFields(parsed.data) } };
}

/** Updates one staged table (key, year, number formats) by file name. */
export function updateTable(staging: Staging, file: string, change: Partial<Pick<StagedTable, 'key' | 'year' | 'formats'>>): Staging {
  return { ...staging, tables: staging.tables.map((t) => (t.file === file ? { ...t, ...change } : t)) };
}

/** Updates the staged boundaries' code, name, district or municipality property. */
export function updateFields(staging: Staging, change: Partial<WardFields>): Staging {
  if (!staging.boundaries) return staging;
  return { ...staging, boundaries: { ...staging.boundaries, fields: { ...staging.boundaries.fields, ...change } } };
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

/**
 * How many distinct codes of a staged table's key column match a ward code, or, for a municipality
 * table, a ward's municipality: the join preview.
 */
export function previewMatches(csv: CsvTable, key: string, wardCodes: readonly string[]): { matched: number; rows: number; level: Level } {
  const column = csv.columns.indexOf(key);
  if (column === -1) return { matched: 0, rows: csv.rows.length, level: 'ward' };
  const wards = new Set(wardCodes.map(normaliseCode));
  const keys = new Set(csv.rows.map((row) => normaliseCode(row[column] ?? '')));
  let matched = 0;
  for (const k of keys) if (wards.has(k)) matched++;
  if (matched > 0) return { matched, rows: csv.rows.length, level: 'ward' };
  const municipalities = new Set(wardCodes.map((c) => normaliseCode(c).slice(0, 5)));
  let municipal = 0;
  for (const k of keys) if (/^\d{5}$/.test(k) && municipalities.has(k)) municipal++;
  return municipal > 0 ? { matched: municipal, rows: csv.rows.length, level: 'municipality' } : { matched, rows: csv.rows.length, level: 'ward' };
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
  const definitions = staging.prepared?.catalogue ? [...staging.prepared.catalogue, ...catalogue] : catalogue;
  for (const staged of staging.tables) {
    if (!staged.key) {
      problems.push(problem(staged.file, 'choose the column that holds the ward codes'));
      continue;
    }
    const read = readIndicatorTable(stagedTable(staged), staged.key, staged.file, { formats: staged.formats });
    problems.push(...read.problems);
    if (!read.data) continue;
    const { table, note } = withIncomeMean(read.data, staged.file);
    if (note) problems.push(note);
    tables.push({ file: staged.file, keys: table.keys, values: table.values, missing: table.missingReasons, level: staged.level });
  }
  if (staging.boundaries) {
    const { file, boundaries, fields } = staging.boundaries;
    if (!fields.key) {
      problems.push(problem(file, 'choose the property that holds the ward codes'));
      return { dataset: null, mode: 'replace', problems };
    }
    const manifest = staging.prepared?.manifest;
    const created = createDataset({
      name: manifest?.name ?? file,
      attribution: manifest?.attribution ?? null,
      features: boundaries.features,
      fields: { key: fields.key, name: fields.name, district: fields.district, municipality: fields.municipality ?? null },
      tables,
      catalogue: definitions,
    });
    return { dataset: created, mode: 'replace', problems: [...problems, ...created.warnings.map((w) => problem(file, w, { severity: 'warning' }))] };
  }
  if (!dataset) {
    problems.push(problem('(no boundaries)', 'open a boundaries file (GeoJSON, TopoJSON or a zipped shapefile) first: indicator files join to its wards'));
    return { dataset: null, mode: 'add', problems };
  }
  if (tables.length === 0) return { dataset: null, mode: 'add', problems };
  return { dataset: addIndicators(dataset, tables, definitions), mode: 'add', problems };
}

/** A join report in words, as a problem of the right severity for the problems list. */
export function describeJoin(report: JoinReport): Problem {
  const unit = report.level === 'municipality' ? 'municipalities' : 'wards';
  const parts = [`${report.matched} of ${report.wardCount} ${unit} matched a row`];
  const list = (codes: string[]) => codes.slice(0, 8).join(', ') + (codes.length > 8 ? ` and ${codes.length - 8} more` : '');
  if (report.wardsWithoutRow.length > 0) parts.push(`${report.wardsWithoutRow.length} ${unit} have no row (${list(report.wardsWithoutRow)})`);
  if (report.rowsWithoutWard.length > 0) parts.push(`${report.rowsWithoutWard.length} codes match no ${unit === 'wards' ? 'ward' : 'municipality'} (${list(report.rowsWithoutWard)})`);
  if (report.duplicateKeys.length > 0) parts.push(`${report.duplicateKeys.length} codes repeat, first row used (${list(report.duplicateKeys)})`);
  const clean = report.wardsWithoutRow.length === 0 && report.rowsWithoutWard.length === 0 && report.duplicateKeys.length === 0;
  return problem(report.file, `join${report.level === 'municipality' ? ' (municipality level)' : ''}: ${parts.join('; ')}`, {
    severity: clean ? 'info' : 'warning',
  });
}

function detectFields(boundaries: Boundaries): WardFields {
  return detectWardFields(boundaries.propertyNames, boundaries.features);
}

/** A long table's year column and its years (one row per area and year); none for a plain table. */
function yearsOf(table: CsvTable): { yearColumn: string | null; years: number[] } {
  const yearColumn = detectYearColumn(table);
  return { yearColumn, years: yearColumn ? tableYears(table, yearColumn) : [] };
}

function readCatalogue(text: string, file: string): { data: IndicatorDef[] | null; problems: Problem[] } {
  const read = readJson(text);
  return 'error' in read ? { data: null, problems: [problem(file, read.error)] } : parseCatalogue(read.json, file);
}
