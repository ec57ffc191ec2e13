import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { quantize as quantizeTopology } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify as simplifyTopology } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import { detectKeyColumn } from '../io/detectKeyColumn';
import { detectWardFields, frenchNameOf } from '../io/detectWardFields';
import { formatCsv } from '../io/formatCsv';
import { parseBoundaries, type Boundaries, type BoundaryFeature } from '../io/parseBoundaries';
import { decodeText } from '../io/decodeText';
import { parseCsv, type CsvTable } from '../io/parseCsv';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type Manifest, type ManifestSource } from '../io/parseManifest';
import { problem, type Loaded, type Problem } from '../io/problem';
import { detectYearColumn, selectYear, tableYears } from '../io/longTable';
import { parseShapefile } from '../io/parseShapefile';
import { parseXlsx } from '../io/parseXlsx';
import { readIndicatorTable, type IndicatorTable } from '../io/readIndicatorTable';
import { findInCatalogue } from '../model/createDataset';
import { joinToWards } from '../model/joinToWards';
import { normaliseCode } from '../model/normaliseCode';
import type { IndicatorDef, Labels, ValueColumns } from '../model/types';
import { withIncomeMean } from '../io/withIncomeMean';
import { looksLikeStatbel, STATBEL_ATTRIBUTION } from '../io/statbel';

