import { centroid } from '@turf/turf';
import { zipSync } from 'fflate';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../src/io/parseBoundaries';
import { parseShapefile, type NamedBytes } from '../../src/io/parseShapefile';
import { shapefile } from './fixtureFiles';
import { sharedData } from './sharedData';

// Latin-1 letters are their own byte in Windows-1252; the right single quote is 0x92.
const windows1252 = (text: string) => Uint8Array.from(text, (c) => (c === '\u2019' ? 0x92 : c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const ascii = (text: string) => new TextEncoder().encode(text);

const ACCENTED = ['Liège', 'Écaussinnes', '\u2019s-Gravenwezel', 'Mesen-Messines, Comines-Warneton (Komen-Waasten)'];
const L72_ORIGIN: [number, number] = [150_000, 170_000];

function parts(stem: string, files: Record<string, Uint8Array>): NamedBytes[] {
  return Object.entries(files).map(([ext, bytes]) => ({ name: `${stem}.${ext}`, bytes }));
}

function positions(features: Feature<Polygon | MultiPolygon | null>[]): number[][] {
  return features.flatMap((f) =>
    f.geometry === null ? [] : f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2),
  );
}

describe('parseShapefile', () => {
  it('parseShapefile(files) decodes Windows-1252 attributes when there is no .cpg', async () => {
    const { shp, dbf } = shapefile(ACCENTED, windows1252, L72_ORIGIN, 1000);
    const { data } = await parseShapefile(parts('wards', { shp, dbf }), 'wards');
    expect(data?.features.map((f) => f.properties?.naam)).toEqual(ACCENTED);
    expect(data?.features.map((f) => f.properties?.code)).toEqual(['W1', 'W2', 'W3', 'W4']);
    expect(data?.propertyNames).toEqual(['code', 'naam']);
  });

  it('parseShapefile(files) decodes attributes as the .cpg says', async () => {
    const cases: [string, (text: string) => Uint8Array][] = [
      ['UTF-8', utf8],
      ['utf8', utf8],
      ['65001', utf8],
      ['1252', windows1252],
      ['ANSI 1252', windows1252],
      ['CP1252', windows1252],
      ['ISO-8859-1', windows1252],
      ['ISO 8859-1\r\n', windows1252],
      ['88591', windows1252],
    ];
    for (const [cpg, encode] of cases) {
      const { shp, dbf } = shapefile(ACCENTED, encode, L72_ORIGIN, 1000);
      const { data, problems } = await parseShapefile(parts('wards', { shp, dbf, cpg: ascii(cpg) }), 'wards');
      expect(data?.features.map((f) => f.properties?.naam), cpg).toEqual(ACCENTED);
      expect(problems.filter((p) => p.severity !== 'info'), cpg).toHaveLength(1);
    }
  });

  it('parseShapefile(files) reads UTF-8 attributes without a .cpg as UTF-8', async () => {
    const { shp, dbf } = shapefile(ACCENTED, utf8, L72_ORIGIN, 1000);
    const { data } = await parseShapefile(parts('wards', { shp, dbf }), 'wards');
    expect(data?.features.map((f) => f.properties?.naam)).toEqual(ACCENTED);
  });

  it('parseShapefile(files) falls back to Windows-1252 for a .cpg it does not know, with a warning', async () => {
    const { shp, dbf } = shapefile(ACCENTED, windows1252, L72_ORIGIN, 1000);
    const { data, problems } = await parseShapefile(parts('wards', { shp, dbf, cpg: ascii('KLINGON') }), 'wards');
    expect(data?.features[0].properties?.naam).toBe('Liège');
    expect(problems[0]).toEqual({
      file: 'wards',
      row: null,
      column: null,
      message: 'wards.cpg names an encoding we do not know ("KLINGON"); attributes read as Windows-1252',
      severity: 'warning',
      key: 'shapefileUnknownEncoding',
      values: { file: 'wards.cpg', encoding: 'KLINGON' },
    });
  });

  it('parseShapefile(files) warns when the .prj is missing and recognises the system from the range', async () => {
    const { shp, dbf } = shapefile(['A', 'B'], ascii, L72_ORIGIN, 1000);
    const { data, problems } = await parseShapefile(parts('wards', { shp, dbf }), 'wards.zip');
    expect(data?.crs).toEqual({ crs: 'EPSG:31370', how: 'range', label: 'Belgian Lambert 72 (EPSG:31370)' });
    expect(problems).toMatchObject([
      {
        file: 'wards.zip',
        row: null,
        column: null,
        message: "wards.prj is missing: the coordinate system is recognised from the coordinates' range",
        severity: 'warning',
        key: 'shapefilePrjMissing',
        values: { name: 'wards' },
      },
      {
        file: 'wards.zip',
        row: null,
        column: null,
        message: 'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84',
        severity: 'info',
      },
    ]);
    const [lon, lat] = (data?.features[0].geometry as Polygon).coordinates[0][0];
    expect(lon).toBeCloseTo(4.367, 2);
    expect(lat).toBeCloseTo(50.844, 2);
  });

  it('parseShapefile(files) says so when the .prj is there but empty', async () => {
    const { shp, dbf } = shapefile(['A'], ascii, L72_ORIGIN, 1000);
    const { data, problems } = await parseShapefile(parts('wards', { shp, dbf, prj: ascii('  \n') }), 'wards.zip');
    expect(data?.crs.crs).toBe('EPSG:31370');
    expect(problems[0]).toMatchObject({
      message: "wards.prj is empty: the coordinate system is recognised from the coordinates' range",
      severity: 'warning',
      key: 'shapefilePrjEmpty',
      values: { name: 'wards' },
    });
  });

  it('parseShapefile(files) reads Lambert 2008 and WGS84 shapefiles, reprojecting only the first', async () => {
    const l2008 = shapefile(['A'], ascii, [649_328, 665_262], 1000);
    const projected = await parseShapefile(parts('w', { ...l2008, prj: ascii('PROJCS["Belge_Lambert_2008",GEOGCS["GCS_ETRS_1989"]]') }), 'w');
    expect(projected.data?.crs.crs).toBe('EPSG:3812');
    expect((projected.data?.features[0].geometry as Polygon).coordinates[0][0]).toEqual([4.359216, 50.797815]);
    expect(projected.problems.map((p) => p.message)).toEqual([
      'coordinates in Belgian Lambert 2008 (EPSG:3812), read from w.prj; reprojected to WGS84',
    ]);

    const wgs84 = shapefile(['A'], ascii, [4.25, 50.75], 0.125);
    const degrees = await parseShapefile(parts('w', { ...wgs84, prj: ascii('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]') }), 'w');
    expect(degrees.data?.crs).toEqual({ crs: 'EPSG:4326', how: 'prj', label: 'WGS84 (EPSG:4326)' });
    expect(degrees.problems.map((p) => [p.severity, p.message])).toEqual([['info', 'coordinates in WGS84 (EPSG:4326), read from w.prj']]);
    // Rewound to RFC 7946: the clockwise ring of the shapefile now runs counterclockwise.
    expect((degrees.data?.features[0].geometry as Polygon).coordinates[0]).toEqual([
      [4.25, 50.75], [4.375, 50.75], [4.375, 50.875], [4.25, 50.875], [4.25, 50.75],
    ]);
  });

  it('parseShapefile(files) warns when the .prj says WGS84 but the coordinates are Lambert 72', async () => {
    const { shp, dbf } = shapefile(['A'], ascii, L72_ORIGIN, 1000);
    const { data, problems } = await parseShapefile(parts('w', { shp, dbf, prj: ascii('GEOGCS["GCS_WGS_1984"]') }), 'w');
    expect(data?.crs.crs).toBe('EPSG:31370');
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      [
        'warning',
        'w.prj: declared as WGS84 (EPSG:4326), but the coordinates look like Belgian Lambert 72 (EPSG:31370); ' +
          'read as Belgian Lambert 72 (EPSG:31370); reprojected to WGS84',
      ],
    ]);
  });

  it('parseShapefile(files) asks for a reprojection when the system is not one it knows', async () => {
    const utm = shapefile(['A'], ascii, [600_000, 5_650_000], 1000);
    const prj = ascii('PROJCS["WGS_1984_UTM_Zone_31N",GEOGCS["GCS_WGS_1984"],PROJECTION["Transverse_Mercator"]]');
    const { data, problems } = await parseShapefile(parts('utm', { ...utm, prj }), 'utm.zip');
    expect(data).toBeNull();
    expect(problems).toMatchObject([
      {
        file: 'utm.zip',
        row: null,
        column: null,
        message:
          'the coordinates (x 600000 to 601000, y 5650000 to 5651000) are not WGS84 degrees nor Belgian Lambert 72 or 2008 metres ' +
          '(utm.prj: the declared coordinate system "WGS_1984_UTM_Zone_31N" is not WGS84 or Belgian Lambert); ' +
          'reproject the file to WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370) and load it again',
        severity: 'error',
      },
    ]);
  });

  it('parseShapefile(zip) finds the parts in a folder, whatever their case, and skips macOS copies', async () => {
    const { shp, dbf } = shapefile(ACCENTED, utf8, L72_ORIGIN, 1000);
    const zip = zipSync({
      '__MACOSX/export/._Wards.shp': new Uint8Array(10),
      'export/Wards.shp': shp,
      'export/wards.DBF': dbf,
      'export/WARDS.cpg': ascii('UTF-8'),
      'export/readme.txt': ascii('not a part'),
    });
    const { data, problems } = await parseShapefile([{ name: 'export.zip', bytes: zip }], 'export.zip');
    expect(data?.features.map((f) => f.properties?.naam)).toEqual(ACCENTED);
    expect(data?.source).toBe('shapefile');
    expect(data?.objectName).toBeNull();
    expect(problems.map((p) => p.message)).toEqual([
      "Wards.prj is missing: the coordinate system is recognised from the coordinates' range",
      'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84',
    ]);
  });

  it('parseShapefile(zip) names the shapefile it read when the zip holds several', async () => {
    const a = shapefile(['A'], ascii, L72_ORIGIN, 1000);
    const b = shapefile(['B'], ascii, L72_ORIGIN, 1000);
    const zip = zipSync({ 'a.shp': a.shp, 'a.dbf': a.dbf, 'b.shp': b.shp, 'b.dbf': b.dbf });
    const { data, problems } = await parseShapefile([{ name: 'two.zip', bytes: zip }], 'two.zip');
    expect(data?.features[0].properties?.naam).toBe('A');
    expect(problems[0]).toMatchObject({
      severity: 'info',
      message: 'several shapefiles given; read a.shp, not b.shp',
      key: 'shapefileSeveral',
      values: { file: 'a.shp', others: ['b.shp'] },
    });
  });

  it('parseShapefile(zip) reports a zip without .dbf, naming the missing part', async () => {
    const { shp } = shapefile(['A'], ascii, L72_ORIGIN, 1000);
    const zip = zipSync({ 'gemeente.shp': shp, 'gemeente.prj': ascii('PROJCS["Belge_Lambert_1972"]') });
    expect(await parseShapefile([{ name: 'gemeente.zip', bytes: zip }], 'gemeente.zip')).toEqual({
      data: null,
      problems: [
        {
          file: 'gemeente.zip',
          row: null,
          column: null,
          message:
            'gemeente.dbf is missing: a shapefile needs its .dbf beside the .shp (it holds the ward codes and names); ' +
            'put all the parts (.shp, .dbf, .prj, .cpg) in one .zip, or select them together',
          severity: 'error',
          key: 'shapefileNoDbf',
          values: { name: 'gemeente' },
        },
      ],
    });
  });

  it('parseShapefile(files) reports a .shp given alone the same way', async () => {
    const { shp } = shapefile(['A'], ascii, L72_ORIGIN, 1000);
    const { problems } = await parseShapefile([{ name: 'gemeente.shp', bytes: shp }], 'gemeente.shp');
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^gemeente\.dbf is missing: a shapefile needs its \.dbf/)]);
  });

  it('parseShapefile(zip) reports a zip without .shp, and one that is not a zip', async () => {
    const zip = zipSync({ 'notes.txt': ascii('hello'), 'gemeente.dbf': new Uint8Array(40) });
    expect((await parseShapefile([{ name: 'data.zip', bytes: zip }], 'data.zip')).problems).toEqual([
      {
        file: 'data.zip',
        row: null,
        column: null,
        message: "no .shp in data.zip (it holds notes.txt, gemeente.dbf): a shapefile's shapes are in its .shp; add it, with the .dbf and .prj beside it",
        severity: 'error',
        key: 'shapefileNoShpInZip',
        values: { files: ['data.zip'], held: { key: 'shapefileZipHolds', values: { names: ['notes.txt', 'gemeente.dbf'] } } },
      },
    ]);
    const broken = await parseShapefile([{ name: 'data.zip', bytes: ascii('PK but not really') }], 'data.zip');
    expect(broken.data).toBeNull();
    expect(broken.problems[0]).toMatchObject({
      message:
        "data.zip is not a readable zip (invalid zip data): it is damaged or not a zip; download it again, or zip the shapefile's parts (.shp, .dbf, .prj) again",
      key: 'shapefileZipUnreadable',
      values: { file: 'data.zip', error: 'invalid zip data' },
    });
    const loose = await parseShapefile([{ name: 'gemeente.dbf', bytes: new Uint8Array(40) }], 'gemeente.dbf');
    expect(loose.problems[0]).toMatchObject({
      message: "no .shp among gemeente.dbf: a shapefile's shapes are in its .shp; add it, with the .dbf and .prj beside it",
      key: 'shapefileNoShpAmong',
      values: { files: ['gemeente.dbf'] },
    });
  });

  it('parseShapefile(zip) says a zip without .shp is empty, or lists the first five names of a long one', async () => {
    const empty = await parseShapefile([{ name: 'leeg.zip', bytes: zipSync({}) }], 'leeg.zip');
    expect(empty.problems[0]).toMatchObject({
      message: "no .shp in leeg.zip (it is empty): a shapefile's shapes are in its .shp; add it, with the .dbf and .prj beside it",
      values: { held: { key: 'shapefileZipEmpty' } },
    });
    const many = zipSync(Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`doc${i + 1}.txt`, ascii('x')])));
    const { problems } = await parseShapefile([{ name: 'docs.zip', bytes: many }], 'docs.zip');
    expect(problems[0]).toMatchObject({
      message:
        "no .shp in docs.zip (it holds doc1.txt, doc2.txt, doc3.txt, doc4.txt, doc5.txt, … (7 files)): a shapefile's shapes are in its .shp; " +
        'add it, with the .dbf and .prj beside it',
      values: { held: { values: { names: { key: 'shapefileNamesMore', values: { total: 7 } } } } },
    });
  });

  it('parseShapefile(files) reports a .shp it cannot read', async () => {
    const { dbf } = shapefile(['A'], ascii, L72_ORIGIN, 1000);
    const { data, problems } = await parseShapefile(parts('bad', { shp: ascii('not a shapefile at all'), dbf }), 'bad');
    expect(data).toBeNull();
    expect(problems[0].message).toMatch(/^bad\.shp could not be read \(.+\): it is damaged or not a shapefile; export it again$/);
    expect(problems[0]).toMatchObject({ key: 'shapefileUnreadable', values: { file: 'bad.shp' } });
  });
});

