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

/** Where a damaged entry's text is copied, untouched, before the good scenarios are used. */
export function scenarioBackupKey(datasetName: string): string {
  return `${scenarioStoreKey(datasetName)}:damaged`;
}

/**
 * The scenarios saved for a dataset. Never throws. When the entry is damaged in part, the scenarios
 * that are whole are used and the others are named in `problem`; when it cannot be read at all (not
 * JSON, another version) none are used. Either way the entry's text is first copied, untouched, to
 * scenarioBackupKey, so the next save (which rewrites the entry) loses nothing.
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

  const loaded = parseScenarios(text, 'saved scenarios');
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && loaded.data !== null) return { scenarios: loaded.data, problem: null };

  const backup = scenarioBackupKey(datasetName);
  let kept: string;
  try {
    storage.setItem(backup, text);
    kept = `the saved text is kept in this browser's storage under "${backup}"`;
  } catch (error) {
    kept = `the saved text could not be backed up (${messageOf(error)}): export your scenarios before saving a new one`;
  }
  const reasons = errors.map((p) => p.message).join('; ') || 'unreadable';
  if (loaded.data === null) return { scenarios: [], problem: `saved scenarios are damaged (${reasons}) and were not loaded; ${kept}` };
  return { scenarios: loaded.data, problem: `some saved scenarios are damaged and were left out (${reasons}); the others are loaded; ${kept}` };
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