/** A file given to prepareData: its name (for the type and the messages) and its text or bytes. */
export interface InputFile {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

/** Where an indicator table is joined: to the wards (sectors), or to their municipality. */
export type Level = 'ward' | 'municipality';

export interface PrepareOptions {
  /** The dataset's name; the boundaries file's name when absent. */
  name?: string | null;
  /** The boundaries property holding the ward code; detected when absent (CD_SECTOR for Statbel). */
  key?: string | null;
  /** The year to keep from tables with one row per area and year; the latest when absent. */
  year?: number | null;
  /** The worksheet to read from workbooks; the first when absent. */
  sheet?: string | null;
  /**
   * Points of a boundary whose triangle with its neighbours is smaller than this many square
   * degrees are removed (Visvalingam); 0 keeps every point.
   */
  simplify?: number;
  /** Grid steps across the boundaries' extent for the TopoJSON coordinates; 0 writes them unquantised. */
  quantize?: number;
  /** Municipality NIS codes whose wards are kept; all wards when absent. */
  municipalities?: readonly string[] | null;
  /** Attribution text; "© Statbel (CC BY 4.0)" when absent and the inputs are Statbel files. */
  attribution?: string | null;
  /** The indicator catalogue whose entries are reused for matching columns. */
  catalogue: readonly IndicatorDef[];
  now: Date;
}

/** A catalogue entry of a prepared dataset: an indicator definition and the level it is joined at. */
export type PreparedIndicator = IndicatorDef & { level: Level };

/** What joining one indicator file found. */
export interface JoinSummary {
  file: string;
  level: Level;
  /** The file's key column. */
  key: string;
  year: number | null;
  sheet: string | null;
  /** Rows with a key. */
  rows: number;
  /** Areas of the output (wards or municipalities) that got a row. */
  matched: number;
  /** Areas of the output. */
  areas: number;
  areasWithoutRow: string[];
  /** Keys that match no area, though their code places them in a municipality of the dataset (or nowhere). */
  rowsWithoutArea: string[];
  /** Rows of municipalities outside the dataset: left out by --municipalities, or not in the boundaries. */
  rowsElsewhere: number;
  duplicateKeys: string[];
  /** The indicator ids the file's numeric columns were written under, by column name. */
  columns: Record<string, string>;
}

export interface PrepareReport {
  boundaries: {
    file: string;
    key: string;
    /** Features read from the file. */
    features: number;
    /** Wards written: features with a unique code inside the selection. */
    wards: number;
    withoutGeometry: number;
    municipalities: number;
    pointsBefore: number;
    pointsAfter: number;
    /** Rings that simplification would have collapsed and that keep three corners instead. */
    protectedRings: number;
  };
  joins: JoinSummary[];
  /** Bytes of each output file (UTF-8). */
  sizes: Record<string, number>;
}

export interface PrepareOutput {
  /** Output files by name: boundaries.topojson, indicators.csv, municipality-indicators.csv, catalogue.json, dataset.json. */
  files: Record<string, string>;
  report: PrepareReport;
  problems: Problem[];
}

/** The defaults of the command's options. */
export const PREPARE_DEFAULTS = {
  // About 790 m² at Belgian latitudes (1 square degree ≈ 7.9e9 m² there): a corner that juts
  // out 10 m over a 160 m stretch, a pixel or two at city zoom. Measured on the Brussels districts
  // it drops 5 in 6 points with no visible change at zoom 15; the shipped Statbel sectors (cut
  // at about 1.6e-6) lose nothing.
  simplify: 1e-7,
  quantize: 1e5,
} as const;

export const OUTPUT_FILES = {
  boundaries: 'boundaries.topojson',
  indicators: 'indicators.csv',
  municipalityIndicators: 'municipality-indicators.csv',
  catalogue: 'catalogue.json',
  manifest: 'dataset.json',
} as const;

const TOPOLOGY_OBJECT = 'wards';
const MUNICIPALITY_KEY = 'CD_MUNTY_REFNIS';
const STATBEL_PROPERTIES = ['TX_SECTOR_DESCR_NL', 'TX_SECTOR_DESCR_FR', 'CD_MUNTY_REFNIS', 'TX_MUNTY_DESCR_NL', 'TX_MUNTY_DESCR_FR'];
// Boundary properties holding the municipality's NIS code, lower-cased without separators.
const MUNICIPALITY_PROPERTIES = ['cdmuntyrefnis', 'cdrefnis', 'niscode', 'nis', 'refnis', 'cdmunty'];
// A Statbel sector code starts with its municipality's five-digit NIS code: "24107A00-".
const SECTOR_CODE = /^(\d{5})[A-Z]/i;

const BOUNDARY_TYPES = /\.(?:geojson|topojson|json)$/i;
const SHAPEFILE_PARTS = /\.(?:zip|shp|dbf|shx|prj|cpg)$/i;
const TABLE_TYPES = /\.(?:csv|txt|tsv|xlsx)$/i;
const WORKBOOK = /\.xlsx?$/i;
const SAMPLE = 5;

type Fatal = { error: string; problems: Problem[] };

/**
 * Turns raw downloads (one boundaries file and any number of indicator tables) into a dataset the
 * app opens directly: simplified, quantised TopoJSON boundaries, the ward-level indicators joined
 * into one CSV, municipality-level indicators in another, a catalogue entry per column and the
 * manifest (dataset.json). Returns an error message instead when the inputs cannot make a dataset.
 */
export async function prepareData(inputs: readonly InputFile[], options: PrepareOptions): Promise<PrepareOutput | Fatal> {
  const problems: Problem[] = [];
  const jsonInputs = inputs.filter((f) => BOUNDARY_TYPES.test(f.name));
  const shapeInputs = inputs.filter((f) => SHAPEFILE_PARTS.test(f.name));
  const tableInputs = inputs.filter((f) => TABLE_TYPES.test(f.name));
  const unknown = inputs.filter((f) => ![BOUNDARY_TYPES, SHAPEFILE_PARTS, TABLE_TYPES].some((type) => type.test(f.name)));
  if (unknown.length > 0) {
    return fatal(
      `unsupported file "${unknown[0].name}": expected boundaries (.geojson, .topojson, .json, a shapefile .zip or its .shp, .dbf, .prj) or indicator tables (.csv, .txt, .tsv, .xlsx)`,
    );
  }
  const boundaryNames = [...jsonInputs.map((f) => f.name), ...(shapeInputs.length > 0 ? [shapefileLabel(shapeInputs)] : [])];
  if (boundaryNames.length === 0) return fatal('no boundaries file: give one .geojson, .topojson or shapefile (.zip)');
  if (boundaryNames.length > 1) return fatal(`one boundaries file expected, got ${boundaryNames.length}: ${boundaryNames.join(', ')}`);

  const boundaryFile = boundaryNames[0];
  const read =
    jsonInputs.length > 0
      ? parseBoundaries(textOf(jsonInputs[0], problems), boundaryFile)
      : await parseShapefile(
          shapeInputs.map((f) => ({ name: f.name, bytes: f.bytes ?? new TextEncoder().encode(f.text ?? '') })),
          boundaryFile,
        );
  problems.push(...read.problems);
  if (!read.data) return fatal(`cannot read boundaries ${boundaryFile}`, problems);
  const wards = selectWards(read.data, boundaryFile, options, problems);
  if ('error' in wards) return fatal(wards.error, problems);

  const catalogue: PreparedIndicator[] = [];
  const joins: JoinSummary[] = [];
  const wardColumns: ValueColumns = {};
  const municipalityColumns: ValueColumns = {};
  const sources: ManifestSource[] = [
    {
      file: boundaryFile,
      kind: 'boundaries',
      level: null,
      key: wards.key,
      rows: read.data.features.length,
      matched: wards.features.length,
      year: null,
      sheet: null,
    },
  ];
  let statbel = looksLikeStatbel(boundaryFile, read.data.propertyNames);

  for (const input of tableInputs) {
    const loaded = await readTable(input, options, problems);
    if (!loaded) continue;
    const { table, year, sheet } = loaded;
    statbel ||= looksLikeStatbel(input.name, table.columns);
    const placed = placeTable(table, wards);
    if (!placed) {
      problems.push(
        problem(input.name, `no column holds the ward codes (${wards.key}) or municipality codes; file left out`, { severity: 'error' }),
      );
      continue;
    }
    const indicators = readIndicatorTable(table, placed.key, input.name);
    problems.push(...indicators.problems);
    if (!indicators.data) continue;

    const { table: data, note } = withIncomeMean(indicators.data, input.name);
    if (note) problems.push(note);
    const join = joinTable(data, placed.level, wards, input.name);
    const ids: Record<string, string> = {};
    const target = placed.level === 'ward' ? wardColumns : municipalityColumns;
    for (const column of data.columns) {
      const entry = catalogueEntry(column, input.name, year, placed.level, options.catalogue, catalogue);
      catalogue.push(entry);
      ids[column] = entry.id;
      target[entry.id] = join.values[column];
    }
    joins.push({ ...join.summary, file: input.name, level: placed.level, key: placed.key, year, sheet, columns: ids });
    sources.push({
      file: input.name,
      kind: 'indicators',
      level: placed.level,
      key: placed.key,
      rows: join.summary.rows,
      matched: join.summary.matched,
      year,
      sheet,
    });
  }

  const files: Record<string, string> = {};
  const topology = boundariesTopology(wards.features, {
    simplify: options.simplify ?? PREPARE_DEFAULTS.simplify,
    quantize: options.quantize ?? PREPARE_DEFAULTS.quantize,
  });
  files[OUTPUT_FILES.boundaries] = topology.text;

  const manifestIndicators: Manifest['indicators'] = [];
  if (Object.keys(wardColumns).length > 0) {
    files[OUTPUT_FILES.indicators] = columnsCsv(wards.key, wards.codes, wardColumns);
    manifestIndicators.push({ file: OUTPUT_FILES.indicators, key: wards.key, level: 'ward' });
  }
  if (Object.keys(municipalityColumns).length > 0) {
    files[OUTPUT_FILES.municipalityIndicators] = columnsCsv(MUNICIPALITY_KEY, wards.municipalityCodes, municipalityColumns);
    manifestIndicators.push({ file: OUTPUT_FILES.municipalityIndicators, key: MUNICIPALITY_KEY, level: 'municipality' });
  }
  files[OUTPUT_FILES.catalogue] = `${JSON.stringify(catalogue, null, 2)}\n`;

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    name: options.name?.trim() || defaultName(boundaryFile, wards, options),
    attribution: options.attribution ?? (statbel ? STATBEL_ATTRIBUTION : null),
    createdAt: options.now.toISOString(),
    boundaries: {
      file: OUTPUT_FILES.boundaries,
      object: TOPOLOGY_OBJECT,
      key: wards.key,
      name: wards.fields.name,
      nameFr: wards.fields.nameFr,
      district: wards.fields.district,
      districtFr: wards.fields.districtFr,
      municipality: wards.fields.municipality,
    },
    indicators: manifestIndicators,
    catalogue: OUTPUT_FILES.catalogue,
    sources,
  };
  files[OUTPUT_FILES.manifest] = `${JSON.stringify(manifest, null, 2)}\n`;