describe('parseShapefile on the Flemish and Brussels municipalities in Lambert 72', () => {
  const folder = 'lambert72-shapefile/gemeente';
  const shp = sharedData(`${folder}.shp`);
  const bytes = (ext: string) => new Uint8Array(readFileSync(sharedData(`${folder}.${ext}`).path));
  const separate = () => ['shp', 'dbf', 'prj', 'cpg'].map((ext) => ({ name: `gemeente.${ext}`, bytes: bytes(ext) }));

  it.skipIf(shp.skip)(`parseShapefile(separate files) reads 304 municipalities, reprojected to WGS84${shp.note}`, async () => {
    const start = performance.now();
    const { data, problems } = await parseShapefile(separate(), 'gemeente');
    console.log(`parseShapefile: gemeente.shp (304 municipalities) in ${Math.round(performance.now() - start)} ms`);
    expect(problems).toMatchObject([
      {
        file: 'gemeente',
        row: null,
        column: null,
        message: 'coordinates in Belgian Lambert 72 (EPSG:31370), read from gemeente.prj; reprojected to WGS84',
        severity: 'info',
      },
    ]);
    expect(data?.crs).toEqual({ crs: 'EPSG:31370', how: 'prj', label: 'Belgian Lambert 72 (EPSG:31370)' });
    expect(data?.source).toBe('shapefile');
    expect(data?.features).toHaveLength(304);
    expect(data?.propertyNames).toEqual(['geoitem', 'naam']);
    expect(data?.features[0].properties).toEqual({ geoitem: '11001', naam: 'Aartselaar' });
    expect(data?.features.filter((f) => f.geometry?.type === 'MultiPolygon')).toHaveLength(4);

    const all = positions(data!.features);
    expect(all.length).toBeGreaterThan(70_000);
    expect(all.every(([lon, lat]) => lon >= 2.5 && lon <= 6.5 && lat >= 49.4 && lat <= 51.6)).toBe(true);

    const gent = data!.features.find((f) => f.properties?.naam === 'Gent')!;
    const [lon, lat] = centroid(gent as Feature<Polygon | MultiPolygon>).geometry.coordinates;
    expect(Math.abs(lon - 3.72)).toBeLessThan(0.1);
    expect(Math.abs(lat - 51.05)).toBeLessThan(0.1);
  });

  const statbel = sharedData('statbel-sectors-2021/municipalities_be_2021_wgs84.topojson');
  const brussels = `parseShapefile(gemeente) puts Brussels within metres of Statbel's WGS84 outline${statbel.note || shp.note}`;
  it.skipIf(shp.skip || statbel.skip)(brussels, async () => {
    const { data } = await parseShapefile(separate(), 'gemeente');
    const ours = data!.features.find((f) => f.properties?.geoitem === '21004')!;
    const theirs = parseBoundaries(statbel.read(), 'municipalities').data!.features.find((f) => f.properties?.CD_MUNTY_REFNIS === '21004')!;
    const box = (f: Feature<Polygon | MultiPolygon | null>) => {
      const ps = positions([f]);
      return [Math.min(...ps.map((p) => p[0])), Math.min(...ps.map((p) => p[1])), Math.max(...ps.map((p) => p[0])), Math.max(...ps.map((p) => p[1]))];
    };
    // The city of Brussels has kept its borders since 2021; 1e-4 degrees is 7 to 11 m.
    box(ours).forEach((edge, i) => expect(Math.abs(edge - box(theirs)[i])).toBeLessThan(1e-4));
  });

  it.skipIf(shp.skip)(`parseShapefile(zip) reads the same municipalities from a zip with a folder${shp.note}`, async () => {
    // Stored, not deflated, to keep the test quick; the small zips above are deflated.
    const zip = zipSync(Object.fromEntries(separate().map((f) => [`gemeente_2025/${f.name}`, f.bytes])), { level: 0 });
    const zipped = await parseShapefile([{ name: 'gemeente_2025.zip', bytes: zip }], 'gemeente_2025.zip');
    const loose = await parseShapefile(separate(), 'gemeente');
    expect(zipped.data?.features).toHaveLength(304);
    expect(JSON.stringify(zipped.data?.features)).toBe(JSON.stringify(loose.data?.features));
    expect(zipped.problems.map((p) => p.message)).toEqual([
      'coordinates in Belgian Lambert 72 (EPSG:31370), read from gemeente.prj; reprojected to WGS84',
    ]);
  });

  it.skipIf(shp.skip)(`parseShapefile(zip without .prj) still finds Lambert 72, from the range${shp.note}`, async () => {
    const zip = zipSync(Object.fromEntries(separate().filter((f) => !f.name.endsWith('.prj')).map((f) => [f.name, f.bytes])), { level: 0 });
    const { data, problems } = await parseShapefile([{ name: 'gemeente.zip', bytes: zip }], 'gemeente.zip');
    expect(data?.features).toHaveLength(304);
    expect(data?.crs).toEqual({ crs: 'EPSG:31370', how: 'range', label: 'Belgian Lambert 72 (EPSG:31370)' });
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', "gemeente.prj is missing: the coordinate system is recognised from the coordinates' range"],
      ['info', 'coordinates in Belgian Lambert 72 (EPSG:31370), recognised from their range; reprojected to WGS84'],
    ]);
  });

  it.skipIf(shp.skip)(`parseShapefile(zip without .dbf) names the missing part${shp.note}`, async () => {
    const zip = zipSync(Object.fromEntries(separate().filter((f) => !f.name.endsWith('.dbf')).map((f) => [f.name, f.bytes])), { level: 0 });
    const { data, problems } = await parseShapefile([{ name: 'gemeente.zip', bytes: zip }], 'gemeente.zip');
    expect(data).toBeNull();
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      [
        'error',
        'gemeente.dbf is missing: a shapefile needs its .dbf beside the .shp (it holds the ward codes and names); ' +
          'put all the parts (.shp, .dbf, .prj, .cpg) in one .zip, or select them together',
      ],
    ]);
  });
});
