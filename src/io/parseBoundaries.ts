import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { z } from 'zod';
import { capProblems } from './capProblems';
import { problem, type Loaded, type Problem } from './problem';

/** A ward boundary: a polygon feature, or a feature whose geometry is missing. */
export type BoundaryFeature = Feature<Polygon | MultiPolygon | null>;

/** The polygons of a boundary file, with the property names found on them. */
export interface Boundaries {
  features: BoundaryFeature[];
  /** Every property name, in the order first met. */
  propertyNames: string[];
  source: 'geojson' | 'topojson';
  /** The TopoJSON object that was read; null for GeoJSON. */
  objectName: string | null;
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

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

type Topology = Parameters<typeof topoFeature>[0];

/** A feature with its 1-based position in the file, which problems report as the row. */
interface Numbered {
  row: number;
  feature: Feature;
}

/**
 * Reads ward boundaries from GeoJSON (a FeatureCollection) or TopoJSON (the object `objectName`,
 * else the first one holding polygons). Non-polygon features are dropped, features without
 * geometry kept; rings are rewound to RFC 7946 order (outer rings counterclockwise).
 */
export function parseBoundaries(text: string, file: string, objectName?: string): Loaded<Boundaries> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail(file, 'empty file');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return fail(file, `invalid JSON: ${jsonErrorMessage(error, body)}`);
  }

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
  const features: Numbered[] = [];
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
  return finish(features, file, problems, 'geojson', null);
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
    'topojson',
    name,
  );
}

/** Keeps polygons and missing geometries, checks coordinates, rewinds rings. */
function finish(
  all: Numbered[],
  file: string,
  problems: Problem[],
  source: Boundaries['source'],
  objectName: string | null,
): Loaded<Boundaries> {
  if (all.length === 0) return { data: null, problems: [...problems, problem(file, 'the file has no features')] };
  const features: BoundaryFeature[] = [];
  const notPolygons: Problem[] = [];
  const empty: Problem[] = [];
  const broken: Problem[] = [];
  for (const { row, feature: f } of all) {
    if (f.geometry === null) {
      empty.push(problem(file, `feature ${row} has no geometry; kept, but it cannot be drawn`, { row, severity: 'warning' }));
      features.push(f as BoundaryFeature);
      continue;
    }
    if (!POLYGONAL.has(f.geometry.type)) {
      notPolygons.push(
        problem(file, `feature ${row} is a ${f.geometry.type}, not a polygon; dropped`, { row, severity: 'warning' }),
      );
      continue;
    }
    const check = checkCoordinates(f.geometry as Polygon | MultiPolygon);
    if (check === 'projected') {
      return {
        data: null,
        problems: [
          ...problems,
          problem(
            file,
            'coordinates look projected (e.g. Lambert 72, EPSG:31370); reproject to WGS84 (longitude, latitude in degrees)',
          ),
        ],
      };
    }
    if (check === 'invalid') {
      broken.push(problem(file, `feature ${row} has invalid coordinates; dropped`, { row, severity: 'warning' }));
      continue;
    }
    // The parsed JSON belongs to us, so rewinding in place is safe and spares a copy.
    rewind(f.geometry as Polygon | MultiPolygon, { mutate: true });
    features.push(f as BoundaryFeature);
  }
  problems.push(
    ...capProblems(empty, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more features without geometry`),
    ...capProblems(notPolygons, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more features that are not polygons dropped`),
    ...capProblems(broken, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more features with invalid coordinates dropped`),
  );
  if (!features.some((f) => f.geometry !== null)) {
    return { data: null, problems: [...problems, problem(file, 'no polygon features: nothing to draw')] };
  }

  const names = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) names.add(key);
  return { data: { features, propertyNames: [...names], source, objectName }, problems };
}

/** 'projected' when a position lies outside longitude/latitude range, 'invalid' when it is not numbers. */
function checkCoordinates(geometry: Polygon | MultiPolygon): 'ok' | 'projected' | 'invalid' {
  const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons)) return 'invalid';
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) return 'invalid';
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return 'invalid';
      for (const position of ring) {
        if (!Array.isArray(position) || position.length < 2) return 'invalid';
        const [x, y] = position;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return 'invalid';
        if (Math.abs(x) > 180 || Math.abs(y) > 90) return 'projected';
      }
    }
  }
  return 'ok';
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
function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const index = Number(position[1]);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}