  const encoder = new TextEncoder();
  const sizes = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, encoder.encode(text).length]));
  return {
    files,
    report: {
      boundaries: {
        file: boundaryFile,
        key: wards.key,
        features: read.data.features.length,
        wards: wards.features.length,
        withoutGeometry: wards.features.filter((f) => f.geometry === null).length,
        municipalities: wards.municipalityCodes.length,
        pointsBefore: topology.pointsBefore,
        pointsAfter: topology.pointsAfter,
        protectedRings: topology.protectedRings,
      },
      joins,
      sizes,
    },
    problems,
  };
}

/** The wards that go into the dataset, with the properties the app needs and the codes to join on. */
interface Wards {
  key: string;
  fields: { name: string | null; nameFr: string | null; district: string | null; districtFr: string | null; municipality: string | null };
  features: Feature<Polygon | MultiPolygon | null, Record<string, string | number>>[];
  /** Ward codes as written, aligned with `features`. */
  codes: string[];
  /** Normalised codes of features left out by the municipality selection. */
  outside: Set<string>;
  /** The municipalities of the kept wards, sorted. */
  municipalityCodes: string[];
  /** Normalised municipality codes left out by the selection. */
  municipalitiesOutside: Set<string>;
  municipalityNames: string[];
}

function selectWards(
  boundaries: Boundaries,
  file: string,
  options: PrepareOptions,
  problems: Problem[],
): Wards | { error: string } {
  const detected = detectWardFields(boundaries.propertyNames, boundaries.features);
  const key = options.key ?? detected.key;
  if (!key) return { error: `no property of ${file} holds a unique ward code; name it with --key` };
  if (!boundaries.propertyNames.includes(key)) {
    return { error: `boundaries ${file} have no property "${key}" (they have: ${boundaries.propertyNames.join(', ')})` };
  }
  const has = (name: string) => boundaries.propertyNames.includes(name);
  const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  let municipality =
    MUNICIPALITY_PROPERTIES.map((m) => boundaries.propertyNames.find((p) => p !== key && normal(p) === m)).find(
      (p) => p !== undefined,
    ) ?? null;
  // Without a municipality property, Statbel sector codes still carry their municipality.
  const derive =
    municipality === null &&
    boundaries.features.length > 0 &&
    boundaries.features.every((f) => SECTOR_CODE.test(String(f.properties?.[key] ?? '')));
  if (derive) municipality = MUNICIPALITY_KEY;

  const name = has('TX_SECTOR_DESCR_NL') ? 'TX_SECTOR_DESCR_NL' : detected.name === key ? null : detected.name;
  const nameFr = has('TX_SECTOR_DESCR_FR') && name !== 'TX_SECTOR_DESCR_FR' ? 'TX_SECTOR_DESCR_FR' : null;
  const district = has('TX_MUNTY_DESCR_NL') ? 'TX_MUNTY_DESCR_NL' : detected.district;
  // The district's French name beside its Dutch one (TX_MUNTY_DESCR_FR), shown in French by districtName.
  const districtFr = frenchNameOf(district, boundaries.propertyNames, boundaries.features);
  const kept = unique([key, ...STATBEL_PROPERTIES.filter(has), name, nameFr, district, districtFr, municipality]);

  const wanted = options.municipalities ? new Set(options.municipalities.map(normaliseCode)) : null;
  const seen = new Set<string>();
  const outside = new Set<string>();
  const municipalitiesOutside = new Set<string>();
  const found = new Set<string>();
  const features: Wards['features'] = [];
  const codes: string[] = [];
  const namesOf = new Map<string, string>();
  let withoutCode = 0;
  const duplicates: string[] = [];

  for (const feature of boundaries.features) {
    const properties = feature.properties ?? {};
    const code = cellText(properties[key]);
    if (code === '') {
      withoutCode++;
      continue;
    }
    const normalised = normaliseCode(code);
    const munty = derive ? (SECTOR_CODE.exec(code)?.[1] ?? '') : municipality ? cellText(properties[municipality]) : '';
    if (wanted && !wanted.has(normaliseCode(munty))) {
      outside.add(normalised);
      if (munty !== '') municipalitiesOutside.add(normaliseCode(munty));
      continue;
    }
    if (seen.has(normalised)) {
      duplicates.push(code);
      continue;
    }
    seen.add(normalised);
    if (munty !== '') {
      found.add(normaliseCode(munty));
      if (district && !namesOf.has(munty)) namesOf.set(munty, cellText(properties[district]));
    }
    features.push(keepProperties(feature, kept, derive ? { [MUNICIPALITY_KEY]: munty } : {}));
    codes.push(code);
  }

  if (withoutCode > 0) {
    problems.push(problem(file, `${withoutCode} feature(s) have no "${key}"; left out`, { column: key, severity: 'warning' }));
  }
  if (duplicates.length > 0) {
    problems.push(
      problem(file, `${duplicates.length} ward code(s) appear more than once (${sample(duplicates)}); the first feature is kept`, {
        column: key,
        severity: 'warning',
      }),
    );
  }
  if (wanted) {
    if (municipality === null) return { error: `--municipalities needs a municipality code on the boundaries; ${file} has none` };
    const missing = [...wanted].filter((code) => !found.has(code));
    if (missing.length === wanted.size) return { error: `no ward of ${file} lies in the municipalities ${[...wanted].join(', ')}` };
    if (missing.length > 0) {
      problems.push(problem(file, `no ward lies in municipality ${missing.join(', ')}`, { column: municipality, severity: 'warning' }));
    }
  }
  if (!features.some((f) => f.geometry !== null)) return { error: `no ward of ${file} has a geometry` };

  for (const code of found) municipalitiesOutside.delete(code);
  return {
    key,
    fields: { name, nameFr, district, districtFr, municipality },
    features,
    codes,
    outside,
    municipalityCodes: [...found].sort(),
    municipalitiesOutside,
    municipalityNames: [...namesOf.values()].filter((n) => n !== ''),
  };
}

