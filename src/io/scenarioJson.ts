import { z } from 'zod';
import { DEFAULT_CAPACITY, type CapacityParams } from '../model/plan';
import type { Direction, Level, Method } from '../model/types';
import type { Scope } from '../model/scoreInScope';
import { problemFrom, type Loaded, type MessagePiece, type Problem } from './problem';
import { readJson } from './readJson';

/** The inputs of a ranking and plan that a scenario keeps: everything the user set, nothing derived. */
export interface ScenarioSettings {
  weights: Record<string, number>;
  directions: Record<string, Direction>;
  method: Method;
  level: Level;
  populationId: string | null;
  areaFilter: string[];
  scope: Scope;
  smoothShares: boolean;
  capacity: CapacityParams;
  excludeCurrent: boolean;
  excludeUnworkable: boolean;
  expansion: 0 | 1 | 2;
}

/** A named set of settings, saved for one dataset. */
export interface Scenario {
  name: string;
  /** ISO 8601 date and time. */
  savedAt: string;
  datasetName: string;
  settings: ScenarioSettings;
}

/** The `format` field of a scenarios file; files without it are refused. */
export const SCENARIO_FORMAT = 'chw-planner-scenarios';
export const SCENARIO_VERSION = 1;

/** Settings that entries written before scenarios carried a version may lack, and what they meant then. */
const LEGACY_DEFAULTS: Omit<ScenarioSettings, 'weights' | 'directions' | 'method'> = {
  level: 'ward',
  populationId: null,
  areaFilter: [],
  scope: 'selection',
  smoothShares: false,
  capacity: DEFAULT_CAPACITY,
  excludeCurrent: true,
  excludeUnworkable: true,
  expansion: 0,
};

// zod's record leaves out a `__proto__` key, so a tampered file cannot reach the prototype.
const indicatorId = z.string().min(1, 'empty indicator id');

const capacitySchema = z.object({
  interventionsPerFte: z.number().positive(),
  interventionShare: z.number().positive().max(1),
  teamSize: z.number().positive(),
  availableFte: z.number().nonnegative(),
  maxDistanceKm: z.number().positive(),
});

// z.number() refuses NaN and ±Infinity, so a tampered weight cannot reach the model.
const settingsSchema = z.object({
  weights: z.record(indicatorId, z.number().nonnegative()),
  directions: z.record(indicatorId, z.enum(['high', 'low'])),
  method: z.enum(['percentile', 'minmax', 'zscore', 'expo']),
  level: z.enum(['ward', 'municipality']),
  populationId: z.string().min(1).nullable(),
  areaFilter: z.array(z.string().min(1)),
  scope: z.enum(['selection', 'all']),
  smoothShares: z.boolean(),
  capacity: capacitySchema,
  excludeCurrent: z.boolean(),
  excludeUnworkable: z.boolean(),
  expansion: z.union([z.literal(0), z.literal(1), z.literal(2)]),
});

const scenarioFields = {
  name: z.string().refine((name) => name.trim() !== '', 'a scenario needs a name'),
  savedAt: z.iso.datetime({ offset: true }),
  datasetName: z.string(),
};

const scenarioSchema = z.object({ version: z.literal(SCENARIO_VERSION), ...scenarioFields, settings: settingsSchema });

const legacySchema = z.object({
  ...scenarioFields,
  settings: settingsSchema.partial().extend({
    weights: settingsSchema.shape.weights,
    directions: settingsSchema.shape.directions,
    method: settingsSchema.shape.method,
    capacity: capacitySchema.partial().optional(),
  }),
});

/** The file's object: what formatScenarios writes and the scenario store keeps. */
export function toScenarioFile(scenarios: readonly Scenario[]) {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    scenarios: scenarios.map((s) => ({ version: SCENARIO_VERSION, ...s })),
  };
}

/**
 * Scenarios as the text of a `.json` file that parseScenarios reads back.
 * formatScenarios([s]) -> '{\n  "format": "chw-planner-scenarios",\n  "version": 1,\n  "scenarios": [ … ]\n}'
 */
