import { describe, expect, it } from 'vitest';
import { assembleDataset, readBoundariesFile, readCurrentAreas, readIndicatorFile } from '../../src/app/assembleDataset';
import { CATALOGUE } from '../../src/app/catalogue';
import { loadDemo } from './demoCity';
import { sharedData } from '../io/sharedData';
import { TINY_WARDS_GEOJSON } from './tinyCity';


describe('assembleDataset on the demo city', () => {
  const { dataset, problems } = loadDemo();
  const byCode = (code: string) => dataset!.wards.findIndex((w) => w.code === code);

  it('assembleDataset(demo) reads 432 wards without problems or warnings', () => {
    expect(problems).toEqual([]);
    expect(dataset?.name).toBe('Synthetic demo city (Demostad)');
    expect(dataset?.synthetic).toBe(true);
    expect(dataset?.attribution).toBe('Synthetic demo data (chw-planner)');
    expect(dataset?.wards).toHaveLength(432);
    expect(dataset?.geometry.features).toHaveLength(432);
    expect(dataset?.warnings).toEqual([]);
  });

  it('assembleDataset(demo) has the 7 indicators in the order of the CSV columns, as catalogued', () => {
    expect(dataset?.indicators.map((d) => d.id)).toEqual([
      'income',
      'gp_contact_share',
      'gmd_share',
      'gp_contacts_per_person',
      'vt_share',
      'population',
      'vulnerable_persons',
    ]);
    // The catalogue entries themselves, not generated stand-ins.
    expect(dataset?.indicators.map((d) => [d.direction, d.defaultWeight])).toEqual([
      ['low', 1],
      ['low', 1],
      ['low', 1],
      ['low', 0.5],
      ['high', 1],
      ['high', 0],
      ['high', 1],
    ]);
  });

  it('assembleDataset(demo) joins every ward to a row', () => {
    expect(dataset?.joinReports).toEqual([
      { file: 'indicators.csv', matched: 432, wardCount: 432, rowCount: 432, wardsWithoutRow: [], rowsWithoutWard: [], duplicateKeys: [], level: 'ward' },
    ]);
  });

  it('assembleDataset(demo) reads the first ward and its values as written in the files', () => {
    expect(dataset?.wards[0]).toEqual({ index: 0, code: 'DEMO-A01', name: 'Hulstmeers', district: 'Centrum', municipality: null });
    expect(dataset?.wards[431]).toEqual({ index: 431, code: 'DEMO-H48', name: 'Molenlaan', district: 'Sint-Amands', municipality: null });
    const first = Object.fromEntries(Object.entries(dataset!.values).map(([id, column]) => [id, column[0]]));
    expect(first).toEqual({
      income: 23161,
      gp_contact_share: 76.4,
      gmd_share: 66.4,
      gp_contacts_per_person: 4.32,
      vt_share: 37,
      population: 841,
      vulnerable_persons: 311,
    });
    expect(dataset?.values.gmd_share[1]).toBe(53.9);
    expect(dataset?.values.income[431]).toBe(43978);
  });

  it('assembleDataset(demo) keeps empty cells as null', () => {
    // DEMO-A16,36412,73.6,60.3,,27.5,684,188 and DEMO-A47,,79.5,63.9,5.24,43.8,965,423
    expect(dataset?.values.gp_contacts_per_person[byCode('DEMO-A16')]).toBeNull();
    expect(dataset?.values.income[byCode('DEMO-A16')]).toBe(36412);
    expect(dataset?.values.income[byCode('DEMO-A47')]).toBeNull();
    expect(dataset?.values.gp_contact_share[byCode('DEMO-A47')]).toBe(79.5);
  });

  it('assembleDataset(demo) has the 8 districts drawn and named on the wards', () => {
    expect(dataset?.districts?.features).toHaveLength(8);
    const names = new Set(dataset!.wards.map((w) => w.district));
    expect([...names].sort()).toEqual(['Centrum', 'Heide', 'Les Coteaux', 'Noordhaven', 'Oosterveld', 'Rivierkant', 'Sint-Amands', 'Zuidpark']);
    expect(dataset!.wards.filter((w) => w.district === 'Centrum')).toHaveLength(82);
  });

  it('assembleDataset(demo) places the 15 current CHW areas of 3 teams on their wards', () => {
    const areas = dataset!.currentAreas;
    expect(areas).toHaveLength(15);
    const perTeam: Record<string, number> = {};
    for (const a of areas) perTeam[a.team] = (perTeam[a.team] ?? 0) + 1;
    expect(perTeam).toEqual({ 'Team Centrum': 6, 'Team Noord': 5, 'Team Zuidwest': 4 });
    expect(areas[0]).toEqual({ index: byCode('DEMO-A12'), team: 'Team Centrum' });
    expect(dataset!.wards[areas[14].index].code).toBe('DEMO-G33');
  });
});