function keepProperties(
  feature: BoundaryFeature,
  kept: string[],
  extra: Record<string, string>,
): Feature<Polygon | MultiPolygon | null, Record<string, string | number>> {
  const properties: Record<string, string | number> = {};
  for (const name of kept) {
    const value = feature.properties?.[name];
    if (typeof value === 'string' || typeof value === 'number') properties[name] = value;
  }
  return { type: 'Feature', geometry: feature.geometry, properties: { ...properties, ...extra } };
}

/**
 * Reads an indicator file (CSV or a workbook's sheet) as a table of text cells; a long table (one
 * row per area and year) is cut to one year, `year` or else the latest. Null when nothing usable
 * came out.
 */
async function readTable(
  input: InputFile,
  options: PrepareOptions,
  problems: Problem[],
): Promise<{ table: CsvTable; year: number | null; sheet: string | null } | null> {
  let parsed: Loaded<CsvTable>;
  let sheet: string | null = null;
  if (WORKBOOK.test(input.name)) {
    const bytes = input.bytes ?? new TextEncoder().encode(input.text ?? '');
    const read = await parseXlsx(bytes, input.name, options.sheet ?? undefined);
    sheet = read.data?.sheet ?? null;
    parsed = read;
  } else {
    parsed = parseCsv(textOf(input, problems), input.name);
  }
  problems.push(...parsed.problems);
  if (!parsed.data) return null;

  const yearColumn = detectYearColumn(parsed.data);
  if (yearColumn === null) return { table: parsed.data, year: null, sheet };
  const years = tableYears(parsed.data, yearColumn);
  if (years.length === 0) return { table: parsed.data, year: null, sheet };
  const span = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  let year = years[years.length - 1];
  const wanted = options.year ?? null;
  if (wanted !== null && years.includes(wanted)) {
    year = wanted;
  } else if (wanted !== null && years.length > 1) {
    problems.push(problem(input.name, `no rows for year ${wanted} (the file has ${span}); file left out`, { column: yearColumn }));
    return null;
  } else if (wanted !== null) {
    problems.push(
      problem(input.name, `the file holds ${years[0]} only, not ${wanted}; read as it is`, { column: yearColumn, severity: 'warning' }),
    );
  } else if (years.length > 1) {
    problems.push(
      problem(input.name, `rows for ${years.length} years (${span}); read ${year}, the latest (choose another with --year)`, {
        column: yearColumn,
        severity: 'info',
      }),
    );
  }
  return { table: selectYear(parsed.data, yearColumn, year), year, sheet };
}

