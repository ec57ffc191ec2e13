import type { MessagePiece } from './problem';

/** The coordinate systems we can read: WGS84 degrees and the two Belgian Lambert projections. */
export type Crs = 'EPSG:4326' | 'EPSG:31370' | 'EPSG:3812';

/**
 * The coordinate system of a file and how we know it: read from its declaration (a .prj, or a
 * GeoJSON `crs` member), guessed from the range of its coordinates, or not known (crs null).
 * `conflict` says when the declaration was set aside or not understood: a problem message piece,
 * so that it is written in the reader's language.
 */
export interface CrsDetection {
  crs: Crs | null;
  how: 'prj' | 'range' | 'unknown';
  /** For people, e.g. "Belgian Lambert 72 (EPSG:31370)". */
  label: string;
  conflict?: MessagePiece;
}

const LABELS: Record<Crs, string> = {
  'EPSG:4326': 'WGS84 (EPSG:4326)',
  'EPSG:31370': 'Belgian Lambert 72 (EPSG:31370)',
  'EPSG:3812': 'Belgian Lambert 2008 (EPSG:3812)',
};

const UNKNOWN_LABEL = 'an unknown coordinate system';

// Datum names of WGS84 and ETRS89 in ESRI, OGC and WKT2 spelling, lower case.
const WGS84_DATUM = /wgs[ _]?(?:19)?84|world geodetic system 1984|etrs[ _]?(?:19)?89|european[ _]terrestrial[ _]reference[ _]system[ _]1989/;

// Where Belgium lies in each projection, with a margin of a few kilometres: Lambert 72 runs
// about 18-296 km east and 20-245 km north, Lambert 2008 the same shifted by some 500 km. The
// lower bounds keep degrees out, so that a file mixing degrees and metres is not taken for metres.
const RANGES: { crs: Crs; x: [number, number]; y: [number, number] }[] = [
  { crs: 'EPSG:4326', x: [-180, 180], y: [-90, 90] },
  { crs: 'EPSG:31370', x: [10_000, 310_000], y: [10_000, 250_000] },
  { crs: 'EPSG:3812', x: [510_000, 810_000], y: [510_000, 750_000] },
];

// EPSG codes that name one of ours, or a system the same at map scale (ETRS89, EPSG:4258, is
// within a metre of WGS84 in Belgium).
const CODES: Record<string, Crs> = {
  '4326': 'EPSG:4326',
  '4258': 'EPSG:4326',
  '31370': 'EPSG:31370',
  '3812': 'EPSG:3812',
};

/**
 * Works out the coordinate system of a file from its declaration `prj` (WKT of a .prj, or a name
 * such as "urn:ogc:def:crs:EPSG::31370") and from a `sample` of its [x, y] positions (all of them,
 * or just the corners of their bounding box). When the declaration and the coordinates clearly
 * disagree, the coordinates win and `conflict` says so.
 */
export function detectCrs(input: { prj?: string | null; sample: Iterable<[number, number]> }): CrsDetection {
  const fromRange = crsOfRange(input.sample);
  const prj = input.prj?.trim() ?? '';
  if (prj === '') return fromRange === null ? unknown() : detection(fromRange, 'range');

  const declared = crsOfDeclaration(prj);
  const name = declaredName(prj);
  if (declared === null) {
    if (fromRange === null) return { ...unknown(), conflict: { key: 'crsDeclaredUnknown', values: { name } } };
    return { ...detection(fromRange, 'range'), conflict: { key: 'crsDeclaredUnknownLooksLike', values: { name, looks: LABELS[fromRange] } } };
  }
  if (fromRange === declared) return detection(declared, 'prj');
  if (fromRange !== null) {
    return {
      ...detection(fromRange, 'range'),
      conflict: { key: 'crsDeclaredButLooks', values: { declared: LABELS[declared], looks: LABELS[fromRange] } },
    };
  }
  // Degrees out of range cannot be degrees; projected values outside Belgium may be a file
  // that reaches past the border, so a projection is believed.
  if (declared === 'EPSG:4326') {
    return { ...unknown(), conflict: { key: 'crsDeclaredNotDegrees', values: { declared: LABELS[declared] } } };
  }
  return detection(declared, 'prj');
}

function detection(crs: Crs, how: 'prj' | 'range'): CrsDetection {
  return { crs, how, label: LABELS[crs] };
}

function unknown(): CrsDetection {
  return { crs: null, how: 'unknown', label: UNKNOWN_LABEL };
}

/** The system whose range holds every position, or null (also for no positions at all). */
function crsOfRange(sample: Iterable<[number, number]>): Crs | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of sample) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX > maxX) return null;
  const range = RANGES.find(({ x, y }) => minX >= x[0] && maxX <= x[1] && minY >= y[0] && maxY <= y[1]);
  return range?.crs ?? null;
}

/** What a WKT or a CRS name declares, or null when it is none of ours. */
function crsOfDeclaration(text: string): Crs | null {
  const lower = text.toLowerCase();
  if (!text.includes('[')) {
    if (/crs:?84$/.test(lower) || lower === 'wgs84') return 'EPSG:4326';
    const code = /epsg:+(?:[\d.]*:)?(\d+)$/.exec(lower)?.[1];
    return code === undefined ? null : (CODES[code] ?? null);
  }

  // WKT: the system's own identifier is the last one, after those of its datum and units.
  const ids = [...lower.matchAll(/(?:authority|id)\[\s*"epsg"\s*,\s*"?(\d+)"?\s*\]/g)];
  const code = ids.at(-1)?.[1];
  const isProjected = /^\s*(projcs|projcrs|projectedcrs)\s*\[/.test(lower);
  if (code !== undefined && CODES[code] !== undefined && (CODES[code] !== 'EPSG:4326') === isProjected) return CODES[code];

  if (isProjected) {
    const name = /^[^"]*"([^"]*)"/.exec(lower)?.[1] ?? '';
    const falseEasting = parameter(lower, 'false_easting');
    if (/lambert[ _]?2008/.test(name) || falseEasting === 649328) return 'EPSG:3812';
    if (/lambert[ _]?(?:19)?72/.test(name) || (falseEasting !== null && Math.abs(falseEasting - 150000.013) < 0.01)) {
      return 'EPSG:31370';
    }
    return null;
  }
  if (/^\s*(geogcs|geogcrs|geodcrs|geographiccrs)\s*\[/.test(lower)) {
    // The datum's name, not the whole text: a BD72 GEOGCS carries a TOWGS84[...] too.
    const datum = /(?:datum|ensemble)\[\s*"([^"]*)"/.exec(lower)?.[1] ?? /^[^"]*"([^"]*)"/.exec(lower)?.[1] ?? '';
    return WGS84_DATUM.test(datum) ? 'EPSG:4326' : null;
  }
  return null;
}

/** The number given for a WKT PARAMETER (WKT1) or PARAMETER (WKT2 spelling with spaces). */
function parameter(lowerWkt: string, name: string): number | null {
  const pattern = new RegExp(`parameter\\[\\s*"${name.replace('_', '[ _]')}"\\s*,\\s*(-?[\\d.]+(?:e[-+]?\\d+)?)`);
  const match = pattern.exec(lowerWkt);
  return match ? Number(match[1]) : null;
}

/** A short quotable name for a declaration: the WKT's own name, or the text itself. */
function declaredName(text: string): string {
  const name = text.includes('[') ? /^[^"]*"([^"]*)"/.exec(text)?.[1] : text;
  return `"${(name ?? text).slice(0, 80)}"`;
}
