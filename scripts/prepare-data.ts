/**
 * Turns raw downloads (Statbel sectors, Statbel tables, IMA-Atlas exports) into a dataset folder
 * the app opens directly. All the work is in src/cli/prepareData.ts; this file reads the
 * arguments and the files, writes the output and prints the report. See docs/prepare-data.md.
 *
 * Run: npm run prepare-data -- <files...> --out DIR [--name "…"] [--key COLUMN] [--year YYYY]
 *        [--sheet NAME] [--simplify 1e-8] [--quantize 1e5] [--municipalities 11002,44021]
 *        [--attribution "…"]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CATALOGUE } from '../src/app/catalogue';
import { formatReport, OUTPUT_FILES, PREPARE_DEFAULTS, prepareData, type InputFile } from '../src/cli/prepareData';

const USAGE = `Usage: npm run prepare-data -- <files...> --out DIR [--name "…"] [--key COLUMN] [--year YYYY]
       [--sheet NAME] [--simplify ${PREPARE_DEFAULTS.simplify}] [--quantize ${PREPARE_DEFAULTS.quantize}]
       [--municipalities 11002,44021] [--attribution "…"]

Reads one boundaries file (.geojson, .topojson, or a shapefile: its .zip, or .shp + .dbf + .prj)
and any number of indicator tables (.csv, .txt, .xlsx) and writes an app-ready dataset to DIR: boundaries.topojson, indicators.csv,
municipality-indicators.csv (tables keyed by municipality NIS code), catalogue.json and
dataset.json. Select all the files of DIR together to open the dataset in the app.`;

function fail(message: string): never {
  process.stderr.write(`prepare-data: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** A number option: absent gives the default, anything but a finite number >= 0 stops the run. */
function numberOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) fail(`--${name} "${value}" must be a number >= 0`);
  return number;
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        name: { type: 'string' },
        key: { type: 'string' },
        year: { type: 'string' },
        sheet: { type: 'string' },
        simplify: { type: 'string' },
        quantize: { type: 'string' },
        municipalities: { type: 'string' },
        attribution: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length === 0) fail('no input files');
  if (!values.out) fail('--out DIR is required');
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail(`--year "${values.year}" must be a year such as 2019`);
  const simplify = numberOption('simplify', values.simplify, PREPARE_DEFAULTS.simplify);
  const quantize = numberOption('quantize', values.quantize, PREPARE_DEFAULTS.quantize);
  if (quantize !== 0 && (!Number.isInteger(quantize) || quantize < 2)) {
    fail(`--quantize "${values.quantize}" must be a whole number >= 2 (grid steps), or 0 for none`);
  }
  let municipalities: string[] | null = null;
  if (values.municipalities !== undefined) {
    municipalities = values.municipalities.split(',').map((code) => code.trim()).filter((code) => code !== '');
    const bad = municipalities.find((code) => !/^\d{5}$/.test(code));
    if (municipalities.length === 0 || bad !== undefined) {
      fail(`--municipalities "${values.municipalities}" must be five-digit NIS codes separated by commas, e.g. 11002,44021`);
    }
  }

  const inputs: InputFile[] = positionals.map((path) => {
    try {
      return { name: basename(path), bytes: readFileSync(path) };
    } catch (error) {
      fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  });

  const started = performance.now();
  void prepareData(inputs, {
    name: values.name ?? null,
    key: values.key ?? null,
    year: values.year !== undefined ? Number(values.year) : null,
    sheet: values.sheet ?? null,
    simplify,
    quantize,
    municipalities,
    attribution: values.attribution ?? null,
    catalogue: CATALOGUE,
    now: new Date(),
  }).then((result) => {
    for (const p of result.problems) {
      const where = [p.file, p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column "${p.column}"` : null]
        .filter(Boolean)
        .join(', ');
      process.stderr.write(`${p.severity}: ${where}: ${p.message}\n`);
    }
    if ('error' in result) fail(result.error);
    const out = values.out!;
    try {
      mkdirSync(out, { recursive: true });
      // A file of an earlier run that this one does not write would sit beside the new dataset.
      for (const name of Object.values(OUTPUT_FILES)) if (!(name in result.files)) rmSync(join(out, name), { force: true });
      for (const [name, text] of Object.entries(result.files)) writeFileSync(join(out, name), text);
    } catch (error) {
      fail(`cannot write to ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    for (const line of formatReport(result.report)) process.stdout.write(`${line}\n`);
    process.stdout.write(`prepare-data: wrote ${Object.keys(result.files).length} files to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }, (error: unknown) => {
    // A bug, not a bad input: the loaders report those as problems.
    process.stderr.write(`prepare-data: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

main();
