import 'fake-indexeddb/auto';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { applySmoothing } from '../../src/model/applySmoothing';
import {
  forgetDataset,
  loadRememberedDataset,
  loadRememberPreference,
  packDataset,
  REMEMBERED_KEY,
  rememberDataset,
  saveRememberPreference,
  unpackDataset,
} from '../../src/app/rememberedDataset';
import { FIELD_INPUT_DB, FIELD_INPUT_STORE } from '../../src/app/workabilityStore';
import { translator } from '../../src/i18n/translator';
import { writeNotice } from '../../src/i18n/writeNotice';
import { loadDemo } from './demoCity';
import { FakeStorage } from './fakeStorage';

const demo = loadDemo().dataset!;
const raw = createStore(FIELD_INPUT_DB, FIELD_INPUT_STORE);
const fullStore: UseStore = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

describe('rememberedDataset', () => {
  it('unpackDataset(packDataset(d)) gives the same dataset: wards, geometry, values with their gaps, raw values', () => {
    const packed = packDataset(demo);
    expect(packed.dataset.geometry.coordinates).toBeInstanceOf(Float64Array);
    expect(Object.values(packed.dataset.values).every((c) => c instanceof Float64Array)).toBe(true);
    expect(unpackDataset(packed)).toEqual(demo);
    // A dataset whose shares are smoothed keeps its raw shares too.
    const smoothed = applySmoothing(demo, 'population');
    expect(smoothed.rawValues).toBeDefined();
    expect(unpackDataset(packDataset(smoothed))).toEqual(smoothed);
  });

  it('rememberDataset(d) then loadRememberedDataset() gives it back; forgetDataset() leaves nothing', async () => {
    expect(await loadRememberedDataset()).toEqual({ dataset: null, problem: null });
    expect(await rememberDataset(demo)).toBeNull();
    const loaded = await loadRememberedDataset();
    expect(loaded.problem).toBeNull();
    expect(loaded.dataset).toEqual(demo);
    expect(await forgetDataset()).toBeNull();
    expect(await loadRememberedDataset()).toEqual({ dataset: null, problem: null });
  });

  it('a damaged or other-version entry opens nothing, says so in the reader language, and is left in place', async () => {
    await set(REMEMBERED_KEY, { format: 'chw-planner-dataset', version: 1, savedAt: 'x', dataset: { name: 'X', wards: [], indicators: [] } }, raw);
    const damaged = await loadRememberedDataset();
    expect(damaged.dataset).toBeNull();
    expect(damaged.problem?.text).toBe('the remembered dataset is damaged and was not opened: the demo city is shown; open your files again');
    expect(writeNotice(translator('fr'), damaged.problem!)).toBe(
      "le jeu de données mémorisé est endommagé et n'a pas été ouvert : la ville de démonstration est affichée ; ouvrez à nouveau vos fichiers",
    );
    expect(await get(REMEMBERED_KEY, raw)).toBeDefined();

    // Columns that do not fit the wards are damage too, not a crash later in the ranking.
    const packed = packDataset(demo);
    const firstColumn = Object.keys(packed.dataset.values)[0];
    packed.dataset.values[firstColumn] = new Float64Array(3);
    await set(REMEMBERED_KEY, packed, raw);
    expect((await loadRememberedDataset()).problem?.key).toBe('rememberedDamaged');

    await set(REMEMBERED_KEY, { ...packDataset(demo), version: 9 }, raw);
    expect(await loadRememberedDataset()).toMatchObject({ dataset: null, problem: { key: 'rememberedOtherVersion', values: { version: '9' } } });
    await forgetDataset();
  });

  it('a full storage is told, never thrown', async () => {
    expect(await rememberDataset(demo, fullStore)).toMatchObject({ key: 'datasetNotRememberedFull' });
    expect(await loadRememberedDataset(fullStore)).toMatchObject({ dataset: null, problem: { key: 'rememberedUnreadable' } });
  });

  it('the preference is off unless switched on, and switching it off removes it', () => {
    const storage = new FakeStorage();
    expect(loadRememberPreference(storage)).toBe(false);
    saveRememberPreference(storage, true);
    expect(loadRememberPreference(storage)).toBe(true);
    saveRememberPreference(storage, false);
    expect(loadRememberPreference(storage)).toBe(false);
    expect(loadRememberPreference(null)).toBe(false);
  });
});
