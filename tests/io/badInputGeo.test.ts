import { booleanClockwise } from '@turf/turf';
import { zipSync } from 'fflate';
import type { Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type Boundaries } from '../../src/io/parseBoundaries';
import { parseShapefile } from '../../src/io/parseShapefile';
import { parseXlsx, type WorkbookTable } from '../../src/io/parseXlsx';
import { problemFrom, type Loaded, type Severity } from '../../src/io/problem';
import { rookAndQueen } from '../../src/model/adjacency';
import { centroids } from '../../src/model/centroids';
import { createDataset } from '../../src/model/createDataset';
import { dissolve } from '../../src/model/dissolve';
import { shapefile, xlsx } from './fixtureFiles';
import { sharedData, type SharedFile } from './sharedData';

// Every way a coordinator's boundary file or workbook can be wrong that we know of, one row each:
// what the loader says (severity, exact message, feature or row) and what it keeps. The same rows
// make the table in docs/bad-input-geo.md.

/** One bad input: how to read it, what must be said, and what must be kept. */
interface Case {
  name: string;
  file: string;
  read: () => Loaded<unknown> | Promise<Loaded<unknown>>;
  problems: { severity: Severity; message: string | RegExp; row?: number | null }[];
  /** The ward codes of the features kept (or their number), or the sheet, columns and rows of a table; null when refused. */
  kept: unknown;
  /** Further checks on what was read. */
  also?: (data: unknown) => void;
  shared?: SharedFile;
}

const OPEN_AS = '; open the ward boundaries as GeoJSON, TopoJSON or a zipped shapefile';

/** A square ward near Brussels, `i` squares east of the first, outer ring counterclockwise. */
function square(i: number, size = 0.01): number[][][] {
  const [x, y] = [4.35 + i * size, 50.84];
  return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
}

function feature(geometry: unknown, code: string | null) {
  return { type: 'Feature', geometry, properties: code === null ? null : { code } };
}

function polygon(i: number, code: string) {
  return feature({ type: 'Polygon', coordinates: square(i) }, code);
}

/** The wards the app makes from boundaries whose code property is "code". */
function datasetOf(features: Boundaries['features']) {
  return createDataset({ name: 'wards', features, fields: { key: 'code', name: null, district: null }, tables: [], catalogue: [] });
}

function collection(features: unknown[], extra: object = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features });
}

// A 1 km square in central Brussels in Lambert 72 metres.
const LAMBERT_72 = [[[149_000, 170_000], [150_000, 170_000], [150_000, 171_000], [149_000, 171_000], [149_000, 170_000]]];

const ascii = (text: string) => new TextEncoder().encode(text);
const L72_PRJ =
  'PROJCS["Belge_Lambert_1972",GEOGCS["GCS_Belge_1972",DATUM["D_Belge_1972",SPHEROID["International_1924",6378388.0,297.0]]],' +
  'PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",150000.013],PARAMETER["False_Northing",5400088.438],UNIT["Meter",1.0]]';
const WARDS = shapefile(['Noord', 'Zuid'], ascii, [150_000, 170_000], 1000);

function shapefileZip(name: string, parts: Record<string, Uint8Array>): { name: string; bytes: Uint8Array } {
  return { name, bytes: zipSync(Object.fromEntries(Object.entries(parts).map(([ext, bytes]) => [`wijken.${ext}`, bytes]))) };
}

// Square 0's corners in the order 1, 3, 2, 4: a bow tie crossing itself at its middle, sharing its
// right edge with square 1.
const BOW_TIE = [0, 2, 1, 3, 0].map((k) => square(0)[0][k]);

const TOPOLOGY = JSON.stringify({
  type: 'Topology',
  arcs: [square(0)[0], square(1)[0], square(2)[0]],
  objects: {
    stad: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[2]], properties: { code: 'STAD' } }] },
    wijken: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], properties: { code: 'A' } },
        { type: 'Polygon', arcs: [[1]], properties: { code: 'B' } },
      ],
    },
    labels: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4.36, 50.85] }] },
  },
});

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function oleContainer(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(OLE);
  streams.forEach((name, i) => bytes.set([...name].flatMap((c) => [c.charCodeAt(0), 0]), 1024 + 128 * i));
  return bytes;
}

