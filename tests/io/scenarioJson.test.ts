import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenarios, parseScenarios, type Scenario } from '../../src/io/scenarioJson';
import { DEFAULT_CAPACITY } from '../../src/model/plan';

const BASE: Scenario = {
  name: 'Housing first',
  savedAt: '2025-03-01T10:00:00.000Z',
  datasetName: 'Belgium 2024',
  settings: {
    weights: { unemployment: 2, income_median: 1 },
    directions: { unemployment: 'high', income_median: 'low' },
    method: 'percentile',
    level: 'ward',
    populationId: 'population',
    areaFilter: ['71016'],
    scope: 'selection',
    smoothShares: true,
    capacity: { interventionsPerFte: 400, interventionShare: 0.1, teamSize: 2, availableFte: 6, maxDistanceKm: 2 },
    excludeCurrent: true,
    excludeUnworkable: false,
    expansion: 1,
  },
};

/** A file's JSON with the given entries in place of the scenarios. */
function fileWith(entries: unknown[]): string {
  return JSON.stringify({ format: 'chw-planner-scenarios', version: 1, scenarios: entries });
}

/** BASE as written in a file, with one settings field replaced. */
function tampered(field: string, value: unknown, name = 'Tampered'): unknown {
  return { version: 1, ...BASE, name, settings: { ...BASE.settings, [field]: value } };
}

const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  name: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
  savedAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  datasetName: fc.string(),
  settings: fc.record({
    weights: fc.dictionary(id, fc.double({ min: 0, max: 1e6, noNaN: true })),
    directions: fc.dictionary(id, fc.constantFrom('high' as const, 'low' as const)),
    method: fc.constantFrom('percentile' as const, 'minmax' as const, 'zscore' as const, 'expo' as const),
    level: fc.constantFrom('ward' as const, 'municipality' as const),
    populationId: fc.option(id, { nil: null }),
    areaFilter: fc.array(fc.string({ minLength: 1 })),
    scope: fc.constantFrom('selection' as const, 'all' as const),
    smoothShares: fc.boolean(),
    capacity: fc.record({
      interventionsPerFte: positive,
      interventionShare: fc.double({ min: 1e-6, max: 1, noNaN: true }),
      teamSize: positive,
      availableFte: fc.double({ min: 0, max: 1e6, noNaN: true }),
      maxDistanceKm: positive,
    }),
    excludeCurrent: fc.boolean(),
    excludeUnworkable: fc.boolean(),
    expansion: fc.constantFrom(0 as const, 1 as const, 2 as const),
  }),
});

