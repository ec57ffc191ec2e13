import type { AreaMatch } from '../io/areaMatches';
import type { ScenarioSettings } from '../io/scenarioJson';
import type { WorkabilityEntry } from '../io/workabilityCsv';
import type { HelpRequest } from '../model/fieldSignals';
import { DEFAULT_CAPACITY, type CapacityParams } from '../model/plan';
import type { Classification } from '../model/classify';
import type { Dataset } from '../model/createDataset';
import type { Scope } from '../model/scoreInScope';
import type { Direction, Level, Method } from '../model/types';
import { FIELD_INDICATORS } from '../model/withFieldColumns';
import { CATALOGUE } from './catalogue';
import type { FittedLink } from './shareLink';

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
  /** Ward names on the map. */
  showLabels: boolean;
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
  capacity: CapacityParams;
  /** Plan new teams outside the areas where teams work today. */
  excludeCurrent: boolean;
  /** Leave wards with workability 1 out of the ranking and the plan. */
  excludeUnworkable: boolean;
  /** 0 = off; 1 = rank only wards bordering current areas; 2 = also the ring beyond. */
  expansion: 0 | 1 | 2;
  /** Workability scores and notes entered per ward (by code). */
  workability: WorkabilityEntry[];
  /** Help requests from the field. */
  requests: HelpRequest[];
  /** Older requests count less: weight halves every this many months; null = all count fully. */
  halfLifeMonths: number | null;
  /** Smooth shares (%) by empirical Bayes with the population column before ranking. */
  smoothShares: boolean;
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
  | { type: 'labelsToggled' }
  | { type: 'wardSelected'; index: number | null; focus: boolean }
  | { type: 'districtFilterSet'; district: string | null }
  | { type: 'sortSet'; column: string }
  | { type: 'csvFormatSet'; format: CsvFormat }
  | { type: 'levelSet'; level: Level }
  | { type: 'populationSet'; id: string | null }
  | { type: 'areaFilterSet'; codes: string[] }
  | { type: 'scopeSet'; scope: Scope }
  | { type: 'areaMatchesSet'; matches: AreaMatch[] }
  | { type: 'capacitySet'; capacity: CapacityParams }
  | { type: 'excludeCurrentSet'; exclude: boolean }
  | { type: 'excludeUnworkableSet'; exclude: boolean }
  | { type: 'expansionSet'; expansion: 0 | 1 | 2 }
  | { type: 'workabilitySet'; entries: WorkabilityEntry[] }
  | { type: 'requestsSet'; requests: HelpRequest[] }
  | { type: 'halfLifeSet'; months: number | null }
  | { type: 'smoothSharesToggled' }
  | { type: 'scenarioApplied'; settings: ScenarioSettings }
  | { type: 'linkApplied'; settings: FittedLink['settings'] };

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
  showLabels: true,
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
  capacity: DEFAULT_CAPACITY,
  excludeCurrent: true,
  excludeUnworkable: true,
  expansion: 0,
  workability: [],
  requests: [],
  halfLifeMonths: null,
  smoothShares: false,
};

/** The indicator that most likely holds population counts: the catalogue's, or a column named so. */
export function guessPopulation(dataset: Dataset): string | null {
  const ids = dataset.indicators.map((d) => d.id);
  return ids.find((id) => id === 'population') ?? ids.find((id) => /pop|bevolking|inwoners|habitants/i.test(id)) ?? null;
}

/**
 * Default weights and directions of a dataset's indicators, from the catalogue, with the field
 * indicators (workability, help requests) that every dataset gets.
 */
export function defaultsOf(dataset: Dataset): Pick<AppState, 'weights' | 'directions'> {
  const indicators = [...dataset.indicators, ...FIELD_INDICATORS.flatMap((id) => CATALOGUE.filter((d) => d.id === id && !(id in dataset.values)))];
  return {
    weights: Object.fromEntries(indicators.map((d) => [d.id, d.defaultWeight])),
    directions: Object.fromEntries(indicators.map((d) => [d.id, d.direction])),
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
        expansion: 0,
        workability: [],
        requests: [],
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
    case 'labelsToggled':
      return { ...state, showLabels: !state.showLabels };
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
    case 'capacitySet':
      return { ...state, capacity: action.capacity };
    case 'excludeCurrentSet':
      return { ...state, excludeCurrent: action.exclude };
    case 'excludeUnworkableSet':
      return { ...state, excludeUnworkable: action.exclude };
    case 'expansionSet':
      return { ...state, expansion: action.expansion };
    case 'workabilitySet':
      return { ...state, workability: action.entries };
    case 'requestsSet':
      return { ...state, requests: action.requests };
    case 'halfLifeSet':
      return { ...state, halfLifeMonths: action.months };
    case 'smoothSharesToggled':
      return { ...state, smoothShares: !state.smoothShares };
    case 'linkApplied': {
      // Like a scenario: indicators the link does not name keep their defaults.
      const defaults = state.dataset ? defaultsOf(state.dataset) : { weights: {}, directions: {} };
      const { weights, directions, ...rest } = action.settings;
      return {
        ...state,
        ...rest,
        weights: { ...defaults.weights, ...pick(weights ?? {}, defaults.weights) },
        directions: { ...defaults.directions, ...pick(directions ?? {}, defaults.directions) },
        selected: null,
      };
    }
    case 'scenarioApplied': {
      // Indicators the scenario does not know keep their defaults; ones this dataset lacks are dropped.
      const defaults = state.dataset ? defaultsOf(state.dataset) : { weights: {}, directions: {} };
      const known = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([k]) => k in defaults.weights));
      const { weights, directions, ...rest } = action.settings;
      return {
        ...state,
        ...rest,
        weights: { ...defaults.weights, ...(known(weights) as Record<string, number>) },
        directions: { ...defaults.directions, ...(known(directions) as Record<string, Direction>) },
        selected: null,
      };
    }
  }
}

function pick<T>(from: Record<string, T>, keys: Record<string, unknown>): Record<string, T> {
  return Object.fromEntries(Object.entries(from).filter(([k]) => k in keys));
}
