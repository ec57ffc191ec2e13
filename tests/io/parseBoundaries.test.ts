import { booleanClockwise } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type BoundaryFeature } from '../../src/io/parseBoundaries';
import { sharedData } from './sharedData';

// Clockwise, the way d3 and many shapefile exports write outer rings.
const SQUARE_CW = [[[4.9, 50.8], [4.9, 50.81], [4.91, 50.81], [4.91, 50.8], [4.9, 50.8]]];
const SQUARE_2 = [[[5.0, 50.8], [5.01, 50.8], [5.01, 50.81], [5.0, 50.81], [5.0, 50.8]]];

function collection(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function feature(geometry: unknown, properties: Record<string, unknown> | null = { code: 'W' }) {
  return { type: 'Feature', geometry, properties };
}

describe('parseBoundaries', () => {
  it('parseBoundaries(geojson) reads polygons and multipolygons with their property names', () => {
    const text = collection([
      feature({ type: 'Polygon', coordinates: SQUARE_CW }, { code: 'A', naam: 'Noord' }),
      feature({ type: 'MultiPolygon', coordinates: [SQUARE_2] }, { code: 'B', extra: 1 }),
    ]);
    const { data, problems } = parseBoundaries(text, 'wards.geojson');
    expect(problems).toEqual([]);
    expect(data?.source).toBe('geojson');
    expect(data?.objectName).toBeNull();
    expect(data?.objectNames).toEqual([]);
    expect(data?.crs).toEqual({ crs: 'EPSG:4326', how: 'range', label: 'WGS84 (EPSG:4326)' });
    expect(data?.features).toHaveLength(2);
    expect(data?.features.map((f) => f.properties?.code)).toEqual(['A', 'B']);
    expect(data?.propertyNames).toEqual(['code', 'naam', 'extra']);
  });

  it('parseBoundaries(geojson) rewinds outer rings counterclockwise (RFC 7946)', () => {
    const { data } = parseBoundaries(collection([feature({ type: 'Polygon', coordinates: SQUARE_CW })]), 'f');
    const ring = (data?.features[0].geometry as Polygon).coordinates[0];
    expect(booleanClockwise(SQUARE_CW[0])).toBe(true);
    expect(booleanClockwise(ring)).toBe(false);
    expect(ring).toHaveLength(5);
  });

  it('parseBoundaries(geojson) accepts a BOM and null properties, warning that no feature has any', () => {
    const { data, problems } = parseBoundaries('\uFEFF' + collection([feature({ type: 'Polygon', coordinates: SQUARE_2 }, null)]), 'f');
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      [
        'warning',
        'no feature has properties, so there is no ward code to show or to join indicator tables on: ' +
          'export the layer with its attributes (for a shapefile, include its .dbf) and load it again',
      ],
    ]);
    expect(data?.features[0].properties).toEqual({});
  });

  it('parseBoundaries(geojson) keeps a feature with a null geometry, with a warning', () => {
    const text = collection([feature({ type: 'Polygon', coordinates: SQUARE_2 }, { code: 'A' }), feature(null, { code: 'B' })]);
    const { data, problems } = parseBoundaries(text, 'f');
    expect(data?.features).toHaveLength(2);
    expect(data?.features[1].geometry).toBeNull();
    expect(problems).toMatchObject([
      { file: 'f', row: 2, column: null, message: 'feature 2 has no geometry; kept, but it cannot be drawn', severity: 'warning' },
    ]);
  });

  it('parseBoundaries(geojson) drops points and lines among polygons, with one warning counting them', () => {
    const text = collection([
      feature({ type: 'Point', coordinates: [4.9, 50.8] }),
      feature({ type: 'Polygon', coordinates: SQUARE_2 }, { code: 'A' }),
      feature({ type: 'LineString', coordinates: [[4.9, 50.8], [5, 51]] }),
    ]);
    const { data, problems } = parseBoundaries(text, 'f');
    expect(data?.features.map((f) => f.properties?.code)).toEqual(['A']);
    expect(problems.map((p) => [p.row, p.severity, p.message])).toEqual([
      [null, 'warning', '2 features are not a polygon and were dropped (1 Point, 1 LineString; features 1, 3): wards are Polygon or MultiPolygon features'],
    ]);
  });

  it('parseBoundaries(geojson) reports a file of points only as an error', () => {
    const points = Array.from({ length: 15 }, (_, i) => feature({ type: 'Point', coordinates: [4 + i / 10, 50.8] }));
    const { data, problems } = parseBoundaries(collection(points), 'pts.geojson');
    expect(data).toBeNull();
    expect(problems).toMatchObject([
      {
        file: 'pts.geojson',
        row: null,
        column: null,
        message:
          'no polygons among the 15 features (15 Point): ward boundaries must be Polygon or MultiPolygon areas; ' +
          'load the boundary polygons, not points or lines',
        severity: 'error',
      },
    ]);
  });

  it('parseBoundaries(geojson) drops invalid features and features with broken coordinates', () => {
    const text = collection([
      { type: 'Feature', geometry: { coordinates: [] }, properties: {} },
      feature({ type: 'Polygon', coordinates: [[[4.9, 'x'], [4.9, 50.8]]] }),
      feature({ type: 'Polygon', coordinates: SQUARE_2 }),
    ]);
    const { data, problems } = parseBoundaries(text, 'f');
    expect(data?.features).toHaveLength(1);
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [1, 'warning'],
      [2, 'warning'],
    ]);
    expect(problems[0].message).toBe(
      'feature 1 is not a valid GeoJSON Feature (geometry.type: Invalid input: expected string, received undefined); dropped',
    );
    expect(problems[1].message).toBe('feature 2: position 1 of ring 1 is [4.9, "x"], not two finite numbers; dropped');
  });

  it('parseBoundaries(text) reports truncated JSON with the position', () => {
    const text = collection([feature({ type: 'Polygon', coordinates: SQUARE_2 })]);
    const { data, problems } = parseBoundaries(text.slice(0, 60), 'cut.geojson');
    expect(data).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'cut.geojson', row: null, severity: 'error' });
    expect(problems[0].message).toMatch(/^invalid JSON: /);
  });

  it('parseBoundaries(text) says where a JSON syntax error is', () => {
    // V8 gives a character position for this one; we add line and column.
    const { problems } = parseBoundaries('{\n  "type": "FeatureCollection",\n  "features": [1 2]\n}', 'bad.json');
    expect(problems[0].message).toMatch(/^invalid JSON: /);
    expect(problems[0].message).toMatch(/position 50 \(line 3, column 18\): correct the file there or export it again$/);
  });

  it('parseBoundaries(text) rejects JSON that is neither GeoJSON nor TopoJSON', () => {
    expect(parseBoundaries('{"wards": []}', 'f').problems[0]).toMatchObject({
      severity: 'error',
      message:
        'not GeoJSON or TopoJSON: expected a FeatureCollection or a Topology, found an object with member "wards" and no "type"; ' +
        'open the ward boundaries as GeoJSON, TopoJSON or a zipped shapefile',
    });
    expect(parseBoundaries('[1, 2]', 'f').data).toBeNull();
    expect(parseBoundaries('{"type": "Topo"}', 'f').problems[0].message).toContain('found an object of "type" "Topo"');
    expect(parseBoundaries('{"type": "FeatureCollection", "features": {}}', 'f').problems[0].message).toBe(
      'not a valid GeoJSON FeatureCollection: features: Invalid input: expected array, received object',
    );
    expect(parseBoundaries('{"type": "FeatureCollection", "features": []}', 'f').problems[0].message).toBe(
      'the file holds no features, so no wards: export the layer with its features and load it again',
    );
    expect(parseBoundaries('  ', 'f').problems[0].message).toBe('empty file');
  });

  // A 1 km square in central Brussels, in Lambert 72 metres, clockwise.
  const LAMBERT_72 = [[[149_000, 170_000], [149_000, 171_000], [150_000, 171_000], [150_000, 170_000], [149_000, 170_000]]];

  it('parseBoundaries(geojson) reprojects Lambert 72 coordinates recognised from their range', () => {
    const { data, problems } = parseBoundaries(collection([feature({ type: 'Polygon', coordinates: LAMBERT_72 }, { code: 'A' })]), 'l72.geojson');
    expect(problems).toMatchObject([
      {
        file: 'l72.geojson',
        row: null,
        column: null,
        message: 'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84',
        severity: 'info',
      },
    ]);
    expect(data?.crs).toEqual({ crs: 'EPSG:31370', how: 'range', label: 'Belgian Lambert 72 (EPSG:31370)' });
    expect(data?.features[0].properties).toEqual({ code: 'A' });
    const ring = (data?.features[0].geometry as Polygon).coordinates[0];
    expect(booleanClockwise(ring)).toBe(false);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(4.34);
      expect(lon).toBeLessThan(4.37);
      expect(lat).toBeGreaterThan(50.83);
      expect(lat).toBeLessThan(50.86);
    }
  });

  it('parseBoundaries(geojson) reprojects as its legacy crs member says', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3812' } },
      features: [feature({ type: 'Polygon', coordinates: LAMBERT_72.map((ring) => ring.map(([x, y]) => [x + 500_000, y + 500_000])) })],
    });
    const { data, problems } = parseBoundaries(text, 'l2008.geojson');
    expect(data?.crs).toEqual({ crs: 'EPSG:3812', how: 'prj', label: 'Belgian Lambert 2008 (EPSG:3812)' });
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['info', 'coordinates in Belgian Lambert 2008 (EPSG:3812), read from the crs member; reprojected to WGS84'],
    ]);
  });

  it('parseBoundaries(geojson) reprojects Lambert coordinates declared as WGS84, with a warning', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [feature({ type: 'Polygon', coordinates: LAMBERT_72 })],
    });
    const { data, problems } = parseBoundaries(text, 'f.geojson');
    expect(data?.crs.crs).toBe('EPSG:31370');
    expect((data?.features[0].geometry as Polygon).coordinates[0][0][0]).toBeCloseTo(4.353, 2);
    expect(problems).toMatchObject([
      {
        file: 'f.geojson',
        row: null,
        column: null,
        message:
          'the crs member: declared as WGS84 (EPSG:4326), but the coordinates look like Belgian Lambert 72 (EPSG:31370); ' +
          'read as Belgian Lambert 72 (EPSG:31370); reprojected to WGS84',
        severity: 'warning',
      },
    ]);
  });

  it('parseBoundaries(geojson) says nothing of a crs member that agrees with WGS84 coordinates', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
      features: [feature({ type: 'Polygon', coordinates: SQUARE_2 })],
    });
    const { data, problems } = parseBoundaries(text, 'f');
    expect(problems).toEqual([]);
    expect(data?.crs).toEqual({ crs: 'EPSG:4326', how: 'prj', label: 'WGS84 (EPSG:4326)' });
  });

  it('parseBoundaries(geojson) rejects coordinates in a system it cannot reproject, such as UTM', () => {
    const utm = [[[600_000, 5_650_000], [600_000, 5_651_000], [601_000, 5_651_000], [601_000, 5_650_000], [600_000, 5_650_000]]];
    const { data, problems } = parseBoundaries(collection([feature({ type: 'Polygon', coordinates: utm })]), 'utm.geojson');
    expect(data).toBeNull();
    expect(problems).toMatchObject([
      {
        file: 'utm.geojson',
        row: null,
        column: null,
        message:
          'the coordinates (x 600000 to 601000, y 5650000 to 5651000) are not WGS84 degrees nor Belgian Lambert 72 or 2008 metres; ' +
          'reproject the file to WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370) and load it again',
        severity: 'error',
      },
    ]);
  });

  const topology = {
    type: 'Topology',
    arcs: [
      [[4.9, 50.8], [4.9, 50.81], [4.91, 50.81], [4.91, 50.8], [4.9, 50.8]],
      [[5.0, 50.8], [5.01, 50.8], [5.01, 50.81], [5.0, 50.81], [5.0, 50.8]],
    ],
    objects: {
      places: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4.905, 50.805] }] },
      wards: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0]], properties: { code: 'A' } },
          { type: 'Polygon', arcs: [[1]], properties: { code: 'B' } },
          { type: null, properties: { code: 'C' } },
        ],
      },
      other: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[1]], properties: { id: 1 } }] },
    },
  };

  it('parseBoundaries(topojson) reads the object with the most polygons and names the others', () => {
    const { data, problems } = parseBoundaries(JSON.stringify(topology), 'wards.topojson');
    expect(data?.source).toBe('topojson');
    expect(data?.objectName).toBe('wards');
    expect(data?.objectNames).toEqual(['places', 'wards', 'other']);
    expect(data?.features.map((f) => f.properties?.code)).toEqual(['A', 'B', 'C']);
    expect(data?.features.map((f) => f.geometry?.type ?? null)).toEqual(['Polygon', 'Polygon', null]);
    expect(booleanClockwise((data?.features[0].geometry as Polygon).coordinates[0])).toBe(false);
    expect(problems).toMatchObject([
      {
        file: 'wards.topojson',
        row: null,
        column: null,
        message:
          'the TopoJSON holds 3 objects, "places" (no polygons), "wards" (2 polygons), "other" (1 polygon); ' +
          'read "wards": choose another as the TopoJSON object',
        severity: 'info',
      },
      {
        file: 'wards.topojson',
        row: 3,
        column: null,
        message: 'feature 3 has no geometry; kept, but it cannot be drawn',
        severity: 'warning',
      },
    ]);
  });

  it('parseBoundaries(topojson, file, objectName) reads the named object', () => {
    const { data, problems } = parseBoundaries(JSON.stringify(topology), 'f', 'other');
    expect(problems).toEqual([]);
    expect(data?.objectName).toBe('other');
    expect(data?.propertyNames).toEqual(['id']);
    const missing = parseBoundaries(JSON.stringify(topology), 'f', 'sectors');
    expect(missing.data).toBeNull();
    expect(missing.problems[0].message).toBe(
      'TopoJSON object "sectors" not found; the objects are "places" (no polygons), "wards" (2 polygons), "other" (1 polygon)',
    );
  });

  it('parseBoundaries(topojson) reprojects a quantized topology in Lambert 72', () => {
    // Delta-encoded arcs on a 1 m grid from (149 000, 170 000): the 1 km square, clockwise.
    const lambert = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [149_000, 170_000] },
      arcs: [[[0, 0], [0, 1000], [1000, 0], [0, -1000], [-1000, 0]]],
      objects: { wijken: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: 'A' } }] } },
    };
    const { data, problems } = parseBoundaries(JSON.stringify(lambert), 'l72.topojson');
    expect(data?.objectName).toBe('wijken');
    expect(data?.crs.crs).toBe('EPSG:31370');
    expect(problems.map((p) => p.message)).toEqual([
      'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84',
    ]);
    const ring = (data?.features[0].geometry as Polygon).coordinates[0];
    expect(booleanClockwise(ring)).toBe(false);
    expect(ring[0][0]).toBeCloseTo(4.353, 2);
    expect(ring[0][1]).toBeCloseTo(50.84, 2);
  });

  // Two rectangles side by side that share their middle edge (arc 0, whose middle position both
  // rings hold), quantized on a 0.01° grid or (`plain`) in degrees; with `swap`, every position
  // written latitude first.
  const neighbours = (swap: boolean, plain = false) => {
    const pair = ([x, y]: number[]) => (swap ? [y, x] : [x, y]);
    const quantized = [
      [[1, 0], [0, 1], [0, 1]],
      [[1, 2], [-1, 0], [0, -2], [1, 0]],
      [[1, 0], [1, 0], [0, 2], [-1, 0]],
    ];
    // The same arcs with the deltas added up and the transform applied.
    const degrees = quantized.map((arc) => {
      let [x, y] = [0, 0];
      return arc.map(([dx, dy]) => [4.9 + (x += dx) / 100, 50.8 + (y += dy) / 100]);
    });
    return {
      type: 'Topology',
      ...(plain ? {} : { transform: { scale: [0.01, 0.01], translate: pair([4.9, 50.8]) } }),
      arcs: (plain ? degrees : quantized).map((arc) => arc.map(pair)),
      objects: {
        wards: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1]], properties: { code: 'W' }, id: 'w' },
            { type: 'Polygon', arcs: [[~0, 2]], properties: { code: 'E' } },
          ],
        },
      },
    };
  };

  it('parseBoundaries(topojson) decodes arcs shared by two wards as topojson-client does', () => {
    const text = JSON.stringify(neighbours(false));
    const { data, problems } = parseBoundaries(text, 'f');
    expect(problems).toEqual([]);
    expect(data?.features.map((f) => [f.id, f.properties?.code])).toEqual([['w', 'W'], [undefined, 'E']]);
    const rounded = (f: BoundaryFeature) => (f.geometry as Polygon).coordinates[0].map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
    // Counterclockwise once rewound, each starting where its arcs start.
    expect(data?.features.map(rounded)).toEqual([
      [[4.91, 50.8], [4.91, 50.81], [4.91, 50.82], [4.9, 50.82], [4.9, 50.8], [4.91, 50.8]],
      [[4.91, 50.82], [4.91, 50.81], [4.91, 50.8], [4.92, 50.8], [4.92, 50.82], [4.91, 50.82]],
    ]);
  });

  it('parseBoundaries(topojson with latitude first) swaps each position of a shared border once', () => {
    for (const plain of [false, true]) {
      const { data, problems } = parseBoundaries(JSON.stringify(neighbours(true, plain)), 'f');
      expect(problems.map((p) => p.message)).toEqual([
        'the coordinates give latitude first (x 50.8 to 50.82, y 4.9 to 4.92), not longitude as GeoJSON and shapefiles do; ' +
          'read the other way round, which puts the wards in Belgium',
      ]);
      const straight = parseBoundaries(JSON.stringify(neighbours(false, plain)), 'f');
      expect(data?.features.map((f) => f.geometry)).toEqual(straight.data?.features.map((f) => f.geometry));
    }
  });

  it('parseBoundaries(topojson) reports a topology without polygons or with bad arcs', () => {
    const points = { ...topology, objects: { places: topology.objects.places } };
    expect(parseBoundaries(JSON.stringify(points), 'f').problems[0].message).toBe(
      'the TopoJSON has no object with polygons; its objects are "places" (no polygons): wards must be polygons',
    );
    const noArcs = { type: 'Topology', objects: {} };
    expect(parseBoundaries(JSON.stringify(noArcs), 'f').problems[0].message).toBe(
      'not a valid TopoJSON Topology: arcs: Invalid input: expected array, received undefined',
    );
  });

  const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  it.skipIf(tienen.skip)(`parseBoundaries(geojson) reads the Tienen sectors fixture${tienen.note}`, () => {
    const { data, problems } = parseBoundaries(tienen.read(), 'tienen.geojson');
    expect(problems).toEqual([]);
    expect(data?.features).toHaveLength(61);
    expect(data?.features[0].properties?.CD_SECTOR).toBe('24107A00-');
    expect(data?.propertyNames).toContain('TX_SECTOR_DESCR_NL');
    for (const f of data!.features) {
      const polygons = f.geometry!.type === 'Polygon' ? [f.geometry!.coordinates] : (f.geometry as { coordinates: number[][][][] }).coordinates;
      for (const polygon of polygons) expect(booleanClockwise(polygon[0])).toBe(false);
    }
  });

  const municipalities = sharedData('statbel-sectors-2021/municipalities_be_2021_wgs84.topojson');
  it.skipIf(municipalities.skip)(`parseBoundaries(topojson) reads Belgium's 581 municipalities${municipalities.note}`, () => {
    const { data, problems } = parseBoundaries(municipalities.read(), 'municipalities.topojson');
    expect(problems).toEqual([]);
    expect(data?.objectName).toBe('municipalities');
    expect(data?.features).toHaveLength(581);
    expect(data?.features[0].properties?.CD_MUNTY_REFNIS).toBe('11001');
  });
});

describe('parseBoundaries at Belgian scale', () => {
  const sectors = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
  it.skipIf(sectors.skip)(`parseBoundaries(topojson) reads all 19,478 sectors, keeps the one without geometry and the 6 that cross themselves${sectors.note}`, () => {
    const { data, problems } = parseBoundaries(sectors.read(), 'sectors.topojson');
    expect(data?.features).toHaveLength(19_478);
    const empty = data!.features.findIndex((f) => f.geometry === null);
    expect(data?.features[empty].properties?.CD_SECTOR).toMatch(/^93022H03/);
    expect(problems).toMatchObject([
      {
        file: 'sectors.topojson',
        row: empty + 1,
        column: null,
        message: `feature ${empty + 1} has no geometry; kept, but it cannot be drawn`,
        severity: 'warning',
      },
      {
        file: 'sectors.topojson',
        row: null,
        column: null,
        message:
          '6 features have boundaries that cross themselves (features 6050, 8761, 8767, 13480, 14568, 14569): kept and drawn, ' +
          'but area, centroid and neighbours may be off; fix them in QGIS (Vector > Geometry Tools > Fix Geometries) if that matters',
        severity: 'warning',
      },
    ]);
  });
});