/**
 * Which level a table joins at and on which column: the column meeting the most ward codes, else
 * the one meeting the most municipality codes (NIS codes, e.g. Statbel's income per municipality).
 * Codes of all wards count, also those outside the selection, so a city dataset recognises a
 * national table.
 */
function placeTable(table: CsvTable, wards: Wards): { level: Level; key: string } | null {
  const wardCodes = [...wards.codes, ...wards.outside];
  const wardKey = detectKeyColumn(table.columns, table.rows, wardCodes);
  const wardHits = wardKey ? hits(table, wardKey, wardCodes) : 0;
  const municipalityCodes = [...wards.municipalityCodes, ...wards.municipalitiesOutside];
  const municipalityKey = municipalityCodes.length > 0 ? detectKeyColumn(table.columns, table.rows, municipalityCodes) : null;
  const municipalityHits = municipalityKey ? hits(table, municipalityKey, municipalityCodes) : 0;
  if (wardKey && wardHits > 0 && wardHits >= municipalityHits) return { level: 'ward', key: wardKey };
  if (municipalityKey && municipalityHits > 0) return { level: 'municipality', key: municipalityKey };
  return null;
}

function hits(table: CsvTable, column: string, codes: string[]): number {
  const wanted = new Set(codes.map(normaliseCode));
  const index = table.columns.indexOf(column);
  const met = new Set<string>();
  for (const row of table.rows) {
    const code = normaliseCode(row[index] ?? '');
    if (wanted.has(code)) met.add(code);
  }
  return met.size;
}

