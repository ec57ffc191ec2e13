import { createStore, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { helpRequestSchema } from '../io/requestsCsv';
import { workabilityEntrySchema, type WorkabilityEntry } from '../io/workabilityCsv';
import type { HelpRequest } from '../model/fieldSignals';
import { isQuotaExceeded, messageOf } from './storageError';

/** The IndexedDB database and object store that hold workability entries and help requests. */
export const FIELD_INPUT_DB = 'chw-planner';
export const FIELD_INPUT_STORE = 'workability';
const VERSION = 1;

// idb-keyval creates the object store only when it creates the database, so a second store in
// 'chw-planner' would never exist for a returning user: both kinds live in this one store, apart
// by key prefix. The key carries no version, so that a later app finds (and reports) older data.
const NOUNS = { workability: 'workability scores', requests: 'help requests' } as const;
type Kind = keyof typeof NOUNS;
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
 * one from another version, or a browser without IndexedDB gives no entries and a `problem`.
 */
export function loadWorkability(
  datasetId: string,
  store: UseStore = fieldInputStore(),
): Promise<{ entries: WorkabilityEntry[]; problem: string | null }> {
  return load('workability', workabilityEntries, datasetId, store);
}

/**
 * Saves a dataset's workability entries, replacing the ones saved before. Returns null when saved,
 * else what went wrong, telling the user to export a CSV; never throws.
 */
export function saveWorkability(
  datasetId: string,
  entries: readonly WorkabilityEntry[],
  store: UseStore = fieldInputStore(),
): Promise<string | null> {
  return save('workability', datasetId, entries, store);
}

/** The help requests saved for a dataset; as loadWorkability. */
export function loadRequests(
  datasetId: string,
  store: UseStore = fieldInputStore(),
): Promise<{ entries: HelpRequest[]; problem: string | null }> {
  return load('requests', helpRequests, datasetId, store);
}

/** Saves a dataset's help requests, replacing the ones saved before; as saveWorkability. */
export function saveRequests(
  datasetId: string,
  requests: readonly HelpRequest[],
  store: UseStore = fieldInputStore(),
): Promise<string | null> {
  return save('requests', datasetId, requests, store);
}

async function load<T>(
  kind: Kind,
  schema: z.ZodType<T[]>,
  datasetId: string,
  store: UseStore,
): Promise<{ entries: T[]; problem: string | null }> {
  const noun = NOUNS[kind];
  let value: unknown;
  try {
    value = await get(fieldInputKey(kind, datasetId), store);
  } catch (error) {
    return { entries: [], problem: `saved ${noun} could not be read (${messageOf(error)}); they last for this visit only` };
  }
  if (value === undefined) return { entries: [], problem: null };

  const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (version === undefined) return { entries: [], problem: `saved ${noun} are damaged (not a saved list) and were not loaded` };
  if (version !== VERSION) {
    return { entries: [], problem: `saved ${noun} were written by another version of the app (${String(version)}) and were not loaded` };
  }
  const parsed = z.object({ version: z.literal(VERSION), datasetId: z.string(), savedAt: z.string(), entries: schema }).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { entries: [], problem: `saved ${noun} are damaged (${issue.path.join('.') || 'entry'}: ${issue.message}) and were not loaded` };
  }
  if (parsed.data.datasetId !== datasetId) {
    return { entries: [], problem: `saved ${noun} belong to another dataset ("${parsed.data.datasetId}") and were not loaded` };
  }
  return { entries: parsed.data.entries, problem: null };
}

async function save(kind: Kind, datasetId: string, entries: readonly unknown[], store: UseStore): Promise<string | null> {
  const noun = NOUNS[kind];
  const value = { version: VERSION, datasetId, savedAt: new Date().toISOString(), entries: [...entries] };
  try {
    await set(fieldInputKey(kind, datasetId), value, store);
    return null;
  } catch (error) {
    if (isQuotaExceeded(error)) return `the browser's storage is full: the ${noun} were not saved; export them as CSV to keep them`;
    return `the ${noun} could not be saved (${messageOf(error)}); export them as CSV to keep them`;
  }
}
