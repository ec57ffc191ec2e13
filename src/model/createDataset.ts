import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { joinToWards, type JoinReport } from './joinToWards';
import { normaliseCode } from './normaliseCode';
import type { IndicatorDef, Level, ValueColumns, Ward } from './types';

export type WardGeometry = Polygon | MultiPolygon;

/** A loaded dataset: wards with their geometry, indicators and the joins that produced them. */
export interface Dataset {
  /** The dataset's name: shown, and the key its saved scenarios, matches and field data are filed under. */
  name: string;
  /** The name to show per language when the dataset has one (the demo city); `name` otherwise. */
  title?: { en: string; nl?: string; fr?: string };
  synthetic: boolean;
  attribution: string | null;
  wards: Ward[];
  /** Map features, one per ward that has a geometry; `id` is the ward index (for feature-state). */
  geometry: FeatureCollection<WardGeometry, Record<string, never>>;
  districts: FeatureCollection | null;
  indicators: IndicatorDef[];
  values: ValueColumns;
  /** Per indicator id, the file's reason for a missing value ("<5", "-", "*"), aligned with the wards. */
  missing: Record<string, (string | null)[]>;
  /** When shares are smoothed: the raw shares, per indicator id (see applySmoothing). */
  rawValues?: Record<string, (number | null)[]>;
  /** Indices of the wards where CHW teams work today, with the team's name. */
  currentAreas: { index: number; team: string }[];
  joinReports: JoinReport[];
  /** Problems found while assembling (duplicate ward codes, …); file-level problems stay with the loaders. */
  warnings: DatasetWarning[];
}

/**
 * A problem found while building a dataset, as plain data: its message key under
 * `problems.messages` in the locale files and the values it names. The app writes it in the
 * reader's language, or in English with problemFrom (src/io/problem.ts), which the model does not import.
 * { key: 'wardsWithoutGeometry', values: { count: 1 } } -> "1 ward(s) have no geometry: they are ranked but not drawn."
 */
export interface DatasetWarning {
  key: 'wardCodeRepeated' | 'featuresWithoutCode' | 'wardsWithoutGeometry' | 'currentAreaNoWard';
  values: Record<string, string | number>;
}

/** One indicator file, already parsed: codes and numeric columns aligned with them. */
export interface IndicatorTableInput {
  file: string;
  keys: readonly string[];
  values: ValueColumns;
  /** Per column, why a cell is missing as the file wrote it; see KeyedColumns. */
  missing?: Record<string, readonly (string | null)[]>;
  /** The level of the keys: ward codes or municipality codes; `auto` (default) decides by which matches more. */
  level?: Level | 'auto';
}

export interface DatasetInput {
  name: string;
  synthetic?: boolean;
  attribution?: string | null;
  features: readonly Feature<WardGeometry | null, Record<string, unknown> | null>[];
  /**
   * `municipality`: the property with the municipality code; when absent, Statbel sector codes give it.
   * `nameFr`: the property with the French name of a ward whose `name` is Dutch (Brussels sectors have both).
   * `districtFr`: likewise for the district (TX_MUNTY_DESCR_FR beside TX_MUNTY_DESCR_NL).
   */
  fields: { key: string; name: string | null; district: string | null; municipality?: string | null; nameFr?: string | null; districtFr?: string | null };
  tables: readonly IndicatorTableInput[];
  catalogue: readonly IndicatorDef[];
  districts?: FeatureCollection | null;
  currentAreas?: readonly { code: string; team: string }[];
}

/**
 * Builds a dataset from boundaries and indicator tables: one ward per feature with a code (the first
 * feature wins when a code repeats), then the tables joined as addIndicators does.
 */
