import { describe, expect, it } from 'vitest';
import { defaultsOf, initialState, reduce, type AppState } from '../../src/app/state';
import { tinyCity } from './tinyCity';

// Every dataset also gets the field indicators (workability, help requests), unweighted at first.
const FIELD_WEIGHTS = { workability: 0, help_requests: 0 };
const FIELD_DIRECTIONS = { workability: 'high', help_requests: 'high' } as const;

// income: low, weight 1; vt_share: high, weight 1; population: high, weight 0; gp_contacts_per_person: low, 0.5.
const incomeVt = tinyCity([{ file: 'a.csv', keys: ['W1', 'W2', 'W3'], values: { income: [1, 2, 3], vt_share: [4, 5, 6] } }]);
const withMore = tinyCity([
  {
    file: 'a.csv',
    keys: ['W1', 'W2', 'W3'],
    values: { income: [1, 2, 3], vt_share: [4, 5, 6], gp_contacts_per_person: [7, 8, 9], population: [10, 11, 12] },
  },
]);

const loaded = (dataset = incomeVt): AppState => reduce(initialState, { type: 'datasetLoaded', dataset });

describe('defaultsOf', () => {
  it('defaultsOf(dataset) takes the catalogue weight and direction of each indicator', () => {
    expect(defaultsOf(withMore)).toEqual({
      weights: { ...FIELD_WEIGHTS, income: 1, vt_share: 1, gp_contacts_per_person: 0.5, population: 0 },
      directions: { ...FIELD_DIRECTIONS, income: 'low', vt_share: 'high', gp_contacts_per_person: 'low', population: 'high' },
    });
  });
});

