import { z } from 'zod';
import { problemFrom, type Loaded, type MessageValues, type ProblemKey } from './problem';
import { readJson } from './readJson';

/** The `format` of a prepared dataset's manifest (dataset.json). */
export const MANIFEST_FORMAT = 'chw-planner-dataset';
/** The manifest version this code writes and reads. */
export const MANIFEST_VERSION = 1;

// The app finds the files of a prepared dataset among the files the user dropped by name, so a
// name must be a plain file name: no folders, nothing that climbs out of the dataset's folder.
const fileName = z
  .string()
  .min(1, 'expected a file name')
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'expected a plain file name, without folders');

const property = z.string().min(1);

const boundariesSchema = z.object({
  file: fileName,
  object: z.string().min(1),
  key: property,
  name: property.nullable(),
  nameFr: property.nullable(),
  district: property.nullable(),
  /** The district's French name property; absent from manifests written before it was added. */
  districtFr: property.nullable().optional(),
  municipality: property.nullable(),
});

const indicatorFileSchema = z.object({
  file: fileName,
  key: property,
  level: z.enum(['ward', 'municipality']),
});

const sourceSchema = z.object({
  file: z.string().min(1),
  kind: z.enum(['boundaries', 'indicators']),
  level: z.enum(['ward', 'municipality']).nullable(),
  key: z.string().nullable(),
  rows: z.number().int().min(0),
  matched: z.number().int().min(0),
  year: z.number().int().nullable(),
  sheet: z.string().nullable(),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  name: z.string().trim().min(1),
  attribution: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  boundaries: boundariesSchema,
  indicators: z.array(indicatorFileSchema),
  catalogue: fileName,
  sources: z.array(sourceSchema),
});

/** The manifest of a prepared dataset: which file holds what, keyed how, made from which inputs. */
export type Manifest = z.infer<typeof manifestSchema>;
/** One indicator file of a prepared dataset, at ward (sector) or municipality level. */
export type ManifestIndicatorFile = Manifest['indicators'][number];
/** One input file the dataset was prepared from, with its row and match counts. */
export type ManifestSource = Manifest['sources'][number];

/**
 * Reads a prepared dataset's manifest (dataset.json, written by `npm run prepare-data`) and checks
 * it: the format and version first, so that another JSON file is told apart from a damaged or
 * newer manifest, then every field. parseManifest(text, "dataset.json").data?.boundaries.file is
 * "boundaries.topojson".
 */
export function parseManifest(text: string, file: string): Loaded<Manifest> {
  const read = readJson(text);
  if ('error' in read) return { data: null, problems: [problemFrom(file, read.why.key, read.why.values)] };
  const json = read.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail(file, 'manifestNotObject');
  }

  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format === undefined) {
    return fail(file, 'manifestNoFormat', { format: MANIFEST_FORMAT }, 'format');
  }
  if (format !== MANIFEST_FORMAT) {
    return fail(file, 'manifestWrongFormat', { found: JSON.stringify(format), format: MANIFEST_FORMAT }, 'format');
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > MANIFEST_VERSION) {
    return fail(file, 'manifestNewer', { version, supported: MANIFEST_VERSION }, 'version');
  }
  if (version !== MANIFEST_VERSION) {
    return fail(file, 'manifestVersion', { version: JSON.stringify(version ?? null), supported: MANIFEST_VERSION }, 'version');
  }

  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return {
      data: null,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
        const missing = issue.code === 'invalid_type' && valueAt(json, issue.path) === undefined;
        // zod's own issue messages stay English: they name the expected and received values.
        const opts = { column: path || null };
        return missing
          ? problemFrom(file, 'manifestFieldMissing', { field: path }, opts)
          : problemFrom(file, 'manifestFieldInvalid', { field: path, issue: issue.message }, opts);
      }),
    };
  }

  const names = [parsed.data.boundaries.file, parsed.data.catalogue, ...parsed.data.indicators.map((i) => i.file)];
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) {
    return fail(file, 'manifestRepeatedFile', { file: repeated[0] });
  }
  return { data: parsed.data, problems: [] };
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fail(file: string, key: ProblemKey, values: MessageValues = {}, column: string | null = null): Loaded<Manifest> {
  return { data: null, problems: [problemFrom(file, key, values, { column })] };
}
