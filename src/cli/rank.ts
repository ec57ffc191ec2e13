import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Method } from '../model/types';
import { runRank } from './runRank';

const USAGE = `Usage: npm run rank -- --indicators FILE [--indicators FILE2] [--boundaries FILE] --key COLUMN
       --weights "col:weight:high|low,..." [--method percentile|minmax|zscore|expo]
       [--format csv|excel-be] --out FILE

Ranks wards with the same model as the app and writes the CSV to --out and how it was made
(method, weights, directions) to FILE.meta.json beside it. high = a higher value means more need.`;

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
  const result = runRank({
    indicators: values.indicators.map(read),
    boundaries: values.boundaries ? read(values.boundaries) : null,
    key: values.key,
    weights: values.weights,
    method: values.method as Method,
    format: values.format,
    now: new Date(),
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