describe('assembleDataset on real Statbel sectors (Tienen)', () => {
  const sectors = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  const indicators = sharedData('derived/fixture_tienen_sector_indicators.csv');
  const skip = sectors.skip || indicators.skip;

  it.skipIf(skip)(`assembleDataset(Tienen sectors + indicators) joins all 61 sectors by CD_SECTOR${sectors.note}${indicators.note}`, () => {
    const { dataset, problems } = assembleDataset({
      name: 'Tienen',
      boundaries: { name: 'tienen.geojson', text: sectors.read() },
      indicatorFiles: [{ source: { name: 'tienen.csv', text: indicators.read() } }],
      catalogue: CATALOGUE,
    });
    expect(readBoundariesFile({ name: 'tienen.geojson', text: sectors.read() }).fields).toEqual({
      key: 'CD_SECTOR',
      name: 'TX_SECTOR_DESCR_NL',
      district: 'TX_MUNTY_DESCR_NL',
      municipality: 'CD_MUNTY_REFNIS',
      nameFr: 'TX_SECTOR_DESCR_FR',
      districtFr: 'TX_MUNTY_DESCR_FR',
    });
    expect(dataset?.wards).toHaveLength(61);
    expect(dataset?.wards.slice(0, 2)).toEqual([
      { index: 0, code: '24107A00-', name: 'TIENEN-CENTRUM', district: 'Tienen', districtFr: 'Tirlemont', municipality: '24107' },
      { index: 1, code: '24107A01-', name: 'MOESPIK', district: 'Tienen', districtFr: 'Tirlemont', municipality: '24107' },
    ]);
    expect(dataset?.joinReports.map((r) => [r.file, r.matched, r.wardCount, r.wardsWithoutRow.length, r.rowsWithoutWard.length])).toEqual([
      ['tienen.csv', 61, 61, 0, 0],
    ]);
    expect(dataset?.indicators.map((d) => d.id)).toEqual([
      'population_2011',
      'households_2019',
      'cars_2019',
      'bimd2011_score',
      'bimd2011_decile',
      'bimd2011_income_decile',
      'bimd2011_health_decile',
      'bimd2011_nohealth_decile',
    ]);
    // 24107A00-,24107,TIENEN-CENTRUM,TIENEN-CENTRUM,1177,705,446,37.174,2,2,5,2
    expect(dataset?.values.population_2011[0]).toBe(1177);
    expect(dataset?.values.bimd2011_score[0]).toBe(37.174);
    // The municipality code is reported as left out, not read as an indicator.
    expect(problems.map((p) => [p.column, p.severity])).toEqual([['CD_MUNTY_REFNIS', 'info']]);
    expect(dataset?.warnings).toEqual([]);
  });
});

describe('assembleDataset', () => {
  it('assembleDataset(broken boundaries) gives no dataset and the parse error', () => {
    const { dataset, problems } = assembleDataset({
      name: 'x',
      boundaries: { name: 'b.geojson', text: '' },
      indicatorFiles: [],
      catalogue: CATALOGUE,
    });
    expect(dataset).toBeNull();
    expect(problems.map((p) => [p.file, p.severity])).toEqual([['b.geojson', 'error']]);
  });

  it('assembleDataset(boundaries, fields) uses the given key over the detected one', () => {
    const { dataset } = assembleDataset({
      name: 'x',
      boundaries: { name: 'b.geojson', text: TINY_WARDS_GEOJSON },
      fields: { key: 'name' },
      indicatorFiles: [],
      catalogue: CATALOGUE,
    });
    expect(dataset?.wards.map((w) => [w.code, w.name])).toEqual([
      ['Noord', 'Noord'],
      ['Midden', 'Midden'],
      ['Zuid', 'Zuid'],
    ]);
  });

  it('assembleDataset(boundaries, unreadable indicator file) keeps the wards and reports the file', () => {
    const { dataset, problems } = assembleDataset({
      name: 'x',
      boundaries: { name: 'b.geojson', text: TINY_WARDS_GEOJSON },
      indicatorFiles: [
        { source: { name: 'bad.csv', text: 'a,b\n1,2\n1,2\n' } },
        { source: { name: 'good.csv', text: 'code,vt\nW1,5\nW3,7\n' } },
      ],
      catalogue: CATALOGUE,
    });
    expect(dataset?.wards).toHaveLength(3);
    expect(dataset?.indicators.map((d) => d.id)).toEqual(['vt_share']);
    expect(dataset?.values).toEqual({ vt_share: [5, null, 7] });
    expect(problems.map((p) => [p.file, p.message, p.key, p.values])).toEqual([
      ['bad.csv', 'no key column found: none of a, b holds the ward codes; choose one', 'noKeyColumnFound', { columns: ['a', 'b'] }],
    ]);
  });

  it('assembleDataset(boundaries, current areas with an unknown code) warns and keeps the known ones', () => {
    const { dataset } = assembleDataset({
      name: 'x',
      boundaries: { name: 'b.geojson', text: TINY_WARDS_GEOJSON },
      indicatorFiles: [],
      catalogue: CATALOGUE,
      currentAreas: { name: 'c.csv', text: 'code,team\nW3,Team Zuid\nW9,Team Nergens\n' },
    });
    expect(dataset?.currentAreas).toEqual([{ index: 2, team: 'Team Zuid' }]);
    expect(dataset?.warnings).toEqual([{ key: 'currentAreaNoWard', values: { code: 'W9' } }]);
  });

  it('assembleDataset(boundaries without a code property) makes no dataset and asks for the code property', () => {
    const { dataset, problems } = assembleDataset({
      name: 'x',
      boundaries: { name: 'b.geojson', text: TINY_WARDS_GEOJSON },
      fields: { key: null },
      indicatorFiles: [],
      catalogue: CATALOGUE,
    });
    expect(dataset).toBeNull();
    expect(problems).toEqual([
      { file: 'b.geojson', row: null, column: null, message: 'no property holds a unique ward code; choose the code property', severity: 'error', key: 'noUniqueCodeProperty', values: {} },
    ]);
  });
});

