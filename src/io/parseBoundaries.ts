import type { Feature, FeatureCollection } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { z } from 'zod';
import { capProblems } from './capProblems';
import type { CrsDetection } from './detectCrs';
import { MANIFEST_FORMAT } from './parseManifest';
import { problem, type Loaded, type Problem } from './problem';
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
  if ('error' in read) return fail(file, read.error);
  const json = read.json;

  const type = typeof json === 'object' && json !== null && 'type' in json ? (json as { type: unknown }).type : undefined;
  if (type === 'FeatureCollection') return readGeoJson(json, file);
  if (type === 'Topology') return readTopoJson(json, file, objectName);
  if (type === 'Feature') {
    // One ward on its own: read as a collection of one rather than refused.
    const read = readGeoJson({ type: 'FeatureCollection', features: [json] }, file, crsMember(json));
    const note = problem(file, 'the file is a single Feature, not a FeatureCollection: read as one ward', { severity: 'info' });
    return { data: read.data, problems: [note, ...read.problems] };
  }
  return fail(file, `not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found ${describeJson(json)}`);
}

/**
 * What a JSON value that is not a boundary file looks like, and what to do with it: the app's own
 * scenario and dataset files are named, so that a file dropped in the wrong place is recognised.
 */
function describeJson(json: unknown): string {
  const otherwise = '; open the ward boundaries as GeoJSON, TopoJSON or a zipped shapefile';
  if (Array.isArray(json)) {
    const first = json[0];
    const members = typeof first === 'object' && first !== null && !Array.isArray(first) ? memberList(first) : '';
    return `a JSON array of ${json.length} item${json.length === 1 ? '' : 's'}${members ? `, the first with ${members}` : ''}${otherwise}`;
  }
  if (typeof json !== 'object' || json === null) return `a lone JSON ${json === null ? 'null' : typeof json}${otherwise}`;
  const { type, format } = json as { type?: unknown; format?: unknown };
  if (format === SCENARIO_FORMAT) return 'a file of saved scenarios: open it with "Import scenarios" in the Scenarios panel';
  if (format === MANIFEST_FORMAT) {
    return "a prepared dataset's manifest (dataset.json): select it together with all the other files of its folder";
  }
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    return `a bare ${type} geometry, without features or properties to hold ward codes: export the wards as a FeatureCollection`;
  }
  if (typeof type === 'string') return `an object of "type" "${type.slice(0, 40)}"${otherwise}`;
  if (typeof format === 'string') return `an object of "format" "${format.slice(0, 40)}"${otherwise}`;
  const members = memberList(json);
  return `${members ? `an object with ${members}` : 'an empty object'} and no "type"${otherwise}`;
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** '"a", "b", "c"' or '"a", "b", "c", … (7 members)'. */
function memberList(object: object): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return '';
  const listed = keys.slice(0, 4).map((k) => `"${k.slice(0, 40)}"`).join(', ');
  return keys.length > 4 ? `members ${listed}, … (${keys.length} in all)` : `member${keys.length === 1 ? '' : 's'} ${listed}`;
}

function readGeoJson(json: unknown, file: string, declared: CrsDeclaration | null = crsMember(json)): Loaded<Boundaries> {
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
  return finish(features, file, problems, declared, { source: 'geojson', objectName: null, objectNames: [] });
}

function readTopoJson(json: unknown, file: string, objectName: string | undefined): Loaded<Boundaries> {
  let objects: TopologyShape['objects'];
  if (hasTopologyShape(json)) {
    objects = json.objects;
  } else {
    // The schema says what is wrong; it also takes the odd file the quick check leaves to it.
    const parsed = topologySchema.safeParse(json);
    if (!parsed.success) return fail(file, `not a valid TopoJSON Topology: ${describeIssue(parsed.error)}`);
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
  const polygons = (n: string): string => {
    const count = polygonCount(n);
    return count === 0 ? 'no polygons' : `${count} polygon${count === 1 ? '' : 's'}`;
  };
  const listing = names.map((n) => `"${n}" (${polygons(n)})`).join(', ');

  let name: string | undefined;
  if (objectName !== undefined) {
    if (!names.includes(objectName)) {
      return fail(file, `TopoJSON object "${objectName}" not found; the objects are ${listing}`);
    }
    name = objectName;
  } else {
    // The object with the most polygons: the wards, rather than the one outline of their city.
    name = names.reduce<string | undefined>((best, n) => (polygonCount(n) > (best === undefined ? 0 : polygonCount(best)) ? n : best), undefined);
    if (name === undefined) {
      return fail(file, `the TopoJSON has no object with polygons; its objects are ${listing}: wards must be polygons`);
    }
    if (names.length > 1) {
      problems.push(
        problem(file, `the TopoJSON holds ${names.length} objects, ${listing}; read "${name}": choose another as the TopoJSON object`, {
          severity: 'info',
        }),
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
      return fail(file, `TopoJSON object "${name}" could not be decoded (${why}): the file is damaged; export it again`);
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