function joinTable(
  table: IndicatorTable,
  level: Level,
  wards: Wards,
  file: string,
): { values: ValueColumns; summary: Omit<JoinSummary, 'file' | 'level' | 'key' | 'year' | 'sheet' | 'columns'> } {
  const areas = level === 'ward' ? wards.codes : wards.municipalityCodes;
  const joined = joinToWards(areas, { keys: table.keys, values: table.values }, file);
  const inDataset = new Set(wards.municipalityCodes);
  // A row belongs elsewhere when its code places it in a municipality the dataset does not hold:
  // a NIS code, or a Statbel sector code, which starts with its municipality's.
  const elsewhere = (code: string) => {
    const normal = normaliseCode(code);
    if (level === 'ward' && wards.outside.has(normal)) return true;
    const municipality = level === 'municipality' ? (/^\d{5}$/.test(normal) ? normal : null) : (SECTOR_CODE.exec(normal)?.[1] ?? null);
    return municipality !== null && inDataset.size > 0 && !inDataset.has(municipality);
  };
  const rowsWithoutArea = joined.report.rowsWithoutWard.filter((code) => !elsewhere(code));
  return {
    values: joined.values,
    summary: {
      rows: joined.report.rowCount,
      matched: joined.report.matched,
      areas: areas.length,
      areasWithoutRow: joined.report.wardsWithoutRow,
      rowsWithoutArea,
      rowsElsewhere: joined.report.rowsWithoutWard.length - rowsWithoutArea.length,
      duplicateKeys: joined.report.duplicateKeys,
    },
  };
}

/**
 * The catalogue entry of one column: the shipped entry when the column is one of its ids or aliases,
 * else a neutral one (direction high, weight 0) for the user to set. Ids are unique across the
 * dataset and safe as CSV headers and catalogue ids.
 */
function catalogueEntry(
  column: string,
  file: string,
  year: number | null,
  level: Level,
  shipped: readonly IndicatorDef[],
  taken: readonly PreparedIndicator[],
): PreparedIndicator {
  const known = findInCatalogue(shipped, column);
  const base = known?.id ?? safeId(column);
  const ids = new Set(taken.map((d) => d.id.toLowerCase()));
  let id = base;
  for (let n = 2; ids.has(id.toLowerCase()); n++) id = `${base}_${n}`;
  // A second column under a name already taken is told apart by its file.
  const label = (l: Labels): Labels => (id === base ? l : { nl: `${l.nl} (${file})`, fr: `${l.fr} (${file})`, en: `${l.en} (${file})` });
  if (known) {
    const { aliases, shortLabel, ...rest } = known;
    // The aliases stay with the first column standing for the indicator.
    return {
      ...rest,
      ...(id === known.id && aliases ? { aliases } : {}),
      ...(shortLabel ? { shortLabel: label(shortLabel) } : {}),
      id,
      label: label(known.label),
      year: year ?? known.year,
      level,
    };
  }
  return {
    id,
    label: label({ nl: column, fr: column, en: column }),
    unit: '',
    direction: 'high',
    defaultWeight: 0,
    source: file,
    year,
    ...(id === column ? {} : { aliases: [column] }),
    level,
  };
}