describe('reduce', () => {
  it('reduce(state, datasetLoaded) sets the default weights and directions and clears selection, filter, colouring and sort', () => {
    const busy: AppState = {
      ...initialState,
      weights: { old: 3 },
      directions: { old: 'low' },
      colourBy: 'old',
      selected: 2,
      districtFilter: 'Oost',
      sort: { column: 'score', descending: true },
    };
    const next = reduce(busy, { type: 'datasetLoaded', dataset: incomeVt });
    expect(next.dataset).toBe(incomeVt);
    expect(next.weights).toEqual({ ...FIELD_WEIGHTS, income: 1, vt_share: 1 });
    expect(next.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'low', vt_share: 'high' });
    expect(next.colourBy).toBe('score');
    expect(next.selected).toBeNull();
    expect(next.districtFilter).toBeNull();
    expect(next.sort).toEqual({ column: 'rank', descending: false });
  });

  it('reduce(state, weightSet) changes that one weight', () => {
    const next = reduce(loaded(), { type: 'weightSet', id: 'income', weight: 2.5 });
    expect(next.weights).toEqual({ ...FIELD_WEIGHTS, income: 2.5, vt_share: 1 });
    expect(next.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'low', vt_share: 'high' });
  });

  it('reduce(state, weightSet) accepts 0, which switches the indicator off', () => {
    expect(reduce(loaded(), { type: 'weightSet', id: 'vt_share', weight: 0 }).weights).toEqual({ ...FIELD_WEIGHTS, income: 1, vt_share: 0 });
  });

  it('reduce(state, weightSet) throws "invalid weight" for a negative weight or NaN', () => {
    expect(() => reduce(loaded(), { type: 'weightSet', id: 'income', weight: -1 })).toThrow('invalid weight: -1');
    expect(() => reduce(loaded(), { type: 'weightSet', id: 'income', weight: Number.NaN })).toThrow('invalid weight: NaN');
  });

  it('reduce(state, directionToggled) flips low to high and back, leaving the others', () => {
    const once = reduce(loaded(), { type: 'directionToggled', id: 'income' });
    expect(once.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'high', vt_share: 'high' });
    const twice = reduce(once, { type: 'directionToggled', id: 'income' });
    expect(twice.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'low', vt_share: 'high' });
  });

  it('reduce(state, weightsReset) restores the default weights, directions and method', () => {
    let state = loaded();
    state = reduce(state, { type: 'weightSet', id: 'income', weight: 4 });
    state = reduce(state, { type: 'directionToggled', id: 'vt_share' });
    state = reduce(state, { type: 'methodSet', method: 'expo' });
    expect(state.method).toBe('expo');
    const reset = reduce(state, { type: 'weightsReset' });
    expect(reset.weights).toEqual({ ...FIELD_WEIGHTS, income: 1, vt_share: 1 });
    expect(reset.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'low', vt_share: 'high' });
    expect(reset.method).toBe('percentile');
  });

  it('reduce(state, weightsReset) without a dataset returns the state unchanged', () => {
    expect(reduce(initialState, { type: 'weightsReset' })).toBe(initialState);
  });

  it('reduce(state, wardSelected) with focus bumps focusRequest only for a ward, not for null', () => {
    const focused = reduce(loaded(), { type: 'wardSelected', index: 2, focus: true });
    expect(focused.selected).toBe(2);
    expect(focused.focusRequest).toBe(1);
    const again = reduce(focused, { type: 'wardSelected', index: 0, focus: true });
    expect(again.focusRequest).toBe(2);
    const cleared = reduce(again, { type: 'wardSelected', index: null, focus: true });
    expect(cleared.selected).toBeNull();
    expect(cleared.focusRequest).toBe(2);
  });

  it('reduce(state, wardSelected) without focus (a map click) selects without bumping focusRequest', () => {
    const next = reduce(loaded(), { type: 'wardSelected', index: 1, focus: false });
    expect(next.selected).toBe(1);
    expect(next.focusRequest).toBe(0);
  });

  it('reduce(state, indicatorsAdded) keeps the user settings of known indicators and adds defaults for new ones', () => {
    let state = loaded();
    state = reduce(state, { type: 'weightSet', id: 'income', weight: 3 });
    state = reduce(state, { type: 'weightSet', id: 'vt_share', weight: 0 });
    state = reduce(state, { type: 'directionToggled', id: 'income' });
    state = reduce(state, { type: 'wardSelected', index: 1, focus: false });
    state = reduce(state, { type: 'sortSet', column: 'score' });
    const next = reduce(state, { type: 'indicatorsAdded', dataset: withMore });
    expect(next.dataset).toBe(withMore);
    expect(next.weights).toEqual({ ...FIELD_WEIGHTS, income: 3, vt_share: 0, gp_contacts_per_person: 0.5, population: 0 });
    expect(next.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'high', vt_share: 'high', gp_contacts_per_person: 'low', population: 'high' });
    expect(next.selected).toBe(1);
    expect(next.sort).toEqual({ column: 'score', descending: true });
  });

  it('reduce(state, indicatorsAdded) drops weights of indicators the new dataset no longer has', () => {
    const state = { ...loaded(), weights: { income: 2, vt_share: 1, gone: 5 }, directions: { income: 'low' as const, vt_share: 'high' as const, gone: 'low' as const } };
    const next = reduce(state, { type: 'indicatorsAdded', dataset: incomeVt });
    expect(next.weights).toEqual({ ...FIELD_WEIGHTS, income: 2, vt_share: 1 });
    expect(next.directions).toEqual({ ...FIELD_DIRECTIONS, income: 'low', vt_share: 'high' });
  });

  it('reduce(state, sortSet) on the current column toggles the direction', () => {
    const once = reduce(initialState, { type: 'sortSet', column: 'rank' });
    expect(once.sort).toEqual({ column: 'rank', descending: true });
    expect(reduce(once, { type: 'sortSet', column: 'rank' }).sort).toEqual({ column: 'rank', descending: false });
  });

  it('reduce(state, sortSet) on a new column sorts numbers descending and rank, code, name, district ascending', () => {
    const from = { ...initialState, sort: { column: 'income', descending: false } };
    expect(reduce(from, { type: 'sortSet', column: 'score' }).sort).toEqual({ column: 'score', descending: true });
    expect(reduce(initialState, { type: 'sortSet', column: 'income' }).sort).toEqual({ column: 'income', descending: true });
    expect(reduce(from, { type: 'sortSet', column: 'rank' }).sort).toEqual({ column: 'rank', descending: false });
    expect(reduce(from, { type: 'sortSet', column: 'code' }).sort).toEqual({ column: 'code', descending: false });
    expect(reduce(from, { type: 'sortSet', column: 'name' }).sort).toEqual({ column: 'name', descending: false });
    expect(reduce(from, { type: 'sortSet', column: 'district' }).sort).toEqual({ column: 'district', descending: false });
  });

  it('reduce(state, currentAreasToggled | districtsToggled) flips the layer switches', () => {
    const areas = reduce(initialState, { type: 'currentAreasToggled' });
    expect([areas.showCurrentAreas, areas.showDistricts]).toEqual([false, true]);
    const both = reduce(areas, { type: 'districtsToggled' });
    expect([both.showCurrentAreas, both.showDistricts]).toEqual([false, false]);
  });

  it('reduce(state, setter) stores the chosen method, colouring, classes, palette, filter and CSV format', () => {
    let state = loaded();
    state = reduce(state, { type: 'methodSet', method: 'zscore' });
    state = reduce(state, { type: 'colourBySet', colourBy: 'income' });
    state = reduce(state, { type: 'classificationSet', classification: 'ckmeans' });
    state = reduce(state, { type: 'classCountSet', classCount: 7 });
    state = reduce(state, { type: 'paletteSet', palette: 'magma' });
    state = reduce(state, { type: 'districtFilterSet', district: 'West' });
    state = reduce(state, { type: 'csvFormatSet', format: 'excel-be' });
    expect([state.method, state.colourBy, state.classification, state.classCount, state.palette, state.districtFilter, state.csvFormat]).toEqual([
      'zscore',
      'income',
      'ckmeans',
      7,
      'magma',
      'West',
      'excel-be',
    ]);
  });

  it('reduce(state, action) does not change the state it was given', () => {
    const state = loaded();
    const before = structuredClone({ weights: state.weights, directions: state.directions, sort: state.sort });
    reduce(state, { type: 'weightSet', id: 'income', weight: 9 });
    reduce(state, { type: 'directionToggled', id: 'income' });
    reduce(state, { type: 'sortSet', column: 'rank' });
    expect({ weights: state.weights, directions: state.directions, sort: state.sort }).toEqual(before);
  });
});
