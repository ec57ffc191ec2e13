import type { Feature, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { feature as topoFeature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { reprojectFeatures } from '../../src/io/reproject';
import { sharedData } from './sharedData';

// The published proj4 definitions (epsg.io), the reference our own transform must agree with.
const PROJ4_LAMBERT_72 =
  '+proj=lcc +lat_1=51.16666723333333 +lat_2=49.8333339 +lat_0=90 +lon_0=4.367486666666666 +x_0=150000.013 +y_0=5400088.438 ' +
  '+ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs';
const PROJ4_LAMBERT_2008 =
  '+proj=lcc +lat_1=49.83333333333334 +lat_2=51.16666666666666 +lat_0=50.797815 +lon_0=4.359215833333333 +x_0=649328 ' +
  '+y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

function point(x: number, y: number): Feature<Point> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } };
}

function lonLat(features: Feature[]): Position {
  return (features[0].geometry as Point).coordinates;
}

describe('reprojectFeatures', () => {
  it('reprojectFeatures(features, "EPSG:3812") puts the Lambert 2008 origin at its defining longitude and latitude', () => {
    const [lon, lat] = lonLat(reprojectFeatures([point(649_328, 665_262)], 'EPSG:3812'));
    expect(Math.abs(lon - 4.359215833)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 50.797815)).toBeLessThan(1e-5);
    expect([lon, lat]).toEqual([4.359216, 50.797815]);
  });

  it('reprojectFeatures(features, "EPSG:31370") matches published Lambert 72 conversions to within a metre', () => {
    // Pairs published with two independent converters: a point in Gent (geomapi's test suite) and
    // one in Liège (bl72ToLatLng's README, from the NGI's algorithms).
    const gent = lonLat(reprojectFeatures([point(103_657.078099938, 194_604.105800153)], 'EPSG:31370'));
    expect(Math.abs(gent[0] - 3.707712199534464)).toBeLessThan(1e-5);
    expect(Math.abs(gent[1] - 51.05973284541117)).toBeLessThan(1e-5);
    const liege = lonLat(reprojectFeatures([point(235_166, 148_974)], 'EPSG:31370'));
    expect(Math.abs(liege[0] - 5.572941050014241)).toBeLessThan(1e-5);
    expect(Math.abs(liege[1] - 50.64517278981963)).toBeLessThan(1e-5);
  });

  it('reprojectFeatures(features, from) agrees with proj4 everywhere in Belgium, to the 6th decimal', () => {
    for (const [from, definition, offset] of [
      ['EPSG:31370', PROJ4_LAMBERT_72, 0],
      ['EPSG:3812', PROJ4_LAMBERT_2008, 500_000],
    ] as const) {
      const converter = proj4(definition, 'WGS84');
      const grid: Position[] = [];
      for (let x = 15_000; x <= 300_000; x += 5_000) for (let y = 15_000; y <= 250_000; y += 5_000) grid.push([x + offset, y + offset]);
      const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: grid } };
      const ours = (reprojectFeatures([line], from)[0].geometry as LineString).coordinates;
      let worst = 0;
      grid.forEach((position, i) => {
        const [lon, lat] = converter.forward([position[0], position[1]]);
        worst = Math.max(worst, Math.abs(ours[i][0] - lon), Math.abs(ours[i][1] - lat));
      });
      // Rounding to 6 decimals is the only difference.
      expect(worst).toBeLessThanOrEqual(5.0001e-7);
    }
  });

  it('reprojectFeatures(features, "EPSG:31370") brings back what proj4 projected from WGS84', () => {
    const toLambert = proj4('WGS84', PROJ4_LAMBERT_72);
    // Brussels Grand-Place, then the far west, east, south and north of Belgium.
    const places: Position[] = [[4.352466, 50.846745], [2.55, 51.09], [6.4, 50.32], [5.81, 49.5], [4.4, 51.5]];
    const projected = places.map((p) => point(...(toLambert.forward([p[0], p[1]]) as [number, number])));
    // Grand-Place lies some 149 km east and 171 km north of the Lambert 72 false origin.
    expect(projected[0].geometry.coordinates.map((v) => Math.round(v / 1000))).toEqual([149, 171]);
    reprojectFeatures(projected, 'EPSG:31370').forEach((f, i) => {
      const [lon, lat] = (f.geometry as Point).coordinates;
      expect(Math.abs(lon - places[i][0])).toBeLessThanOrEqual(5.0001e-7);
      expect(Math.abs(lat - places[i][1])).toBeLessThanOrEqual(5.0001e-7);
    });
  });

  it('reprojectFeatures(features, from) returns new features, rounded, with nulls, ids and properties kept', () => {
    const ring = [[150_000, 170_000], [151_000, 170_000], [151_000, 171_000], [150_000, 171_000], [150_000, 170_000]];
    const input: Feature<Geometry | null>[] = [
      {
        type: 'Feature',
        id: 'a',
        bbox: [150_000, 170_000, 151_000, 171_000],
        properties: { code: 'A' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
      { type: 'Feature', id: 'b', properties: { code: 'B' }, geometry: null },
      { type: 'Feature', properties: null, geometry: { type: 'MultiPolygon', coordinates: [[ring.map(([x, y]) => [x, y, 12.5])]] } },
    ];
    const copy = structuredClone(input);
    const output = reprojectFeatures(input, 'EPSG:31370');
    expect(input).toEqual(copy);
    expect(output).toHaveLength(3);
    expect(output[0]).not.toHaveProperty('bbox');
    expect(output[0].id).toBe('a');
    expect(output[0].properties).toBe(input[0].properties);
    expect(output[1]).toEqual({ type: 'Feature', id: 'b', properties: { code: 'B' }, geometry: null });
    const polygon = (output[0].geometry as Polygon).coordinates[0];
    expect(polygon).toHaveLength(5);
    expect(polygon[4]).toEqual(polygon[0]);
    for (const [lon, lat] of polygon) {
      expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
      expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
    }
    // Heights are dropped; the geometry is the same.
    expect((output[2].geometry as MultiPolygon).coordinates[0][0]).toEqual(polygon);
  });

  it('reprojectFeatures(features, "EPSG:4326") returns the features as they are', () => {
    const input = [point(4.35, 50.85)];
    expect(reprojectFeatures(input, 'EPSG:4326')).toBe(input);
  });

  it('reprojectFeatures(features, from) throws for a system it has no definition of', () => {
    expect(() => reprojectFeatures([point(0, 0)], 'EPSG:32631' as 'EPSG:3812')).toThrow('invalid from: EPSG:32631');
  });
});

