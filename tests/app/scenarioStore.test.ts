import { describe, expect, it } from 'vitest';
import type { StorageLike } from '../../src/app/matchStore';
import { loadScenarios, saveScenarios, SCENARIO_STORE_PREFIX, scenarioBackupKey, scenarioStoreKey } from '../../src/app/scenarioStore';
import type { Scenario } from '../../src/io/scenarioJson';
import { DEFAULT_CAPACITY } from '../../src/model/plan';
import { FakeStorage } from './fakeStorage';
import { translator } from '../../src/i18n/translator';
import { writeNotice } from '../../src/i18n/writeNotice';


function scenario(name: string, weight = 1): Scenario {
  return {
    name,
    savedAt: '2025-03-01T10:00:00.000Z',
    datasetName: 'demo',
    settings: {
      weights: { unemployment: weight },
      directions: { unemployment: 'high' },
      method: 'percentile',
      level: 'ward',
      populationId: null,
      areaFilter: [],
      scope: 'selection',
      smoothShares: false,
      capacity: DEFAULT_CAPACITY,
      excludeCurrent: true,
      excludeUnworkable: true,
      expansion: 0,
    },
  };
}

const SCENARIOS = [scenario('Baseline'), scenario('Double unemployment', 2)];

describe('scenarioStore', () => {
  it('saveScenarios(storage, dataset, scenarios) then loadScenarios(storage, dataset) gives them back', () => {
    const storage = new FakeStorage();
    expect(saveScenarios(storage, 'demo', SCENARIOS)).toBeNull();
    expect(loadScenarios(storage, 'demo')).toEqual({ scenarios: SCENARIOS, problem: null });
    expect([...storage.items.keys()]).toEqual(['chw-planner:scenarios:v1:demo']);
    expect(SCENARIO_STORE_PREFIX).toBe('chw-planner:scenarios:v1');
  });

  it('loadScenarios(storage, dataset) finds nothing, and no problem, when nothing was saved', () => {
    expect(loadScenarios(new FakeStorage(), 'demo')).toEqual({ scenarios: [], problem: null });
  });

  it('saveScenarios(…) keeps each dataset apart and leaves other keys alone', () => {
    const storage = new FakeStorage();
    storage.setItem('other-app', 'keep me');
    saveScenarios(storage, 'a', SCENARIOS);
    saveScenarios(storage, 'b/../a', SCENARIOS.slice(1));
    saveScenarios(storage, 'a', SCENARIOS.slice(0, 1));
    expect(loadScenarios(storage, 'a').scenarios).toEqual(SCENARIOS.slice(0, 1));
    expect(loadScenarios(storage, 'b/../a').scenarios).toEqual(SCENARIOS.slice(1));
    expect(scenarioStoreKey('b/../a')).toBe('chw-planner:scenarios:v1:b%2F..%2Fa');
    expect(storage.getItem('other-app')).toBe('keep me');
  });

  it('loadScenarios(…) gives nothing and a problem for an unreadable entry, leaves it in place and backs it up', () => {
    const storage = new FakeStorage();
    const key = scenarioStoreKey('demo');
    for (const text of ['{not json', '{"format":"chw-planner-scenarios","version":7,"scenarios":[]}', '[]']) {
      storage.setItem(key, text);
      const loaded = loadScenarios(storage, 'demo');
      expect(loaded.scenarios).toEqual([]);
      expect(loaded.problem?.text).toMatch(/^saved scenarios are damaged \(.+\) and were not loaded; the saved text is kept in this browser's storage under "chw-planner:scenarios:v1:demo:damaged"$/);
      expect(storage.getItem(key)).toBe(text);
      expect(storage.getItem(scenarioBackupKey('demo'))).toBe(text);
      expect(loaded.problem).toMatchObject({ key: 'scenariosDamaged', values: { kept: { key: 'scenariosBackedUp', values: { key: 'chw-planner:scenarios:v1:demo:damaged' } } } });
      expect(writeNotice(translator('fr'), loaded.problem!)).toMatch(
        /^les scénarios enregistrés sont endommagés \(.+\) et n'ont pas été chargés ; le texte enregistré est conservé dans le stockage de ce navigateur sous « chw-planner:scenarios:v1:demo:damaged »$/,
      );
    }
  });

  it('loadScenarios(…) keeps the whole scenarios when one is damaged, and a later save loses nothing', () => {
    const storage = new FakeStorage();
    saveScenarios(storage, 'demo', SCENARIOS);
    const key = scenarioStoreKey('demo');
    const damaged = storage.getItem(key)!.replace('"unemployment":2', '"unemployment":-2');
    storage.setItem(key, damaged);
    const loaded = loadScenarios(storage, 'demo');
    expect(loaded.scenarios).toEqual(SCENARIOS.filter((s) => s.name !== 'Double unemployment'));
    expect(loaded.problem?.text).toContain('some saved scenarios are damaged and were left out (scenario 2 ("Double unemployment"): settings.weights.unemployment');
    expect(loaded.problem?.text).toContain('the others are loaded');
    // The reasons are file problems of their own: written in the reader's language too.
    expect(writeNotice(translator('fr'), loaded.problem!)).toContain('certains scénarios enregistrés sont endommagés et ont été ignorés (scénario 2 (« Double unemployment ») : settings.weights.unemployment');
    expect(storage.getItem(key)).toBe(damaged);
    // Saving rewrites the entry with the good scenarios; the damaged text stays in the backup.
    expect(saveScenarios(storage, 'demo', [...loaded.scenarios, scenario('New')])).toBeNull();
    expect(storage.getItem(scenarioBackupKey('demo'))).toBe(damaged);
    expect(loadScenarios(storage, 'demo').scenarios.map((s) => s.name)).toEqual([...loaded.scenarios.map((s) => s.name), 'New']);
  });

  it('loadScenarios(…) still loads the good scenarios when the backup cannot be written', () => {
    const storage = new FakeStorage();
    saveScenarios(storage, 'demo', SCENARIOS);
    const key = scenarioStoreKey('demo');
    storage.setItem(key, storage.getItem(key)!.replace('"unemployment":2', '"unemployment":-2'));
    const full = Object.assign(Object.create(storage) as FakeStorage, {
      getItem: (k: string) => storage.getItem(k),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    const loaded = loadScenarios(full, 'demo');
    expect(loaded.scenarios.length).toBe(SCENARIOS.length - 1);
    expect(loaded.problem?.text).toMatch(/could not be backed up \(.*\): export your scenarios before saving a new one$/);
  });

  it('saveScenarios(…) says so when storage is full, and keeps what was saved before', () => {
    const storage = new FakeStorage(2000);
    expect(saveScenarios(storage, 'demo', SCENARIOS.slice(0, 1))).toBeNull();
    const many = Array.from({ length: 20 }, (_, i) => scenario(`Scenario ${i}`));
    expect(saveScenarios(storage, 'demo', many)).toMatchObject({ key: 'scenariosStorageFull', text: expect.stringMatching(/storage is full/) });
    expect(loadScenarios(storage, 'demo').scenarios).toEqual(SCENARIOS.slice(0, 1));
  });

  it('loadScenarios and saveScenarios never throw: no storage, or storage that refuses', () => {
    expect(loadScenarios(null, 'demo')).toEqual({ scenarios: [], problem: expect.objectContaining({ text: expect.stringMatching(/this visit only/) }) });
    expect(saveScenarios(null, 'demo', SCENARIOS)?.text).toMatch(/export the scenarios/);
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {},
    };
    expect(loadScenarios(refusing, 'demo')).toEqual({
      scenarios: [],
      problem: { key: 'scenariosUnreadable', values: { error: 'SecurityError' }, text: 'saved scenarios could not be read: SecurityError' },
    });
    const failed = saveScenarios(refusing, 'demo', SCENARIOS);
    expect(failed?.text).toBe('the scenarios could not be saved: SecurityError');
    expect(writeNotice(translator('fr'), failed!)).toBe('les scénarios n\'ont pas pu être enregistrés : SecurityError');
    expect(writeNotice(translator('nl'), failed!)).toBe("de scenario's konden niet bewaard worden: SecurityError");
  });
});
