import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/app/catalogue';
import { applyStaging, EMPTY_STAGING, stageFiles } from '../../src/app/staging';
import { boundariesTopology, formatReport, prepareData, type InputFile, type PrepareOutput } from '../../src/cli/prepareData';
import { parseCatalogue } from '../../src/io/parseCatalogue';
import { parseManifest } from '../../src/io/parseManifest';
import { districtName } from '../../src/i18n/wardName';
import { sharedData } from '../io/sharedData';

const now = new Date('2026-11-23T10:00:00Z');
const base = { catalogue: CATALOGUE, now };

function square(x: number, y: number, size: number): Polygon {
  return { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
}

function sector(code: string, munty: string, name: string, geometry: Polygon | null): Feature<Polygon | null> {
  return {
    type: 'Feature',
    geometry,
    properties: {
      CD_SECTOR: code,
      TX_SECTOR_DESCR_NL: name,
      TX_SECTOR_DESCR_FR: `${name} FR`,
      TX_SECTOR_DESCR_DE: `${name} DE`,
      CD_MUNTY_REFNIS: munty,
      TX_MUNTY_DESCR_NL: munty === '11001' ? 'Aartselaar' : 'Antwerpen',
      TX_MUNTY_DESCR_FR: munty === '11001' ? 'Aartselaar' : 'Anvers',
      AREA_KM2: 0.5,
    },
  };
}

// Two sectors side by side in Aartselaar, and one in Antwerpen without geometry.
const sectors: InputFile = {
  name: 'sectors.geojson',
  text: JSON.stringify({
    type: 'FeatureCollection',
    features: [
      sector('11001A00-', '11001', 'CENTRUM', square(4.38, 51.13, 0.01)),
      sector('11001A01-', '11001', 'KERK', square(4.39, 51.13, 0.01)),
      sector('11002A00-', '11002', 'STAD', null),
    ],
  }),
};
// Statbel's dialect: BOM, CRLF, `;`, codes without the trailing "-", "1.234" counts, decimal commas.
const households: InputFile = {
  name: 'TF_CAR_HH_SECTOR.txt',
  bytes: new TextEncoder().encode(
    '\uFEFFCD_YEAR;CD_REFNIS;CD_STAT_SECTOR;MS_NUM_HH;vt_pct\r\n2019;11001;11001A00;1.234;12,5\r\n2019;11001;11001A01;56;7,25\r\n2019;11001;11001ZZZZ;3;1\r\n',
  ),
};
const income: InputFile = { name: 'income.csv', text: 'nis,inkomen\n11001,43629\n11002,31151\n99999,1\n' };

async function prepared(inputs: InputFile[], options: Partial<Parameters<typeof prepareData>[1]> = {}): Promise<PrepareOutput> {
  const result = await prepareData(inputs, { ...base, ...options });
  if ('error' in result) throw new Error(result.error);
  return result;
}

function decode(text: string): FeatureCollection<Polygon | MultiPolygon | null> {
  const topology = JSON.parse(text) as Topology;
  return feature(topology, topology.objects.wards) as FeatureCollection<Polygon | MultiPolygon | null>;
}

describe('prepareData', () => {
  it('prepareData(inputs, options) writes boundaries, both indicator levels, catalogue and a valid manifest', async () => {
    const { files, report } = await prepared([sectors, households, income]);
    expect(Object.keys(files)).toEqual(['boundaries.topojson', 'indicators.csv', 'municipality-indicators.csv', 'catalogue.json', 'dataset.json']);

    const manifest = parseManifest(files['dataset.json'], 'dataset.json');
    expect(manifest.problems).toEqual([]);
    expect(manifest.data).toMatchObject({
      name: 'sectors',
      attribution: '© Statbel (CC BY 4.0)',
      createdAt: '2026-11-23T10:00:00.000Z',
      boundaries: {
        file: 'boundaries.topojson',
        object: 'wards',
        key: 'CD_SECTOR',
        name: 'TX_SECTOR_DESCR_NL',
        nameFr: 'TX_SECTOR_DESCR_FR',
        district: 'TX_MUNTY_DESCR_NL',
        districtFr: 'TX_MUNTY_DESCR_FR',
        municipality: 'CD_MUNTY_REFNIS',
      },
      indicators: [
        { file: 'indicators.csv', key: 'CD_SECTOR', level: 'ward' },
        { file: 'municipality-indicators.csv', key: 'CD_MUNTY_REFNIS', level: 'municipality' },
      ],
      catalogue: 'catalogue.json',
    });
    expect(manifest.data?.sources.map((s) => [s.file, s.kind, s.level, s.key, s.rows, s.matched, s.year])).toEqual([
      ['sectors.geojson', 'boundaries', null, 'CD_SECTOR', 3, 3, null],
      ['TF_CAR_HH_SECTOR.txt', 'indicators', 'ward', 'CD_STAT_SECTOR', 3, 2, 2019],
      ['income.csv', 'indicators', 'municipality', 'nis', 3, 2, null],
    ]);

    expect(files['indicators.csv']).toBe('CD_SECTOR,MS_NUM_HH,vt_share\n11001A00-,1234,12.5\n11001A01-,56,7.25\n11002A00-,,\n');
    expect(files['municipality-indicators.csv']).toBe('CD_MUNTY_REFNIS,income\n11001,43629\n11002,31151\n');
    expect(report.joins.map((j) => [j.file, j.matched, j.areas, j.areasWithoutRow, j.rowsWithoutArea, j.rowsElsewhere])).toEqual([
      ['TF_CAR_HH_SECTOR.txt', 2, 3, ['11002A00-'], ['11001ZZZZ'], 0],
      ['income.csv', 2, 2, [], [], 1],
    ]);
  });

  it('prepareData(inputs, options) keeps only the needed properties, and the sector without geometry', async () => {
    const { files, report } = await prepared([sectors]);
    const decoded = decode(files['boundaries.topojson']);
    expect(decoded.features).toHaveLength(3);
    expect(decoded.features[0].properties).toEqual({
      CD_SECTOR: '11001A00-',
      TX_SECTOR_DESCR_NL: 'CENTRUM',
      TX_SECTOR_DESCR_FR: 'CENTRUM FR',
      CD_MUNTY_REFNIS: '11001',
      TX_MUNTY_DESCR_NL: 'Aartselaar',
      TX_MUNTY_DESCR_FR: 'Aartselaar',
    });
    expect(decoded.features.map((f) => f.geometry?.type ?? null)).toEqual(['Polygon', 'Polygon', null]);
    expect(decoded.features[2].properties?.CD_SECTOR).toBe('11002A00-');
    // The shared edge is stored once and the corners survive quantisation to within a grid step.
    const ring = (decoded.features[0].geometry as Polygon).coordinates[0];
    expect(ring).toHaveLength(5);
    for (const [x, y] of ring) {
      expect([4.38, 4.39].some((v) => Math.abs(x - v) < 1e-6)).toBe(true);
      expect([51.13, 51.14].some((v) => Math.abs(y - v) < 1e-6)).toBe(true);
    }
    expect(report.boundaries).toMatchObject({ features: 3, wards: 3, withoutGeometry: 1, municipalities: 2 });
    // Without indicator files there are no indicator files to write.
    expect(Object.keys(files)).toEqual(['boundaries.topojson', 'catalogue.json', 'dataset.json']);
    expect(parseManifest(files['dataset.json'], 'dataset.json').data?.indicators).toEqual([]);
  });

  it('prepareData(inputs, options) names the French district property, so the app shows Anvers in French', async () => {
    const { files } = await prepared([sectors]);
    expect(parseManifest(files['dataset.json'], 'dataset.json').data?.boundaries.districtFr).toBe('TX_MUNTY_DESCR_FR');
    const encoder = new TextEncoder();
    const staged = await stageFiles(EMPTY_STAGING, Object.entries(files).map(([name, text]) => ({ name, bytes: encoder.encode(text) })), null);
    const { dataset } = applyStaging(staged, null, CATALOGUE);
    const antwerpen = dataset?.wards.find((w) => w.code === '11002A00-');
    expect(antwerpen).toMatchObject({ district: 'Antwerpen', districtFr: 'Anvers' });
    expect(districtName(antwerpen!, 'fr')).toBe('Anvers');
    expect(districtName(antwerpen!, 'nl')).toBe('Antwerpen');
  });

  it('prepareData(inputs, options) reuses catalogue entries for known columns and adds neutral ones for the rest', async () => {
    const { files } = await prepared([sectors, households, income]);
    const json = JSON.parse(files['catalogue.json']) as { id: string; level: string; defaultWeight: number; year: number | null; source: string }[];
    expect(parseCatalogue(json, 'catalogue.json').problems).toEqual([]);
    expect(json.map((d) => [d.id, d.level, d.defaultWeight, d.year])).toEqual([
      ['MS_NUM_HH', 'ward', 0, 2019],
      ['vt_share', 'ward', 1, 2019],
      ['income', 'municipality', 1, 2020],
    ]);
    expect(json[0]).toEqual({
      id: 'MS_NUM_HH',
      label: { nl: 'MS_NUM_HH', fr: 'MS_NUM_HH', en: 'MS_NUM_HH' },
      unit: '',
      direction: 'high',
      defaultWeight: 0,
      source: 'TF_CAR_HH_SECTOR.txt',
      year: 2019,
      level: 'ward',
    });
    expect(json[1]).toMatchObject({ direction: 'high', unit: '%', source: CATALOGUE.find((d) => d.id === 'vt_share')?.source });
  });

  it('prepareData(inputs, options) gives a repeated column its own id and a column name the catalogue cannot take a safe one', async () => {
    const more: InputFile = { name: 'more.csv', text: 'CD_SECTOR,MS_NUM_HH,Kwetsbaren (%)\n11001A00-,1,2\n' };
    const { files } = await prepared([sectors, households, more]);
    const json = JSON.parse(files['catalogue.json']) as { id: string; label: { en: string }; aliases?: string[] }[];
    expect(json.map((d) => d.id)).toEqual(['MS_NUM_HH', 'vt_share', 'MS_NUM_HH_2', 'Kwetsbaren']);
    expect(json[2].label.en).toBe('MS_NUM_HH (more.csv)');
    expect(json[3]).toMatchObject({ label: { en: 'Kwetsbaren (%)' }, aliases: ['Kwetsbaren (%)'] });
    expect(files['indicators.csv'].split('\n')[0]).toBe('CD_SECTOR,MS_NUM_HH,vt_share,MS_NUM_HH_2,Kwetsbaren');
  });

  it('prepareData(inputs, options) with municipalities keeps their sectors and counts the other rows apart', async () => {
    const { files, report } = await prepared([sectors, households, income], { municipalities: ['11001'], name: 'Aartselaar' });
    expect(decode(files['boundaries.topojson']).features.map((f) => f.properties?.CD_SECTOR)).toEqual(['11001A00-', '11001A01-']);
    expect(files['municipality-indicators.csv']).toBe('CD_MUNTY_REFNIS,income\n11001,43629\n');
    expect(report.joins.map((j) => [j.matched, j.areas, j.rowsWithoutArea.length, j.rowsElsewhere])).toEqual([
      [2, 2, 1, 0],
      [1, 1, 0, 2],
    ]);
    expect(JSON.parse(files['dataset.json']).name).toBe('Aartselaar');
  });

  it('prepareData(inputs, options) refuses a selection that holds no sector', async () => {
    const result = await prepareData([sectors], { ...base, municipalities: ['44021'] });
    expect('error' in result && result.error).toBe('no ward of sectors.geojson lies in the municipalities 44021');
  });

  it('prepareData(inputs, options) reads one year of a long table: the latest, or the one asked for', async () => {
    const long: InputFile = { name: 'long.csv', text: 'CD_YEAR,CD_MUNTY_REFNIS,inkomen\n2019,11001,40000\n2020,11001,41000\n2019,11002,30000\n2020,11002,31000\n' };
    const latest = await prepared([sectors, long]);
    expect(latest.files['municipality-indicators.csv']).toBe('CD_MUNTY_REFNIS,income\n11001,41000\n11002,31000\n');
    expect(latest.problems.map((p) => p.message)).toContain('rows for 2 years (2019–2020); read 2020, the latest (choose another with --year)');
    const asked = await prepared([sectors, long], { year: 2019 });
    expect(asked.files['municipality-indicators.csv']).toBe('CD_MUNTY_REFNIS,income\n11001,40000\n11002,30000\n');
    expect(asked.report.joins[0].year).toBe(2019);
    const missing = await prepared([sectors, long], { year: 2018 });
    expect(missing.files['municipality-indicators.csv']).toBeUndefined();
    expect(missing.problems.map((p) => p.message)).toContain('no rows for year 2018 (the file has 2019–2020); file left out');
  });

  it('prepareData(inputs, options) leaves out a table that names no ward or municipality', async () => {
    const stray: InputFile = { name: 'stray.csv', text: 'code,x\nQ1,1\nQ2,2\n' };
    const { files, problems } = await prepared([sectors, stray]);
    expect(files['indicators.csv']).toBeUndefined();
    expect(problems.map((p) => p.message)).toContain(
      'no column holds the ward codes (CD_SECTOR) or municipality codes; file left out',
    );
  });

  it('prepareData(inputs, options) refuses inputs that cannot make a dataset', async () => {
    const error = async (inputs: InputFile[], options = {}) => {
      const result = await prepareData(inputs, { ...base, ...options });
      return 'error' in result ? result.error : null;
    };
    expect(await error([households])).toBe('no boundaries file: give one .geojson, .topojson or shapefile (.zip)');
    expect(await error([sectors, { ...sectors, name: 'b.topojson' }])).toBe('one boundaries file expected, got 2: sectors.geojson, b.topojson');
    expect(await error([sectors, { name: 'notes.pdf', text: '' }])).toMatch(/^unsupported file "notes\.pdf"/);
    expect(await error([sectors], { key: 'NISCODE' })).toMatch(/^boundaries sectors\.geojson have no property "NISCODE" \(they have: CD_SECTOR, /);
    expect(await error([{ name: 'bad.geojson', text: '{' }])).toBe('cannot read boundaries bad.geojson');
  });

  it('formatReport(report) gives a line per fact and the output sizes', async () => {
    const { report } = await prepared([sectors, households, income]);
    const lines = formatReport(report);
    expect(lines).toContain('TF_CAR_HH_SECTOR.txt: ward level, key CD_STAT_SECTOR, year 2019; 3 rows');
    expect(lines).toContain('  matched 2 of 3 wards');
    expect(lines).toContain('  1 rows match no ward: 11001ZZZZ');
    expect(lines).toContain('  columns: MS_NUM_HH, vt_pct -> vt_share');
    expect(lines.some((l) => /^boundaries\.topojson +\d+\.\d KB$/.test(l))).toBe(true);
  });
});

describe('boundariesTopology', () => {
  it('boundariesTopology(features, options) keeps a small enclave a polygon however hard it simplifies', () => {
    // A 1 km square with a 30 m square hole, and the 30 m square filling it: one shared arc.
    const outer: Polygon = { type: 'Polygon', coordinates: [square(4, 51, 0.01).coordinates[0], [[4.005, 51.005], [4.005, 51.0053], [4.0053, 51.0053], [4.0053, 51.005], [4.005, 51.005]]] };
    const features = [
      { type: 'Feature' as const, geometry: outer, properties: { code: 'A' } },
      { type: 'Feature' as const, geometry: square(4.005, 51.005, 0.0003), properties: { code: 'B' } },
    ];
    const result = boundariesTopology(features, { simplify: 1, quantize: 1e5 });
    // The outer ring, and the hole, whose arc is the enclave's ring too and so keeps it whole.
    expect(result.protectedRings).toBe(2);
    const decoded = decode(result.text);
    const enclave = (decoded.features[1].geometry as Polygon).coordinates[0];
    expect(new Set(enclave.map((p) => p.join())).size).toBe(3);
    expect((decoded.features[0].geometry as Polygon).coordinates).toHaveLength(2);
  });

  it('boundariesTopology(features, options) with simplify 0 and quantize 0 keeps every coordinate', () => {
    const features = [{ type: 'Feature' as const, geometry: square(4.123456789, 51.1, 0.01), properties: { code: 'A' } }];
    const result = boundariesTopology(features, { simplify: 0, quantize: 0 });
    expect(JSON.parse(result.text).transform).toBeUndefined();
    expect((decode(result.text).features[0].geometry as Polygon).coordinates[0][0]).toEqual([4.123456789, 51.1]);
    expect(result.pointsAfter).toBe(result.pointsBefore);
  });

  it('boundariesTopology(features, options) refuses a bad option', () => {
    expect(() => boundariesTopology([], { simplify: -1, quantize: 1e5 })).toThrow('invalid simplify: -1');
    expect(() => boundariesTopology([], { simplify: 0, quantize: 1.5 })).toThrow('invalid quantize: 1.5');
  });
});

describe('prepareData on real Statbel files', () => {
  const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  const tienenIndicators = sharedData('derived/fixture_tienen_sector_indicators.csv');
  const belgium = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
  const carsHouseholds = sharedData('statbel-raw/TF_CAR_HH_SECTOR.txt');
  const bytes = (file: { path: string }) => new Uint8Array(readFileSync(file.path));

  it.skipIf(tienen.skip || tienenIndicators.skip)(
    `prepareData(inputs, options) joins every Tienen sector to the fixture's indicators${tienen.note}${tienenIndicators.note}`,
    async () => {
      const { files, report } = await prepared([
        { name: 'tienen.geojson', bytes: bytes(tienen) },
        { name: 'fixture_tienen_sector_indicators.csv', bytes: bytes(tienenIndicators) },
      ]);
      expect(report.boundaries).toMatchObject({ wards: 61, municipalities: 1, withoutGeometry: 0 });
      expect(report.joins[0]).toMatchObject({ level: 'ward', key: 'CD_SECTOR', rows: 61, matched: 61, areas: 61, rowsWithoutArea: [], duplicateKeys: [] });
      expect(decode(files['boundaries.topojson']).features).toHaveLength(61);
      expect(files['indicators.csv'].trim().split('\n')).toHaveLength(62);
    },
  );

  // Belgium in full: 19,478 sectors and Statbel's households file, as a user would prepare them.
  it.skipIf(belgium.skip || carsHouseholds.skip)(
    `prepareData(inputs, options) prepares all of Belgium with Statbel's households per sector${belgium.note}${carsHouseholds.note}`,
    async () => {
      const { files, report } = await prepared([
        { name: 'sectors_be_2021_wgs84.topojson', bytes: bytes(belgium) },
        { name: 'TF_CAR_HH_SECTOR.txt', bytes: bytes(carsHouseholds) },
      ]);
      expect(report.boundaries).toMatchObject({ features: 19_478, wards: 19_478, withoutGeometry: 1, municipalities: 581 });
      // Statbel's 2019 households cover the 2021 sectors but 377, most of them new or renumbered since.
      expect(report.joins[0]).toMatchObject({ level: 'ward', key: 'CD_STAT_SECTOR', year: 2019, matched: 19_101, areas: 19_478 });
      expect(report.joins[0].areasWithoutRow).toHaveLength(377);
      const decoded = decode(files['boundaries.topojson']);
      expect(decoded.features).toHaveLength(19_478);
      expect(decoded.features.find((f) => f.properties?.CD_SECTOR === '93022H032')?.geometry).toBeNull();
      // 7.3 MB, against 9.8 MB for the source with all its properties.
      expect(report.sizes['boundaries.topojson']).toBeLessThan(8_000_000);
    },
    30_000,
  );
});

describe('scripts/prepare-data.ts', () => {
  const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  const tienenIndicators = sharedData('derived/fixture_tienen_sector_indicators.csv');
  const run = (args: string[]) =>
    spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/prepare-data.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it.skipIf(tienen.skip || tienenIndicators.skip)(
    `prepare-data FILES --out DIR writes the dataset and exits 0${tienen.note}${tienenIndicators.note}`,
    () => {
      const out = join(mkdtempSync(join(tmpdir(), 'prepare-data-')), 'tienen');
      const result = run([tienen.path, tienenIndicators.path, '--out', out, '--name', 'Tienen']);
      expect(result.status, result.stderr).toBe(0);
      for (const name of ['boundaries.topojson', 'indicators.csv', 'catalogue.json', 'dataset.json']) expect(existsSync(join(out, name))).toBe(true);
      expect(parseManifest(readFileSync(join(out, 'dataset.json'), 'utf8'), 'dataset.json').data?.name).toBe('Tienen');
      expect(result.stdout).toContain('matched 61 of 61 wards');
    },
    60_000,
  );

  it('prepare-data with a bad argument exits 2 with a message', () => {
    const result = run(['x.geojson', '--out', tmpdir(), '--quantize', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('prepare-data: --quantize "lots" must be a number >= 0');
    const unreadable = run(['does-not-exist.geojson', '--out', tmpdir()]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain('prepare-data: cannot read does-not-exist.geojson: ENOENT');
  }, 60_000);
});
