import { formatCsv } from '../io/formatCsv';
import { problemFrom, type Problem } from '../io/problem';
import { readBoundariesFile, readCurrentAreas, readIndicatorFile, type SourceFile } from '../app/assembleDataset';
import { computePlan, planGeometry } from '../model/computePlan';
import { DEFAULT_CAPACITY, type CapacityParams, type ProposedTeam } from '../model/plan';
import { planColumns } from '../model/planColumns';
import { CATALOGUE } from '../app/catalogue';
import { addIndicators, createDataset } from '../model/createDataset';
import { prepare } from '../model/prepare';
import { rank } from '../model/rank';
import { describeRun, rankingTable, type ExtraColumn } from '../model/rankingTable';
import { score } from '../model/score';
import type { Direction, Method } from '../model/types';
import { parseWeightsSpec } from './parseWeightsSpec';

export interface RankOptions {
  indicators: SourceFile[];
  boundaries: SourceFile | null;
  key: string;
  weights: string;
  method: Method;
  format: 'csv' | 'excel-be';
  now: Date;
  /** With capacity parameters: propose teams and add workload and team columns. */
  plan?: CapacityParams | null;
  /** Current CHW areas (CSV: code[, team]): adds expansion ring, distance and bordering team. */
  current?: SourceFile | null;
}

export interface RankOutput {
  csv: string;
  meta: {
    method: Method;
    weights: Record<string, number>;
    directions: Record<string, Direction>;
    description: string[];
    plan?: { capacity: CapacityParams; teams: ProposedTeam[]; unassignedFte: number; coveredShare: number };
  };
  problems: Problem[];
}

/**
 * The headless ranking: the same loaders and model as the app. The CSV starts with rank, the key
 * column and score, then name and district (with boundaries), decile and every indicator raw and
 * normalised, as in the app's export. Returns an error message instead when the input cannot be ranked.
 */
export function runRank(options: RankOptions): RankOutput | { error: string; problems: Problem[] } {
  const parsedWeights = parseWeightsSpec(options.weights);
  if ('error' in parsedWeights) return { error: parsedWeights.error, problems: [] };
  const problems: Problem[] = [];
  if ((options.plan || options.current) && !options.boundaries) {
    return { error: '--plan and --current need --boundaries: shared borders and distances come from the geometry', problems };
  }

  let features;
  let fields;
  if (options.boundaries) {
    const read = readBoundariesFile(options.boundaries);
    problems.push(...read.problems);
    if (!read.boundaries) return { error: `cannot read boundaries ${options.boundaries.name}`, problems };
    if (!read.boundaries.propertyNames.includes(options.key)) {
      return { error: `boundaries ${options.boundaries.name} have no property "${options.key}" (they have: ${read.boundaries.propertyNames.join(', ')})`, problems };
    }
    features = read.boundaries.features;
    fields = { key: options.key, name: read.fields.name, district: read.fields.district, municipality: read.fields.municipality ?? null };
  }
  let currentAreas: { code: string; team: string }[] = [];
  if (options.current) {
    const read = readCurrentAreas(options.current);
    problems.push(...read.problems);
    if (read.areas.length === 0) return { error: `cannot read current areas from ${options.current.name}: expected a column "code"`, problems };
    currentAreas = read.areas;
  }

  const tables = [];
  for (const source of options.indicators) {
    const read = readIndicatorFile(source, [], options.key);
    problems.push(...read.problems);
    if (!read.table) return { error: `cannot read indicators ${source.name}`, problems };
    tables.push(read.table);
  }
  if (!features) {
    // Without boundaries, the wards are the codes of the first indicator file.
    features = tables[0].keys.map((k) => ({ type: 'Feature' as const, geometry: null, properties: { [options.key]: k } }));
    fields = { key: options.key, name: null, district: null };
  }
  const base = createDataset({
    name: options.indicators.map((s) => s.name).join(' + '),
    features,
    fields: fields!,
    tables: [],
    catalogue: CATALOGUE,
    currentAreas,
  });
  problems.push(...base.warnings.filter((w) => w.key === 'currentAreaNoWard').map((w) => problemFrom(options.current?.name ?? '', w.key, w.values, { severity: 'warning' })));
  const dataset = addIndicators(base, tables, CATALOGUE);

  const ids = new Set(dataset.indicators.map((d) => d.id));
  const weights: Record<string, number> = {};
  const directions: Record<string, Direction> = {};
  for (const d of dataset.indicators) {
    weights[d.id] = 0;
    directions[d.id] = d.direction;
  }
  for (const spec of parsedWeights.specs) {
    const id = ids.has(spec.column) ? spec.column : dataset.indicators.find((d) => d.label.en === spec.column || d.aliases?.includes(spec.column))?.id;
    if (!id) return { error: `--weights names column "${spec.column}", which is not a numeric column of the indicator files (they have: ${[...ids].join(', ')})`, problems };
    weights[id] = spec.weight;
    directions[id] = spec.direction;
  }

  const prepared = prepare(dataset.values, directions, options.method, dataset.wards.length);
  const scores = score(prepared, weights);
  const ranking = rank(scores.score, dataset.wards.map((w) => w.code));
  let extras: ExtraColumn[] = [];
  let planMeta: RankOutput['meta']['plan'];
  if (options.plan || options.current) {
    const planned = computePlan(dataset, scores.score, planGeometry(dataset), {
      capacity: options.plan ?? DEFAULT_CAPACITY,
      excludeCurrent: true,
      excluded: new Set(),
      expansion: 0,
    });
    if (options.plan && planned.problem) return { error: planned.problem, problems };
    extras = planColumns(dataset, {
      workload: options.plan ? planned.workload : null,
      plan: options.plan ? planned.plan : null,
      expansion: options.current ? planned.expansion : null,
    });
    if (options.plan && planned.plan) {
      planMeta = { capacity: options.plan, teams: planned.plan.teams, unassignedFte: planned.plan.unassignedFte, coveredShare: planned.plan.coveredShare };
    }
  }
  const table = rankingTable(dataset, { prepared, scores, ranking }, extras);
  // rank, key, score first; name and district only when boundaries gave them.
  const order = [0, 1, 4, ...(options.boundaries ? [2, 3] : []), ...table.header.map((_, i) => i).slice(5)];
  const header = order.map((i) => table.header[i]);
  header[1] = options.key;
  const rows = table.rows.map((row) => order.map((i) => row[i]));
  const description = describeRun(dataset, options.method, weights, directions, options.now);
  return {
    csv: formatCsv(header, rows, { format: options.format }),
    meta: { method: options.method, weights, directions, description, ...(planMeta ? { plan: planMeta } : {}) },
    problems,
  };
}