describe('readIndicatorFile', () => {
  it('readIndicatorFile(file, codes) detects the key column from the ward codes', () => {
    const { table, problems } = readIndicatorFile({ name: 'f.csv', text: 'naam;sector;gmd\nA;W1;60,5\nB;W2;70\n' }, ['W1', 'W2']);
    expect(problems).toEqual([]);
    expect(table).toEqual({ file: 'f.csv', keys: ['W1', 'W2'], values: { gmd: [60.5, 70] } });
  });

  it('readIndicatorFile(file, codes, key) with a key that is not a column returns no table and says which columns there are', () => {
    const { table, problems } = readIndicatorFile({ name: 'f.csv', text: 'code,v\nW1,1\n' }, ['W1'], 'wijk');
    expect(table).toBeNull();
    expect(problems.map((p) => p.message)).toEqual([
      'the key column "wijk" is not in the file, whose columns are "code", "v"; nothing was read. Choose the column that holds the area codes',
    ]);
  });
});

describe('readCurrentAreas', () => {
  it('readCurrentAreas(file) reads code and team, trimmed, with "CHW team" for a blank team and skips blank codes', () => {
    const { areas, problems } = readCurrentAreas({ name: 'c.csv', text: 'Code,Team\n W1 , Team A \nW2,\n,Team B\n' });
    expect(problems).toEqual([]);
    expect(areas).toEqual([
      { code: 'W1', team: 'Team A' },
      { code: 'W2', team: 'CHW team' },
    ]);
  });

  it('readCurrentAreas(file without team column) names every area "CHW team"', () => {
    expect(readCurrentAreas({ name: 'c.csv', text: 'code\nW1\n' }).areas).toEqual([{ code: 'W1', team: 'CHW team' }]);
  });

  it('readCurrentAreas(file without code column) reads nothing and asks for a "code" column', () => {
    expect(readCurrentAreas({ name: 'c.csv', text: 'wijk,team\nW1,A\n' })).toEqual({
      areas: [],
      problems: [{ file: 'c.csv', row: null, column: 'code', message: 'expected a column "code"', severity: 'error', key: 'expectedCodeColumn', values: {} }],
    });
  });
});

describe('readBoundariesFile', () => {
  it('readBoundariesFile(geojson) guesses the code, name and district properties', () => {
    const read = readBoundariesFile({ name: 'b.geojson', text: TINY_WARDS_GEOJSON });
    expect(read.problems).toEqual([]);
    expect(read.fields).toEqual({ key: 'code', name: 'name', district: 'district', municipality: null });
    expect(read.boundaries?.features).toHaveLength(3);
  });

  it('readBoundariesFile(not json) has no boundaries and no fields', () => {
    const read = readBoundariesFile({ name: 'b.geojson', text: 'code,name\n' });
    expect(read.boundaries).toBeNull();
    expect(read.fields).toEqual({ key: null, name: null, district: null });
    expect(read.problems.map((p) => p.severity)).toEqual(['error']);
  });
});