/** Letters, digits and `_` only, as the catalogue requires: "Inkomen (€)" -> "Inkomen". */
function safeId(column: string): string {
  const id = column
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return id === '' ? 'indicator' : id;
}

function columnsCsv(key: string, codes: readonly string[], columns: ValueColumns): string {
  const ids = Object.keys(columns);
  const rows = codes.map((code, i) => [code, ...ids.map((id) => columns[id][i])]);
  // Enough decimals for shares and rates, and few enough that a total in the millions does not
  // show binary noise ("733821295.45000005"); formatCsv drops the trailing zeros.
  return formatCsv([key, ...ids], rows, { format: 'csv', decimals: 6 });
}

/**
 * The wards as TopoJSON: arcs shared between neighbours, simplified (Visvalingam, planar triangle
 * area in square degrees) and quantised. Rings keep at least three corners, so no ward vanishes.
 */
export function boundariesTopology(
  features: readonly Feature<Polygon | MultiPolygon | null, Record<string, string | number>>[],
  options: { simplify: number; quantize: number },
): { text: string; pointsBefore: number; pointsAfter: number; protectedRings: number } {
  if (!(options.simplify >= 0)) throw new Error(`invalid simplify: ${options.simplify}`);
  if (!(options.quantize === 0 || (Number.isInteger(options.quantize) && options.quantize >= 2))) {
    throw new Error(`invalid quantize: ${options.quantize}`);
  }
  const collection: FeatureCollection<Polygon | MultiPolygon | null> = { type: 'FeatureCollection', features: [...features] };
  // Quantising first snaps the shared borders of neighbouring wards onto one grid, so the arcs
  // are found shared even when the source wrote their coordinates slightly differently.
  const quantised = buildTopology({ [TOPOLOGY_OBJECT]: collection }, options.quantize) as Topology<Objects>;
  const weighted = presimplify(quantised);
  const pointsBefore = weighted.arcs.reduce((n, arc) => n + arc.length, 0);
  const protectedRings = options.simplify > 0 ? protectRings(weighted, options.simplify) : 0;
  let simplified = simplifyTopology(weighted, options.simplify);
  if (quantised.transform) {
    // Every point still lies on the grid, so quantising with the same transform loses nothing.
    simplified = quantizeTopology({ ...simplified, bbox: quantised.bbox }, quantised.transform);
  }
  const pointsAfter = simplified.arcs.reduce((n, arc) => n + arc.length, 0);
  return { text: JSON.stringify(simplified), pointsBefore, pointsAfter, protectedRings };
}

/**
 * Raises the weight of the best corners of every ring that simplification would leave with fewer
 * than three, so that a small ward (an enclave is a single arc) stays a polygon. The weights live
 * on the shared arcs, so the neighbour keeps the same corners.
 */
function protectRings(topology: Topology<Objects>, minWeight: number): number {
  const arcs = topology.arcs as unknown as [number, number, number][][];
  let count = 0;
  const visit = (ring: number[]) => {
    let kept = 0;
    const candidates: [number, number, number][] = [];
    for (const index of ring) {
      const arc = arcs[index < 0 ? ~index : index];
      // The last point of an arc is the first of the next one.
      for (let i = 0; i < arc.length - 1; i++) {
        if (arc[i][2] >= minWeight) kept++;
        else candidates.push(arc[i]);
      }
    }
    if (kept >= 3 || candidates.length === 0) return;
    candidates.sort((a, b) => b[2] - a[2]);
    for (const point of candidates.slice(0, 3 - kept)) point[2] = Infinity;
    count++;
  };
  const walk = (geometry: GeometryObject) => {
    if (geometry.type === 'Polygon') geometry.arcs.forEach(visit);
    else if (geometry.type === 'MultiPolygon') geometry.arcs.forEach((polygon) => polygon.forEach(visit));
    else if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(walk);
  };
  for (const object of Object.values(topology.objects)) walk(object);
  return count;
}

