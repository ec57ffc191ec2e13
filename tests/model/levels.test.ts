import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { aggregateWards, groupOf } from '../../src/model/aggregateWards';
import { addIndicators, createDataset, inferAggregate, municipalityOfSector, tableLevel } from '../../src/model/createDataset';
import type { IndicatorDef } from '../../src/model/types';

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[x, 0], [x + 0.01, 0], [x + 0.01, 0.01], [x, 0.01], [x, 0]]],
});
// Three sectors: two in municipality 11001 (side by side), one in 11002.
const features = ['11001A00-', '11001A01-', '11002A00-'].map((code, i) => ({
  type: 'Feature' as const,
  properties: { CD_SECTOR: code, name: `S${i}`, muni: i < 2 ? 'Aartselaar' : 'Antwerpen' },
  geometry: square(i * 0.01),
}));
const catalogue: IndicatorDef[] = [
  { id: 'pop', label: { nl: 'p', fr: 'p', en: 'p' }, unit: 'persons', direction: 'high', defaultWeight: 0, source: '', year: null, aggregate: 'sum' },
  { id: 'vt', label: { nl: 'v', fr: 'v', en: 'v' }, unit: '%', direction: 'high', defaultWeight: 1, source: '', year: null, aggregate: 'mean' },
];

function city() {
  return createDataset({
    name: 'c',
    features,
    fields: { key: 'CD_SECTOR', name: 'name', district: 'muni' },
    tables: [{ file: 'sectors.csv', keys: ['11001A00', '11001A01', '11002A00'], values: { pop: [100, 300, 50], vt: [10, 30, null] } }],
    catalogue,
    currentAreas: [{ code: '11001A01', team: 'Team A' }],
  });
}

describe('levels', () => {
  it('municipalityOfSector(code) takes the NIS code from a Statbel sector code', () => {
    expect(municipalityOfSector('11001A00-')).toBe('11001');
    expect(municipalityOfSector('1100212MQ')).toBe('11002');
    expect(municipalityOfSector('11053A381')).toBe('11053');
    expect(municipalityOfSector('DEMO-A01')).toBeNull();
    expect(municipalityOfSector('11002')).toBeNull();
    expect(municipalityOfSector('1100212')).toBeNull();
  });

  it('createDataset(features) gives each Statbel sector its municipality', () => {
    expect(city().wards.map(groupOf)).toEqual(['11001', '11001', '11002']);
  });

  it('tableLevel(keys, wards, municipalities) picks the level where more keys match', () => {
    expect(tableLevel(['11001', '11002', '99999'], ['11001A00-'], ['11001', '11002'])).toBe('municipality');
    expect(tableLevel(['11001A00'], ['11001A00-'], ['11001'])).toBe('ward');
  });

  it('addIndicators(dataset, municipality table) attaches the value to every sector of the municipality and marks it', () => {
    const dataset = addIndicators(city(), [{ file: 'income.csv', keys: ['11001', '11003'], values: { income: [21000, 19000] } }], catalogue);
    expect(dataset.values.income).toEqual([21000, 21000, null]);
    expect(dataset.indicators.find((d) => d.id === 'income')?.level).toBe('municipality');
    const report = dataset.joinReports[1];
    expect([report.level, report.matched, report.wardCount, report.wardsWithoutRow, report.rowsWithoutWard]).toEqual([
      'municipality',
      1,
      2,
      ['11002'],
      ['11003'],
    ]);
  });

  it('aggregateWards(dataset, population) sums counts and population-weights shares', () => {
    const merged = aggregateWards(addIndicators(city(), [{ file: 'i.csv', keys: ['11001'], values: { income: [21000] } }], catalogue), 'pop');
    expect(merged.wards.map((w) => [w.code, w.name])).toEqual([
      ['11001', 'Aartselaar'],
      ['11002', 'Antwerpen'],
    ]);
    expect(merged.values.pop).toEqual([400, 50]);
    // (100 * 10 + 300 * 30) / 400 = 25; 11002's only sector has no VT value.
    expect(merged.values.vt).toEqual([25, null]);
    expect(merged.values.income).toEqual([21000, null]);
    expect(merged.currentAreas).toEqual([{ index: 0, team: 'Team A' }]);
  });

  it('aggregateWards(dataset, null) averages shares without weights', () => {
    expect(aggregateWards(city(), null).values.vt).toEqual([20, null]);
  });

  it('aggregateWards(dataset) merges the member polygons without their shared border', () => {
    const merged = aggregateWards(city(), 'pop');
    const [first] = merged.geometry.features;
    expect(first.geometry.type).toBe('Polygon');
    // Two side-by-side squares make one rectangle twice the area of one square (quantisation aside).
    expect(area(first) / area({ type: 'Feature', properties: {}, geometry: square(0) })).toBeCloseTo(2, 2);
    expect((first.geometry as GeoJSON.Polygon).coordinates[0].length).toBeLessThanOrEqual(7);
  });

  it('inferAggregate(column, cells) sums count-like integer columns and averages the rest', () => {
    expect(inferAggregate('MS_NUM_HH', [3, 4])).toBe('sum');
    expect(inferAggregate('population_2011', [3, null])).toBe('sum');
    expect(inferAggregate('population_density', [3.5])).toBe('mean');
    expect(inferAggregate('bimd2011_score', [3, 4])).toBe('mean');
  });

  it('addIndicators(dataset, tables with missing reasons) keeps the reason per ward at both levels', () => {
    const dataset = addIndicators(
      city(),
      [
        { file: 'ima.csv', keys: ['11001A00', '11001A01'], values: { gmd: [null, 70] }, missing: { gmd: ['<5', null] } },
        { file: 'income.csv', keys: ['11001', '11002'], values: { income: [21000, null] }, missing: { income: [null, '*'] } },
      ],
      catalogue,
    );
    expect(dataset.missing.gmd).toEqual(['<5', null, null]);
    expect(dataset.missing.income).toEqual([null, null, '*']);
    expect(dataset.values.income).toEqual([21000, 21000, null]);
  });
});