const DATA_SHEET = { name: 'Data', rows: [['code', 'inkomen'], ['11001', 21000], ['11002', 19500]] };
const TABLE = { sheet: 'Data', columns: ['code', 'inkomen'], rows: [['11001', '21000'], ['11002', '19500']] };

const gemeente = sharedData('lambert72-shapefile/gemeente.shp');
const income = sharedData('statbel-raw/TF_PSNL_INC_TAX_MUNTY.xlsx');

const CASES: Case[] = [
  {
    name: 'parseBoundaries(truncated GeoJSON) says where the file stops and keeps nothing',
    file: 'wijken.geojson',
    read: () => parseBoundaries(JSON.stringify(JSON.parse(collection([polygon(0, 'A')])), null, 2).slice(0, 150), 'wijken.geojson'),
    problems: [
      {
        severity: 'error',
        message:
          'invalid JSON: the file stops inside an object at line 8, column 22 (character 149): it looks cut off; download or export it again',
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(JSON array) says it found an array and what its items hold',
    file: 'catalogue.geojson',
    read: () => parseBoundaries(JSON.stringify([{ id: 'income', label: 'Inkomen' }, { id: 'vt_share' }]), 'catalogue.geojson'),
    problems: [
      {
        severity: 'error',
        message: `not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found a JSON array of 2 items, the first with members "id", "label"${OPEN_AS}`,
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(scenario file) recognises saved scenarios and says where to open them',
    file: 'scenarios.json',
    read: () => parseBoundaries(JSON.stringify({ format: 'chw-planner-scenarios', version: 1, scenarios: [] }), 'scenarios.json'),
    problems: [
      {
        severity: 'error',
        message:
          'not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found a file of saved scenarios: ' +
          'open it with "Import scenarios" in the Scenarios panel',
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(dataset manifest) recognises dataset.json and asks for the whole folder',
    file: 'dataset.json',
    read: () => parseBoundaries(JSON.stringify({ format: 'chw-planner-dataset', version: 1, name: 'Gent' }), 'dataset.json'),
    problems: [
      {
        severity: 'error',
        message:
          "not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found a prepared dataset's manifest (dataset.json): " +
          'select it together with all the other files of its folder',
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(other JSON object) lists its members',
    file: 'export.json',
    read: () => parseBoundaries(JSON.stringify({ wards: [], year: 2021, source: 'x', author: 'y', notes: '' }), 'export.json'),
    problems: [
      {
        severity: 'error',
        message: `not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found an object with members "wards", "year", "source", "author", … (5 in all) and no "type"${OPEN_AS}`,
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(bare Polygon geometry) refuses it: no properties to hold a ward code',
    file: 'shape.geojson',
    read: () => parseBoundaries(JSON.stringify({ type: 'Polygon', coordinates: square(0) }), 'shape.geojson'),
    problems: [
      {
        severity: 'error',
        message:
          'not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found a bare Polygon geometry, ' +
          'without features or properties to hold ward codes: export the wards as a FeatureCollection',
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(single Feature) reads it as one ward, with a note',
    file: 'wijk.geojson',
    read: () => parseBoundaries(JSON.stringify(polygon(0, 'A')), 'wijk.geojson'),
    problems: [{ severity: 'info', message: 'the file is a single Feature, not a FeatureCollection: read as one ward' }],
    kept: ['A'],
  },
  {
    name: 'parseBoundaries(points and lines only) refuses the file: wards must be polygons',
    file: 'punten.geojson',
    read: () =>
      parseBoundaries(
        collection([
          feature({ type: 'Point', coordinates: [4.35, 50.84] }, 'A'),
          feature({ type: 'Point', coordinates: [4.36, 50.84] }, 'B'),
          feature({ type: 'LineString', coordinates: [[4.35, 50.84], [4.36, 50.85]] }, 'C'),
        ]),
        'punten.geojson',
      ),
    problems: [
      {
        severity: 'error',
        message:
          'no polygons among the 3 features (2 Point, 1 LineString): ward boundaries must be Polygon or MultiPolygon areas; ' +
          'load the boundary polygons, not points or lines',
      },
    ],
    kept: null,
  },
  {
    name: 'parseBoundaries(polygons mixed with points) keeps the polygons and counts the rest',
    file: 'gemengd.geojson',
    read: () =>
      parseBoundaries(
        collection([
          polygon(0, 'A'),
          feature({ type: 'Point', coordinates: [4.36, 50.84] }, 'P1'),
          polygon(1, 'B'),
          feature({ type: 'MultiPoint', coordinates: [[4.36, 50.84]] }, 'P2'),
          feature({ type: 'Point', coordinates: [4.37, 50.84] }, 'P3'),
        ]),
        'gemengd.geojson',
      ),
    problems: [
      {
        severity: 'warning',
        message:
          '3 features are not a polygon and were dropped (2 Point, 1 MultiPoint; features 2, 4, 5): wards are Polygon or MultiPolygon features',
      },
    ],
    kept: ['A', 'B'],
  },
  {
    name: 'parseBoundaries(self-intersecting polygon) keeps and warns; centroids, neighbours and team outlines still work',
    file: 'strik.geojson',
    read: () =>
      parseBoundaries(
        collection([
          feature({ type: 'Polygon', coordinates: [BOW_TIE] }, 'A'),
          polygon(1, 'B'),
        ]),
        'strik.geojson',
      ),
    problems: [
      {
        severity: 'warning',
        row: 1,
        message:
          '1 feature has a boundary that crosses itself (feature 1): kept and drawn, but area, centroid and neighbours may be off; ' +
          'fix them in QGIS (Vector > Geometry Tools > Fix Geometries) if that matters',
      },
    ],
    kept: ['A', 'B'],
    also: (data) => {
      const dataset = datasetOf((data as Boundaries).features);
      for (const c of centroids(dataset.geometry, 2)) expect(c?.every(Number.isFinite)).toBe(true);
      expect(rookAndQueen(dataset.geometry, 2).rook).toEqual([[1], [0]]);
      expect(dissolve(dataset.geometry.features, [{ name: 'Team 1', ids: [0, 1] }]).features).toHaveLength(1);
    },
  },
  {
    name: 'parseBoundaries(clockwise rings) rewinds them to RFC 7946 order without a word',
    file: 'wijzers.geojson',
    read: () => parseBoundaries(collection([feature({ type: 'Polygon', coordinates: [square(0)[0].slice().reverse()] }, 'A')]), 'wijzers.geojson'),
    problems: [],
    kept: ['A'],
    also: (data) => expect(booleanClockwise(((data as Boundaries).features[0].geometry as Polygon).coordinates[0])).toBe(false),
  },
  {
    name: 'parseBoundaries(null geometry) keeps the feature as a ward that is not drawn',
    file: 'sectoren.geojson',
    read: () => parseBoundaries(collection([polygon(0, 'A'), feature(null, '93022H032')]), 'sectoren.geojson'),
    problems: [{ severity: 'warning', row: 2, message: 'feature 2 has no geometry; kept, but it cannot be drawn' }],
    kept: ['A', '93022H032'],
    also: (data) => {
      const dataset = datasetOf((data as Boundaries).features);
      expect(dataset.wards.map((w) => w.code)).toEqual(['A', '93022H032']);
      expect(dataset.geometry.features).toHaveLength(1);
      expect(dataset.warnings.map((w) => problemFrom('x', w.key, w.values).message)).toEqual(['1 ward(s) have no geometry: they are ranked but not drawn.']);
    },
  },
  {
    name: 'parseBoundaries(empty polygons) keeps the features as wards that are not drawn',
    file: 'leeg.geojson',
    read: () =>
      parseBoundaries(
        collection([
          polygon(0, 'A'),
          feature({ type: 'Polygon', coordinates: [] }, 'B'),
          feature({ type: 'MultiPolygon', coordinates: [[]] }, 'C'),
        ]),
        'leeg.geojson',
      ),
    problems: [
      { severity: 'warning', row: 2, message: 'feature 2 has no geometry; kept, but it cannot be drawn' },
      { severity: 'warning', row: 3, message: 'feature 3 has no geometry; kept, but it cannot be drawn' },
    ],
    kept: ['A', 'B', 'C'],
    also: (data) => expect((data as Boundaries).features.map((f) => f.geometry?.type ?? null)).toEqual(['Polygon', null, null]),
  },
  {
    name: 'parseBoundaries(Lambert 72 coordinates declared as WGS84) reprojects them and says the declaration was wrong',
    file: 'lambert.geojson',
    read: () =>
      parseBoundaries(
        collection([feature({ type: 'Polygon', coordinates: LAMBERT_72 }, 'A')], {
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
        }),
        'lambert.geojson',
      ),
    problems: [
      {
        severity: 'warning',
        message:
          'the crs member: declared as WGS84 (EPSG:4326), but the coordinates look like Belgian Lambert 72 (EPSG:31370); ' +
          'read as Belgian Lambert 72 (EPSG:31370); reprojected to WGS84',
      },
    ],
    kept: ['A'],
    also: (data) => {
      const [lon, lat] = ((data as Boundaries).features[0].geometry as Polygon).coordinates[0][0];
      expect(lon).toBeCloseTo(4.353, 2);
      expect(lat).toBeCloseTo(50.84, 2);
    },
  },
  {
    name: 'parseBoundaries(Lambert 72 coordinates in a GeoJSON without crs) recognises them from their range',
    file: 'lambert.geojson',
    read: () => parseBoundaries(collection([feature({ type: 'Polygon', coordinates: LAMBERT_72 }, 'A')]), 'lambert.geojson'),
    problems: [
      { severity: 'info', message: 'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84' },
    ],
    kept: ['A'],
  },
  {
    name: 'parseBoundaries(latitude written before longitude) swaps them back into Belgium',
    file: 'omgekeerd.geojson',
    read: () =>
      parseBoundaries(
        collection([feature({ type: 'Polygon', coordinates: [square(0)[0].map(([x, y]) => [y, x])] }, 'A')]),
        'omgekeerd.geojson',
      ),
    problems: [
      {
        severity: 'warning',
        message:
          'the coordinates give latitude first (x 50.84 to 50.85, y 4.35 to 4.36), not longitude as GeoJSON and shapefiles do; ' +
          'read the other way round, which puts the wards in Belgium',
      },
    ],
    kept: ['A'],
    also: (data) => expect(((data as Boundaries).features[0].geometry as Polygon).coordinates[0][0]).toEqual([4.35, 50.84]),
  },
  {
    name: 'parseBoundaries(Lambert 72 declared for coordinates far outside Belgium) warns where the wards landed',
    file: 'ver.geojson',
    read: () =>
      parseBoundaries(
        collection([feature({ type: 'Polygon', coordinates: LAMBERT_72.map((ring) => ring.map(([x, y]) => [x + 1_850_000, y + 1_830_000])) }, 'A')], {
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31370' } },
        }),
        'ver.geojson',
      ),
    problems: [
      { severity: 'info', message: 'coordinates in Belgian Lambert 72 (EPSG:31370), read from the crs member; reprojected to WGS84' },
      {
        severity: 'warning',
        message: /^after reprojection the wards lie outside Belgium \(longitude 41\.\d+ to 41\.\d+, latitude 62\.\d+ to 62\.\d+\): check the coordinate system the file declares$/,
      },
    ],
    kept: ['A'],
  },
  {
    name: 'parseBoundaries(NaN, Infinity or text in coordinates) drops those features, saying which position',
    file: 'kapot.geojson',
    read: () =>
      parseBoundaries(
        // JSON has no NaN or Infinity: 1e400 parses as Infinity, and exports write "NaN" or null.
        '{"type":"FeatureCollection","features":[' +
          '{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[4.35,50.84],[4.36,1e400],[4.36,50.85],[4.35,50.84]]]}},' +
          '{"type":"Feature","properties":{"code":"B"},"geometry":{"type":"MultiPolygon","coordinates":[[[[4.35,50.84],[4.36,50.84],[4.36,50.85],[4.35,50.84]]],[[[4.37,50.84],["NaN",50.84],[4.38,50.85],[4.37,50.84]]]]}},' +
          '{"type":"Feature","properties":{"code":"C"},"geometry":{"type":"Polygon","coordinates":[[4.35,50.84],[4.36,50.84],[4.36,50.85]]}},' +
          `${JSON.stringify(polygon(3, 'D'))}]}`,
        'kapot.geojson',
      ),
    problems: [
      { severity: 'warning', row: 1, message: 'feature 1: position 2 of ring 1 is [4.36, Infinity], not two finite numbers; dropped' },
      { severity: 'warning', row: 2, message: 'feature 2: position 2 of ring 1 of polygon 2 is ["NaN", 50.84], not two finite numbers; dropped' },
      {
        severity: 'warning',
        row: 3,
        message: "feature 3: the coordinates are not nested as a Polygon's (rings of [x, y] positions); dropped",
      },
    ],
    kept: ['D'],
  },
  {
    name: 'parseBoundaries(empty FeatureCollection) refuses it: no wards',
    file: 'leeg.geojson',
    read: () => parseBoundaries(collection([]), 'leeg.geojson'),
    problems: [{ severity: 'error', message: 'the file holds no features, so no wards: export the layer with its features and load it again' }],
    kept: null,
  },
  {
    name: 'parseBoundaries(features without properties) keeps them and says they will have no ward code',
    file: 'naamloos.geojson',
    read: () => parseBoundaries(collection([polygon(0, 'A'), feature({ type: 'Polygon', coordinates: square(1) }, null)]), 'naamloos.geojson'),
    problems: [
      { severity: 'warning', row: 2, message: '1 feature has no properties (feature 2): without a ward code it is left out of the wards' },
    ],
    kept: ['A', null],
  },
  {
    name: 'parseBoundaries(no feature with properties) keeps the outlines and says no ward can be made',
    file: 'omtrek.geojson',
    read: () => parseBoundaries(collection([feature({ type: 'Polygon', coordinates: square(0) }, null)]), 'omtrek.geojson'),
    problems: [
      {
        severity: 'warning',
        message:
          'no feature has properties, so there is no ward code to show or to join indicator tables on: ' +
          'export the layer with its attributes (for a shapefile, include its .dbf) and load it again',
      },
    ],
    kept: [null],
  },
  {
    name: 'createDataset(parseBoundaries(duplicate codes)) keeps the first feature of each code and names the repeated one',
    file: 'dubbel.geojson',
    read: () => {
      const parsed = parseBoundaries(collection([polygon(0, 'A'), polygon(1, 'A'), polygon(2, 'B')]), 'dubbel.geojson');
      const dataset = datasetOf(parsed.data?.features ?? []);
      // As applyStaging reports the dataset's warnings.
      const warnings = dataset.warnings.map((w) => problemFrom('dubbel.geojson', w.key, w.values, { severity: 'warning' }));
      return { data: { features: dataset.wards.map((w) => ({ properties: { code: w.code } })) }, problems: [...parsed.problems, ...warnings] };
    },
    problems: [{ severity: 'warning', message: 'Ward code A appears more than once; the first feature is used.' }],
    kept: ['A', 'B'],
  },
  {
    name: 'parseBoundaries(TopoJSON with several objects) reads the one with the most polygons and names them all',
    file: 'stad.topojson',
    read: () => parseBoundaries(TOPOLOGY, 'stad.topojson'),
    problems: [
      {
        severity: 'info',
        message:
          'the TopoJSON holds 3 objects, "stad" (1 polygon), "wijken" (2 polygons), "labels" (no polygons); ' +
          'read "wijken": choose another as the TopoJSON object',
      },
    ],
    kept: ['A', 'B'],
    also: (data) => expect([(data as Boundaries).objectName, (data as Boundaries).objectNames]).toEqual(['wijken', ['stad', 'wijken', 'labels']]),
  },
  {
    name: 'parseBoundaries(TopoJSON with an arc it lacks) says the file is damaged',
    file: 'kapot.topojson',
    read: () => {
      const topology = JSON.parse(TOPOLOGY);
      topology.arcs = topology.arcs.slice(0, 1);
      return parseBoundaries(JSON.stringify(topology), 'kapot.topojson', 'wijken');
    },
    problems: [{ severity: 'error', message: /^TopoJSON object "wijken" could not be decoded \(.+\): the file is damaged; export it again$/ }],
    kept: null,
  },
  {
    name: 'parseBoundaries(TopoJSON, file, object) reads the object chosen, and lists the objects for a name it lacks',
    file: 'stad.topojson',
    read: () => {
      const chosen = parseBoundaries(TOPOLOGY, 'stad.topojson', 'stad');
      const missing = parseBoundaries(TOPOLOGY, 'stad.topojson', 'sectors');
      return { data: chosen.data, problems: [...chosen.problems, ...missing.problems] };
    },
    problems: [
      {
        severity: 'error',
        message: 'TopoJSON object "sectors" not found; the objects are "stad" (1 polygon), "wijken" (2 polygons), "labels" (no polygons)',
      },
    ],
    kept: ['STAD'],
  },
  {
    name: 'parseShapefile(zip without .dbf) refuses it, naming the missing part and what it holds',
    file: 'wijken.zip',
    read: () => parseShapefile([shapefileZip('wijken.zip', { shp: WARDS.shp, prj: ascii(L72_PRJ) })], 'wijken.zip'),
    problems: [
      {
        severity: 'error',
        message:
          'wijken.dbf is missing: a shapefile needs its .dbf beside the .shp (it holds the ward codes and names); ' +
          'put all the parts (.shp, .dbf, .prj, .cpg) in one .zip, or select them together',
      },
    ],
    kept: null,
  },
  {
    name: 'parseShapefile(zip without .prj) recognises Lambert 72 from the range and reprojects',
    file: 'wijken.zip',
    read: () => parseShapefile([shapefileZip('wijken.zip', { shp: WARDS.shp, dbf: WARDS.dbf })], 'wijken.zip'),
    problems: [
      { severity: 'warning', message: "wijken.prj is missing: the coordinate system is recognised from the coordinates' range" },
      { severity: 'info', message: 'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84' },
    ],
    kept: ['W1', 'W2'],
  },
  {
    name: 'parseShapefile(zip without .shp) refuses it and says what the zip holds',
    file: 'wijken.zip',
    read: () => parseShapefile([shapefileZip('wijken.zip', { dbf: WARDS.dbf, prj: ascii(L72_PRJ) })], 'wijken.zip'),
    problems: [
      {
        severity: 'error',
        message:
          "no .shp in wijken.zip (it holds wijken.dbf, wijken.prj): a shapefile's shapes are in its .shp; add it, with the .dbf and .prj beside it",
      },
    ],
    kept: null,
  },
  {
    name: 'parseShapefile(damaged zip) refuses it and asks for a new download',
    file: 'wijken.zip',
    read: () => {
      const { bytes } = shapefileZip('wijken.zip', { shp: WARDS.shp, dbf: WARDS.dbf });
      return parseShapefile([{ name: 'wijken.zip', bytes: bytes.slice(0, 200) }], 'wijken.zip');
    },
    problems: [
      {
        severity: 'error',
        message:
          "wijken.zip is not a readable zip (invalid zip data): it is damaged or not a zip; download it again, or zip the shapefile's parts (.shp, .dbf, .prj) again",
      },
    ],
    kept: null,
  },
  {
    name: "parseShapefile(Statbel's Lambert 72 municipalities zipped without .prj) reads all 304 from the range",
    file: 'gemeente.zip',
    shared: gemeente,
    read: () => {
      const stem = gemeente.path.slice(0, -'.shp'.length);
      const zip = zipSync({ 'gemeente.shp': readFileSync(`${stem}.shp`), 'gemeente.dbf': readFileSync(`${stem}.dbf`), 'gemeente.cpg': readFileSync(`${stem}.cpg`) });
      return parseShapefile([{ name: 'gemeente.zip', bytes: zip }], 'gemeente.zip');
    },
    problems: [
      { severity: 'warning', message: "gemeente.prj is missing: the coordinate system is recognised from the coordinates' range" },
      { severity: 'info', message: 'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84' },
    ],
    kept: 304,
  },
  {
    name: 'parseXlsx(workbook whose first sheet is an explanation) reads the first sheet that holds a table and lists the sheets',
    file: 'inkomen.xlsx',
    read: () => parseXlsx(xlsx([{ name: 'Uitleg', rows: [['Inkomen per gemeente'], ['Bron: Statbel']] }, DATA_SHEET]), 'inkomen.xlsx'),
    problems: [
      {
        severity: 'info',
        message: 'the workbook has 2 sheets, "Uitleg", "Data"; read the first that holds a table, "Data": choose another sheet if the data are elsewhere',
      },
    ],
    kept: TABLE,
  },
  {
    name: 'parseXlsx(bytes, file, sheet without a table) reads it but says to choose the sheet with the data',
    file: 'inkomen.xlsx',
    read: () => parseXlsx(xlsx([{ name: 'Uitleg', rows: [['Inkomen per gemeente'], ['Bron: Statbel']] }, DATA_SHEET]), 'inkomen.xlsx', 'Uitleg'),
    problems: [
      {
        severity: 'warning',
        message: 'sheet "Uitleg" holds no table, only text in one column (a title or an explanation?): choose the sheet that holds the data',
      },
    ],
    kept: { sheet: 'Uitleg', columns: ['Inkomen per gemeente'], rows: [['Bron: Statbel']] },
  },
  {
    name: 'parseXlsx(header cell merged over three columns) numbers the columns under it and says so',
    file: 'samengevoegd.xlsx',
    read: () =>
      parseXlsx(
        xlsx([{ name: 'Blad1', rows: [['code', 'Inkomen', null, null], ['11001', 1, 2, 3], ['11002', 4, 5, 6]], merges: ['B1:D1'] }]),
        'samengevoegd.xlsx',
      ),
    problems: [
      {
        severity: 'warning',
        row: 0,
        message:
          'the header cell "Inkomen" (B1) of sheet "Blad1" is merged over columns B to D with no header under it: ' +
          'its columns are read as "Inkomen 1", "Inkomen 2", "Inkomen 3"; give each column its own header in the sheet for clearer indicator names',
      },
    ],
    kept: { sheet: 'Blad1', columns: ['code', 'Inkomen 1', 'Inkomen 2', 'Inkomen 3'], rows: [['11001', '1', '2', '3'], ['11002', '4', '5', '6']] },
  },
  {
    name: 'parseXlsx(merged two-row header) names each column "Group - Sub" without a word',
    file: 'samengevoegd.xlsx',
    read: () =>
      parseXlsx(
        xlsx([
          {
            name: 'Blad1',
            rows: [['code', 'Inkomen', null, 'Bevolking'], [null, 'Totaal', 'Gemiddeld', null], ['11001', 1, 2, 3]],
            merges: ['A1:A2', 'B1:C1', 'D1:D2'],
          },
        ]),
        'samengevoegd.xlsx',
      ),
    problems: [],
    kept: { sheet: 'Blad1', columns: ['code', 'Inkomen - Totaal', 'Inkomen - Gemiddeld', 'Bevolking'], rows: [['11001', '1', '2', '3']] },
  },
  {
    name: 'parseXlsx(password-protected workbook) tells it by its OLE container and asks to remove the password',
    file: 'beveiligd.xlsx',
    read: () => parseXlsx(oleContainer(['EncryptionInfo', 'EncryptedPackage']), 'beveiligd.xlsx'),
    problems: [
      {
        severity: 'error',
        message:
          'beveiligd.xlsx is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again',
      },
    ],
    kept: null,
  },
  {
    name: 'parseXlsx(old .xls workbook) asks to save it as .xlsx or CSV',
    file: 'oud.xls',
    read: () => parseXlsx(oleContainer(['Workbook', 'SummaryInformation']), 'oud.xls'),
    problems: [
      {
        severity: 'error',
        message: 'oud.xls is not a readable .xlsx workbook: it is an old Excel 97-2003 .xls file; save it as .xlsx or CSV and load that',
      },
    ],
    kept: null,
  },
  {
    name: 'parseXlsx(random bytes) says it is not a workbook',
    file: 'ruis.xlsx',
    read: () => parseXlsx(Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256), 'ruis.xlsx'),
    problems: [
      {
        severity: 'error',
        message:
          'ruis.xlsx is not a readable .xlsx workbook: it is not an Excel workbook (is it a CSV or another kind of file?): ' +
          'save it from Excel as .xlsx, or give a CSV a .csv name',
      },
    ],
    kept: null,
  },
  {
    name: 'parseXlsx(zip that is not a workbook) says it is not laid out as one',
    file: 'wijken.xlsx',
    read: () => parseXlsx(zipSync({ 'wijken.shp': WARDS.shp, 'wijken.dbf': WARDS.dbf }), 'wijken.xlsx'),
    problems: [
      {
        severity: 'error',
        message: /^wijken\.xlsx is not a readable \.xlsx workbook: it is not laid out as an Excel workbook \(.+\): open it in Excel and save it again as \.xlsx$/,
      },
    ],
    kept: null,
  },
  {
    name: 'parseXlsx(truncated workbook) says it is damaged',
    file: 'half.xlsx',
    read: () => {
      const bytes = xlsx([DATA_SHEET]);
      return parseXlsx(bytes.slice(0, bytes.length >> 1), 'half.xlsx');
    },
    problems: [
      {
        severity: 'error',
        message:
          'half.xlsx is not a readable .xlsx workbook: the file is damaged (its ZIP container cannot be opened): ' +
          'download it again, or open it in Excel and save it again',
      },
    ],
    kept: null,
  },
  {
    name: "parseXlsx(Statbel's income workbook cut in half) says it is damaged",
    file: 'TF_PSNL_INC_TAX_MUNTY.xlsx',
    shared: income,
    read: () => {
      const bytes = new Uint8Array(readFileSync(income.path));
      return parseXlsx(bytes.slice(0, bytes.length >> 1), 'TF_PSNL_INC_TAX_MUNTY.xlsx');
    },
    problems: [
      {
        severity: 'error',
        message:
          'TF_PSNL_INC_TAX_MUNTY.xlsx is not a readable .xlsx workbook: the file is damaged (its ZIP container cannot be opened): ' +
          'download it again, or open it in Excel and save it again',
      },
    ],
    kept: null,
  },
];

/** What a loader kept, in a form the table can state: feature codes, a feature count, or a table. */
function keptOf(data: unknown, expected: unknown): unknown {
  if (data === null) return null;
  if (typeof data === 'object' && 'features' in data) {
    const features = (data as Boundaries).features;
    return typeof expected === 'number' ? features.length : features.map((f) => f.properties?.code ?? null);
  }
  const { sheet, columns, rows } = data as WorkbookTable;
  return { sheet, columns, rows };
}

describe('bad boundary and workbook input', () => {
  for (const c of CASES) {
    it.skipIf(c.shared?.skip ?? false)(`${c.name}${c.shared?.note ?? ''}`, async () => {
      const { data, problems } = await c.read();
      expect(problems.map((p) => ({ file: p.file, severity: p.severity, row: p.row, message: p.message }))).toEqual(
        c.problems.map((p) => ({
          file: c.file,
          severity: p.severity,
          row: p.row ?? null,
          message: typeof p.message === 'string' ? p.message : expect.stringMatching(p.message),
        })),
      );
      expect(keptOf(data, c.kept)).toEqual(c.kept);
      c.also?.(data);
    }, 30_000);
  }
});
