import { describe, expect, it } from 'vitest';
import { detectKeyColumn, keyNameRank } from '../../src/io/detectKeyColumn';
import { normaliseCode } from '../../src/model/normaliseCode';
import { parseCsv } from '../../src/io/parseCsv';
import { sharedData } from './sharedData';

describe('normaliseCode', () => {
  it('normaliseCode(code) trims, upper-cases and drops the trailing "-"', () => {
    expect(normaliseCode(' 24107a00- ')).toBe('24107A00');
    expect(normaliseCode('11053A381')).toBe('11053A381');
    expect(normaliseCode('02000')).toBe('02000');
  });
});

describe('keyNameRank', () => {
  it('keyNameRank(name) ranks sector codes above municipality codes above generic names', () => {
    expect(keyNameRank('CD_SECTOR')).toBeLessThan(keyNameRank('CD_REFNIS'));
    expect(keyNameRank('CD_STAT_SECTOR')).toBeLessThan(keyNameRank('cd_munty_refnis'));
    expect(keyNameRank('NIS5')).toBeLessThan(keyNameRank('id'));
    expect(keyNameRank('population')).toBe(Infinity);
  });
});

describe('detectKeyColumn', () => {
  const rows = [
    ['11001', 'Aartselaar', '11001A00-', '10'],
    ['11001', 'Aartselaar', '11001A01-', '12'],
    ['11002', 'Antwerpen', '11002A00-', '10'],
  ];
  const columns = ['CD_REFNIS', 'TX_NAME', 'CD_STAT_SECTOR', 'value'];

  it('detectKeyColumn(columns, rows) prefers the sector code to the municipality code', () => {
    expect(detectKeyColumn(columns, rows)).toBe('CD_STAT_SECTOR');
  });

  it('detectKeyColumn(columns, rows) matches key names case-insensitively', () => {
    expect(detectKeyColumn(['naam', 'NisCode', 'v'], [['a', '1', '2']])).toBe('NisCode');
    expect(detectKeyColumn(['Wijkcode', 'v'], [['W1', '2']])).toBe('Wijkcode');
  });

  it('detectKeyColumn(columns, rows, candidates) picks the column whose values meet the boundary keys', () => {
    expect(detectKeyColumn(columns, rows, ['11001', '11002'])).toBe('CD_REFNIS');
    expect(detectKeyColumn(columns, rows, ['11001A00-', '11001A01-'])).toBe('CD_STAT_SECTOR');
    expect(detectKeyColumn(['area', 'v'], [['Sledderlo', '1'], ['Waterschei', '2']], ['WATERSCHEI'])).toBe('area');
  });

  it('detectKeyColumn(columns, rows, candidates) falls back to names when no value meets a candidate', () => {
    expect(detectKeyColumn(columns, rows, ['99999'])).toBe('CD_STAT_SECTOR');
  });

  it('detectKeyColumn(columns, rows) takes the first column with unique values when no name fits', () => {
    expect(detectKeyColumn(['area', 'v'], [['Noord', '1'], ['Zuid', '1']])).toBe('area');
  });

  it('detectKeyColumn(columns, rows) returns null when nothing fits', () => {
    expect(detectKeyColumn(['area', 'v'], [['Noord', '1'], ['Noord', '1']])).toBeNull();
    expect(detectKeyColumn(['area', 'v'], [['', '1'], ['Zuid', '1']])).toBeNull();
    expect(detectKeyColumn(['a'], [])).toBeNull();
  });

  const statbel = sharedData('statbel-raw/TF_CAR_HH_SECTOR.txt');
  const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  it.skipIf(statbel.skip || tienen.skip)(
    `detectKeyColumn(columns, rows, candidates) finds CD_STAT_SECTOR in Statbel's file for the Tienen sectors${statbel.note}${tienen.note}`,
    () => {
      const table = parseCsv(statbel.read(), 'TF_CAR_HH_SECTOR.txt').data!;
      const sectors = JSON.parse(tienen.read()) as { features: { properties: { CD_SECTOR: string } }[] };
      const candidates = sectors.features.map((f) => f.properties.CD_SECTOR);
      expect(candidates).toHaveLength(61);
      expect(detectKeyColumn(table.columns, table.rows)).toBe('CD_STAT_SECTOR');
      expect(detectKeyColumn(table.columns, table.rows, candidates)).toBe('CD_STAT_SECTOR');
    },
  );
});
