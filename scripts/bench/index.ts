/**
 * npm run bench: the performance figures of issue 7 on the real Belgium file, in Node and in
 * headless Chromium. Prints a table and writes bench/results.json. Benchmark targets, not tests:
 * a missed target is reported, and the exit code is 0 unless --strict is given.
 *
 *   npm run bench [-- --runs 7] [-- --only node,chromium,bundle] [-- --use-dist] [-- --strict]
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { measureBundle, type BundleReport } from './bundle';
import { CHROMIUM_PATH, chromiumFigures, type ChromiumResult } from './chromiumFigures';
import { machine } from './machine';
import { nodeFigures } from './nodeFigures';
import { benchData } from './sharedData';
import { figure, type Figure } from './stats';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SECTIONS = ['bundle', 'node', 'chromium'] as const;
type Section = (typeof SECTIONS)[number];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      'use-dist': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 5) throw new Error(`invalid --runs: ${values.runs} (at least 5: each figure is a median of 5 or more runs)`);
  const only = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));
  for (const s of only) if (!SECTIONS.includes(s as Section)) throw new Error(`invalid --only: ${s} (one or more of ${SECTIONS.join(', ')})`);

  // Fail before anything else when the data or the browser is missing.
  const data = benchData(repoRoot);
  if (only.has('chromium') && !existsSync(CHROMIUM_PATH)) throw new Error(`bench: ${CHROMIUM_PATH} not found: install Debian's chromium package, or run with --only node,bundle`);

  const started = Date.now();
  const info = machine();
  const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  log(`${info.cpus} cpus, load average ${info.loadAverageAtStart.join(' ')}, data from ${data.dir}`);

  // The app is built into a directory of our own, so that a bench never races with whoever is
  // building or testing dist/ at the same time; --use-dist measures the existing dist/ instead.
  let outDir = join(repoRoot, 'dist');
  let ownBuild: string | null = null;
  if ((only.has('bundle') || only.has('chromium')) && !values['use-dist']) {
    ownBuild = mkdtempSync(join(tmpdir(), 'chw-bench-dist-'));
    outDir = ownBuild;
    log(`building the app into ${outDir}`);
    await build({ root: repoRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: 'hidden' } });
  } else if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error('bench: dist/index.html is missing: run npm run build first, or drop --use-dist');
  }

  const figures: Figure[] = [];
  let bundle: BundleReport | null = null;
  let browser: ChromiumResult | null = null;
  try {
    if (only.has('bundle')) {
      log('bundle: initial JS, gzipped');
      bundle = measureBundle(outDir);
      figures.push(
        figure(
          {
            id: 'build.initialJs',
            label: 'initial JS, gzipped',
            where: 'build',
            unit: 'kB',
            target: { op: '<', value: 450 },
            how: `the entry script of index.html and its static imports (${bundle.initial.map((c) => c.file).join(', ')}), each gzipped with node:zlib (level 6), summed; the same bytes every run`,
          },
          [bundle.initialGzip / 1000],
        ),
      );
    }
    if (only.has('node')) figures.push(...(await nodeFigures(data, runs, log)));
    if (only.has('chromium')) {
      browser = await chromiumFigures({ repoRoot, outDir, data, runs, log });
      figures.push(...browser.figures);
      info.chromium = browser.version;
    }
  } finally {
    if (ownBuild) rmSync(ownBuild, { recursive: true, force: true });
  }
  info.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);

  printTable(figures);
  if (bundle) printBundle(bundle, browser?.startupScripts ?? null);
  for (const note of browser?.notes ?? []) console.log(`note: ${note}`);
  if (browser && browser.errors.length > 0) console.log(`page errors:\n  ${browser.errors.join('\n  ')}`);

  const missed = figures.filter((f) => f.pass === false);
  const results = {
    date: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    runs,
    machine: info,
    data: { sectors: data.sectors, indicators: data.indicators },
    build: ownBuild ? 'vite build of the working tree into a temporary directory' : 'existing dist/',
    figures,
    missed: missed.map((f) => ({ id: f.id, median: f.median, target: f.target })),
    bundle: bundle && {
      ...bundle,
      startupScripts: browser?.startupScripts ?? null,
      composition: bundle.composition?.slice(0, 25) ?? null,
    },
    chromium: browser && { notes: browser.notes, errors: browser.errors },
  };
  mkdirSync(join(repoRoot, 'bench'), { recursive: true });
  const out = join(repoRoot, 'bench', 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${out}`);
  if (missed.length > 0) console.log(`${missed.length} target(s) missed: ${missed.map((f) => f.id).join(', ')}`);
  return values.strict && missed.length > 0 ? 1 : 0;
}

function printTable(figures: readonly Figure[]): void {
  const format = (value: number, unit: Figure['unit']) => (unit === 'x' ? `${value.toFixed(1)}x` : `${value < 10 ? value.toFixed(2) : Math.round(value)} ${unit}`);
  const rows = figures.map((f) => [
    f.label,
    f.where,
    format(f.median, f.unit),
    format(f.min, f.unit),
    format(f.max, f.unit),
    f.target ?? '',
    f.pass === null ? '' : f.pass ? 'pass' : 'MISS',
  ]);
  const header = ['figure', 'where', 'median', 'min', 'max', 'target', 'result'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
  console.log('');
}

function printBundle(bundle: BundleReport, startupScripts: string[] | null): void {
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`initial JS: ${bundle.initial.map((c) => `${c.file} ${kB(c.bytes)} (${kB(c.gzip)} gzipped)`).join(', ')}`);
  console.log('lazy chunks (gzipped):');
  for (const c of bundle.lazy) {
    const atStart = startupScripts?.some((s) => s.endsWith(c.file.replace(/^assets\//, ''))) ? ', fetched at startup' : '';
    console.log(`  ${c.file} ${kB(c.bytes)} (${kB(c.gzip)} gzipped${atStart})`);
  }
  if (bundle.composition) {
    console.log('entry chunk by source (minified bytes; gzip of each part alone):');
    for (const part of bundle.composition.slice(0, 12)) console.log(`  ${part.source.padEnd(28)} ${kB(part.bytes).padStart(9)}  ${kB(part.gzipAlone).padStart(9)}`);
  }
  console.log('');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
