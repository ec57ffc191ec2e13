import { createStore, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { helpRequestSchema } from '../io/requestsCsv';
import { workabilityEntrySchema, type WorkabilityEntry } from '../io/workabilityCsv';
import type { HelpRequest } from '../model/fieldSignals';
import { notice, type Notice } from './notice';
import { isQuotaExceeded, messageOf } from './storageError';

/** The IndexedDB database and object store that hold workability entries and help requests. */
export const FIELD_INPUT_DB = 'chw-planner';
export const FIELD_INPUT_STORE = 'workability';
const VERSION = 1;

// idb-keyval creates the object store only when it creates the database, so a second store in
// 'chw-planner' would never exist for a returning user: both kinds live in this one store, apart
// by key prefix. The key carries no version, so that a later app finds (and reports) older data.
// Each kind has notices of its own (`workabilityNotSaved`, `requestsNotSaved`, …): French and Dutch
// words agree with the noun, so the noun is not a value put into one sentence.
type Kind = 'workability' | 'requests';
const workabilityEntries = z.array(workabilityEntrySchema);
const helpRequests = z.array(helpRequestSchema);

let defaultStore: UseStore | null = null;

/** The app's store, opened on first use; tests and callers may pass their own to each function. */
export function fieldInputStore(): UseStore {
  defaultStore ??= createStore(FIELD_INPUT_DB, FIELD_INPUT_STORE);
  return defaultStore;
}

/** The key of a dataset's entries of one kind: `workability:<dataset id>` or `requests:<dataset id>`. */
export function fieldInputKey(kind: Kind, datasetId: string): string {
  return `${kind}:${encodeURIComponent(datasetId)}`;
}

/**
 * The workability entries saved for a dataset. Never throws and never deletes: a damaged entry,
 * one from another version, or a browser without IndexedDB gives no entries and a `problem` (English in `text`).
 */
export function loadWorkability(
  datasetId: string,
  store: UseStore = fieldInputStore(),
): Promise<{ entries: WorkabilityEntry[]; problem: Notice | null }> {
  return load('workability', workabilityEntries, datasetId, store);
}

/**
 * Saves a dataset's workability entries, replacing the ones saved before. Returns null when saved,
 * else what went wrong as a notice, telling the user to export a CSV; never throws.
 */
export function saveWorkability(
  datasetId: string,
  entries: readonly WorkabilityEntry[],
  store: UseStore = fieldInputStore(),
): Promise<Notice | null> {
  return save('workability', datasetId, entries, store);
}

/** The help requests saved for a dataset; as loadWorkability. */
export function loadRequests(
  datasetId: string,
  store: UseStore = fieldInputStore(),
): Promise<{ entries: HelpRequest[]; problem: Notice | null }> {
  return load('requests', helpRequests, datasetId, store);
}

/** Saves a dataset's help requests, replacing the ones saved before; as saveWorkability. */
export function saveRequests(
  datasetId: string,
  requests: readonly HelpRequest[],
  store: UseStore = fieldInputStore(),
): Promise<Notice | null> {
  return save('requests', datasetId, requests, store);
}

async function load<T>(
  kind: Kind,
  schema: z.ZodType<T[]>,
  datasetId: string,
  store: UseStore,
): Promise<{ entries: T[]; problem: Notice | null }> {
  let value: unknown;
  try {
    value = await get(fieldInputKey(kind, datasetId), store);
  } catch (error) {
    return { entries: [], problem: notice(`${kind}Unreadable`, { error: messageOf(error) }) };
  }
  if (value === undefined) return { entries: [], problem: null };

  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (version === undefined) return { entries: [], problem: notice(`${kind}NotAList`) };
  if (version !== VERSION) {
    return { entries: [], problem: notice(`${kind}OtherVersion`, { version: String(version) }) };
  }
  const parsed = z.object({ version: z.literal(VERSION), datasetId: z.string(), savedAt: z.string(), entries: schema }).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { entries: [], problem: notice(`${kind}Damaged`, { path: issue.path.join('.') || { key: 'savedEntry' }, reason: issue.message }) };
  }
  if (parsed.data.datasetId !== datasetId) {
    return { entries: [], problem: notice(`${kind}OtherDataset`, { dataset: parsed.data.datasetId }) };
  }
  return { entries: parsed.data.entries, problem: null };
}

async function save(kind: Kind, datasetId: string, entries: readonly unknown[], store: UseStore): Promise<Notice | null> {
  const value = { version: VERSION, datasetId, savedAt: new Date().toISOString(), entries: [...entries] };
  try {
    await set(fieldInputKey(kind, datasetId), value, store);
    return null;
  } catch (error) {
    if (isQuotaExceeded(error)) return notice(`${kind}StorageFull`);
    return notice(`${kind}NotSaved`, { error: messageOf(error) });
  }
}
