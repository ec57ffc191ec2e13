import { rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { capProblems } from './capProblems';
import { detectCrs, type CrsDetection } from './detectCrs';
import { problem, type Loaded, type Problem } from './problem';
import { reprojectFeatures } from './reproject';

/** A ward boundary: a polygon feature, or a feature whose geometry is missing. */
export type BoundaryFeature = Feature<Polygon | MultiPolygon | null>;

/** A feature with its 1-based position in the file, which problems report as the row. */
export interface NumberedFeature {
  row: number;
  feature: Feature;
}

/** Where a file declares its coordinate system: the text, and a name for it in messages. */
export interface CrsDeclaration {
  text: string;
  /** e.g. "gemeente.prj" or "the GeoJSON crs member". */
  where: string;
}

/** The features of a boundary file once checked, in WGS84, with the system they came in. */
export interface BoundaryFeatures {
  features: BoundaryFeature[];
  /** Every property name, in the order first met. */
  propertyNames: string[];
  crs: CrsDetection;
}

/** The geometry types a ward boundary may have. */
export const POLYGONAL: ReadonlySet<string> = new Set(['Polygon', 'MultiPolygon']);

const MAX_FEATURE_PROBLEMS = 10;

/**
 * Turns the features of a boundary file into ward boundaries: keeps polygons and features without
 * geometry, drops the rest, works out the coordinate system (from `declared` and the coordinates'
 * range) and reprojects to WGS84, then rewinds rings to RFC 7946 order (outer rings
 * counterclockwise). The system is reported as info when reprojected, or always with `reportCrs`.
 * Features in WGS84 are changed in place.
 */
export function toBoundaryFeatures(
  all: NumberedFeature[],
  file: string,
  declared: CrsDeclaration | null,
  reportCrs = false,
): Loaded<BoundaryFeatures> {
  if (all.length === 0) return { data: null, problems: [problem(file, 'the file has no features')] };
  const problems: Problem[] = [];
  const kept: BoundaryFeature[] = [];
  const notPolygons: Problem[] = [];
  const empty: Problem[] = [];
  const broken: Problem[] = [];
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const { row, feature: f } of all) {
    if (f.geometry === null) {
      empty.push(problem(file, `feature ${row} has no geometry; kept, but it cannot be drawn`, { row, severity: 'warning' }));
      kept.push(f as BoundaryFeature);
      continue;
    }
    if (!POLYGONAL.has(f.geometry.type)) {
      notPolygons.push(
        problem(file, `feature ${row} is a ${f.geometry.type}, not a polygon; dropped`, { row, severity: 'warning' }),
      );
      continue;
    }
    if (!extendBox(box, f.geometry as Polygon | MultiPolygon)) {
      broken.push(problem(file, `feature ${row} has invalid coordinates; dropped`, { row, severity: 'warning' }));
      continue;
    }
    kept.push(f as BoundaryFeature);
  }
  problems.push(
    ...capProblems(empty, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more features without geometry`),
    ...capProblems(notPolygons, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more features that are not polygons dropped`),
    ...capProblems(broken, MAX_FEATURE_PROBLEMS, (n) => `and ${n} more features with invalid coordinates dropped`),
  );
  if (!kept.some((f) => f.geometry !== null)) {
    return { data: null, problems: [...problems, problem(file, 'no polygon features: nothing to draw')] };
  }

  const crs = detectCrs({ prj: declared?.text, sample: [[box.minX, box.minY], [box.maxX, box.maxY]] });
  if (crs.crs === null) {
    const why = crs.conflict && declared ? ` (${declared.where}: ${crs.conflict})` : '';
    const range = `x ${round(box.minX)} to ${round(box.maxX)}, y ${round(box.minY)} to ${round(box.maxY)}`;
    return {
      data: null,
      problems: [
        ...problems,
        problem(
          file,
          `the coordinates (${range}) are not WGS84 degrees nor Belgian Lambert 72 or 2008 metres${why}; ` +
            'reproject the file to WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370) and load it again',
        ),
      ],
    };
  }
  const reprojected = crs.crs !== 'EPSG:4326';
  const features = reprojected ? reprojectFeatures(kept, crs.crs) : kept;
  const then = reprojected ? '; reprojected to WGS84' : '';
  if (crs.conflict && declared) {
    problems.push(problem(file, `${declared.where}: ${crs.conflict}; read as ${crs.label}${then}`, { severity: 'warning' }));
  } else if (reprojected || reportCrs) {
    const how = crs.how === 'prj' && declared ? `read from ${declared.where}` : 'recognised from their range';
    problems.push(problem(file, `coordinates in ${crs.label}, ${how}${then}`, { severity: 'info' }));
  }

  const names = new Set<string>();
  for (const f of features) {
    // Ours to change: parsed from the file, or new from reprojectFeatures.
    if (f.geometry !== null) rewind(f.geometry, { mutate: true });
    for (const key of Object.keys(f.properties ?? {})) names.add(key);
  }
  return { data: { features, propertyNames: [...names], crs }, problems };
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Widens `box` to the positions of `geometry`; false, leaving `box` as it was, when a position is
 * not a pair of finite numbers. A plain loop: the coordinates may run into millions of numbers.
 */
function extendBox(box: Box, geometry: Polygon | MultiPolygon): boolean {
  const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons)) return false;
  let { minX, minY, maxX, maxY } = box;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) return false;
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return false;
      for (const position of ring) {
        if (!Array.isArray(position) || position.length < 2) return false;
        const [x, y] = position;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return false;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  Object.assign(box, { minX, minY, maxX, maxY });
  return true;
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