/** Input text: as given, or the bytes decoded (UTF-8, UTF-16 or Windows-1252, see decodeText). */
function textOf(input: InputFile, problems: Problem[]): string {
  if (input.text !== undefined) return input.text;
  const decoded = decodeText(input.bytes ?? new Uint8Array());
  if (decoded.encoding !== 'utf-8') {
    problems.push(problem(input.name, `read as ${decoded.encoding === 'windows-1252' ? 'Windows-1252 (Latin-1)' : decoded.encoding.toUpperCase()}`, { severity: 'info' }));
  }
  return decoded.text;
}

/** How a shapefile given in parts is named in messages: the .zip, else the .shp. */
function shapefileLabel(parts: readonly InputFile[]): string {
  return (parts.find((f) => /\.zip$/i.test(f.name)) ?? parts.find((f) => /\.shp$/i.test(f.name)) ?? parts[0]).name;
}

function defaultName(file: string, wards: Wards, options: PrepareOptions): string {
  const stem = file.replace(/\.[^.]+$/, '');
  if (!options.municipalities || wards.municipalityNames.length === 0) return stem;
  return `${stem} (${wards.municipalityNames.join(', ')})`;
}

/** Text of a property or cell value; "" for anything else. */
function cellText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function unique(names: (string | null)[]): string[] {
  return [...new Set(names.filter((n): n is string => n !== null))];
}

function sample(codes: readonly string[]): string {
  const shown = codes.slice(0, SAMPLE).join(', ');
  return codes.length > SAMPLE ? `${shown}, …` : shown;
}

function fatal(error: string, problems: Problem[] = []): Fatal {
  return { error, problems };
}

/** The report as lines for a terminal: per input what matched, then the size of each file written. */
export function formatReport(report: PrepareReport): string[] {
  const n = (x: number) => x.toLocaleString('en');
  const b = report.boundaries;
  const lines = [
    `${b.file}: ${n(b.features)} features, ${n(b.wards)} wards kept (key ${b.key}) in ${n(b.municipalities)} municipalities` +
      (b.withoutGeometry > 0 ? `; ${n(b.withoutGeometry)} without geometry (kept, not drawn)` : ''),
    `  points ${n(b.pointsBefore)} -> ${n(b.pointsAfter)}` + (b.protectedRings > 0 ? `; ${n(b.protectedRings)} small rings kept at 3 corners` : ''),
  ];
  for (const j of report.joins) {
    const what = j.level === 'ward' ? 'wards' : 'municipalities';
    const facts = [j.year !== null ? `year ${j.year}` : null, j.sheet !== null ? `sheet "${j.sheet}"` : null].filter(Boolean);
    lines.push(`${j.file}: ${j.level} level, key ${j.key}${facts.length > 0 ? `, ${facts.join(', ')}` : ''}; ${n(j.rows)} rows`);
    lines.push(`  matched ${n(j.matched)} of ${n(j.areas)} ${what}`);
    if (j.areasWithoutRow.length > 0) lines.push(`  ${n(j.areasWithoutRow.length)} ${what} without a row: ${sample(j.areasWithoutRow)}`);
    if (j.rowsWithoutArea.length > 0) lines.push(`  ${n(j.rowsWithoutArea.length)} rows match no ${j.level}: ${sample(j.rowsWithoutArea)}`);
    if (j.rowsElsewhere > 0) lines.push(`  ${n(j.rowsElsewhere)} rows of municipalities outside the dataset`);
    if (j.duplicateKeys.length > 0) lines.push(`  ${n(j.duplicateKeys.length)} duplicate keys (first row kept): ${sample(j.duplicateKeys)}`);
    lines.push(`  columns: ${Object.entries(j.columns).map(([c, id]) => (c === id ? c : `${c} -> ${id}`)).join(', ')}`);
  }
  for (const [file, bytes] of Object.entries(report.sizes)) {
    lines.push(`${file.padEnd(28)} ${bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`}`);
  }
  return lines;
}
