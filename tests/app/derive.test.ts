import { describe, expect, it } from 'vitest';
import { excludedOf, rankSettings, selectionOf } from '../../src/app/derive';
import { initialState, reduce, type AppState } from '../../src/app/state';
import { tinyCity } from './tinyCity';
import { CATALOGUE } from '../../src/app/catalogue';
import { withFieldColumns } from '../../src/model/withFieldColumns';

// income: low (weight 1), vt_share: high (weight 1); W1 is poorest, W3 has the most VT.
// The page ranks the dataset with its field columns (workability, help requests), as here.
const raw = tinyCity([{ file: 'a.csv', keys: ['W1', 'W2', 'W3'], values: { income: [1, 2, 3], vt_share: [4, 5, 9] } }]);
const city = withFieldColumns(raw, new Map(), null, CATALOGUE);
const loaded: AppState = reduce(initialState, { type: 'datasetLoaded', dataset: city });

describe('rankSettings', () => {
  it('rankSettings(base, settings) ranks by the settings: income alone puts the poorest first, VT alone the highest share', () => {
    expect(rankSettings(city, { ...loaded, weights: { income: 1, vt_share: 0 } })).toEqual([1, 2, 3]);
    expect(rankSettings(city, { ...loaded, weights: { income: 0, vt_share: 1 } })).toEqual([3, 2, 1]);
  });

  it('rankSettings(base, settings) turns a direction round', () => {
    const directions = { ...loaded.directions, income: 'high' as const };
    expect(rankSettings(city, { ...loaded, directions, weights: { income: 1, vt_share: 0 } })).toEqual([3, 2, 1]);
  });

  it('rankSettings(base, settings) ranks only the wards of the area filter, the others unranked', () => {
    expect(rankSettings(city, { ...loaded, areaFilter: ['Oost'], weights: { income: 0, vt_share: 1 } })).toEqual([2, 1, null]);
  });

  it('rankSettings(base, settings) leaves workability-1 wards unranked when they are excluded', () => {
    const base = withFieldColumns(raw, new Map([['W2', 1]]), null, CATALOGUE);
    const settings = { ...loaded, weights: { income: 1, vt_share: 0 } };
    expect(rankSettings(base, { ...settings, excludeUnworkable: true })).toEqual([1, null, 2]);
    expect(rankSettings(base, { ...settings, excludeUnworkable: false })).toEqual([1, 2, 3]);
  });
});

describe('selectionOf and excludedOf', () => {
  it('selectionOf(view, settings) is null without a filter and the filtered wards with one', () => {
    expect(selectionOf(city, { areaFilter: [], level: 'ward' })).toBeNull();
    expect(selectionOf(city, { areaFilter: ['West'], level: 'ward' })).toEqual([2]);
  });

  it('excludedOf(view, settings) excludes nothing at the municipality level', () => {
    const base = { ...city, values: { ...city.values, workability: [1, 1, null] } };
    expect([...excludedOf(base, { excludeUnworkable: true, level: 'ward' })]).toEqual([0, 1]);
    expect([...excludedOf(base, { excludeUnworkable: true, level: 'municipality' })]).toEqual([]);
  });
});