export function formatScenarios(scenarios: readonly Scenario[]): string {
  return JSON.stringify(toScenarioFile(scenarios), null, 2);
}

/**
 * Reads a scenarios file. Each scenario is validated on its own: a bad one is reported (row = its
 * position, 1-based; column = the path of the bad field) and left out, the good ones are kept.
 * Entries without a version (written before scenarios had one) are read with defaults for the
 * settings they lack, and an info problem says which. Other formats and versions are refused whole.
 */
export function parseScenarios(text: string, file: string): Loaded<Scenario[]> {
  const read = readJson(text);
  if ('error' in read) return { data: null, problems: [problemFrom(file, read.why.key, read.why.values)] };
  const json = read.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('format' in json) || json.format !== SCENARIO_FORMAT) {
    return { data: null, problems: [problemFrom(file, 'scenariosNotFile', { format: SCENARIO_FORMAT })] };
  }
  const version = 'version' in json ? json.version : undefined;
  if (version !== SCENARIO_VERSION) {
    return {
      data: null,
      problems: [problemFrom(file, 'scenariosVersion', { version: String(version), supported: SCENARIO_VERSION })],
    };
  }
  const list = 'scenarios' in json ? json.scenarios : undefined;
  if (!Array.isArray(list)) return { data: null, problems: [problemFrom(file, 'scenariosNoList')] };

  const problems: Problem[] = [];
  const scenarios: Scenario[] = [];
  list.forEach((entry: unknown, i) => {
    const label: MessagePiece = { key: 'scenarioLabel', values: { number: i + 1, name: nameOf(entry) } };
    const entryVersion = typeof entry === 'object' && entry !== null && 'version' in entry ? entry.version : undefined;
    if (entryVersion === undefined) {
      const parsed = legacySchema.safeParse(entry);
      if (!parsed.success) {
        problems.push(...issuesOf(parsed.error, file, i, label));
        return;
      }
      const { scenario, filled } = migrate(parsed.data);
      scenarios.push(scenario);
      problems.push(
        filled.length > 0
          ? problemFrom(file, 'scenarioDefaults', { scenario: label, settings: filled }, { row: i + 1, severity: 'info' })
          : problemFrom(file, 'scenarioNoVersion', { scenario: label }, { row: i + 1, severity: 'info' }),
      );
      return;
    }
    if (entryVersion !== SCENARIO_VERSION) {
      problems.push(problemFrom(file, 'scenarioVersionLeftOut', { scenario: label, version: String(entryVersion) }, { row: i + 1, column: 'version' }));
      return;
    }
    const parsed = scenarioSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...issuesOf(parsed.error, file, i, label));
      return;
    }
    const { version: _version, ...scenario } = parsed.data;
    scenarios.push(scenario);
  });
  return { data: scenarios, problems };
}

function migrate(entry: z.infer<typeof legacySchema>): { scenario: Scenario; filled: string[] } {
  const { capacity, ...given } = entry.settings;
  const filled = Object.keys(LEGACY_DEFAULTS).filter((key) => key !== 'capacity' && !(key in given));
  if (capacity === undefined) filled.push('capacity');
  else filled.push(...Object.keys(DEFAULT_CAPACITY).filter((key) => !(key in capacity)).map((key) => `capacity.${key}`));
  const settings: ScenarioSettings = { ...LEGACY_DEFAULTS, ...given, capacity: { ...DEFAULT_CAPACITY, ...capacity } };
  return { scenario: { name: entry.name, savedAt: entry.savedAt, datasetName: entry.datasetName, settings }, filled };
}

// zod's own issue messages stay English: they name the expected and received values.
function issuesOf(error: z.ZodError, file: string, index: number, label: MessagePiece): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const where: MessagePiece | string = path || { key: 'scenarioEntry' };
    return problemFrom(file, 'scenarioInvalid', { scenario: label, path: where, issue: issue.message }, { row: index + 1, column: path || null });
  });
}

function nameOf(entry: unknown): MessagePiece | string {
  if (typeof entry !== 'object' || entry === null || !('name' in entry) || typeof entry.name !== 'string') return '';
  return { key: 'scenarioName', values: { name: entry.name } };
}
