import { ambiguousColumns, type AmbiguousColumn } from '../io/ambiguousColumns';
import { decodeText, type DecodedText, type TextEncoding } from '../io/decodeText';
import { detectKeyColumn } from '../io/detectKeyColumn';
import { keyColumnProblems } from '../io/keyColumnProblems';
import { frenchNameOf } from '../io/detectWardFields';
import { parseBoundaries, type Boundaries } from '../io/parseBoundaries';
import { parseCatalogue } from '../io/parseCatalogue';
import { parseCsv, type CsvTable } from '../io/parseCsv';
import { statbelAttribution } from '../io/statbel';
import { parseManifest, type Manifest } from '../io/parseManifest';
import { numberColumn } from '../io/numberColumn';
import type { NumberFormat } from '../io/parseNumber';
import { parseShapefile } from '../io/parseShapefile';
import { parseXlsx, xlsxSheetNames } from '../io/parseXlsx';
import { problemFrom, type MessageValue, type Problem, type ProblemKey } from '../io/problem';
import { readIndicatorTable, type ShareScale } from '../io/readIndicatorTable';
import { shareScale, type ShareScaleGuess } from '../io/shareScale';
import { readJson } from '../io/readJson';
import { detectYearColumn, selectYear, tableYears } from '../io/longTable';
import { withIncomeMean } from '../io/withIncomeMean';
import { addIndicators, createDataset, findInCatalogue, type Dataset, type IndicatorTableInput } from '../model/createDataset';
import type { JoinReport } from '../model/joinToWards';
import { normaliseCode } from '../model/normaliseCode';
import { stageProgress, type StagingProgress } from './stageProgress';
import type { ShownProblem } from './notice';
import { detectBoundaryFields, type BoundaryFields } from './detectBoundaryFields';
import type { IndicatorDef, Level } from '../model/types';
import type { Language } from '../i18n/language';

/** A file as the user gave it: its name and its bytes. */
export interface RawFile {
  name: string;
  bytes: Uint8Array;
}

export interface StagedBoundaries {
  file: string;
  boundaries: Boundaries;
  fields: BoundaryFields;
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
  /** How the user says a share column is written; a column not named here is read as shareColumns guesses. */
  shares: Record<string, ShareScale>;
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
// Old .xls files go to the workbook reader too, which says how to save them as .xlsx.
const WORKBOOK = /\.xlsx?$/i;

/** True for files read as boundaries (GeoJSON/TopoJSON): by extension, or by a leading "{" whatever the name. */
export function isBoundaryText(name: string, text: string): boolean {
  return BOUNDARY_TEXT.test(name) || /\.json$/i.test(name) || text.trimStart().startsWith('{');
}

/** The table a staged file contributes: the chosen year of a long table, else the whole table. */
export function stagedTable(table: StagedTable): CsvTable {
  return table.yearColumn && table.year !== null ? selectYear(table.source, table.yearColumn, table.year) : table.source;
}

// What a staging run is doing (a stage in words and as a key, and the fraction done) is defined with stageProgress.
export type { StagingProgress };

/** Receives a staging run's progress; called at each stage and as a stage advances. */
export type OnStagingProgress = (progress: StagingProgress) => void;

/** A file handed over by the browser (a File), or anything with its name, size and a stream of its bytes. */
export type OpenedFile = Pick<File, 'name' | 'size' | 'stream'>;

/**
 * Reads an opened file's bytes, reporting "Reading <file> (n MB)" with the fraction read as the
 * chunks arrive. The bytes go straight into one buffer of the file's size: no second copy.
 * @example
 * const raw = await readRawFile(input.files[0], ({ stage, fraction }) => show(stage, fraction));
 */
export async function readRawFile(file: OpenedFile, onProgress?: OnStagingProgress): Promise<RawFile> {
  const at = (fraction: number) => stageProgress('reading', { file: file.name, size: formatSize(file.size), bytes: file.size }, fraction);
  const bytes = new Uint8Array(file.size);
  let read = 0;
  onProgress?.(at(0));
  const reader = file.stream().getReader();
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    if (read + chunk.value.length > bytes.length) throw new Error(`${file.name} changed while it was read: open it again`);
    bytes.set(chunk.value, read);
    read += chunk.value.length;
    onProgress?.(at(bytes.length === 0 ? 1 : read / bytes.length));
  }
  if (read !== bytes.length) throw new Error(`${file.name} changed while it was read: open it again`);
  return { name: file.name, bytes };
}

