import { parseScenarios, toScenarioFile, type Scenario } from '../io/scenarioJson';
import type { StorageLike } from './matchStore';
import { notice, type Notice } from './notice';
import { isQuotaExceeded, messageOf } from './storageError';

/** What loadScenarios found: the scenarios, and why there are none when something was wrong. */
export interface LoadedScenarios {
  scenarios: Scenario[];
  /** Why saved scenarios were not used (damaged, another version, no storage), English in `text`; null when all went well. */
  problem: Notice | null;
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
  if (!storage) return { scenarios: [], problem: notice('scenariosNoStorageLoad') };
  let text: string | null;
  try {
    text = storage.getItem(scenarioStoreKey(datasetName));
  } catch (error) {
    return { scenarios: [], problem: notice('scenariosUnreadable', { error: messageOf(error) }) };
  }
  if (text === null) return { scenarios: [], problem: null };

  const loaded = parseScenarios(text, 'saved scenarios');
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && loaded.data !== null) return { scenarios: loaded.data, problem: null };

  const backup = scenarioBackupKey(datasetName);
  let kept: Notice;
  try {
    storage.setItem(backup, text);
    kept = notice('scenariosBackedUp', { key: backup });
  } catch (error) {
    kept = notice('scenariosNotBackedUp', { error: messageOf(error) });
  }
  const reasons = errors.length > 0 ? { problems: errors.map(({ message, key, values }) => ({ message, key, values })) } : notice('scenariosUnreadableReason');
  if (loaded.data === null) return { scenarios: [], problem: notice('scenariosDamaged', { reasons, kept }) };
  return { scenarios: loaded.data, problem: notice('scenariosPartlyDamaged', { reasons, kept }) };
}

/**
 * Saves a dataset's scenarios, replacing what was saved for it before; other keys are left alone.
 * Returns null when saved, else the reason as a notice (storage full, refused, …); never throws.
 */
export function saveScenarios(storage: StorageLike | null, datasetName: string, scenarios: readonly Scenario[]): Notice | null {
  if (!storage) return notice('scenariosNoStorageSave');
  try {
    storage.setItem(scenarioStoreKey(datasetName), JSON.stringify(toScenarioFile(scenarios)));
    return null;
  } catch (error) {
    if (isQuotaExceeded(error)) return notice('scenariosStorageFull');
    return notice('scenariosNotSaved', { error: messageOf(error) });
  }
}
