import { z } from 'zod';
import { areaMatchSchema, type AreaMatch } from '../io/areaMatches';
import { notice, type Notice } from './notice';
import { isQuotaExceeded, messageOf } from './storageError';

/** The part of the Web Storage API the store uses; localStorage in the browser, a fake in tests. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What loadMatches found: the matches, and why there are none when something was wrong. */
export interface LoadedMatches {
  matches: AreaMatch[];
  /** Why saved matches were not used (damaged, another version, no storage), English in `text`; null when all went well. */
  problem: Notice | null;
}

/** The prefix of every key the store writes; one key per dataset: `chw-planner:area-matches:v1:<dataset id>`. */
export const MATCH_STORE_PREFIX = 'chw-planner:area-matches:v1';
const VERSION = 1;

const storedSchema = z.object({
  version: z.literal(VERSION),
  datasetId: z.string(),
  savedAt: z.string(),
  matches: z.array(areaMatchSchema),
});

/** The storage key of a dataset's matches; the id is URI-encoded so that no id can reach another key. */
export function matchStoreKey(datasetId: string): string {
  return `${MATCH_STORE_PREFIX}:${encodeURIComponent(datasetId)}`;
}

/** The browser's localStorage, or null where it is missing or refused (private modes, blocked cookies). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The matches saved for a dataset. Never throws and never deletes: a damaged entry, one written by
 * another version, or storage that cannot be read gives no matches and a `problem` to show.
 */
export function loadMatches(storage: StorageLike | null, datasetId: string): LoadedMatches {
  if (!storage) return { matches: [], problem: notice('matchesNoStorageLoad') };
  let text: string | null;
  try {
    text = storage.getItem(matchStoreKey(datasetId));
  } catch (error) {
    return { matches: [], problem: notice('matchesUnreadable', { error: messageOf(error) }) };
  }
  if (text === null) return { matches: [], problem: null };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { matches: [], problem: notice('matchesNotJson') };
  }
  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  if (version !== VERSION) {
    return { matches: [], problem: notice('matchesOtherVersion', { version: String(version) }) };
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { matches: [], problem: notice('matchesDamaged', { path: issue.path.join('.') || { key: 'savedEntry' }, reason: issue.message }) };
  }
  if (parsed.data.datasetId !== datasetId) {
    return { matches: [], problem: notice('matchesOtherDataset', { dataset: parsed.data.datasetId }) };
  }
  return { matches: parsed.data.matches, problem: null };
}

/**
 * Saves a dataset's matches, replacing what was saved for it before; other keys are left alone.
 * Returns null when saved, else the reason as a notice (storage full, refused, …); never throws.
 */
export function saveMatches(storage: StorageLike | null, datasetId: string, matches: readonly AreaMatch[]): Notice | null {
  if (!storage) return notice('matchesNoStorageSave');
  const entry = { version: VERSION, datasetId, savedAt: new Date().toISOString(), matches };
  try {
    storage.setItem(matchStoreKey(datasetId), JSON.stringify(entry));
    return null;
  } catch (error) {
    if (isQuotaExceeded(error)) return notice('matchesStorageFull');
    return notice('matchesNotSaved', { error: messageOf(error) });
  }
}

/** Forgets the matches saved for one dataset. Returns null when done, else the reason as a notice; never throws. */
export function clearMatches(storage: StorageLike | null, datasetId: string): Notice | null {
  if (!storage) return null;
  try {
    storage.removeItem(matchStoreKey(datasetId));
    return null;
  } catch (error) {
    return notice('matchesNotRemoved', { error: messageOf(error) });
  }
}
