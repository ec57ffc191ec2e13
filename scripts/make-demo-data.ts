/**
 * Generates the synthetic demo city "Demostad" in data/demo/: wards, districts, indicator values,
 * the areas where CHW teams already work and the help requests the teams registered. Everything is
 * derived from one integer seed, so running it twice gives byte-identical files.
 *
 * Run: npm run make-demo-data [-- --seed 1830]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { polygonContains } from 'd3';
import { Delaunay } from 'd3-delaunay';
import { featureCollection, intersect, polygon, rewind, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { formatRequests } from '../src/io/requestsCsv';
import type { HelpRequest } from '../src/model/fieldSignals';
import { random, type Random } from '../src/model/random';

/** The seed of the committed demo data. */
export const DEMO_SEED = 1830;

/**
 * The last day of the demo's help requests, which cover the 24 calendar months up to it. Fixed, so
 * the file never depends on the day the script runs.
 */
export const DEMO_REQUESTS_UNTIL = '2026-10-31';

/** How many calendar months of help requests the demo holds, ending with DEMO_REQUESTS_UNTIL's. */
export const DEMO_REQUEST_MONTHS = 24;

/**
 * Centre of the city, [lon, lat]: the IJzer polders near Lo-Reninge and Diksmuide, flat
 * countryside with only villages, so the demo never sits on top of a real city.
 */
export const DEMO_CENTER: [number, number] = [2.8, 50.99];

export interface WardProperties {
  code: string;
  name: string;
  district: string;
}

export interface DistrictProperties {
  district: string;
}

export type AreaGeometry = Polygon | MultiPolygon;

/** One row of indicators.csv; null is an empty cell. */
export interface DemoIndicatorRow {
  code: string;
  income: number | null;
  gp_contact_share: number | null;
  gmd_share: number | null;
  gp_contacts_per_person: number | null;
  vt_share: number | null;
  population: number | null;
  vulnerable_persons: number | null;
}

/** One row of current-areas.csv. */
export interface DemoCurrentArea {
  code: string;
  name: string;
  team: string;
}

export interface DemoMeta {
  name: string;
  title: { en: string; nl: string; fr: string };
  synthetic: true;
  seed: number;
  generatedBy: string;
  wards: number;
  districts: number;
  center: [number, number];
  note: string;
  /** help-requests.csv: its rows, the requests they sum to and the first and last day covered. */
  helpRequests: { rows: number; requests: number; from: string; to: string };
}

export interface DemoData {
  wards: FeatureCollection<AreaGeometry, WardProperties>;
  districts: FeatureCollection<AreaGeometry, DistrictProperties>;
  indicators: DemoIndicatorRow[];
  currentAreas: DemoCurrentArea[];
  /** Help requests per ward and month, dated the first day of the month, in date then ward order. */
  helpRequests: HelpRequest[];
  meta: DemoMeta;
}

/** Column order of indicators.csv (after `code`). */
export const DEMO_INDICATOR_COLUMNS = [
  'income',
  'gp_contact_share',
  'gmd_share',
  'gp_contacts_per_person',
  'vt_share',
  'population',
  'vulnerable_persons',
] as const;

/** Planar point in km: x east, y north of the centre. */
type Point = [number, number];

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((DEMO_CENTER[1] * Math.PI) / 180);

const OUTLINE_RADIUS = 4.9; // km; with the x stretch the city is about 10-12 km across
const OUTLINE_STRETCH_X = 1.08;
const SEED_MARGIN = 1.4; // km of seed points beyond the outline, so edge cells are bounded by neighbours
const SEED_CANDIDATES = 40_000;
const MIN_PART_AREA = 0.02; // km²; clipped pieces smaller than this are slivers

const DISTRICT_NAMES = [
  'Centrum',
  'Noordhaven',
  'Rivierkant',
  'Oosterveld',
  'Zuidpark',
  'Les Coteaux',
  'Heide',
  'Sint-Amands',
];
const FRENCH_DISTRICT = 'Les Coteaux';

/** Deprived hot spots: the station quarter, a peripheral social-housing estate, an old mill area. */
const HOT_SPOTS: { at: Point; sigma: number; weight: number }[] = [
  { at: [0.7, -0.4], sigma: 1.0, weight: 0.6 },
  { at: [0.9, 3.7], sigma: 0.75, weight: 0.55 },
  { at: [-2.6, -2.4], sigma: 0.9, weight: 0.3 },
  { at: [-2.8, 1.6], sigma: 1.5, weight: -0.35 },
];
const ESTATE = HOT_SPOTS[1];