export function createDataset(input: DatasetInput): Dataset {
  const warnings: DatasetWarning[] = [];
  const wards: Ward[] = [];
  const features: Feature<WardGeometry, Record<string, never>>[] = [];
  // Each ward's index by its code as joins compare codes.
  const indexOf = new Map<string, number>();
  let withoutCode = 0;
  let withoutGeometry = 0;
  for (const feature of input.features) {
    const properties = feature.properties ?? {};
    const code = textOf(properties[input.fields.key]);
    if (code === null) {
      withoutCode++;
      continue;
    }
    const normalised = normaliseCode(code);
    if (indexOf.has(normalised)) {
      warnings.push({ key: 'wardCodeRepeated', values: { code } });
      continue;
    }
    const index = wards.length;
    indexOf.set(normalised, index);
    const ward: Ward = {
      index,
      code,
      name: (input.fields.name && textOf(properties[input.fields.name])) || code,
      district: input.fields.district ? textOf(properties[input.fields.district]) : null,
      municipality: input.fields.municipality ? textOf(properties[input.fields.municipality]) : municipalityOfSector(code),
    };
    const nameFr = input.fields.nameFr ? textOf(properties[input.fields.nameFr]) : null;
    if (nameFr !== null && nameFr !== ward.name) ward.nameFr = nameFr;
    const districtFr = input.fields.districtFr ? textOf(properties[input.fields.districtFr]) : null;
    if (districtFr !== null && ward.district !== null && districtFr !== ward.district) ward.districtFr = districtFr;
    wards.push(ward);
    if (feature.geometry) features.push({ type: 'Feature', id: index, properties: {}, geometry: feature.geometry });
    else withoutGeometry++;
  }
  if (withoutCode > 0) warnings.push({ key: 'featuresWithoutCode', values: { count: withoutCode, property: input.fields.key } });
  if (withoutGeometry > 0) warnings.push({ key: 'wardsWithoutGeometry', values: { count: withoutGeometry } });

  const currentAreas: Dataset['currentAreas'] = [];
  for (const area of input.currentAreas ?? []) {
    const index = indexOf.get(normaliseCode(area.code));
    if (index === undefined) warnings.push({ key: 'currentAreaNoWard', values: { code: area.code } });
    else currentAreas.push({ index, team: area.team });
  }

  const base: Dataset = {
    name: input.name,
    synthetic: input.synthetic ?? false,
    attribution: input.attribution ?? null,
    wards,
    geometry: { type: 'FeatureCollection', features },
    districts: input.districts ?? null,
    indicators: [],
    values: {},
    missing: {},
    currentAreas,
    joinReports: [],
    warnings,
  };
  return addIndicators(base, input.tables, input.catalogue);
}

/**
 * Joins more indicator tables to a dataset's wards by code and returns the extended dataset (the input
 * is not changed). Each column is matched to the catalogue by id or alias; a column the catalogue does
 * not know becomes an indicator of its own with weight 0 and direction `high`: whether more cars or
 * more households means more need is the user's call, not ours. A column
 * whose id is already taken is kept under a suffixed id ("income (2)").
 */
export function addIndicators(
  dataset: Dataset,
  tables: readonly IndicatorTableInput[],
  catalogue: readonly IndicatorDef[],
): Dataset {
  const codes = dataset.wards.map((w) => w.code);
  const indicators = [...dataset.indicators];
  const values: ValueColumns = { ...dataset.values };
  const missing = { ...dataset.missing };
  const joinReports = [...dataset.joinReports];
  const municipalityCodes = dataset.wards.map((w) => w.municipality ?? '');
  // The codes as joins compare them, worked out once for all the tables.
  const normalised = codes.map(normaliseCode);
  const wardSet = new Set(normalised);
  const municipalitySet = new Set([...new Set(municipalityCodes)].filter((c) => c !== '').map(normaliseCode));
  for (const table of tables) {
    const keys = table.keys.map(normaliseCode);
    const level = table.level && table.level !== 'auto' ? table.level : levelOf(keys, wardSet, municipalitySet);
    const joined = level === 'ward' ? joinToWards(codes, table, table.file, { wardCodes: normalised, keys }) : joinToMunicipalities(municipalityCodes, table, keys);
    joined.report.level = level;
    joinReports.push(joined.report);
    for (const [column, cells] of Object.entries(joined.values)) {
      const known = findInCatalogue(catalogue, column);
      let id = known?.id ?? column;
      if (Object.hasOwn(values, id)) {
        // The same indicator from two files: keep both, the later one under a suffixed id.
        let n = 2;
        while (Object.hasOwn(values, `${id} (${n})`)) n++;
        id = `${id} (${n})`;
      }
      values[id] = cells;
      if (joined.missing[column]) missing[id] = joined.missing[column];
      const def: IndicatorDef =
        known && id === known.id
          ? known
          : {
              id,
              label: { nl: id, fr: id, en: id },
              unit: known?.unit ?? '',
              direction: known?.direction ?? 'high',
              defaultWeight: known?.defaultWeight ?? 0,
              source: table.file,
              year: null,
              aggregate: known?.aggregate ?? inferAggregate(column, cells),
            };
      indicators.push(level === 'municipality' ? { ...def, level } : def);
    }
  }
  return { ...dataset, indicators, values, missing, joinReports };
}

