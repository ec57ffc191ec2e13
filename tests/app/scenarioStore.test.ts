import { describe, expect, it } from 'vitest';
import type { StorageLike } from '../../src/app/matchStore';
import { loadScenarios, saveScenarios, SCENARIO_STORE_PREFIX, scenarioStoreKey } from '../../src/app/scenarioStore';
import type { Scenario } from '../../src/io/scenarioJson';
import { DEFAULT_CAPACITY } from '../../src/model/plan';
import { FakeStorage } from './fakeStorage';


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

  it('loadScenarios(…) gives nothing and a problem for a damaged entry, and leaves the entry in place', () => {
    const storage = new FakeStorage();
    const key = scenarioStoreKey('demo');
    for (const text of ['{not json', '{"format":"chw-planner-scenarios","version":7,"scenarios":[]}', '[]']) {
      storage.setItem(key, text);
      const loaded = loadScenarios(storage, 'demo');
      expect(loaded.scenarios).toEqual([]);
      expect(loaded.problem).toMatch(/^saved scenarios are damaged \(.+\) and were not loaded$/);
      expect(storage.getItem(key)).toBe(text);
    }
  });

  it('loadScenarios(…) refuses the whole entry when one scenario in it is damaged', () => {
    const storage = new FakeStorage();
    saveScenarios(storage, 'demo', SCENARIOS);
    const key = scenarioStoreKey('demo');
    const damaged = storage.getItem(key)!.replace('"unemployment":2', '"unemployment":-2');
    storage.setItem(key, damaged);
    const loaded = loadScenarios(storage, 'demo');
    expect(loaded.scenarios).toEqual([]);
    expect(loaded.problem).toContain('scenario 2 ("Double unemployment"): settings.weights.unemployment');
    expect(storage.getItem(key)).toBe(damaged);
  });

  it('saveScenarios(…) says so when storage is full, and keeps what was saved before', () => {
    const storage = new FakeStorage(2000);
    expect(saveScenarios(storage, 'demo', SCENARIOS.slice(0, 1))).toBeNull();
    const many = Array.from({ length: 20 }, (_, i) => scenario(`Scenario ${i}`));
    expect(saveScenarios(storage, 'demo', many)).toMatch(/storage is full/);
    expect(loadScenarios(storage, 'demo').scenarios).toEqual(SCENARIOS.slice(0, 1));
  });

  it('loadScenarios and saveScenarios never throw: no storage, or storage that refuses', () => {
    expect(loadScenarios(null, 'demo')).toEqual({ scenarios: [], problem: expect.stringMatching(/this visit only/) });
    expect(saveScenarios(null, 'demo', SCENARIOS)).toMatch(/export the scenarios/);
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {},
    };
    expect(loadScenarios(refusing, 'demo')).toEqual({ scenarios: [], problem: 'saved scenarios could not be read: SecurityError' });
    expect(saveScenarios(refusing, 'demo', SCENARIOS)).toBe('the scenarios could not be saved: SecurityError');
  });
});