const SIZE_UNITS = { en: ['B', 'kB', 'MB'], nl: ['B', 'kB', 'MB'], fr: ['o', 'ko', 'Mo'] } as const;

/**
 * A byte count as people read it in a language: "512 B", "35 kB", "4.2 MB", "104 MB"; in French
 * "4,2 Mo", in Dutch "4,2 MB".
 */
export function formatSize(bytes: number, language: Language = 'en'): string {
  const [byte, kilo, mega] = SIZE_UNITS[language];
  // Thresholds where the rounded number would reach the next unit's: 999.6 kB is "1.0 MB", not "1000 kB".
  if (bytes < 1e3) return `${bytes} ${byte}`;
  if (bytes < 999_500) return `${Math.round(bytes / 1e3)} ${kilo}`;
  if (bytes >= 9_950_000) return `${Math.round(bytes / 1e6)} ${mega}`;
  const tenths = (bytes / 1e6).toFixed(1);
  return `${language === 'en' ? tenths : tenths.replace('.', ',')} ${mega}`;
}

/**
 * Adds opened files to the staging area: `stageNewFiles` reads them and `mergeStaging` adds them to
 * what was staged before. `wardCodes` are the codes the tables join to when the files bring no
 * boundaries of their own (`stagedWardCodes(staging, dataset)`); null when nothing is loaded.
 * @example
 * const next = await stageFiles(staging, [{ name: 'wards.geojson', bytes }], stagedWardCodes(staging, dataset));
 */
export async function stageFiles(
  staging: Staging,
  files: readonly RawFile[],
  wardCodes: readonly string[] | null,
  onProgress?: OnStagingProgress,
): Promise<Staging> {
  return mergeStaging(staging, await stageNewFiles(files, { wardCodes, prepared: staging.prepared }, onProgress));
}

/** What reading new files needs to know of the staging they join: small enough to post to a worker. */
export interface StagingContext {
  /** The ward codes tables join to when no boundaries come with the files; null when nothing is loaded. */
  wardCodes: readonly string[] | null;
  /** The prepared dataset's manifest and catalogue staged before, which say what the files are. */
  prepared: Staging['prepared'];
}

/**
 * Reads opened files into a staging of their own, for `mergeStaging` to add to what was staged. Shapefile
 * parts (or a .zip) and GeoJSON/TopoJSON become the staged boundaries; CSV/TXT (UTF-8, UTF-16 or
 * Windows-1252) and .xlsx become tables, each with its key column detected against the ward codes it
 * will join to and, for long tables, the latest year chosen. A prepared dataset's dataset.json and
 * catalogue.json set the keys, levels and indicator definitions instead of detection. Reports
 * "Parsing <file>" for boundaries and "Reading table <file>" for tables, with the fraction of the
 * tables read.
 */
