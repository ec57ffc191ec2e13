import { parseScenarios, toScenarioFile, type Scenario } from '../io/scenarioJson';
import type { StorageLike } from './matchStore';
import { isQuotaExceeded, messageOf } from './storageError';

/** What loadScenarios found: the scenarios, and why there are none when something was wrong. */
export interface LoadedScenarios {
  scenarios: Scenario[];
  /** Why saved scenarios were not used (damaged, another version, no storage); null when all went well. */
  problem: string | null;
}

/** The prefix of every key the store writes; one key per dataset: `chw-planner:scenarios:v1:<dataset>`. */
export const SCENARIO_STORE_PREFIX = 'chw-planner:scenarios:v1';

/** The storage key of a dataset's scenarios; the name is URI-encoded so that no name can reach another key. */
export function scenarioStoreKey(datasetName: string): string {
  return `${SCENARIO_STORE_PREFIX}:${encodeURIComponent(datasetName)}`;
}

/**
 * The scenarios saved for a dataset. Never throws and never deletes: an entry that is damaged in any
 * part, or written by another version, gives no scenarios and a `problem`, and stays where it is.
 */
export function loadScenarios(storage: StorageLike | null, datasetName: string): LoadedScenarios {
  if (!storage) return { scenarios: [], problem: 'the browser does not let this page keep data; scenarios last for this visit only' };
  let text: string | null;
  try {
    text = storage.getItem(scenarioStoreKey(datasetName));
  } catch (error) {
    return { scenarios: [], problem: `saved scenarios could not be read: ${messageOf(error)}` };
  }
  if (text === null) return { scenarios: [], problem: null };

  // All or nothing: showing the good part of a damaged entry would let the next save drop the rest.
  const loaded = parseScenarios(text, 'saved scenarios');
  const error = loaded.problems.find((p) => p.severity === 'error');
  if (error || loaded.data === null) {
    return { scenarios: [], problem: `saved scenarios are damaged (${error?.message ?? 'unreadable'}) and were not loaded` };
  }
  return { scenarios: loaded.data, problem: null };
}

/**
 * Saves a dataset's scenarios, replacing what was saved for it before; other keys are left alone.
 * Returns null when saved, else the reason in words (storage full, refused, …); never throws.
 */
export function saveScenarios(storage: StorageLike | null, datasetName: string, scenarios: readonly Scenario[]): string | null {
  if (!storage) return 'the browser does not let this page keep data: export the scenarios to keep them';
  try {
    storage.setItem(scenarioStoreKey(datasetName), JSON.stringify(toScenarioFile(scenarios)));
    return null;
  } catch (error) {
    if (isQuotaExceeded(error)) return "the browser's storage is full: the scenarios were not saved; export them to keep them";
    return `the scenarios could not be saved: ${messageOf(error)}`;
  }
}
