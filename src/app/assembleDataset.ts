import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { detectKeyColumn } from '../io/detectKeyColumn';
import { parseBoundaries, type Boundaries } from '../io/parseBoundaries';
import { parseCsv } from '../io/parseCsv';
import { problemFrom, type Problem } from '../io/problem';
import { readIndicatorTable } from '../io/readIndicatorTable';
import { addIndicators, createDataset, type Dataset, type IndicatorTableInput } from '../model/createDataset';
import type { IndicatorDef } from '../model/types';
import { detectBoundaryFields, type BoundaryFields } from './detectBoundaryFields';

/** A file as the user gave it: its name and its text. */
export interface SourceFile {
  name: string;
  text: string;
}

/**
 * Reads one indicator CSV into a table keyed by `key` (or the detected key column, matched against
 * `wardCodes`). Returns null with the problems when nothing usable came out.
 */
export function readIndicatorFile(
  source: SourceFile,
  wardCodes: readonly string[],
  key?: string | null,
): { table: IndicatorTableInput | null; problems: Problem[] } {
  const parsed = parseCsv(source.text, source.name);
  if (!parsed.data) return { table: null, problems: parsed.problems };
  const column = key ?? detectKeyColumn(parsed.data.columns, parsed.data.rows, [...wardCodes]);
  if (!column) {
    return {
      table: null,
      problems: [
        ...parsed.problems,
        problemFrom(source.name, 'noKeyColumnFound', { columns: parsed.data.columns }),
      ],
    };
  }
  const read = readIndicatorTable(parsed.data, column, source.name);
  if (!read.data) return { table: null, problems: [...parsed.problems, ...read.problems] };
  return {
    table: { file: source.name, keys: read.data.keys, values: read.data.values, missing: read.data.missingReasons },
    problems: [...parsed.problems, ...read.problems],
  };
}

/** Reads a boundaries file and guesses its code, name and district properties. */
export function readBoundariesFile(source: SourceFile): { boundaries: Boundaries | null; fields: BoundaryFields; problems: Problem[] } {
  const parsed = parseBoundaries(source.text, source.name);
  if (!parsed.data) return { boundaries: null, fields: { key: null, name: null, district: null }, problems: parsed.problems };
  return {
    boundaries: parsed.data,
    fields: detectBoundaryFields(parsed.data),
    problems: parsed.problems,
  };
}

/** Reads a current-areas CSV (columns code and, optionally, team). */
export function readCurrentAreas(source: SourceFile): { areas: { code: string; team: string }[]; problems: Problem[] } {
  const parsed = parseCsv(source.text, source.name);
  if (!parsed.data) return { areas: [], problems: parsed.problems };
  const columns = parsed.data.columns.map((c) => c.toLowerCase());
  const code = columns.indexOf('code');
  const team = columns.indexOf('team');
  if (code === -1) return { areas: [], problems: [...parsed.problems, problemFrom(source.name, 'expectedCodeColumn', {}, { column: 'code' })] };
  const areas = parsed.data.rows
    .filter((row) => (row[code] ?? '').trim() !== '')
    .map((row) => ({ code: row[code].trim(), team: team === -1 ? 'CHW team' : (row[team] ?? '').trim() || 'CHW team' }));
  return { areas, problems: parsed.problems };
}

export interface AssembleInput {
  name: string;
  synthetic?: boolean;
  attribution?: string | null;
  boundaries: SourceFile;
  fields?: Partial<BoundaryFields>;
  indicatorFiles: { source: SourceFile; key?: string | null }[];
  catalogue: readonly IndicatorDef[];
  districts?: SourceFile | null;
  currentAreas?: SourceFile | null;
}

/**
 * Reads boundaries and indicator files into a dataset: the same path for the embedded demo data and
 * for files the user opens. A file that cannot be read is reported and left out; without usable
 * boundaries there is no dataset.
 */
export function assembleDataset(input: AssembleInput): { dataset: Dataset | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = readBoundariesFile(input.boundaries);
  problems.push(...read.problems);
  if (!read.boundaries) return { dataset: null, problems };
  const fields = { ...read.fields, ...input.fields };
  if (!fields.key) {
    problems.push(problemFrom(input.boundaries.name, 'noUniqueCodeProperty'));
    return { dataset: null, problems };
  }
  const key = fields.key;
  const wardCodes = read.boundaries.features.map((f) => String(f.properties?.[key] ?? ''));

  let districts: FeatureCollection | null = null;
  if (input.districts) {
    const parsed = parseBoundaries(input.districts.text, input.districts.name);
    problems.push(...parsed.problems);
    if (parsed.data) {
      const drawn = parsed.data.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry !== null);
      districts = { type: 'FeatureCollection', features: drawn };
    }
  }
  const current = input.currentAreas ? readCurrentAreas(input.currentAreas) : { areas: [], problems: [] };
  problems.push(...current.problems);

  const dataset = createDataset({
    name: input.name,
    synthetic: input.synthetic,
    attribution: input.attribution,
    features: read.boundaries.features,
    fields: { key, name: fields.name ?? null, district: fields.district ?? null, municipality: fields.municipality ?? null, nameFr: fields.nameFr ?? null, districtFr: fields.districtFr ?? null },
    tables: [],
    catalogue: input.catalogue,
    districts,
    currentAreas: current.areas,
  });
  const tables: IndicatorTableInput[] = [];
  for (const file of input.indicatorFiles) {
    const result = readIndicatorFile(file.source, wardCodes, file.key);
    problems.push(...result.problems);
    if (result.table) tables.push(result.table);
  }
  return { dataset: addIndicators(dataset, tables, input.catalogue), problems };
}