export async function stageNewFiles(files: readonly RawFile[], context: StagingContext, onProgress?: OnStagingProgress): Promise<Staging> {
  const next: Staging = { ...EMPTY_STAGING, tables: [], prepared: context.prepared, problems: [] };
  const report = onProgress ?? (() => {});

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
      next.problems.push(problemFrom(file.name, 'catalogueWithoutDataset', {}, { severity: 'warning' }));
    } else if (read.data) {
      next.prepared = { ...next.prepared, catalogue: read.data };
    }
  }
  const taken = new Set([...manifests, ...catalogues].map((j) => j.file));
  const rest = files.filter((f) => !taken.has(f));
  const manifest = next.prepared?.manifest ?? null;

  const shapefileParts = rest.filter((f) => SHAPEFILE_PART.test(f.name) || /\.zip$/i.test(f.name));
  if (shapefileParts.length > 0) {
    const label = shapefileParts.map((f) => f.name).join(' + ');
    report(stageProgress('parsing', { file: label }, null));
    const parsed = await parseShapefile(shapefileParts, label);
    next.problems.push(...parsed.problems);
    if (parsed.data) next.boundaries = { file: shapefileParts[0].name.replace(/\.[^.]+$/, ''), boundaries: parsed.data, fields: detectFields(parsed.data), text: null };
  }

  // Each text file is decoded once: a boundary file is parsed from its text, a table read from it.
  const tableFiles: { file: RawFile; decoded: DecodedText | null }[] = [];
  for (const file of rest.filter((f) => !SHAPEFILE_PART.test(f.name) && !/\.zip$/i.test(f.name))) {
    if (WORKBOOK.test(file.name)) {
      tableFiles.push({ file, decoded: null });
      continue;
    }
    const decoded = decodeText(file.bytes);
    if (!isBoundaryText(file.name, decoded.text)) {
      tableFiles.push({ file, decoded });
      continue;
    }
    report(stageProgress('parsing', { file: file.name }, null));
    const object = manifest?.boundaries.file === file.name ? manifest.boundaries.object : undefined;
    const parsed = parseBoundaries(decoded.text, file.name, object);
    next.problems.push(...parsed.problems);
    if (!parsed.data) continue;
    const fields =
      manifest?.boundaries.file === file.name
        ? {
            key: manifest.boundaries.key,
            name: manifest.boundaries.name,
            nameFr: manifest.boundaries.nameFr,
            district: manifest.boundaries.district,
            districtFr: manifest.boundaries.districtFr ?? null,
            municipality: manifest.boundaries.municipality,
          }
        : detectFields(parsed.data);
    next.boundaries = { file: file.name, boundaries: parsed.data, fields, text: parsed.data.source === 'topojson' ? decoded.text : null };
  }

  const codes = next.boundaries ? boundaryCodes(next.boundaries) : [...(context.wardCodes ?? [])];
  for (const [i, { file, decoded }] of tableFiles.entries()) {
    report(stageProgress('readingTable', { file: file.name }, i / tableFiles.length));
    const table = await readTableFile(file, decoded);
    next.problems.push(...table.problems);
    if (!table.staged) continue;
    const listed = manifest?.indicators.find((i) => i.file === file.name);
    const staged: StagedTable = {
      ...table.staged,
      key: listed?.key ?? detectKeyColumn(table.staged.source.columns, table.staged.source.rows, codes),
      level: listed?.level ?? 'auto',
    };
    // No key found, or one that matches no ward: say which columns and codes were compared.
    if (!listed) next.problems.push(...keyColumnProblems(staged.source, staged.key, codes, file.name));
    next.tables = [...next.tables.filter((t) => t.file !== file.name), staged];
  }
  return next;
}

/**
 * Adds files read by `stageNewFiles` to what was staged: new boundaries replace the staged ones, a
 * table replaces a staged table of the same name, problems are added. With a prepared dataset's
 * manifest, the files it lists and did not come are reported.
 */
export function mergeStaging(staging: Staging, added: Staging): Staging {
  const names = new Set(added.tables.map((t) => t.file));
  const next: Staging = {
    boundaries: added.boundaries ?? staging.boundaries,
    tables: [...staging.tables.filter((t) => !names.has(t.file)), ...added.tables],
    prepared: added.prepared ?? staging.prepared,
    problems: [...staging.problems, ...added.problems],
  };
  const manifest = next.prepared?.manifest;
  if (manifest) {
    const opened = new Set([next.boundaries?.file, ...next.tables.map((t) => t.file)]);
    for (const needed of [manifest.boundaries.file, ...manifest.indicators.map((i) => i.file)]) {
      if (!opened.has(needed)) {
        next.problems.push(problemFrom(needed, 'datasetFileNotOpened', { file: needed }));
      }
    }
    if (!next.prepared?.catalogue) {
      next.problems.push(problemFrom(manifest.catalogue, 'catalogueNotOpened', { file: manifest.catalogue }, { severity: 'warning' }));
    }
  }
  return next;
}