/** The catalogue entry a column name stands for, by id or alias, ignoring case. */
export function findInCatalogue(catalogue: readonly IndicatorDef[], column: string): IndicatorDef | undefined {
  const name = column.trim().toLowerCase();
  return catalogue.find((d) => d.id.toLowerCase() === name || (d.aliases ?? []).some((a) => a.toLowerCase() === name));
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * The municipality of a Statbel sector code: its first five digits ("11001A00-" -> "11001",
 * "1100212MQ" -> "11002"); null for anything else, a bare 5-digit municipality code included.
 */
export function municipalityOfSector(code: string): string | null {
  return /^\d{5}[A-Z0-9]{2,5}-?$/i.test(code.trim()) && /[A-Z]/i.test(code) ? code.trim().slice(0, 5) : null;
}

/**
 * Whether a table's keys are ward codes or municipality codes: the level at which more of its keys
 * match. A 5-digit NIS income table joins to municipalities; a sector table to wards.
 */
export function tableLevel(keys: readonly string[], wardCodes: readonly string[], municipalityCodes: readonly string[]): Level {
  const wards = new Set(wardCodes.map(normaliseCode));
  const municipalities = new Set(municipalityCodes.filter((c) => c !== '').map(normaliseCode));
  return levelOf(keys.map(normaliseCode), wards, municipalities);
}

/** tableLevel with the keys and codes normalised already. */
function levelOf(keys: readonly string[], wards: ReadonlySet<string>, municipalities: ReadonlySet<string>): Level {
  let wardHits = 0;
  let municipalityHits = 0;
  for (const code of keys) {
    if (wards.has(code)) wardHits++;
    if (municipalities.has(code)) municipalityHits++;
  }
  return municipalityHits > wardHits ? 'municipality' : 'ward';
}

/**
 * Joins a municipality-level table: the report counts municipalities, and every ward gets its
 * municipality's value.
 */
function joinToMunicipalities(municipalityCodes: readonly string[], table: IndicatorTableInput, keys: readonly string[]) {
  const distinct = [...new Set(municipalityCodes.filter((c) => c !== ''))];
  const joined = joinToWards(distinct, table, table.file, { wardCodes: distinct.map(normaliseCode), keys });
  const position = new Map(distinct.map((c, i) => [c, i]));
  const expand = <T>(cells: readonly (T | null)[]) =>
    municipalityCodes.map((c) => {
      const i = position.get(c);
      return i === undefined ? null : cells[i];
    });
  const values: ValueColumns = {};
  for (const [column, cells] of Object.entries(joined.values)) values[column] = expand(cells);
  const missing: Record<string, (string | null)[]> = {};
  for (const [column, reasons] of Object.entries(joined.missing)) missing[column] = expand(reasons);
  return { values, missing, report: { ...joined.report, level: 'municipality' as const } };
}

// Counts add up when wards merge; shares, means and rates are averaged (population-weighted).
const COUNT_NAME = /(^|_|\b)(pop|population|bevolking|inwoners|habitants|count|aantal|nombre|number|n|total|totaal|households?|hh|huishoudens|menages|cars|wagens|voitures|ms_num|persons|personen|vulnerable|kwetsbaren)(_|\b|$)/i;

/** Guesses how an unknown column aggregates: `sum` for counts (non-negative integers with a count-like name), else `mean`. */
export function inferAggregate(column: string, cells: readonly (number | null)[]): 'sum' | 'mean' {
  if (!COUNT_NAME.test(column)) return 'mean';
  return cells.every((v) => v === null || (Number.isInteger(v) && v >= 0)) ? 'sum' : 'mean';
}
