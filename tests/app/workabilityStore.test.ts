import 'fake-indexeddb/auto';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import {
  FIELD_INPUT_DB,
  FIELD_INPUT_STORE,
  fieldInputKey,
  loadRequests,
  loadWorkability,
  saveRequests,
  saveWorkability,
} from '../../src/app/workabilityStore';
import { translator } from '../../src/i18n/translator';
import { writeNotice } from '../../src/i18n/writeNotice';
import type { WorkabilityEntry } from '../../src/io/workabilityCsv';
import type { HelpRequest } from '../../src/model/fieldSignals';

const ENTRIES: WorkabilityEntry[] = [
  { code: '11001A00-', score: 5, note: 'partner house on site' },
  { code: '11001A01-', score: 1, note: 'no access;\n"closed"' },
];
const REQUESTS: HelpRequest[] = [
  { code: '11001A00-', count: 3, date: '2024-03-05' },
  { code: '11001A01-', count: 1, date: null },
];

// The same database the module opens by default, to look at and tamper with what it wrote.
const raw = createStore(FIELD_INPUT_DB, FIELD_INPUT_STORE);

/** A store whose every transaction fails as a browser does when the disk quota is used up. */
const fullStore: UseStore = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

describe('workabilityStore', () => {
  it('saveWorkability(id, entries) then loadWorkability(id) gives the entries back', async () => {
    expect(await saveWorkability('roundtrip', ENTRIES)).toBeNull();
    expect(await loadWorkability('roundtrip')).toEqual({ entries: ENTRIES, problem: null });
  });

  it('loadWorkability(id) finds the entries again after a reload (a fresh module, a new connection)', async () => {
    expect(await saveWorkability('reload', ENTRIES)).toBeNull();
    vi.resetModules();
    const fresh = await import('../../src/app/workabilityStore');
    expect(await fresh.loadWorkability('reload')).toEqual({ entries: ENTRIES, problem: null });
  });

  it('saveRequests(id, requests) then loadRequests(id) gives the requests back', async () => {
    expect(await saveRequests('roundtrip', REQUESTS)).toBeNull();
    expect(await loadRequests('roundtrip')).toEqual({ entries: REQUESTS, problem: null });
    expect(await loadWorkability('roundtrip')).toEqual({ entries: ENTRIES, problem: null });
  });

  it('loadWorkability(id) and loadRequests(id) find nothing, and no problem, when nothing was saved', async () => {
    expect(await loadWorkability('never-saved')).toEqual({ entries: [], problem: null });
    expect(await loadRequests('never-saved')).toEqual({ entries: [], problem: null });
  });

  it('saveWorkability(…) keeps datasets apart and replaces only its own entries', async () => {
    await saveWorkability('a', ENTRIES);
    await saveWorkability('b', ENTRIES.slice(1));
    await saveWorkability('a', ENTRIES.slice(0, 1));
    expect((await loadWorkability('a')).entries).toEqual(ENTRIES.slice(0, 1));
    expect((await loadWorkability('b')).entries).toEqual(ENTRIES.slice(1));
    expect((await loadRequests('a')).entries).toEqual([]);
  });

  it('fieldInputKey(kind, id) URI-encodes the id, so no id reaches another key', () => {
    expect(fieldInputKey('workability', 'demo')).toBe('workability:demo');
    expect(fieldInputKey('requests', 'x:y/z')).toBe('requests:x%3Ay%2Fz');
  });

  it('loadWorkability(id) gives [] and a problem for a damaged entry, and leaves it in place', async () => {
    const key = fieldInputKey('workability', 'damaged');
    const damaged = { version: 1, datasetId: 'damaged', savedAt: '2025-01-01T00:00:00.000Z', entries: [{ code: 'A', score: 7, note: '' }] };
    await set(key, damaged, raw);
    const loaded = await loadWorkability('damaged');
    expect(loaded.entries).toEqual([]);
    expect(loaded.problem?.key).toBe('workabilityDamaged');
    expect(loaded.problem?.values.path).toBe('entries.0.score');
    expect(loaded.problem?.text).toMatch(/^saved workability scores are damaged \(entries\.0\.score: .+\) and were not loaded$/);
    expect(await get(key, raw)).toEqual(damaged);
  });

  it('loadRequests(id) gives [] and a problem for a value that is not an entry at all, and leaves it in place', async () => {
    const key = fieldInputKey('requests', 'junk');
    await set(key, 'not an entry', raw);
    expect(await loadRequests('junk')).toEqual({
      entries: [],
      problem: { key: 'requestsNotAList', values: {}, text: 'saved help requests are damaged (not a saved list) and were not loaded' },
    });
    expect(await get(key, raw)).toBe('not an entry');
  });

  it('loadWorkability(id) refuses entries written by another version, and leaves them in place', async () => {
    const key = fieldInputKey('workability', 'older');
    const older = { version: 0, scores: { A: 3 } };
    await set(key, older, raw);
    expect(await loadWorkability('older')).toEqual({
      entries: [],
      problem: {
        key: 'workabilityOtherVersion',
        values: { version: '0' },
        text: 'saved workability scores were written by another version of the app (0) and were not loaded',
      },
    });
    expect(await get(key, raw)).toEqual(older);
  });

  it('loadWorkability(id) refuses entries saved for another dataset', async () => {
    await set(fieldInputKey('workability', 'mine'), { version: 1, datasetId: 'theirs', savedAt: 'x', entries: [] }, raw);
    expect(await loadWorkability('mine')).toEqual({
      entries: [],
      problem: {
        key: 'workabilityOtherDataset',
        values: { dataset: 'theirs' },
        text: 'saved workability scores belong to another dataset ("theirs") and were not loaded',
      },
    });
  });

  it('loadWorkability(id) and loadRequests(id) problems are written in French and Dutch, agreeing with their noun', async () => {
    await set(fieldInputKey('workability', 'foreign'), { version: 1, datasetId: 'theirs', savedAt: 'x', entries: [] }, raw);
    await set(fieldInputKey('requests', 'foreign'), { version: 1, datasetId: 'theirs', savedAt: 'x', entries: [] }, raw);
    const work = (await loadWorkability('foreign')).problem;
    const requests = (await loadRequests('foreign')).problem;
    expect([work?.key, requests?.key]).toEqual(['workabilityOtherDataset', 'requestsOtherDataset']);
    expect(writeNotice(translator('fr'), work!)).toBe(
      'les scores de faisabilité enregistrés appartiennent à un autre jeu de données (« theirs ») et n\'ont pas été chargés',
    );
    expect(writeNotice(translator('fr'), requests!)).toBe(
      'les demandes d\'aide enregistrées appartiennent à un autre jeu de données (« theirs ») et n\'ont pas été chargées',
    );
    expect(writeNotice(translator('nl'), requests!)).toBe('de bewaarde hulpvragen horen bij een andere dataset ("theirs") en werden niet geladen');
  });

  it('saveWorkability(id, entries, store) tells the user to export a CSV when storage is full', async () => {
    expect(await saveWorkability('full', ENTRIES, fullStore)).toEqual({
      key: 'workabilityStorageFull',
      values: {},
      text: "the browser's storage is full: the workability scores were not saved; export them as CSV to keep them",
    });
    expect(await saveRequests('full', REQUESTS, fullStore)).toEqual({
      key: 'requestsStorageFull',
      values: {},
      text: "the browser's storage is full: the help requests were not saved; export them as CSV to keep them",
    });
  });

  it('saveWorkability(id, entries, store) reports any other failure, also with the advice to export', async () => {
    const broken: UseStore = () => Promise.reject(new DOMException('The connection was closed.', 'InvalidStateError'));
    expect(await saveWorkability('broken', ENTRIES, broken)).toEqual({
      key: 'workabilityNotSaved',
      values: { error: 'The connection was closed.' },
      text: 'the workability scores could not be saved (The connection was closed.); export them as CSV to keep them',
    });
  });

  it('loadWorkability(id, store) gives [] and a problem when the store cannot be read, without throwing', async () => {
    const missing: UseStore = () => {
      throw new ReferenceError('indexedDB is not defined');
    };
    expect(await loadWorkability('any', missing)).toEqual({
      entries: [],
      problem: {
        key: 'workabilityUnreadable',
        values: { error: 'indexedDB is not defined' },
        text: 'saved workability scores could not be read (indexedDB is not defined); they last for this visit only',
      },
    });
    expect((await saveWorkability('any', ENTRIES, missing))?.text).toBe(
      'the workability scores could not be saved (indexedDB is not defined); export them as CSV to keep them',
    );
  });
});