describe('scenarioJson', () => {
  it('parseScenarios(formatScenarios(scenarios)) gives the scenarios back, with no problems', () => {
    fc.assert(
      fc.property(fc.array(scenarioArb, { maxLength: 4 }), (scenarios) => {
        expect(parseScenarios(formatScenarios(scenarios), 'f.json')).toEqual({ data: scenarios, problems: [] });
      }),
    );
  });

  it('formatScenarios(scenarios) writes pretty JSON with the format, the version and a version per scenario', () => {
    const text = formatScenarios([BASE]);
    expect(text.startsWith('{\n  "format": "chw-planner-scenarios",\n  "version": 1,\n  "scenarios": [')).toBe(true);
    expect(JSON.parse(text).scenarios[0]).toEqual({ version: 1, ...BASE });
  });

  it('parseScenarios(text, file) refuses a scenario with a NaN, negative or infinite weight, keeping the others', () => {
    // JSON has no NaN: a NaN written by JSON.stringify becomes null, and 1e999 parses to Infinity.
    const text = fileWith([tampered('weights', { a: NaN }, 'NaN'), { version: 1, ...BASE }, tampered('weights', { a: -1 }, 'Negative')]);
    const infinite = fileWith([tampered('weights', { a: 1 }, 'Infinite')]).replace('"a":1', '"a":1e999');
    const result = parseScenarios(text, 'f.json');
    expect(result.data).toEqual([BASE]);
    expect(result.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [1, 'settings.weights.a', 'error'],
      [3, 'settings.weights.a', 'error'],
    ]);
    expect(result.problems[0].message).toMatch(/^scenario 1 \("NaN"\): settings\.weights\.a: /);
    expect(result.problems[1].message).toMatch(/^scenario 3 \("Negative"\): settings\.weights\.a: .+; left out$/);
    expect(result.problems[0]).toMatchObject({
      key: 'scenarioInvalid',
      values: {
        scenario: { key: 'scenarioLabel', values: { number: 1, name: { key: 'scenarioName', values: { name: 'NaN' } } } },
        path: 'settings.weights.a',
      },
    });
    const inf = parseScenarios(infinite, 'f.json');
    expect(inf.data).toEqual([]);
    expect(inf.problems[0]).toMatchObject({ row: 1, column: 'settings.weights.a', severity: 'error' });
  });

  it('parseScenarios(…) refuses a scenario with an unknown method, direction or expansion, naming the path', () => {
    const result = parseScenarios(
      fileWith([tampered('method', 'magic'), tampered('directions', { a: 'sideways' }), tampered('expansion', 3), { version: 1, ...BASE }]),
      'f.json',
    );
    expect(result.data).toEqual([BASE]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'settings.method'],
      [2, 'settings.directions.a'],
      [3, 'settings.expansion'],
    ]);
    expect(result.problems.every((p) => p.file === 'f.json' && p.severity === 'error')).toBe(true);
  });

  it('parseScenarios(…) refuses bad capacity, a missing name, a bad date and an entry of another version', () => {
    const result = parseScenarios(
      fileWith([
        tampered('capacity', { ...DEFAULT_CAPACITY, teamSize: 0 }),
        { version: 1, ...BASE, name: '  ' },
        { version: 1, ...BASE, savedAt: 'yesterday' },
        { ...BASE, version: 2 },
        'not an object',
      ]),
      'f.json',
    );
    expect(result.data).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'settings.capacity.teamSize'],
      [2, 'name'],
      [3, 'savedAt'],
      [4, 'version'],
      [5, null],
    ]);
    expect(result.problems[3]).toMatchObject({ key: 'scenarioVersionLeftOut', values: { version: '2' } });
    expect(result.problems[3].message).toMatch(/^scenario 4 \(".+"\): version 2 is not supported; left out$/);
    // Not an object: no name to quote, and no path but the entry itself.
    expect(result.problems[4].message).toMatch(/^scenario 5: entry: .+; left out$/);
    expect(result.problems[4]).toMatchObject({ key: 'scenarioInvalid', values: { scenario: { values: { number: 5, name: '' } }, path: { key: 'scenarioEntry' } } });
  });

  it('parseScenarios(…) refuses other formats, versions and broken JSON as a whole', () => {
    const whole = (text: string) => parseScenarios(text, 'f.json');
    expect(whole('{"format":"something-else","version":1,"scenarios":[]}')).toEqual({
      data: null,
      problems: [expect.objectContaining({ message: 'not a scenarios file: expected "format": "chw-planner-scenarios"', row: null })],
    });
    expect(whole(JSON.stringify([BASE])).problems[0].message).toMatch(/^not a scenarios file/);
    expect(whole('{"format":"chw-planner-scenarios","version":2,"scenarios":[]}').problems[0].message).toBe(
      'scenarios file version 2 is not supported (this app reads version 1)',
    );
    expect(whole('{"format":"chw-planner-scenarios","version":1}').problems[0].message).toBe('expected "scenarios": a list of scenarios');
    expect(whole('{"format":').problems[0].message).toMatch(/^invalid JSON/);
    expect(whole('').problems[0].message).toBe('empty file');
    expect(whole(JSON.stringify([BASE])).problems[0]).toMatchObject({ key: 'scenariosNotFile', values: { format: 'chw-planner-scenarios' } });
    expect(whole('{"format":"chw-planner-scenarios","version":2,"scenarios":[]}').problems[0]).toMatchObject({
      key: 'scenariosVersion',
      values: { version: '2', supported: 1 },
    });
    expect(whole('{"format":"chw-planner-scenarios","version":1}').problems[0]).toMatchObject({ key: 'scenariosNoList' });
  });

  it('parseScenarios(…) reads a version-less entry with defaults for the settings it lacks, and says so', () => {
    const { weights, directions, method } = BASE.settings;
    const old = { name: 'Old', savedAt: BASE.savedAt, datasetName: 'Belgium 2024', settings: { weights, directions, method, level: 'municipality', capacity: { teamSize: 3 } } };
    const result = parseScenarios(fileWith([old]), 'f.json');
    expect(result.data).toEqual([
      {
        ...old,
        settings: {
          weights,
          directions,
          method,
          level: 'municipality',
          populationId: null,
          areaFilter: [],
          scope: 'selection',
          smoothShares: false,
          capacity: { ...DEFAULT_CAPACITY, teamSize: 3 },
          excludeCurrent: true,
          excludeUnworkable: true,
          expansion: 0,
        },
      },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 1, severity: 'info' });
    expect(result.problems[0].message).toContain('smoothShares');
    expect(result.problems[0].message).toContain('capacity.interventionsPerFte');
    expect(result.problems[0].message).not.toContain('capacity.teamSize');
    expect(result.problems[0].message).not.toContain('level');
    expect(result.problems[0].message).toMatch(/^scenario 1 \("Old"\): written without a version; defaults used for populationId, /);
    expect(result.problems[0]).toMatchObject({ key: 'scenarioDefaults', values: { settings: expect.arrayContaining(['smoothShares', 'capacity.interventionsPerFte']) } });

    const complete = { name: 'Complete', savedAt: BASE.savedAt, datasetName: BASE.datasetName, settings: BASE.settings };
    expect(parseScenarios(fileWith([complete]), 'f.json').problems).toMatchObject([
      { message: 'scenario 1 ("Complete"): written without a version; read as version 1', key: 'scenarioNoVersion', severity: 'info' },
    ]);
  });

  it('parseScenarios(…) refuses a version-less entry without weights, or with a NaN weight', () => {
    const result = parseScenarios(
      fileWith([
        { name: 'No weights', savedAt: BASE.savedAt, datasetName: '', settings: { directions: {}, method: 'minmax' } },
        { name: 'NaN', savedAt: BASE.savedAt, datasetName: '', settings: { weights: { a: NaN }, directions: {}, method: 'minmax' } },
      ]),
      'f.json',
    );
    expect(result.data).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [1, 'settings.weights', 'error'],
      [2, 'settings.weights.a', 'error'],
    ]);
  });

  it('parseScenarios(…) leaves out a __proto__ indicator id instead of reaching the prototype', () => {
    const text = fileWith([{ version: 1, ...BASE }]).replace('"unemployment":2', '"__proto__":{"polluted":1}');
    const weights = parseScenarios(text, 'f.json').data?.[0].settings.weights;
    expect(weights).toEqual({ income_median: 1 });
    expect(Object.getPrototypeOf(weights)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
