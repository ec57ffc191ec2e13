import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Method } from '../model/types';
import { DEFAULT_CAPACITY } from '../model/plan';
import { runRank } from './runRank';

const USAGE = `Usage: npm run rank -- --indicators FILE [--indicators FILE2] [--boundaries FILE] --key COLUMN
       --weights "col:weight:high|low,..." [--method percentile|minmax|zscore|expo]
       [--format csv|excel-be] --out FILE
       [--plan [--fte 6] [--team-size 2] [--interventions-per-fte 400] [--intervention-share 10]
               [--max-distance-km 2]] [--current FILE]

Ranks wards with the same model as the app and writes the CSV to --out and how it was made
(method, weights, directions) to FILE.meta.json beside it. high = a higher value means more need.
--plan proposes CHW teams (needs --boundaries and a vulnerable_persons column, or vt_share and
population) and adds workload, team and team_base columns; --intervention-share is a percentage.
--current (a CSV with a code column and optionally team) leaves current areas out of the plan and
adds expansion_ring, distance_km and borders_team.`;

const METHODS: Method[] = ['percentile', 'minmax', 'zscore', 'expo'];

function fail(message: string): never {
  process.stderr.write(`rank: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        indicators: { type: 'string', multiple: true },
        boundaries: { type: 'string' },
        key: { type: 'string' },
        weights: { type: 'string' },
        method: { type: 'string', default: 'percentile' },
        format: { type: 'string', default: 'csv' },
        out: { type: 'string' },
        help: { type: 'boolean' },
        plan: { type: 'boolean' },
        fte: { type: 'string' },
        'team-size': { type: 'string' },
        'interventions-per-fte': { type: 'string' },
        'intervention-share': { type: 'string' },
        'max-distance-km': { type: 'string' },
        current: { type: 'string' },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.indicators?.length) fail('--indicators FILE is required');
  if (!values.key) fail('--key COLUMN is required');
  if (!values.weights) fail('--weights is required');
  if (!values.out) fail('--out FILE is required');
  if (!METHODS.includes(values.method as Method)) fail(`--method "${values.method}" must be one of ${METHODS.join(', ')}`);
  if (values.format !== 'csv' && values.format !== 'excel-be') fail(`--format "${values.format}" must be csv or excel-be`);

  const read = (path: string) => {
    try {
      return { name: basename(path), text: readFileSync(path, 'utf8') };
    } catch (error) {
      fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  const number = (flag: string, value: string | undefined, fallback: number, check: (n: number) => boolean, expected: string) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || !check(n)) fail(`--${flag} "${value}" must be ${expected}`);
    return n;
  };
  const plan = values.plan
    ? {
        availableFte: number('fte', values.fte, DEFAULT_CAPACITY.availableFte, (n) => n >= 0, 'a number >= 0'),
        teamSize: number('team-size', values['team-size'], DEFAULT_CAPACITY.teamSize, (n) => n > 0, 'a number > 0'),
        interventionsPerFte: number('interventions-per-fte', values['interventions-per-fte'], DEFAULT_CAPACITY.interventionsPerFte, (n) => n > 0, 'a number > 0'),
        interventionShare:
          number('intervention-share', values['intervention-share'], DEFAULT_CAPACITY.interventionShare * 100, (n) => n >= 0 && n <= 100, 'a percentage from 0 to 100') / 100,
        maxDistanceKm: number('max-distance-km', values['max-distance-km'], DEFAULT_CAPACITY.maxDistanceKm, (n) => n > 0, 'a number > 0'),
      }
    : null;
  const result = runRank({
    indicators: values.indicators.map(read),
    boundaries: values.boundaries ? read(values.boundaries) : null,
    key: values.key,
    weights: values.weights,
    method: values.method as Method,
    format: values.format,
    now: new Date(),
    plan,
    current: values.current ? read(values.current) : null,
  });
  for (const p of result.problems) {
    const where = [p.file, p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column "${p.column}"` : null].filter(Boolean).join(', ');
    process.stderr.write(`${p.severity}: ${where}: ${p.message}\n`);
  }
  if ('error' in result) fail(result.error);
  writeFileSync(values.out, result.csv);
  writeFileSync(`${values.out}.meta.json`, `${JSON.stringify(result.meta, null, 2)}\n`);
  const rows = result.csv.split(/\r?\n/).filter((l) => l !== '').length - 1;
  process.stdout.write(`rank: wrote ${rows} wards to ${values.out} (and ${values.out}.meta.json)\n`);
}

main();
