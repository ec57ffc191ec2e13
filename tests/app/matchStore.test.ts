import { describe, expect, it } from 'vitest';
import type { AreaMatch } from '../../src/io/areaMatches';
import {
  clearMatches,
  loadMatches,
  MATCH_STORE_PREFIX,
  matchStoreKey,
  saveMatches,
  type StorageLike,
} from '../../src/app/matchStore';
import { FakeStorage } from './fakeStorage';
import { translator } from '../../src/i18n/translator';
import { writeNotice } from '../../src/i18n/writeNotice';


const MATCHES: AreaMatch[] = [
  { city: 'Genk', municipality: '71016', area: 'Sledderlo', sectorCodes: ['71016C10-', '71016C11-'] },
  { city: 'Gent', municipality: '44021', area: '(city-wide, low-threshold meeting places)', sectorCodes: [] },
];

describe('matchStore', () => {
  it('saveMatches(storage, id, matches) then loadMatches(storage, id) gives the matches back', () => {
    const storage = new FakeStorage();
    expect(saveMatches(storage, 'demo', MATCHES)).toBeNull();
    expect(loadMatches(storage, 'demo')).toEqual({ matches: MATCHES, problem: null });
    expect([...storage.items.keys()]).toEqual([`${MATCH_STORE_PREFIX}:demo`]);
  });

  it('loadMatches(storage, id) finds nothing, and no problem, when nothing was saved', () => {
    expect(loadMatches(new FakeStorage(), 'demo')).toEqual({ matches: [], problem: null });
  });

  it('saveMatches(…) keeps each dataset apart and leaves other keys alone', () => {
    const storage = new FakeStorage();
    storage.setItem('other-app', 'keep me');
    saveMatches(storage, 'a', MATCHES);
    saveMatches(storage, 'b', MATCHES.slice(1));
    saveMatches(storage, 'a', MATCHES.slice(0, 1));
    expect(loadMatches(storage, 'a').matches).toEqual(MATCHES.slice(0, 1));
    expect(loadMatches(storage, 'b').matches).toEqual(MATCHES.slice(1));
    expect(storage.getItem('other-app')).toBe('keep me');
    expect(clearMatches(storage, 'a')).toBeNull();
    expect(loadMatches(storage, 'a').matches).toEqual([]);
    expect(loadMatches(storage, 'b').matches).toEqual(MATCHES.slice(1));
    expect(storage.getItem('other-app')).toBe('keep me');
  });

  it('matchStoreKey(id) encodes the id, so that no id can name another key', () => {
    expect(matchStoreKey('Genk 2021/v2')).toBe(`${MATCH_STORE_PREFIX}:Genk%202021%2Fv2`);
    expect(matchStoreKey('x:y')).not.toBe(matchStoreKey('x') + ':y');
  });

  it.each([
    ['not JSON', '{oops', 'matchesNotJson', 'saved matches are damaged (not JSON) and were not loaded'],
    ['another version', JSON.stringify({ version: 0, matches: [] }), 'matchesOtherVersion', 'saved matches were written by another version of the app (0) and were not loaded'],
    ['no version', JSON.stringify([1, 2]), 'matchesOtherVersion', 'saved matches were written by another version of the app (undefined) and were not loaded'],
    ['a bad match', JSON.stringify({ version: 1, datasetId: 'demo', savedAt: 'x', matches: [{ city: 'Genk' }] }), 'matchesDamaged', /^saved matches are damaged \(matches\.0\..+\) and were not loaded$/],
    ['a bad NIS code', JSON.stringify({ version: 1, datasetId: 'demo', savedAt: 'x', matches: [{ ...MATCHES[0], municipality: '7' }] }), 'matchesDamaged', /^saved matches are damaged/],
    ['another dataset', JSON.stringify({ version: 1, datasetId: 'other', savedAt: 'x', matches: MATCHES }), 'matchesOtherDataset', 'saved matches belong to another dataset ("other") and were not loaded'],
  ])('loadMatches(storage, id) ignores an entry with %s, says why, and keeps it', (_, stored, key, text) => {
    const storage = new FakeStorage();
    storage.setItem(matchStoreKey('demo'), stored);
    const loaded = loadMatches(storage, 'demo');
    expect(loaded.matches).toEqual([]);
    expect(loaded.problem?.key).toBe(key);
    if (typeof text === 'string') expect(loaded.problem?.text).toBe(text);
    else expect(loaded.problem?.text).toMatch(text);
    expect(storage.getItem(matchStoreKey('demo'))).toBe(stored);
  });

  it('loadMatches(storage, id) names a damaged entry in the interface language, with its values', () => {
    const storage = new FakeStorage();
    storage.setItem(matchStoreKey('demo'), JSON.stringify({ version: 1, datasetId: 'other', savedAt: 'x', matches: MATCHES }));
    const problem = loadMatches(storage, 'demo').problem;
    expect(problem).toMatchObject({ key: 'matchesOtherDataset', values: { dataset: 'other' } });
    expect(writeNotice(translator('fr'), problem!)).toBe(
      "les correspondances enregistrées appartiennent à un autre jeu de données (« other ») et n'ont pas été chargées",
    );
    expect(writeNotice(translator('nl'), problem!)).toBe('de bewaarde koppelingen horen bij een andere dataset ("other") en werden niet geladen');
  });

  it('saveMatches(…) returns a message instead of throwing when the storage is full, and keeps what was saved', () => {
    const storage = new FakeStorage(400);
    expect(saveMatches(storage, 'demo', MATCHES)).toBeNull();
    const many = Array.from({ length: 20 }, (_, i) => ({ ...MATCHES[0], area: `Area ${i}` }));
    const error = saveMatches(storage, 'demo', many);
    expect(error).toEqual({
      key: 'matchesStorageFull',
      values: {},
      text: "the browser's storage is full: the matches were not saved; export them as CSV to keep them",
    });
    expect(loadMatches(storage, 'demo').matches).toEqual(MATCHES);
  });

  it('the store never throws when the storage itself does', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadMatches(broken, 'demo')).toEqual({
      matches: [],
      problem: { key: 'matchesUnreadable', values: { error: 'denied' }, text: 'saved matches could not be read: denied' },
    });
    expect(saveMatches(broken, 'demo', MATCHES)).toEqual({ key: 'matchesNotSaved', values: { error: 'denied' }, text: 'the matches could not be saved: denied' });
    expect(clearMatches(broken, 'demo')).toEqual({ key: 'matchesNotRemoved', values: { error: 'denied' }, text: 'saved matches could not be removed: denied' });
  });

  it('without storage, loadMatches says matches last for this visit and saveMatches says to export', () => {
    expect(loadMatches(null, 'demo')).toEqual({
      matches: [],
      problem: { key: 'matchesNoStorageLoad', values: {}, text: 'the browser does not let this page keep data; matches last for this visit only' },
    });
    expect(saveMatches(null, 'demo', MATCHES)).toEqual({
      key: 'matchesNoStorageSave',
      values: {},
      text: 'the browser does not let this page keep data: export the matches as CSV to keep them',
    });
    expect(clearMatches(null, 'demo')).toBeNull();
  });
});