async function readTableFile(
  file: RawFile,
  decoded: DecodedText | null,
): Promise<{ staged: Omit<StagedTable, 'key' | 'level'> | null; problems: Problem[] }> {
  let source: CsvTable | null = null;
  let problems: Problem[] = [];
  let sheets: string[] | null = null;
  let sheet: string | null = null;
  if (decoded === null) {
    sheets = await xlsxSheetNames(file.bytes).catch(() => []);
    // No sheet named: the reader takes the first sheet that holds a table and says which.
    const parsed = await parseXlsx(file.bytes, file.name);
    sheet = parsed.data?.sheet ?? sheets[0] ?? null;
    source = parsed.data;
    problems = parsed.problems;
  } else {
    const parsed = parseCsv(decoded.text, file.name);
    source = parsed.data;
    problems = parsed.problems;
    if (source && decoded.encoding === 'windows-1252') {
      problems.push(problemFrom(file.name, 'readAsLatin1', {}, { severity: 'info' }));
    }
  }
  if (!source) return { staged: null, problems };
  const { yearColumn, years } = yearsOf(source);
  return {
    staged: {
      file: file.name,
      source,
      encoding: decoded?.encoding ?? null,
      sheets,
      sheet,
      bytes: sheets ? file.bytes : null,
      yearColumn,
      years,
      year: years.length > 0 ? years[years.length - 1] : null,
      ambiguous: ambiguousColumns(source),
      formats: {},
      shares: {},
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
    shares: {},
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

/** A share column of a staged table (a catalogue indicator in %) and how its values look written. */
export interface ShareColumn {
  column: string;
  guess: ShareScaleGuess;
}

/**
 * The columns of a table that hold shares (matched to a catalogue indicator whose unit is %), each
 * with shareScale's guess from its numbers: 35 or 0.35 for 35 %. The key column is left out.
 */
export function shareColumns(table: CsvTable, key: string | null, catalogue: readonly IndicatorDef[], formats: Record<string, NumberFormat> = {}): ShareColumn[] {
  const out: ShareColumn[] = [];
  table.columns.forEach((column, index) => {
    if (column === key || findInCatalogue(catalogue, column)?.unit !== '%') return;
    const format = Object.hasOwn(formats, column) ? formats[column] : table.dialect;
    const values = Array.from(numberColumn(table, index, format), (value) => (Number.isNaN(value) ? null : value));
    out.push({ column, guess: shareScale(values) });
  });
  return out;
}

/** How each share column is read: the user's choice, else the guess (percent when it cannot tell). */
export function shareChoices(staged: StagedTable, table: CsvTable, catalogue: readonly IndicatorDef[]): Record<string, ShareScale> {
  return Object.fromEntries(
    shareColumns(table, staged.key, catalogue, staged.formats).map(({ column, guess }) => [
      column,
      staged.shares[column] ?? (guess.scale === 'fraction' ? 'fraction' : 'percent'),
    ]),
  );
}

/** Updates one staged table (key, year, number formats) by file name. */
export function updateTable(staging: Staging, file: string, change: Partial<Pick<StagedTable, 'key' | 'year' | 'formats' | 'shares'>>): Staging {
  return { ...staging, tables: staging.tables.map((t) => (t.file === file ? { ...t, ...change } : t)) };
}

/** Updates the staged boundaries' code, name, district or municipality property; a new name brings its French counterpart, if any. */
export function updateFields(staging: Staging, change: Partial<BoundaryFields>): Staging {
  if (!staging.boundaries) return staging;
  const { boundaries } = staging.boundaries;
  const french = change.name !== undefined && change.nameFr === undefined ? { nameFr: frenchNameOf(change.name, boundaries.propertyNames, boundaries.features) } : {};
  const districtFr =
    change.district !== undefined && change.districtFr === undefined ? { districtFr: frenchNameOf(change.district, boundaries.propertyNames, boundaries.features) } : {};
  return { ...staging, boundaries: { ...staging.boundaries, fields: { ...staging.boundaries.fields, ...change, ...french, ...districtFr } } };
}

/** The ward codes the staged tables will join to: from the staged boundaries, else the loaded dataset. */
export function stagedWardCodes(staging: Staging, dataset: Dataset | null): string[] {
  if (staging.boundaries) return boundaryCodes(staging.boundaries);
  return dataset?.wards.map((w) => w.code) ?? [];
}

function boundaryCodes({ boundaries, fields }: StagedBoundaries): string[] {
  const key = fields.key;
  if (!key) return [];
  return boundaries.features.map((f) => String(f.properties?.[key] ?? '')).filter((c) => c !== '');
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
      problems.push(problemFrom(staged.file, 'noKeyColumnChosen'));
      continue;
    }
    const csv = stagedTable(staged);
    const read = readIndicatorTable(csv, staged.key, staged.file, { formats: staged.formats, shares: shareChoices(staged, csv, definitions) });
    problems.push(...read.problems);
    if (!read.data) continue;
    const { table, note } = withIncomeMean(read.data, staged.file);
    if (note) problems.push(note);
    tables.push({ file: staged.file, keys: table.keys, values: table.values, missing: table.missingReasons, level: staged.level });
  }
  if (staging.boundaries) {
    const { file, boundaries, fields } = staging.boundaries;
    if (!fields.key) {
      problems.push(problemFrom(file, 'noKeyPropertyChosen'));
      return { dataset: null, mode: 'replace', problems };
    }
    const manifest = staging.prepared?.manifest;
    const created = createDataset({
      name: manifest?.name ?? file,
      // A prepared dataset says its own attribution; Statbel's files opened as they are get Statbel's.
      attribution: manifest?.attribution ?? statbelAttribution(stagedFiles(staging)),
      features: boundaries.features,
      fields: { key: fields.key, name: fields.name, district: fields.district, municipality: fields.municipality ?? null, nameFr: fields.nameFr ?? null, districtFr: fields.districtFr ?? null },
      tables,
      catalogue: definitions,
    });
    return { dataset: created, mode: 'replace', problems: [...problems, ...created.warnings.map((w) => problemFrom(file, w.key, w.values, { severity: 'warning' }))] };
  }
  if (!dataset) {
    // The problem list names its source in the interface language (problems.source.noBoundaries).
    const missing: ShownProblem = { ...problemFrom('(no boundaries)', 'noBoundaries'), source: 'noBoundaries' };
    problems.push(missing);
    return { dataset: null, mode: 'add', problems };
  }
  if (tables.length === 0) return { dataset: null, mode: 'add', problems };
  const added = addIndicators(dataset, tables, definitions);
  const statbel = dataset.attribution?.includes('Statbel') ? null : statbelAttribution(stagedFiles(staging));
  return { dataset: statbel ? { ...added, attribution: [dataset.attribution, statbel].filter(Boolean).join('; ') } : added, mode: 'add', problems };
}

/** The staged files' names with their columns (boundary properties for the boundaries). */
function stagedFiles(staging: Staging): { file: string; columns: readonly string[] }[] {
  const files = staging.tables.map((t) => ({ file: t.file, columns: t.source.columns }));
  return staging.boundaries ? [{ file: staging.boundaries.file, columns: staging.boundaries.boundaries.propertyNames }, ...files] : files;
}

/**
 * A join report in words, as a problem of the right severity for the problems list: the English
 * message, and the key `joinReport` (or `joinReportMunicipal`) with its parts as pieces, each of
 * which begins with its own separator ("; "), so that a language can set its own.
 * describeJoin({ file: 'f.csv', matched: 2, wardCount: 3, wardsWithoutRow: ['W3'], … }).message
 *   -> 'join: 2 of 3 wards matched a row; 1 wards have no row (W3)'
 */
export function describeJoin(report: JoinReport): Problem {
  const municipal = report.level === 'municipality';
  const list = (codes: string[]): MessageValue =>
    codes.length > 8 ? { key: 'joinReportMore', values: { codes: codes.slice(0, 8).join(', '), count: codes.length - 8 } } : codes.join(', ');
  const part = (key: ProblemKey, codes: string[]): MessageValue => (codes.length > 0 ? { key, values: { count: codes.length, codes: list(codes) } } : '');
  const clean = report.wardsWithoutRow.length === 0 && report.rowsWithoutWard.length === 0 && report.duplicateKeys.length === 0;
  return problemFrom(
    report.file,
    municipal ? 'joinReportMunicipal' : 'joinReport',
    {
      matched: { key: municipal ? 'joinReportMatchedMunicipalities' : 'joinReportMatched', values: { count: report.matched, total: report.wardCount } },
      withoutRow: part(municipal ? 'joinReportWithoutRowMunicipalities' : 'joinReportWithoutRow', report.wardsWithoutRow),
      withoutArea: part(municipal ? 'joinReportNoMunicipality' : 'joinReportNoWard', report.rowsWithoutWard),
      repeated: part('joinReportRepeated', report.duplicateKeys),
    },
    { severity: clean ? 'info' : 'warning' },
  );
}

function detectFields(boundaries: Boundaries): BoundaryFields {
  return detectBoundaryFields(boundaries);
}

/** A long table's year column and its years (one row per area and year); none for a plain table. */
function yearsOf(table: CsvTable): { yearColumn: string | null; years: number[] } {
  const yearColumn = detectYearColumn(table);
  return { yearColumn, years: yearColumn ? tableYears(table, yearColumn) : [] };
}

function readCatalogue(text: string, file: string): { data: IndicatorDef[] | null; problems: Problem[] } {
  const read = readJson(text);
  return 'error' in read ? { data: null, problems: [problemFrom(file, read.why.key, read.why.values)] } : parseCatalogue(read.json, file);
}
