import { describe, expect, it } from 'vitest';
import { computePlan, planGeometry, PLAN_PROBLEMS } from '../../src/model/computePlan';
import { createDataset, type IndicatorTableInput } from '../../src/model/createDataset';
import { DEFAULT_CAPACITY } from '../../src/model/plan';

const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 0.001, 0], [x + 0.001, 0.001], [x, 0.001], [x, 0]]] });
const CODES = ['A', 'B', 'C'];

function datasetWith(tables: IndicatorTableInput[]) {
  return createDataset({
    name: 'd',
    features: CODES.map((code, i) => ({ type: 'Feature' as const, properties: { code }, geometry: square(i * 0.001) })),
    fields: { key: 'code', name: null, district: null },
    tables,
    catalogue: [],
  });
}

const SETTINGS = { capacity: DEFAULT_CAPACITY, excludeCurrent: false, excluded: new Set<number>(), expansion: 0 as const };

describe('computePlan', () => {
  it('computePlan(view without vulnerable persons, …) says why in English and as the key planner.problems.noVulnerablePersons', () => {
    const view = datasetWith([{ file: 'i.csv', keys: CODES, values: { income: [1, 2, 3] } }]);
    const result = computePlan(view, [10, 20, 30], planGeometry(view), SETTINGS);
    expect(result.plan).toBeNull();
    expect(result.problemKey).toBe('noVulnerablePersons');
    expect(result.problem).toBe(
      'The planner needs the number of vulnerable persons per ward: a vulnerable_persons column, or vt_share and population.',
    );
    expect(result.problem).toBe(PLAN_PROBLEMS.noVulnerablePersons);
  });

  it('computePlan(view with vulnerable persons, …) plans teams and has no problem', () => {
    const view = datasetWith([{ file: 'i.csv', keys: CODES, values: { vulnerable_persons: [500, 400, 300] } }]);
    const result = computePlan(view, [10, 20, 30], planGeometry(view), SETTINGS);
    expect(result.problem).toBeNull();
    expect(result.problemKey).toBeNull();
    expect(result.plan?.teams.length).toBeGreaterThan(0);
  });
});