describe('reprojectFeatures at Belgian scale', () => {
  const sectors = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
  it.skipIf(sectors.skip)(`reprojectFeatures(all 19,478 sectors in Lambert 72) brings every position back within 6e-7 degrees${sectors.note}`, () => {
    const topology = JSON.parse(sectors.read());
    const wgs84 = (topoFeature(topology, 'sectors') as unknown as { features: Feature<Polygon | MultiPolygon | null>[] }).features;
    const toLambert = proj4('WGS84', PROJ4_LAMBERT_72);
    const project = (ring: Position[]) => ring.map((p) => toLambert.forward([p[0], p[1]]));
    const lambert = wgs84.map((f) => {
      if (f.geometry === null) return f;
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      return { ...f, geometry: { type: 'MultiPolygon', coordinates: polygons.map((polygon) => polygon.map(project)) } as MultiPolygon };
    });

    // Speed is for npm run bench; here only the result counts.
    const back = reprojectFeatures(lambert, 'EPSG:31370');
    expect(back).toHaveLength(19_478);

    let positions = 0;
    let worst = 0;
    back.forEach((f, i) => {
      if (f.geometry === null) return;
      const original = wgs84[i].geometry!;
      const polygons = original.type === 'Polygon' ? [original.coordinates] : original.coordinates;
      const reprojected = (f.geometry as MultiPolygon).coordinates.flat(2);
      polygons.flat(2).forEach((p, j) => {
        const q = reprojected[j];
        worst = Math.max(worst, Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1]));
        positions += 1;
      });
    });
    expect(positions).toBeGreaterThan(300_000);
    // The file's own coordinates have more than 6 decimals: rounding may cost up to 5e-7.
    expect(worst).toBeLessThan(6e-7);
  });
});
