import type { Feature, FeatureCollection } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { z } from 'zod';
import { capProblems } from './capProblems';
import type { CrsDetection } from './detectCrs';
import { problem, type Loaded, type Problem } from './problem';
import { readJson } from './readJson';
import {
  POLYGONAL,
  toBoundaryFeatures,
  type BoundaryFeature,
  type CrsDeclaration,
  type NumberedFeature,
} from './toBoundaryFeatures';

export type { BoundaryFeature } from './toBoundaryFeatures';

/** The polygons of a boundary file in WGS84, with the property names found on them. */
export interface Boundaries {
  features: BoundaryFeature[];
  /** Every property name, in the order first met. */
  propertyNames: string[];
  source: 'geojson' | 'topojson' | 'shapefile';
  /** The TopoJSON object that was read; null for GeoJSON and shapefiles. */
  objectName: string | null;
  /** Every object of a TopoJSON, so that another can be chosen; [] for GeoJSON and shapefiles. */
  objectNames: string[];
  /** The coordinate system the file was in, and how we know (the features are WGS84 now). */
  crs: CrsDetection;
}

const MAX_FEATURE_PROBLEMS = 10;

// Shapes are checked here; the coordinates themselves, which may run into millions of numbers,
// are checked by a plain loop in checkCoordinates.
const geometrySchema = z.object({
  type: z.string(),
  coordinates: z.array(z.unknown()).optional(),
  geometries: z.array(z.unknown()).optional(),
});

const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: geometrySchema.nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
});

const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

const topoGeometrySchema = z.object({
  type: z.string().nullable(),
  geometries: z.array(z.object({ type: z.string().nullable() }).loose()).optional(),
});

const topologySchema = z.object({
  type: z.literal('Topology'),
  objects: z.record(z.string(), topoGeometrySchema.loose()),
  arcs: z.array(z.array(z.unknown())),
  transform: z
    .object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) })
    .optional(),
});

type Topology = Parameters<typeof topoFeature>[0];

/**
 * Reads ward boundaries from GeoJSON (a FeatureCollection) or TopoJSON (the object `objectName`,
 * else the first one holding polygons). Non-polygon features are dropped, features without
 * geometry kept; coordinates in Belgian Lambert 72 or 2008 (told by a legacy `crs` member or by
 * their range) are reprojected to WGS84; rings are rewound to RFC 7946 order (outer rings
 * counterclockwise).
 */
export function parseBoundaries(text: string, file: string, objectName?: string): Loaded<Boundaries> {
  const read = readJson(text);
  if ('error' in read) return fail(file, read.error);
  const json = read.json;

  const type = typeof json === 'object' && json !== null && 'type' in json ? (json as { type: unknown }).type : undefined;
  if (type === 'FeatureCollection') return readGeoJson(json, file);
  if (type === 'Topology') return readTopoJson(json, file, objectName);
  const found = typeof type === 'string' ? `a "${type}"` : 'no "type" member';
  return fail(file, `not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found ${found}`);
}

function readGeoJson(json: unknown, file: string): Loaded<Boundaries> {
  const collection = featureCollectionSchema.safeParse(json);
  if (!collection.success) return fail(file, `not a valid GeoJSON FeatureCollection: ${describeIssue(collection.error)}`);
  const problems: Problem[] = [];
  const invalid: Problem[] = [];
  const features: NumberedFeature[] = [];
  collection.data.features.forEach((raw, i) => {
    const parsed = featureSchema.safeParse(raw);
    if (!parsed.success) {
      invalid.push(
        problem(file, `feature ${i + 1} is not a valid GeoJSON Feature (${describeIssue(parsed.error)}); dropped`, {
          row: i + 1,
          severity: 'warning',
        }),
      );
      return;
    }
    const { id, geometry, properties } = parsed.data;
    features.push({
      row: i + 1,
      feature: {
        type: 'Feature',
        ...(id === undefined ? {} : { id }),
        geometry: (geometry ?? null) as Feature['geometry'],
        properties: properties ?? {},
      },
    });
  });
  problems.push(...capProblems(invalid, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more invalid features dropped`));
  return finish(features, file, problems, crsMember(json), { source: 'geojson', objectName: null, objectNames: [] });
}

function readTopoJson(json: unknown, file: string, objectName: string | undefined): Loaded<Boundaries> {
  const parsed = topologySchema.safeParse(json);
  if (!parsed.success) return fail(file, `not a valid TopoJSON Topology: ${describeIssue(parsed.error)}`);
  const topology = json as Topology;
  const names = Object.keys(parsed.data.objects);
  const problems: Problem[] = [];

  let name: string | undefined;
  if (objectName !== undefined) {
    if (!names.includes(objectName)) {
      return fail(file, `TopoJSON object "${objectName}" not found; the objects are ${names.map((n) => `"${n}"`).join(', ')}`);
    }
    name = objectName;
  } else {
    name = names.find((n) => {
      const object = parsed.data.objects[n];
      return POLYGONAL.has(object.type ?? '') || (object.geometries ?? []).some((g) => POLYGONAL.has(g.type ?? ''));
    });
    if (name === undefined) return fail(file, 'the TopoJSON has no object with polygons');
    if (names.length > 1) {
      const others = names.filter((n) => n !== name).map((n) => `"${n}"`);
      problems.push(
        problem(file, `the TopoJSON holds several objects; read "${name}", not ${others.join(', ')}`, { severity: 'info' }),
      );
    }
  }

  let decoded: Feature | FeatureCollection;
  try {
    decoded = topoFeature(topology, name) as Feature | FeatureCollection;
  } catch (error) {
    return fail(file, `TopoJSON object "${name}" could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const features = decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
  return finish(
    features.map((feature, i) => ({ row: i + 1, feature })),
    file,
    problems,
    crsMember(json),
    { source: 'topojson', objectName: name, objectNames: names },
  );
}

/** Checks, reprojects and rewinds the features; see toBoundaryFeatures. */
function finish(
  all: NumberedFeature[],
  file: string,
  problems: Problem[],
  declared: CrsDeclaration | null,
  about: Pick<Boundaries, 'source' | 'objectName' | 'objectNames'>,
): Loaded<Boundaries> {
  const checked = toBoundaryFeatures(all, file, declared);
  const data = checked.data && { ...checked.data, ...about };
  return { data, problems: [...problems, ...checked.problems] };
}

/**
 * The coordinate system named by a legacy (2008) GeoJSON `crs` member, such as
 * {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::31370"}}; RFC 7946 dropped it,
 * but QGIS and ogr2ogr still write it.
 */
function crsMember(json: unknown): CrsDeclaration | null {
  const crs = (json as { crs?: unknown }).crs;
  if (typeof crs !== 'object' || crs === null) return null;
  const { type, properties } = crs as { type?: unknown; properties?: Record<string, unknown> | null };
  const code = type === 'EPSG' && properties?.code !== undefined ? `EPSG:${String(properties.code)}` : undefined;
  const name = properties?.name ?? code;
  return typeof name === 'string' && name.trim() !== '' ? { text: name, where: 'the crs member' } : null;
}

function fail(file: string, message: string): Loaded<Boundaries> {
  return { data: null, problems: [problem(file, message)] };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The parser's message, with line and column added when it only gives a character position. */
