import type { Feature, FeatureCollection } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { z } from 'zod';
import { capProblems } from './capProblems';
import type { CrsDetection } from './detectCrs';
import { MANIFEST_FORMAT } from './parseManifest';
import { problemFrom, type Loaded, type MessagePiece, type MessageValues, type Problem, type ProblemKey } from './problem';
import { readJson } from './readJson';
import { SCENARIO_FORMAT } from './scenarioJson';
import { topologyFeatures, type TopologyInput } from './topologyFeatures';
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
type TopologyShape = z.infer<typeof topologySchema>;

/**
 * Whether a parsed JSON value passes topologySchema, checked without it: the schema copies every
 * object and arc as it goes, some 75,000 arrays and objects for Belgium's sectors. A value this
 * check is unsure of (not one the schema would refuse, necessarily) goes to the schema.
 */
function hasTopologyShape(json: unknown): json is TopologyShape {
  if (!isRecord(json) || json.type !== 'Topology') return false;
  const { objects, arcs, transform } = json;
  if (!isRecord(objects) || !Array.isArray(arcs)) return false;
  for (const arc of arcs) if (!Array.isArray(arc)) return false;
  if (transform !== undefined && !(isRecord(transform) && isPair(transform.scale) && isPair(transform.translate))) return false;
  for (const name of Object.keys(objects)) {
    // An own "__proto__" member is one the schema's copy would lose.
    if (name === '__proto__') return false;
    const object = objects[name];
    if (!isRecord(object) || !isTypeOrNull(object.type)) return false;
    const { geometries } = object;
    if (geometries === undefined) continue;
    if (!Array.isArray(geometries)) return false;
    for (const geometry of geometries) if (!isRecord(geometry) || !isTypeOrNull(geometry.type)) return false;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTypeOrNull(value: unknown): boolean {
  return typeof value === 'string' || value === null;
}

function isPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

/**
 * Reads ward boundaries from GeoJSON (a FeatureCollection, or a single Feature) or TopoJSON (the
 * object `objectName`, else the one with the most polygons). Non-polygon features are dropped,
 * features without geometry kept; coordinates in Belgian Lambert 72 or 2008 (told by a legacy `crs`
 * member or by their range) are reprojected to WGS84; rings are rewound to RFC 7946 order (outer
 * rings counterclockwise); see toBoundaryFeatures. Any other JSON is refused with a description
 * of what it looks like (the app's own scenario and dataset files are named). The rings of a
 * TopoJSON's neighbouring wards share the positions of their common border (see
 * topologyFeatures): copy a position before changing it.
 */
export function parseBoundaries(text: string, file: string, objectName?: string): Loaded<Boundaries> {
  const read = readJson(text);
  if ('error' in read) return fail(file, read.why.key, read.why.values);
  const json = read.json;

  const type = typeof json === 'object' && json !== null && 'type' in json ? (json as { type: unknown }).type : undefined;
  if (type === 'FeatureCollection') return readGeoJson(json, file);
  if (type === 'Topology') return readTopoJson(json, file, objectName);
  if (type === 'Feature') {
    // One ward on its own: read as a collection of one rather than refused.
    const read = readGeoJson({ type: 'FeatureCollection', features: [json] }, file, crsMember(json));
    const note = problemFrom(file, 'boundarySingleFeature', {}, { severity: 'info' });
    return { data: read.data, problems: [note, ...read.problems] };
  }
  return fail(file, 'notBoundaryFile', { found: describeJson(json) });
}

/**
 * What a JSON value that is not a boundary file looks like, and what to do with it: the app's own
 * scenario and dataset files are named, so that a file dropped in the wrong place is recognised.
 */
function describeJson(json: unknown): MessagePiece {
  const advice: MessagePiece = { key: 'openBoundariesAdvice' };
  if (Array.isArray(json)) {
    const first = json[0];
    const members = typeof first === 'object' && first !== null && !Array.isArray(first) ? memberList(first) : null;
    return { key: 'jsonArray', values: { count: json.length, first: members ? { key: 'jsonArrayFirst', values: { members } } : '', advice } };
  }
  if (typeof json !== 'object' || json === null) return { key: 'jsonLone', values: { kind: json === null ? 'null' : typeof json, advice } };
  const { type, format } = json as { type?: unknown; format?: unknown };
  if (format === SCENARIO_FORMAT) return { key: 'jsonScenarioFile' };
  if (format === MANIFEST_FORMAT) return { key: 'jsonManifestFile' };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return { key: 'jsonBareGeometry', values: { type } };
  if (typeof type === 'string') return { key: 'jsonObjectType', values: { type: type.slice(0, 40), advice } };
  if (typeof format === 'string') return { key: 'jsonObjectFormat', values: { format: format.slice(0, 40), advice } };
  const members = memberList(json);
  return members ? { key: 'jsonObjectMembers', values: { members, advice } } : { key: 'jsonEmptyObject', values: { advice } };
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** '"a", "b", "c"' or '"a", "b", "c", … (7 members)'; null for no member. */
function memberList(object: object): MessagePiece | null {
  const keys = Object.keys(object);
  if (keys.length === 0) return null;
  const listed = keys.slice(0, 4).map((k) => `"${k.slice(0, 40)}"`).join(', ');
  return keys.length > 4
    ? { key: 'jsonMembersMore', values: { listed, total: keys.length } }
    : { key: 'jsonMembers', values: { count: keys.length, listed } };
}

function readGeoJson(json: unknown, file: string, declared: CrsDeclaration | null = crsMember(json)): Loaded<Boundaries> {
  const collection = featureCollectionSchema.safeParse(json);
  if (!collection.success) return fail(file, 'geojsonInvalid', { issue: describeIssue(collection.error) });
  const problems: Problem[] = [];
  const invalid: Problem[] = [];
  const features: NumberedFeature[] = [];
  collection.data.features.forEach((raw, i) => {
    const parsed = featureSchema.safeParse(raw);
    if (!parsed.success) {
      invalid.push(
        problemFrom(file, 'featureInvalid', { row: i + 1, issue: describeIssue(parsed.error) }, {
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
  problems.push(...capProblems(invalid, MAX_FEATURE_PROBLEMS, { key: 'moreInvalidFeatures' }));
  return finish(features, file, problems, declared, { source: 'geojson', objectName: null, objectNames: [] });
}

function readTopoJson(json: unknown, file: string, objectName: string | undefined): Loaded<Boundaries> {
  let objects: TopologyShape['objects'];
  if (hasTopologyShape(json)) {
    objects = json.objects;
  } else {
    // The schema says what is wrong; it also takes the odd file the quick check leaves to it.
    const parsed = topologySchema.safeParse(json);
    if (!parsed.success) return fail(file, 'topojsonInvalid', { issue: describeIssue(parsed.error) });
    objects = parsed.data.objects;
  }
  const topology = json as Topology;
  const names = Object.keys(objects);
  const problems: Problem[] = [];

  const polygonCount = (n: string): number => {
    const object = objects[n];
    if (POLYGONAL.has(object.type ?? '')) return 1;
    return (object.geometries ?? []).filter((g) => POLYGONAL.has(g.type ?? '')).length;
  };
  const polygons = (n: string): MessagePiece => {
    const count = polygonCount(n);
    return count === 0 ? { key: 'topoNoPolygons' } : { key: 'topoPolygons', values: { count } };
  };
  const listing = names.map((n): MessagePiece => ({ key: 'topoObjectListed', values: { name: n, polygons: polygons(n) } }));

  let name: string | undefined;
  if (objectName !== undefined) {
    if (!names.includes(objectName)) {
      return fail(file, 'topoObjectNotFound', { name: objectName, objects: listing });
    }
    name = objectName;
  } else {
    // The object with the most polygons: the wards, rather than the one outline of their city.
    name = names.reduce<string | undefined>((best, n) => (polygonCount(n) > (best === undefined ? 0 : polygonCount(best)) ? n : best), undefined);
    if (name === undefined) {
      return fail(file, 'topoNoPolygonObject', { objects: listing });
    }
    if (names.length > 1) {
      problems.push(
        problemFrom(file, 'topoManyObjects', { number: names.length, objects: listing, name }, { severity: 'info' }),
      );
    }
  }

  // Polygons, nearly always, decoded sharing the arcs' positions; anything else as topojson-client does.
  let features = topologyFeatures(topology as TopologyInput, name) as Feature[] | null;
  if (features === null) {
    let decoded: Feature | FeatureCollection;
    try {
      decoded = topoFeature(topology, name) as Feature | FeatureCollection;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail(file, 'topoDecodeFailed', { name, why });
    }
    features = decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
  }
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
  return typeof name === 'string' && name.trim() !== '' ? { text: name, where: { key: 'crsMemberWhere' } } : null;
}

function fail(file: string, key: ProblemKey, values: MessageValues = {}): Loaded<Boundaries> {
  return { data: null, problems: [problemFrom(file, key, values)] };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** The parser's message, with line and column added when it only gives a character position. */
