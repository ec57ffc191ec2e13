import { del, get, set, type UseStore } from 'idb-keyval';
import type { Dataset, WardGeometry } from '../model/createDataset';
import type { ValueColumns } from '../model/types';
import type { Feature } from 'geojson';
import { notice, type Notice } from './notice';
import { packFeatures, unpackFeature, type PackedFeatures } from './stagingPacking';
import { isQuotaExceeded, messageOf } from './storageError';
import type { StorageLike } from './matchStore';
import { loadSwitch, saveSwitch } from './preference';
import { fieldInputStore } from './workabilityStore';
import { packNullable, unpackNullable } from './workerPacking';

// A coordinator who works on the same files every week gets them back when the app opens: the
// dataset they applied, kept in this browser (IndexedDB) when they ask for it, instead of the demo
// city. It is stored packed: the geometry and the indicator columns in typed arrays, which the
// browser copies in and out of storage as whole buffers, not as millions of small arrays.

/** The key under which the remembered dataset lives, beside the field inputs (see workabilityStore). */
export const REMEMBERED_KEY = 'dataset:remembered';
const FORMAT = 'chw-planner-dataset';
const VERSION = 1;

type PackedColumns = Record<string, Float64Array<ArrayBuffer>>;

/** A dataset as it is stored: everything as it is but the geometry and the number columns. */
export interface StoredDataset {
  format: typeof FORMAT;
  version: typeof VERSION;
  savedAt: string;
  dataset: Omit<Dataset, 'geometry' | 'values' | 'rawValues'> & {
    geometry: PackedFeatures;
    values: PackedColumns;
    rawValues: PackedColumns | null;
  };
}

/**
 * A dataset packed for storage.
 * @example
 * unpackDataset(packDataset(dataset)) -> a dataset equal to `dataset`
 */
export function packDataset(dataset: Dataset, savedAt = new Date()): StoredDataset {
  const { geometry, values, rawValues, ...rest } = dataset;
  return {
    format: FORMAT,
    version: VERSION,
    savedAt: savedAt.toISOString(),
    dataset: { ...rest, geometry: packFeatures(geometry.features), values: packColumns(values), rawValues: rawValues ? packColumns(rawValues) : null },
  };
}

/** The dataset back from packDataset. */
export function unpackDataset(stored: StoredDataset): Dataset {
  const { geometry, values, rawValues, ...rest } = stored.dataset;
  const features = new Array<Feature<WardGeometry, Record<string, never>>>(geometry.kinds.length);
  for (let i = 0; i < features.length; i++) features[i] = unpackFeature(geometry, i) as Feature<WardGeometry, Record<string, never>>;
  const dataset: Dataset = { ...rest, geometry: { type: 'FeatureCollection', features }, values: unpackColumns(values) };
  if (rawValues) dataset.rawValues = unpackColumns(rawValues);
  return dataset;
}

/**
 * Keeps a dataset in this browser, replacing the one kept before. Returns null when kept, else why
 * not as a notice (storage full, refused); never throws.
 */
export async function rememberDataset(dataset: Dataset, store: UseStore = fieldInputStore()): Promise<Notice | null> {
  try {
    await set(REMEMBERED_KEY, packDataset(dataset), store);
    return null;
  } catch (error) {
    return isQuotaExceeded(error) ? notice('datasetNotRememberedFull') : notice('datasetNotRemembered', { error: messageOf(error) });
  }
}

/** Forgets the kept dataset, if any; never throws (a failure is told as a notice). */
export async function forgetDataset(store: UseStore = fieldInputStore()): Promise<Notice | null> {
  try {
    await del(REMEMBERED_KEY, store);
    return null;
  } catch (error) {
    return notice('datasetNotForgotten', { error: messageOf(error) });
  }
}

/**
 * The kept dataset, or null when there is none. Never throws: an unreadable, damaged or other-version
 * entry gives no dataset and a problem, and is left where it is (the user's files are the source;
 * the next Apply with "remember" replaces it).
 */
export async function loadRememberedDataset(store: UseStore = fieldInputStore()): Promise<{ dataset: Dataset | null; problem: Notice | null }> {
  let value: unknown;
  try {
    value = await get(REMEMBERED_KEY, store);
  } catch (error) {
    return { dataset: null, problem: notice('rememberedUnreadable', { error: messageOf(error) }) };
  }
  if (value === undefined) return { dataset: null, problem: null };
  const stored = value as Partial<StoredDataset>;
  if (stored.format !== FORMAT) return { dataset: null, problem: notice('rememberedDamaged') };
  if (stored.version !== VERSION) return { dataset: null, problem: notice('rememberedOtherVersion', { version: String(stored.version) }) };
  try {
    if (!isStoredDataset(stored)) return { dataset: null, problem: notice('rememberedDamaged') };
    return { dataset: unpackDataset(stored), problem: null };
  } catch {
    return { dataset: null, problem: notice('rememberedDamaged') };
  }
}

/** Checks the parts unpacking relies on: one feature per ward, one value per ward in every column. */
function isStoredDataset(stored: Partial<StoredDataset>): stored is StoredDataset {
  const d = stored.dataset;
  if (!d || typeof d.name !== 'string' || !Array.isArray(d.wards) || !Array.isArray(d.indicators)) return false;
  const g = d.geometry;
  if (!g || !(g.kinds instanceof Uint8Array) || !(g.coordinates instanceof Float64Array) || !(g.polygonStarts instanceof Uint32Array)) return false;
  if (!(g.ringStarts instanceof Uint32Array) || !(g.positionStarts instanceof Uint32Array) || !Array.isArray(g.properties)) return false;
  const n = d.wards.length;
  const columnsFit = (columns: PackedColumns) => Object.values(columns).every((c) => c instanceof Float64Array && c.length === n);
  return typeof d.values === 'object' && d.values !== null && columnsFit(d.values) && (d.rawValues === null || columnsFit(d.rawValues));
}

function packColumns(columns: ValueColumns): PackedColumns {
  return Object.fromEntries(Object.entries(columns).map(([id, column]) => [id, packNullable(column)]));
}

function unpackColumns(columns: PackedColumns): ValueColumns {
  return Object.fromEntries(Object.entries(columns).map(([id, column]) => [id, unpackNullable(column)]));
}

/** Where the choice to remember datasets is kept (localStorage): a preference of this browser. */
export const REMEMBER_PREFERENCE_KEY = 'chw-planner:remember-dataset';

/** Whether the user asked to remember applied datasets in this browser; off when nothing (readable) is stored. */
export function loadRememberPreference(storage: StorageLike | null): boolean {
  return loadSwitch(storage, REMEMBER_PREFERENCE_KEY);
}

/** Keeps the choice; best effort (blocked storage keeps it for this visit only). */
export function saveRememberPreference(storage: StorageLike | null, on: boolean): void {
  saveSwitch(storage, REMEMBER_PREFERENCE_KEY, on);
}
