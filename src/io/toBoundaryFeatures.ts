import { rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { capProblems } from './capProblems';
import { detectCrs, type CrsDetection } from './detectCrs';
import { problemFrom, type Loaded, type MessagePiece, type MessageValue, type Problem } from './problem';
import { reprojectFeatures } from './reproject';
import { selfIntersects } from './selfIntersects';

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
  /** e.g. "gemeente.prj", or { key: 'crsMemberWhere' } for the GeoJSON crs member. */
  where: MessageValue;
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
// Feature numbers listed in a summary before "…".
const MAX_LISTED = 10;

// Belgium in degrees with half a degree to spare (it spans 2.5-6.4 E, 49.5-51.5 N).
const BELGIUM = { minX: 2, maxX: 7, minY: 49, maxY: 52 };

/**
 * Turns the features of a boundary file into ward boundaries: keeps polygons and features without
 * geometry, drops the rest (a file without a single polygon is refused), works out the coordinate
 * system (from `declared` and the coordinates' range) and reprojects to WGS84, then rewinds rings to
 * RFC 7946 order (outer rings counterclockwise), silently: MapLibre draws either order (its tiler
 * rewinds rings per tile), but RFC 7946 asks for it and files written from the features keep it.
 * Rings that cross themselves are kept, with a warning.
 * WGS84 coordinates with longitude and latitude swapped are swapped back. The system is reported
 * as info when reprojected, or always with `reportCrs`. Features in WGS84 are changed in place.
 */
export function toBoundaryFeatures(
  all: NumberedFeature[],
  file: string,
  declared: CrsDeclaration | null,
  reportCrs = false,
): Loaded<BoundaryFeatures> {
  if (all.length === 0) {
    return {
      data: null,
      problems: [problemFrom(file, 'noFeatures')],
    };
  }
  const problems: Problem[] = [];
  const kept: NumberedFeature[] = [];
  const notPolygons = new Map<string, number[]>();
  const empty: Problem[] = [];
  const broken: Problem[] = [];
  const box = emptyBox();
  for (const numbered of all) {
    const { row, feature: f } = numbered;
    // An empty polygon (GDAL writes one for a shape it could not read) is a missing geometry.
    if (f.geometry !== null && POLYGONAL.has(f.geometry.type)) {
      (f as BoundaryFeature).geometry = withoutEmptyParts(f.geometry as Polygon | MultiPolygon);
    }
    if (f.geometry === null) {
      empty.push(problemFrom(file, 'featureNoGeometry', { row }, { row, severity: 'warning' }));
      kept.push(numbered);
      continue;
    }
    if (!POLYGONAL.has(f.geometry.type)) {
      const rows = notPolygons.get(f.geometry.type) ?? [];
      rows.push(row);
      notPolygons.set(f.geometry.type, rows);
      continue;
    }
    const fault = extendBox(box, f.geometry as Polygon | MultiPolygon);
    if (fault !== null) {
      broken.push(problemFrom(file, 'featureBadCoordinates', { row, fault }, { row, severity: 'warning' }));
      continue;
    }
    kept.push(numbered);
  }
  const polygons = kept.filter((k) => k.feature.geometry !== null).length;
  problems.push(...capProblems(empty, MAX_FEATURE_PROBLEMS, { key: 'moreFeaturesNoGeometry' }));
  if (polygons > 0 && notPolygons.size > 0) problems.push(droppedNotPolygons(file, notPolygons));
  problems.push(...capProblems(broken, MAX_FEATURE_PROBLEMS, { key: 'moreFeaturesBadCoordinates' }));
  if (polygons === 0) return { data: null, problems: [...problems, noPolygons(file, notPolygons, broken.length, all.length)] };

  const crs = detectCrs({ prj: declared?.text, sample: [[box.minX, box.minY], [box.maxX, box.maxY]] });
  if (crs.crs === null) {
    const why: MessageValue = crs.conflict && declared ? { key: 'crsConflictWhy', values: { where: declared.where, conflict: crs.conflict } } : '';
    return {
      data: null,
      problems: [
        ...problems,
        problemFrom(file, 'coordinatesUnknown', { range: rangeText(box), why }),
      ],
    };
  }
  const reprojected = crs.crs !== 'EPSG:4326';
  let features = kept.map((k) => k.feature as BoundaryFeature);
  let rows = kept.map((k) => k.row);
  const then: MessageValue = reprojected ? { key: 'reprojectedThen' } : '';
  if (crs.conflict && declared) {
    problems.push(problemFrom(file, 'crsConflict', { where: declared.where, conflict: crs.conflict, label: crs.label, then }, { severity: 'warning' }));
  } else if (reprojected || reportCrs) {
    const how: MessagePiece =
      crs.how === 'prj' && declared ? { key: 'crsReadFrom', values: { where: declared.where } } : { key: 'crsFromRange' };
    problems.push(problemFrom(file, 'crsNoted', { label: crs.label, how, then }, { severity: 'info' }));
  }

  let degrees = box;
  if (reprojected) {
    // Checked again: a projection believed far beyond Belgium's range is where a transformation
    // could fail, and a non-finite position must not reach the map or the model.
    const projected = reprojectFeatures(features, crs.crs);
    degrees = emptyBox();
    const lost: Problem[] = [];
    const keep = projected.map((f, i) => {
      if (f.geometry === null) return true;
      const fault = extendBox(degrees, f.geometry);
      if (fault !== null) lost.push(problemFrom(file, 'featureLostInReprojection', { row: rows[i], fault }, { row: rows[i], severity: 'warning' }));
      return fault === null;
    });
    problems.push(...capProblems(lost, MAX_FEATURE_PROBLEMS, { key: 'moreFeaturesNotReprojected' }));
    features = projected.filter((_, i) => keep[i]);
    rows = rows.filter((_, i) => keep[i]);
    if (!features.some((f) => f.geometry !== null)) {
      return { data: null, problems: [...problems, problemFrom(file, 'noFeatureReprojected', { label: crs.label })] };
    }
  }
  const placed = placeInBelgium(features, degrees, file, reprojected);
  if (placed) problems.push(placed);

  const names = new Set<string>();
  const crossing: number[] = [];
  const bare: number[] = [];
  features.forEach((f, i) => {
    if (f.geometry !== null) {
      if (selfIntersects(f.geometry)) crossing.push(rows[i]);
      // Ours to change: parsed from the file, or new from reprojectFeatures.
      rewind(f.geometry, { mutate: true });
    }
    const keys = Object.keys(f.properties ?? {});
    if (keys.length === 0) bare.push(rows[i]);
    for (const key of keys) names.add(key);
  });
  if (names.size === 0) {
    // Still drawable (an outline layer needs no attributes), but no ward can be made from it.
    problems.push(
      problemFrom(file, 'noProperties', {}, { severity: 'warning' }),
    );
  } else if (bare.length > 0) {
    problems.push(
      problemFrom(
        file,
        'featuresWithoutProperties',
        { count: bare.length, features: featureList(bare) },
        { row: bare.length === 1 ? bare[0] : null, severity: 'warning' },
      ),
    );
  }
  if (crossing.length > 0) {
    problems.push(
      problemFrom(
        file,
        'selfIntersecting',
        { count: crossing.length, features: featureList(crossing) },
        { row: crossing.length === 1 ? crossing[0] : null, severity: 'warning' },
      ),
    );
  }
  return { data: { features, propertyNames: [...names], crs }, problems };
}

/** The warning for features dropped because they are points or lines, counted by type. */
function droppedNotPolygons(file: string, byType: Map<string, number[]>): Problem {
  const rows = [...byType.values()].flat().sort((a, b) => a - b);
  return problemFrom(
    file,
    'notPolygonsDropped',
    { count: rows.length, types: typeCounts(byType), features: featureList(rows) },
    { row: rows.length === 1 ? rows[0] : null, severity: 'warning' },
  );
}

/** The error for a file without a single polygon left: what it held instead. */
function noPolygons(file: string, byType: Map<string, number[]>, broken: number, total: number): Problem {
  const parts: MessageValue[] = [];
  if (byType.size > 0) parts.push(typeCounts(byType));
  if (broken > 0) parts.push({ key: 'partBadCoordinates', values: { number: broken } });
  const withoutGeometry = total - broken - [...byType.values()].reduce((n, rows) => n + rows.length, 0);
  if (withoutGeometry > 0) parts.push({ key: 'partNoGeometry', values: { number: withoutGeometry } });
  const advice: MessagePiece = { key: byType.size > 0 ? 'advicePolygonsNotPoints' : 'adviceNothingToDraw' };
  return problemFrom(file, 'noPolygons', { count: total, parts, advice });
}

/** "3 Point, 1 LineString", in the order first met. */
function typeCounts(byType: Map<string, number[]>): MessagePiece[] {
  return [...byType].map(([type, rows]) => ({ key: 'typeCount', values: { number: rows.length, type } }));
}

/** "feature 3" or "features 1, 3, 7" or "features 1, 2, … (25 in all)". */
function featureList(rows: number[]): MessagePiece {
  if (rows.length === 1) return { key: 'featureOne', values: { row: rows[0] } };
  const listed = rows.slice(0, MAX_LISTED).join(', ');
  return rows.length > MAX_LISTED
    ? { key: 'featureManyMore', values: { rows: listed, total: rows.length } }
    : { key: 'featureMany', values: { rows: listed } };
}

/**
 * Checks where the wards lie. WGS84 wards that are all outside Belgium but would be inside with x
 * and y exchanged (latitude written first) are exchanged in place, and that is said. Reprojected
 * wards outside Belgium (a Lambert declaration believed for coordinates beyond the Belgian range)
 * are warned of. Other WGS84 wards elsewhere pass without a word: the map shows where they are.
 */
function placeInBelgium(features: BoundaryFeature[], box: Box, file: string, reprojected: boolean): Problem | null {
  const overlaps = (b: Box) => b.minX <= BELGIUM.maxX && b.maxX >= BELGIUM.minX && b.minY <= BELGIUM.maxY && b.maxY >= BELGIUM.minY;
  if (overlaps(box)) return null;
  if (reprojected) {
    return problemFrom(
      file,
      'outsideBelgium',
      { minX: round(box.minX), maxX: round(box.maxX), minY: round(box.minY), maxY: round(box.maxY) },
      { severity: 'warning' },
    );
  }
  const swapped = { minX: box.minY, maxX: box.maxY, minY: box.minX, maxY: box.maxX };
  if (!overlaps(swapped)) return null;
  // Each position once: rings may share them (a TopoJSON's neighbours share their border's).
  const seen = new Set<Position>();
  for (const f of features) {
    if (f.geometry === null) continue;
    forEachPosition(f.geometry, (p) => {
      if (seen.has(p)) return;
      seen.add(p);
      [p[0], p[1]] = [p[1], p[0]];
    });
  }
  return problemFrom(file, 'latitudeFirst', { range: rangeText(box) }, { severity: 'warning' });
}

/**
 * The geometry without its polygons that have no rings (on which turf's rewind throws), or null when
 * it holds no position at all. Coordinates not nested as they should be are left for extendBox to report.
 */
function withoutEmptyParts(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  if (!Array.isArray(geometry.coordinates)) return geometry;
  if (geometry.type === 'Polygon') return hasPositions(geometry.coordinates) ? geometry : null;
  const parts = geometry.coordinates.filter(hasPositions);
  if (parts.length === 0) return null;
  return parts.length === geometry.coordinates.length ? geometry : { ...geometry, coordinates: parts };
}

/** Whether a polygon has a ring with a position (or coordinates not nested as rings, for extendBox to report). */
function hasPositions(polygon: unknown): boolean {
  return !Array.isArray(polygon) || polygon.some(holdsPositions);
}

/** Whether a ring has a position, or is no ring at all (left for extendBox to report). */
function holdsPositions(ring: unknown): boolean {
  return !Array.isArray(ring) || ring.length > 0;
}

function forEachPosition(geometry: Polygon | MultiPolygon, visit: (position: Position) => void): void {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) for (const position of ring) visit(position);
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function emptyBox(): Box {
  return { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
}

/**
 * Widens `box` to the positions of `geometry`, or, leaving `box` as it was, says what is wrong
 * with them: a position that is not a pair of finite numbers, or rings not nested as they should
 * be. A plain loop: the coordinates may run into millions of numbers.
 */
function extendBox(box: Box, geometry: Polygon | MultiPolygon): MessagePiece | null {
  const multi = geometry.type === 'MultiPolygon';
  const polygons: unknown[] = multi ? geometry.coordinates : [geometry.coordinates];
  const nesting: MessagePiece = { key: multi ? 'coordinatesNotNestedMulti' : 'coordinatesNotNestedPolygon' };
  if (!Array.isArray(polygons)) return nesting;
  let { minX, minY, maxX, maxY } = box;
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p];
    if (!Array.isArray(polygon)) return nesting;
    for (let r = 0; r < polygon.length; r++) {
      const ring: unknown = polygon[r];
      if (!Array.isArray(ring)) return nesting;
      for (let i = 0; i < ring.length; i++) {
        const position: unknown = ring[i];
        if (!Array.isArray(position)) return nesting;
        const x: unknown = position[0];
        const y: unknown = position[1];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          const value = positionText(position);
          return multi
            ? { key: 'positionNotNumbersMulti', values: { position: i + 1, ring: r + 1, polygon: p + 1, value } }
            : { key: 'positionNotNumbers', values: { position: i + 1, ring: r + 1, value } };
        }
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  Object.assign(box, { minX, minY, maxX, maxY });
  return null;
}

/** A position as the file had it: [5, "NaN"], [5, Infinity], [5]. */
function positionText(position: unknown[]): string {
  return `[${position.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v))).join(', ')}]`;
}

function rangeText(box: Box): MessagePiece {
  return { key: 'coordinateRange', values: { minX: round(box.minX), maxX: round(box.maxX), minY: round(box.minY), maxY: round(box.maxY) } };
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
