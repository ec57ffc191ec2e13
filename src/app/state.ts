import type { AreaMatch } from '../io/areaMatches';
import type { Classification } from '../model/classify';
import type { Dataset } from '../model/createDataset';
import type { Scope } from '../model/scoreInScope';
import type { Direction, Level, Method } from '../model/types';

export type PaletteName = 'viridis' | 'cividis' | 'magma';
export type CsvFormat = 'csv' | 'excel-be';

/** The app's inputs. Scores, ranks, breaks and colours are derived from these, never stored. */
export interface AppState {
  dataset: Dataset | null;
  weights: Record<string, number>;
  directions: Record<string, Direction>;
  method: Method;
  /** 'score' or an indicator id. */
  colourBy: string;
  classification: Classification;
  classCount: number;
  palette: PaletteName;
  showCurrentAreas: boolean;
  showDistricts: boolean;
  selected: number | null;
  /** Bumped when the selection should also move the map (a table click), not on a map click. */
  focusRequest: number;
  districtFilter: string | null;
  sort: { column: string; descending: boolean };
  csvFormat: CsvFormat;
  /** Wards as loaded, or merged into municipalities (districts when there are none). */
  level: Level;
  /** The population column that weights shares and means when wards merge; null = unweighted. */
  populationId: string | null;
  /** Municipality (or district) codes whose wards are scored; empty = all wards. */
  areaFilter: string[];
  scope: Scope;
  /** The programme's CHW areas matched to this dataset's wards by the user. */
  areaMatches: AreaMatch[];
}

export type Action =
  | { type: 'datasetLoaded'; dataset: Dataset }
  | { type: 'indicatorsAdded'; dataset: Dataset }
  | { type: 'weightSet'; id: string; weight: number }
  | { type: 'directionToggled'; id: string }
  | { type: 'weightsReset' }
  | { type: 'methodSet'; method: Method }
  | { type: 'colourBySet'; colourBy: string }
  | { type: 'classificationSet'; classification: Classification }
  | { type: 'classCountSet'; classCount: number }
  | { type: 'paletteSet'; palette: PaletteName }
  | { type: 'currentAreasToggled' }
  | { type: 'districtsToggled' }
  | { type: 'wardSelected'; index: number | null; focus: boolean }
  | { type: 'districtFilterSet'; district: string | null }
  | { type: 'sortSet'; column: string }
  | { type: 'csvFormatSet'; format: CsvFormat }
  | { type: 'levelSet'; level: Level }
  | { type: 'populationSet'; id: string | null }
  | { type: 'areaFilterSet'; codes: string[] }
  | { type: 'scopeSet'; scope: Scope }
  | { type: 'areaMatchesSet'; matches: AreaMatch[] };

export const initialState: AppState = {
  dataset: null,
  weights: {},
  directions: {},
  method: 'percentile',
  colourBy: 'score',
  classification: 'quantile',
  classCount: 5,
  palette: 'viridis',
  showCurrentAreas: true,
  showDistricts: true,
  selected: null,
  focusRequest: 0,
  districtFilter: null,
  sort: { column: 'rank', descending: false },
  csvFormat: 'csv',
  level: 'ward',
  populationId: null,
  areaFilter: [],
  scope: 'selection',
  areaMatches: [],
};

/** The indicator that most likely holds population counts: the catalogue's, or a column named so. */
export function guessPopulation(dataset: Dataset): string | null {
  const ids = dataset.indicators.map((d) => d.id);
  return ids.find((id) => id === 'population') ?? ids.find((id) => /pop|bevolking|inwoners|habitants/i.test(id)) ?? null;
}

/** Default weights and directions of a dataset's indicators, from the catalogue. */
export function defaultsOf(dataset: Dataset): Pick<AppState, 'weights' | 'directions'> {
  return {
    weights: Object.fromEntries(dataset.indicators.map((d) => [d.id, d.defaultWeight])),
    directions: Object.fromEntries(dataset.indicators.map((d) => [d.id, d.direction])),
  };
}

/** The app's state transitions. */
export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'datasetLoaded':
      return {
        ...state,
        dataset: action.dataset,
        ...defaultsOf(action.dataset),
        colourBy: 'score',
        selected: null,
        districtFilter: null,
        sort: initialState.sort,
        level: 'ward',
        populationId: guessPopulation(action.dataset),
        areaFilter: [],
        areaMatches: [],
      };
    case 'indicatorsAdded': {
      // Same wards, more indicators: keep what the user set for the indicators they already had.
      const defaults = defaultsOf(action.dataset);
      return {
        ...state,
        dataset: action.dataset,
        weights: { ...defaults.weights, ...pick(state.weights, defaults.weights) },
        directions: { ...defaults.directions, ...pick(state.directions, defaults.directions) },
      };
    }
    case 'weightSet':
      if (!(action.weight >= 0)) throw new Error(`invalid weight: ${action.weight}`);
      return { ...state, weights: { ...state.weights, [action.id]: action.weight } };
    case 'directionToggled':
      return {
        ...state,
        directions: { ...state.directions, [action.id]: state.directions[action.id] === 'low' ? 'high' : 'low' },
      };
    case 'weightsReset':
      return state.dataset ? { ...state, ...defaultsOf(state.dataset), method: initialState.method } : state;
    case 'methodSet':
      return { ...state, method: action.method };
    case 'colourBySet':
      return { ...state, colourBy: action.colourBy };
    case 'classificationSet':
      return { ...state, classification: action.classification };
    case 'classCountSet':
      return { ...state, classCount: action.classCount };
    case 'paletteSet':
      return { ...state, palette: action.palette };
    case 'currentAreasToggled':
      return { ...state, showCurrentAreas: !state.showCurrentAreas };
    case 'districtsToggled':
      return { ...state, showDistricts: !state.showDistricts };
    case 'wardSelected':
      return {
        ...state,
        selected: action.index,
        focusRequest: action.focus && action.index !== null ? state.focusRequest + 1 : state.focusRequest,
      };
    case 'districtFilterSet':
      return { ...state, districtFilter: action.district };
    case 'sortSet':
      return {
        ...state,
        sort:
          state.sort.column === action.column
            ? { column: action.column, descending: !state.sort.descending }
            : { column: action.column, descending: action.column !== 'rank' && action.column !== 'code' && action.column !== 'name' && action.column !== 'district' },
      };
    case 'csvFormatSet':
      return { ...state, csvFormat: action.format };
    case 'levelSet':
      // Ward indices mean other things at another level: the selection and filters go.
      return action.level === state.level ? state : { ...state, level: action.level, selected: null, districtFilter: null, areaFilter: [] };
    case 'populationSet':
      return { ...state, populationId: action.id };
    case 'areaFilterSet':
      return { ...state, areaFilter: [...new Set(action.codes)], selected: null };
    case 'scopeSet':
      return { ...state, scope: action.scope };
    case 'areaMatchesSet':
      return { ...state, areaMatches: action.matches };
  }
}

function pick<T>(from: Record<string, T>, keys: Record<string, unknown>): Record<string, T> {
  return Object.fromEntries(Object.entries(from).filter(([k]) => k in keys));
}