const TEAMS: { team: string; size: number; region: (p: Point, district: string) => boolean }[] = [
  { team: 'Team Centrum', size: 6, region: (_p, district) => district === 'Centrum' },
  { team: 'Team Noord', size: 5, region: ([, y], district) => district !== 'Centrum' && y > 1.5 },
  { team: 'Team Zuidwest', size: 4, region: ([x, y], district) => district !== 'Centrum' && x < -1 && y < -1 },
];

interface Cell {
  parts: Position[][][];
  area: number;
  centroid: Point;
  vertices: Set<string>;
  source: number;
}

/**
 * Builds the synthetic demo city from a seed. Pure: the same seed always gives deep-equal output.
 *
 * @example
 * const demo = makeDemoData(1830);
 * demo.wards.features.length; // 432
 */
export function makeDemoData(seed: number = DEMO_SEED): DemoData {
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}`);
  const rng = random(seed);
  const radiusAt = outlineRadius(rng);
  const outline = outlineRing(rng, radiusAt);
  const seeds = seedPoints(rng, radiusAt);

  const delaunay = Delaunay.from(seeds);
  const voronoi = delaunay.voronoi([-10, -10, 10, 10]);
  const outlinePolygon = polygon([outline]);
  const cells: Cell[] = [];
  const cellOf = new Map<number, number>();
  for (let i = 0; i < seeds.length; i++) {
    const ring = voronoi.cellPolygon(i) as Point[] | null;
    if (!ring) continue;
    const cell = makeCell(clipToOutline(ring, outline, outlinePolygon), i);
    if (!cell) continue;
    cellOf.set(i, cells.length);
    cells.push(cell);
  }

  const adjacency = cellAdjacency(cells, delaunay, cellOf);
  const district = assignDistricts(rng, cells, adjacency);

  // Ward order is district, then distance from the city centre, so codes read from the middle out.
  const order = cells
    .map((cell, i) => ({ i, d: district[i], r: Math.hypot(...cell.centroid), x: cell.centroid[0] }))
    .sort((a, b) => a.d - b.d || a.r - b.r || a.x - b.x)
    .map((o) => o.i);
  const rank = new Map(order.map((cellIndex, wardIndex) => [cellIndex, wardIndex]));
  const wardCells = order.map((i) => cells[i]);
  const wardDistrict = order.map((i) => district[i]);
  const wardNeighbours = order.map((i) => adjacency[i].map((j) => rank.get(j)!).sort((a, b) => a - b));

  const perDistrict = new Map<number, number>();
  const codes = wardDistrict.map((d) => {
    const n = (perDistrict.get(d) ?? 0) + 1;
    perDistrict.set(d, n);
    return n;
  });
  const width = Math.max(2, String(Math.max(...perDistrict.values())).length);
  const wardCodes = wardDistrict.map(
    (d, i) => `DEMO-${String.fromCharCode(65 + d)}${String(codes[i]).padStart(width, '0')}`,
  );
  const districtCentres = districtCentroids(wardCells, wardDistrict);
  const wardNames = nameWards(rng, wardCells, wardDistrict, districtCentres);

  const deprivation = deprivationField(seed, wardCells);
  const indicators = indicatorRows(rng, seed, wardCodes, wardCells, deprivation);
  const teams = growTeams(wardCells, wardDistrict, wardNeighbours, deprivation);
  const currentAreas = teams.map(({ ward, team }) => ({ code: wardCodes[ward], name: wardNames[ward], team }));
  // A stream of its own, so adding the requests left every file above byte for byte as it was.
  const requestRng = random(Math.imul(seed, 0x9e3779b1) ^ 0x5eed);
  const requestMonths = monthStarts(DEMO_REQUESTS_UNTIL, DEMO_REQUEST_MONTHS);
  const helpRequests = helpRequestRows(
    requestRng,
    requestMonths,
    wardCodes,
    wardNeighbours,
    deprivation,
    teams.map((t) => t.ward),
  );

  const wards = featureCollection(
    wardCells.map((cell, i) =>
      areaFeature(toGeometry(cell.parts), {
        code: wardCodes[i],
        name: wardNames[i],
        district: DISTRICT_NAMES[wardDistrict[i]],
      }),
    ),
  );
  const districts = featureCollection(
    [...perDistrict.keys()]
      .sort((a, b) => a - b)
      .map((d) => {
        const members = wards.features.filter((_, i) => wardDistrict[i] === d);
        const merged = members.length === 1 ? members[0] : union(featureCollection(members));
        if (!merged) throw new Error(`invalid district: ${DISTRICT_NAMES[d]}`);
        return areaFeature(roundGeometry(merged.geometry), { district: DISTRICT_NAMES[d] });
      }),
  );

  return {
    wards,
    districts,
    indicators,
    currentAreas,
    helpRequests,
    meta: {
      name: 'Synthetic demo city (Demostad)',
      // What the header shows in each language; `name` stays the key saved scenarios and matches are filed under.
      title: { en: 'Synthetic demo city (Demostad)', nl: 'Synthetische demostad (Demostad)', fr: 'Ville de démonstration synthétique (Demostad)' },
      synthetic: true,
      seed,
      generatedBy: 'scripts/make-demo-data.ts',
      wards: wards.features.length,
      districts: districts.features.length,
      center: DEMO_CENTER,
      note: 'Synthetic demo data: not real Belgian statistics.',
      helpRequests: {
        rows: helpRequests.length,
        requests: helpRequests.reduce((sum, r) => sum + r.count, 0),
        from: requestMonths[0],
        to: DEMO_REQUESTS_UNTIL,
      },
    },
  };
}

/** The files of data/demo as text, keyed by file name, exactly as the script writes them. */
export function serialiseDemoData(data: DemoData): Record<string, string> {
  const header = ['code', ...DEMO_INDICATOR_COLUMNS];
  const decimals: Record<string, number> = {
    income: 0,
    gp_contact_share: 1,
    gmd_share: 1,
    gp_contacts_per_person: 2,
    vt_share: 1,
    population: 0,
    vulnerable_persons: 0,
  };
  const indicatorLines = data.indicators.map((row) =>
    [
      csvField(row.code),
      ...DEMO_INDICATOR_COLUMNS.map((id) => {
        const value = row[id];
        return value === null ? '' : value.toFixed(decimals[id]);
      }),
    ].join(','),
  );
  const areaLines = data.currentAreas.map((a) => [a.code, a.name, a.team].map(csvField).join(','));
  return {
    'wards.geojson': geojsonText(data.wards),
    'districts.geojson': geojsonText(data.districts),
    'indicators.csv': [header.join(','), ...indicatorLines].join('\n') + '\n',
    'current-areas.csv': ['code,name,team', ...areaLines].join('\n') + '\n',
    // Written by the app's own formatter, so the app's import reads it back unchanged.
    'help-requests.csv': formatRequests(data.helpRequests, 'csv'),
    'meta.json': JSON.stringify(data.meta, null, 2) + '\n',
  };
}

function geojsonText(collection: FeatureCollection): string {
  const lines = collection.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function areaFeature<P>(geometry: AreaGeometry, properties: P): Feature<AreaGeometry, P> {
  // turf.rewind makes outer rings counter-clockwise and holes clockwise, as RFC 7946 asks.
  const wound = rewind(geometry) as AreaGeometry;
  return { type: 'Feature', properties, geometry: wound };
}

function toGeometry(parts: Position[][][]): AreaGeometry {
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0] }
    : { type: 'MultiPolygon', coordinates: parts };
}

function roundGeometry(geometry: AreaGeometry): AreaGeometry {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rounded = parts
    .map((rings) => rings.map(roundRing).filter((ring): ring is Position[] => ring !== null))
    .filter((rings) => rings.length > 0);
  return toGeometry(rounded);
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** Rounds a lon/lat ring to 5 decimals and drops the repeated points rounding can create. */
function roundRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [round5(x), round5(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  return out;
}

function toLonLat([x, y]: Position): Position {
  return [DEMO_CENTER[0] + x / KM_PER_DEG_LON, DEMO_CENTER[1] + y / KM_PER_DEG_LAT];
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}

function ringCentroid(ring: Position[]): Point {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    a += cross;
    cx += (ring[i][0] + ring[i + 1][0]) * cross;
    cy += (ring[i][1] + ring[i + 1][1]) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * The part of a Voronoi cell inside the city. Only cells that cross the outline go through
 * turf.intersect: the exact clipper is slow, and most cells lie wholly inside or outside.
 */
function clipToOutline(ring: Point[], outline: Point[], outlinePolygon: Feature<Polygon>): AreaGeometry | null {
  if (!crossesRing(ring, outline)) {
    return polygonContains(outline, ring[0]) ? { type: 'Polygon', coordinates: [ring] } : null;
  }
  return intersect(featureCollection([polygon([ring]), outlinePolygon]))?.geometry ?? null;
}

function orientation(a: Point, b: Point, c: Point): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

/** Whether any edge of one closed ring touches or crosses an edge of the other. */
function crossesRing(a: Point[], b: Point[]): boolean {
  for (let i = 0; i < a.length - 1; i++) {
    const [p, q] = [a[i], a[i + 1]];
    for (let j = 0; j < b.length - 1; j++) {
      const [r, s] = [b[j], b[j + 1]];
      if (Math.max(p[0], q[0]) < Math.min(r[0], s[0]) || Math.max(r[0], s[0]) < Math.min(p[0], q[0])) continue;
      if (Math.max(p[1], q[1]) < Math.min(r[1], s[1]) || Math.max(r[1], s[1]) < Math.min(p[1], q[1])) continue;
      // Collinear touching counts as crossing too, which only sends a cell to the exact clipper.
      if (orientation(p, q, r) * orientation(p, q, s) <= 0 && orientation(r, s, p) * orientation(r, s, q) <= 0) return true;
    }
  }
  return false;
}

/** Turns a clipped Voronoi cell (km) into a ward: slivers dropped, projected, rounded. */
function makeCell(geometry: AreaGeometry | null, source: number): Cell | null {
  if (!geometry) return null;
  const planarParts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = planarParts
    .map((rings) => ({ rings, area: Math.abs(ringArea(rings[0])) }))
    .filter((p) => p.area >= MIN_PART_AREA)
    .sort((a, b) => b.area - a.area);
  if (kept.length === 0) return null;
  const parts: Position[][][] = [];
  for (const { rings } of kept) {
    const projected = rings.map((ring) => roundRing(ring.map(toLonLat)));
    if (projected[0] === null) continue;
    parts.push(projected.filter((r): r is Position[] => r !== null));
  }
  if (parts.length === 0) return null;
  const vertices = new Set<string>();
  for (const rings of parts) for (const ring of rings) for (const [x, y] of ring) vertices.add(`${x},${y}`);
  return {
    parts,
    area: kept.reduce((sum, p) => sum + p.area, 0),
    centroid: ringCentroid(kept[0].rings[0]),
    vertices,
    source,
  };
}

/**
 * Wards are neighbours when they share a border. Voronoi neighbours share the exact vertices
 * of their common edge, so "Delaunay neighbours with two common rounded vertices" finds shared
 * borders and never counts wards that only touch at a corner.
 */
function cellAdjacency(cells: Cell[], delaunay: Delaunay<Point>, cellOf: Map<number, number>): number[][] {
  return cells.map((cell, i) => {
    const out: number[] = [];
    for (const n of delaunay.neighbors(cell.source)) {
      const j = cellOf.get(n);
      if (j === undefined || j === i) continue;
      let shared = 0;
      for (const v of cells[j].vertices) if (cell.vertices.has(v)) shared++;
      if (shared >= 2) out.push(j);
    }
    return out.sort((a, b) => a - b);
  });
}

/** A smooth random radius per direction: a sum of low harmonics gives lobes and bays, not spikes. */
function outlineRadius(rng: Random): (angle: number) => number {
  const harmonics = [2, 3, 4, 5, 6, 7, 8, 9].map((k) => ({
    k,
    amp: (0.15 / Math.pow(k, 0.6)) * (0.4 + rng()),
    phase: rng() * 2 * Math.PI,
  }));
  return (angle) => OUTLINE_RADIUS * (1 + harmonics.reduce((s, h) => s + h.amp * Math.cos(h.k * angle + h.phase), 0));
}

/** The city outline: star-shaped around the centre, so it is always a simple polygon. */
function outlineRing(rng: Random, radiusAt: (angle: number) => number): Point[] {
  const n = 160;
  const ring: Point[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radiusAt(angle) * (1 + 0.025 * (rng() - 0.5));
    ring.push([OUTLINE_STRETCH_X * r * Math.cos(angle), r * Math.sin(angle)]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** How far a point is inside (negative: outside) the outline, along its ray from the centre. */
function insideBy([x, y]: Point, radiusAt: (angle: number) => number): number {
  const u = x / OUTLINE_STRETCH_X;
  return radiusAt(Math.atan2(y, u)) - Math.hypot(u, y);
}

/**
 * Dart throwing with a spacing that grows with distance from the centre: a Poisson-disc-like
 * pattern (no clumps, no grid) that is dense in the old town and sparse at the edge, like real
 * statistical sectors.
 */
function seedPoints(rng: Random, radiusAt: (angle: number) => number): Point[] {
  const spacing = (p: Point) => 0.12 + 0.08 * Math.hypot(...p);
  const points: Point[] = [];
  const extent = OUTLINE_STRETCH_X * OUTLINE_RADIUS * 1.5 + SEED_MARGIN;
  for (let c = 0; c < SEED_CANDIDATES; c++) {
    const p: Point = [(rng() * 2 - 1) * extent, (rng() * 2 - 1) * extent];
    if (insideBy(p, radiusAt) < -SEED_MARGIN) continue;
    const s = spacing(p);
    let free = true;
    for (const q of points) {
      if (Math.abs(q[0] - p[0]) < s && Math.abs(q[1] - p[1]) < s && Math.hypot(q[0] - p[0], q[1] - p[1]) < s) {
        free = false;
        break;
      }
    }
    if (free) points.push(p);
  }
  return points;
}

/**
 * Districts are the wards nearest to one of eight district centres (one in the middle, seven
 * around it), then repaired so that each district is one connected piece.
 */
function assignDistricts(rng: Random, cells: Cell[], adjacency: number[][]): number[] {
  const ring = DISTRICT_NAMES.length - 1;
  const centres: Point[] = [[0, 0]];
  for (let k = 0; k < ring; k++) {
    // Clockwise from north, so the district letters B, C, ... go round like a clock.
    const angle = Math.PI / 2 - (2 * Math.PI * k) / ring + (rng() - 0.5) * 0.35;
    const r = 2.5 * (0.9 + 0.2 * rng());
    centres.push([OUTLINE_STRETCH_X * r * Math.cos(angle), r * Math.sin(angle)]);
  }
  const district = cells.map((cell) => {
    let best = 0;
    let bestDistance = Infinity;
    centres.forEach((c, d) => {
      const distance = Math.hypot(cell.centroid[0] - c[0], cell.centroid[1] - c[1]);
      if (distance < bestDistance) [best, bestDistance] = [d, distance];
    });
    return best;
  });
  makeContiguous(district, adjacency);
  return district;
}

/** Moves every detached piece of a district to the neighbouring district it borders most. */
function makeContiguous(district: number[], adjacency: number[][]): void {
  for (let pass = 0; pass < 20; pass++) {
    let moved = false;
    const seen = new Array<boolean>(district.length).fill(false);
    const pieces = new Map<number, number[][]>();
    for (let i = 0; i < district.length; i++) {
      if (seen[i]) continue;
      const piece = [i];
      seen[i] = true;
      for (let k = 0; k < piece.length; k++) {
        for (const j of adjacency[piece[k]]) {
          if (!seen[j] && district[j] === district[i]) {
            seen[j] = true;
            piece.push(j);
          }
        }
      }
      pieces.set(district[i], [...(pieces.get(district[i]) ?? []), piece]);
    }
    for (const list of pieces.values()) {
      if (list.length < 2) continue;
      const largest = list.reduce((a, b) => (b.length > a.length ? b : a));
      for (const piece of list) {
        if (piece === largest) continue;
        const votes = new Map<number, number>();
        for (const i of piece) {
          for (const j of adjacency[i]) {
            if (district[j] !== district[i]) votes.set(district[j], (votes.get(district[j]) ?? 0) + 1);
          }
        }
        if (votes.size === 0) continue;
        const target = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
        for (const i of piece) district[i] = target;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

function districtCentroids(cells: Cell[], district: number[]): Map<number, Point> {
  const sums = new Map<number, [number, number, number]>();
  cells.forEach((cell, i) => {
    const s = sums.get(district[i]) ?? [0, 0, 0];
    sums.set(district[i], [s[0] + cell.centroid[0], s[1] + cell.centroid[1], s[2] + 1]);
  });
  return new Map([...sums].map(([d, [x, y, n]]) => [d, [x / n, y / n] as Point]));
}

const DUTCH_HEADS = [
  'Kerk', 'Molen', 'Beek', 'Linde', 'Eiken', 'Berken', 'Heide', 'Brug', 'Vijver', 'Kouter',
  'Hoog', 'Zand', 'Schans', 'Hof', 'Meers', 'Bos', 'Kasteel', 'Water', 'Vlas', 'Rozen',
  'Klooster', 'Wilgen', 'Dries', 'Broek', 'Kapel', 'Hazel', 'Haver', 'Vos', 'Spoor', 'Oever',
  'Poel', 'Veer', 'Zwanen', 'Kersen', 'Appel', 'Hulst', 'Blekers', 'Elzen', 'Vlier', 'Leeuwerik',
];
const DUTCH_TAILS = [
  'wijk', 'veld', 'hoek', 'dries', 'kouter', 'akker', 'hof', 'meers', 'dam', 'berg',
  'laan', 'park', 'hage', 'gaard', 'donk', 'kant', 'weide', 'wegel',
];
const DUTCH_WHOLE = [
  'Sint-Jan', 'Sint-Pieter', 'Sint-Anna', 'Sint-Jozef', 'Sint-Elooi', 'Ter Hulst', 'Ter Beke',
  'Het Laar', 'Het Gavertje', 'De Kluis', 'De Warande', 'Den Akker', 'Ten Bos', 'Stationsbuurt',
  'Oude Vaart', 'Nieuwe Dreef', 'Papenhoek', 'Blauwe Poort',
];
const FRENCH_HEADS = ['Clos', 'Champ', 'Bois', 'Val', 'Pré', 'Chemin', 'Ferme', 'Mont', 'Moulin'];
const FRENCH_TAILS = [
  'des Saules', 'du Moulin', 'des Dames', 'du Bosquet', 'des Tilleuls', 'Saint-Pierre',
  'des Peupliers', 'de la Source', 'du Vivier', 'des Marais', 'des Sorbiers', "de l'Église",
  'des Alouettes', 'du Chêne',
];
const FRENCH_WHOLE = [
  'Les Prés', 'Le Moulin', 'La Cense', 'Le Bosquet', 'La Chapelle', 'Les Tilleuls', 'Le Vivier',
  'Les Marais', 'Le Pont Rouge', 'La Hêtraie', 'Les Sorbiers', 'Le Hameau',
];

function pick<T>(rng: Random, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function dutchName(rng: Random): string {
  if (rng() < 0.12) return pick(rng, DUTCH_WHOLE);
  for (;;) {
    const head = pick(rng, DUTCH_HEADS);
    const tail = pick(rng, DUTCH_TAILS);
    if (!head.toLowerCase().endsWith(tail)) return head + tail;
  }
}

function frenchName(rng: Random): string {
  if (rng() < 0.3) return pick(rng, FRENCH_WHOLE);
  for (;;) {
    const head = pick(rng, FRENCH_HEADS);
    const tail = pick(rng, FRENCH_TAILS);
    if (!tail.toLowerCase().includes(head.toLowerCase())) return `${head} ${tail}`;
  }
}

/** The compass side of a ward within its district, for names like "Molenveld Noord". */
function side(p: Point, centre: Point, french: boolean): string {
  const dx = p[0] - centre[0];
  const dy = p[1] - centre[1];
  const [dutch, fr] =
    Math.abs(dy) > Math.abs(dx)
      ? dy > 0 ? ['Noord', 'Nord'] : ['Zuid', 'Sud']
      : dx > 0 ? ['Oost', 'Est'] : ['West', 'Ouest'];
  return french ? fr : dutch;
}

/** Unique, plausible neighbourhood names: Dutch in Flanders, French in the one francophone district. */
function nameWards(rng: Random, cells: Cell[], district: number[], centres: Map<number, Point>): string[] {
  const used = new Set<string>();
  return cells.map((cell, i) => {
    const french = DISTRICT_NAMES[district[i]] === FRENCH_DISTRICT;
    const reserved = (name: string) => used.has(name) || DISTRICT_NAMES.includes(name);
    let name = french ? frenchName(rng) : dutchName(rng);
    for (let tries = 0; reserved(name) && tries < 20; tries++) name = french ? frenchName(rng) : dutchName(rng);
    if (reserved(name) || rng() < 0.12) name = `${name} ${side(cell.centroid, centres.get(district[i])!, french)}`;
    const base = name;
    for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
    used.add(name);
    return name;
  });
}

/** Integer hash of a lattice point, so noise values do not depend on the order they are asked for. */
function latticeValue(i: number, j: number, seed: number): number {
  let h = Math.imul(i, 374761393) ^ Math.imul(j, 668265263) ^ Math.imul(seed, 1274126177);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** 2-D value noise in [0, 1], smooth at scale 1. */
function valueNoise(x: number, y: number, seed: number): number {
  const i = Math.floor(x);
  const j = Math.floor(y);
  const fade = (t: number) => t * t * t * (t * (t * 6 - 15) + 10);
  const u = fade(x - i);
  const v = fade(y - j);
  const a = latticeValue(i, j, seed);
  const b = latticeValue(i + 1, j, seed);
  const c = latticeValue(i, j + 1, seed);
  const d = latticeValue(i + 1, j + 1, seed);
  return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
}

/** Fractal noise: three octaves of value noise, in [0, 1]. */
function fbm(x: number, y: number, seed: number): number {
  let sum = 0;
  let norm = 0;
  for (let o = 0, amp = 1, freq = 1; o < 3; o++, amp /= 2, freq *= 2) {
    sum += amp * valueNoise(x * freq, y * freq, seed + o * 7919);
    norm += amp;
  }
  return sum / norm;
}

function gauss([x, y]: Point, at: Point, sigma: number): number {
  return Math.exp(-((x - at[0]) ** 2 + (y - at[1]) ** 2) / (2 * sigma * sigma));
}

/**
 * The latent deprivation d in [0, 1] per ward: smooth noise plus hot spots, rescaled so the
 * most deprived ward is 1. Every indicator is a noisy function of d, which is what makes them
 * correlated with each other and in space.
 */
function deprivationField(seed: number, cells: Cell[]): number[] {
  const raw = cells.map(({ centroid: p }) => {
    const noise = fbm(p[0] / 3.2 + 100, p[1] / 3.2 + 100, seed);
    return 0.6 * noise + HOT_SPOTS.reduce((s, h) => s + h.weight * gauss(p, h.at, h.sigma), 0);
  });
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  return raw.map((r) => (r - min) / (max - min));
}

function normal(rng: Random): number {
  // Box-Muller; 1 - rng() keeps the logarithm away from 0.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function indicatorRows(rng: Random, seed: number, codes: string[], cells: Cell[], deprivation: number[]): DemoIndicatorRow[] {
  const rows: DemoIndicatorRow[] = cells.map((cell, i) => {
    const d = clamp(deprivation[i] + 0.05 * normal(rng), 0, 1);
    // GP use follows deprivation only in part: a second noise field stands for local GP supply.
    const supply = fbm(cell.centroid[0] / 2.5 - 50, cell.centroid[1] / 2.5 - 50, seed + 1);
    const h = clamp(0.65 * d + 0.35 * supply + 0.06 * normal(rng), 0, 1);
    const r = Math.hypot(...cell.centroid);
    const density = 1800 + 17000 * Math.exp(-r / 1.6) + 9000 * gauss(cell.centroid, ESTATE.at, ESTATE.sigma);
    // tanh saturates smoothly, so the 150-3500 bounds hold without piling wards up on them.
    const people = cell.area * density * Math.exp(0.2 * normal(rng));
    const population = Math.round(150 + 3350 * Math.tanh(people / 3350));
    const vt = roundTo(clamp(5 + 44 * Math.pow(d, 1.3) + 2.5 * normal(rng), 4, 55), 1);
    return {
      code: codes[i],
      income: Math.round(clamp(52000 - 29000 * Math.pow(d, 0.9) + 2200 * normal(rng), 18000, 55000)),
      gp_contact_share: roundTo(clamp(90 - 20 * h + 2.6 * normal(rng), 65, 92), 1),
      gmd_share: roundTo(clamp(87 - 36 * h + 5 * normal(rng), 45, 90), 1),
      gp_contacts_per_person: roundTo(clamp(7.3 - 3.6 * h + 0.5 * normal(rng), 3, 8), 2),
      vt_share: vt,
      population,
      vulnerable_persons: Math.round((vt * population) / 100),
    };
  });

  // A few empty cells on purpose, so the app's handling of missing data is always exercised.
  const gpColumns = ['gp_contact_share', 'gmd_share', 'gp_contacts_per_person'] as const;
  const gpMissing = Math.round(0.015 * gpColumns.length * rows.length);
  for (let k = 0; k < gpMissing; ) {
    const row = rows[Math.floor(rng() * rows.length)];
    const column = pick(rng, gpColumns);
    if (row[column] === null) continue;
    row[column] = null;
    k++;
  }
  for (let k = 0; k < 2; k++) rows[Math.floor(rng() * rows.length)].income = null;
  const noVt = rows[Math.floor(rng() * rows.length)];
  noVt.vt_share = null;
  noVt.vulnerable_persons = null;
  return rows;
}

/**
 * Existing CHW areas: each team starts at the neediest ward of its region and grows greedily
 * into the neediest bordering ward, staying one ward away from the other teams.
 */
function growTeams(
  cells: Cell[],
  district: number[],
  neighbours: number[][],
  deprivation: number[],
): { ward: number; team: string }[] {
  const owner = new Map<number, string>();
  const out: { ward: number; team: string }[] = [];
  const blocked = (i: number, team: string) =>
    owner.has(i) || neighbours[i].some((j) => owner.has(j) && owner.get(j) !== team);
  for (const { team, size, region } of TEAMS) {
    const candidates = cells
      .map((_cell, i) => i)
      .filter((i) => region(cells[i].centroid, DISTRICT_NAMES[district[i]]) && !blocked(i, team));
    if (candidates.length === 0) continue;
    const start = candidates.reduce((a, b) => (deprivation[b] > deprivation[a] ? b : a));
    const members = [start];
    owner.set(start, team);
    while (members.length < size) {
      const frontier = [...new Set(members.flatMap((i) => neighbours[i]))].filter(
        (j) => region(cells[j].centroid, DISTRICT_NAMES[district[j]]) && !blocked(j, team),
      );
      if (frontier.length === 0) break;
      const next = frontier.reduce((a, b) => (deprivation[b] > deprivation[a] ? b : a));
      members.push(next);
      owner.set(next, team);
    }
    for (const ward of members.sort((a, b) => a - b)) out.push({ ward, team });
  }
  return out;
}

/** The first days (yyyy-mm-dd) of the `count` calendar months that end with the month of `until`, oldest first. */
function monthStarts(until: string, count: number): string[] {
  const [year, month] = until.split('-').map(Number);
  return Array.from({ length: count }, (_, k) => {
    const m = year * 12 + (month - 1) - (count - 1 - k);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  });
}

/**
 * A count with the given mean that comes in bunches (a family, a building, one referral for several
 * people): Poisson with a gamma(1) mean, which is the geometric distribution, drawn by inversion.
 */
function bunchedCount(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  return Math.floor(Math.log(1 - rng()) / Math.log(mean / (1 + mean)));
}

/** Hops along shared borders from each ward to the nearest of `sources`; Infinity when unreachable. */
function hopsFrom(sources: number[], neighbours: number[][]): number[] {
  const hops = neighbours.map(() => Infinity);
  const queue = [...sources];
  for (const i of sources) hops[i] = 0;
  for (let k = 0; k < queue.length; k++) {
    for (const j of neighbours[queue[k]]) {
      if (hops[j] === Infinity) {
        hops[j] = hops[queue[k]] + 1;
        queue.push(j);
      }
    }
  }
  return hops;
}

/**
 * Help requests as a coordinator team registers them: one row per ward and month (dated its first
 * day) with at least one request. The expected number per ward mixes three sources, so that need
 * and requests agree only in part, as in the field:
 * - teams generate requests where they work and next door (outreach), fading with each ward crossed;
 * - need alone brings a few requests, so high-need wards far from the teams ask rarely (unmet need)
 *   and most low-need wards never do;
 * - a hospital and a social-service office in two low-need wards away from the teams send requests
 *   from there and next door ("look closer").
 * Later months weigh more, since the teams are growing.
 */
function helpRequestRows(
  rng: Random,
  months: string[],
  codes: string[],
  neighbours: number[][],
  deprivation: number[],
  teamWards: number[],
): HelpRequest[] {
  const hops = hopsFrom(teamWards, neighbours);
  const calm = codes
    .map((_code, i) => i)
    .filter((i) => deprivation[i] < 0.3 && hops[i] >= 3)
    .sort((a, b) => a - b);
  const services: number[] = [];
  while (services.length < 2 && calm.length > 0) {
    const [at] = calm.splice(Math.floor(rng() * calm.length), 1);
    if (services.every((s) => s !== at && !neighbours[s].includes(at))) services.push(at);
  }
  const serviceHops = hopsFrom(services, neighbours);

  const expected = codes.map((_code, i) => {
    const d = deprivation[i];
    const outreach = 55 * (0.35 + d) * Math.exp(-hops[i] / 0.45);
    // Zero below d = 0.28 and flat above 0.58: a few requests each, spread over many wards.
    const need = 1.6 * clamp((d - 0.28) / 0.3, 0, 1) ** 1.5;
    const service = serviceHops[i] === 0 ? 14 : serviceHops[i] === 1 ? 2.5 : 0;
    // Ward-level noise: a school, an active neighbourhood worker, a GP who refers or does not.
    return (outreach + need + service) * Math.exp(0.35 * normal(rng));
  });

  const growth = months.map((_m, k) => 0.75 + (0.5 * k) / (months.length - 1));
  const growthSum = growth.reduce((s, g) => s + g, 0);
  const rows: HelpRequest[] = [];
  months.forEach((date, k) => {
    codes.forEach((code, i) => {
      const count = bunchedCount(rng, (expected[i] * growth[k]) / growthSum);
      if (count > 0) rows.push({ code, count, date });
    });
  });
  return rows;
}

function main(): void {
  const flag = process.argv.indexOf('--seed');
  const seed = flag >= 0 ? Number(process.argv[flag + 1]) : DEMO_SEED;
  const data = makeDemoData(seed);
  const dir = fileURLToPath(new URL('../data/demo/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(serialiseDemoData(data))) {
    writeFileSync(dir + name, text);
    console.log(`${name.padEnd(18)} ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }
  const { rows, requests } = data.meta.helpRequests;
  console.log(`seed ${seed}: ${data.meta.wards} wards in ${data.meta.districts} districts`);
  console.log(`help requests: ${requests} in ${rows} rows (ward × month)`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
