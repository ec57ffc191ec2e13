import en from '../i18n/locales/en.json';
import { fillIn } from '../io/problem';

/** The stages a staging run goes through, named by their key under `load.stages` in the locale files. */
export type StageKey = keyof typeof en.load.stages;

/** The values a stage's text names: file names, sizes, counts. */
export type StageValues = Record<string, string | number>;

/**
 * Where a staging run is: the stage's text in English (`stage`, for logs and tests), the same as a
 * key and values the interface translates (`t(\`load.stages.${key}\`, values)`), and the fraction of
 * the stage done (null when unknown).
 */
export interface StagingProgress {
  stage: string;
  key: StageKey;
  values: StageValues;
  fraction: number | null;
}

/**
 * A staging run's progress at a stage, its English text written from en.json.
 * stageProgress('parsing', { file: 'wards.geojson' }, null) -> { stage: 'Parsing wards.geojson', key: 'parsing', … }
 */
export function stageProgress(key: StageKey, values: StageValues, fraction: number | null): StagingProgress {
  return { stage: fillIn(en.load.stages[key], values), key, values, fraction };
}
