import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { topology } from 'topojson-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsx } from '../io/fixtureFiles';
import { browserSkipReason, outputDir, outputPath, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();

// About as many wards as Belgium has statistical sectors, each a square traced with 4 x 53 points
// as a surveyed boundary is: 4.3 million positions, about 100 MB of GeoJSON.
const WARDS = 20_000;
const POINTS_PER_SIDE = 53;
const YEARS = 10;
const GEOJSON = 'big-wards.geojson';
const CSV = 'big-indicators.csv';

/** Writes the wards, 20,000 squares in a grid over Belgium's latitudes, streaming so the test holds no 100 MB string. */
async function writeBigGeoJson(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('{"type":"FeatureCollection","features":[\n');
  const columns = Math.ceil(Math.sqrt(WARDS));
  const side = 0.002;
  const step = side / POINTS_PER_SIDE;
  for (let i = 0; i < WARDS; i++) {
    const x = 3 + (i % columns) * side;
    const y = 50 + Math.floor(i / columns) * side;
    const ring: string[] = [];
    const at = (px: number, py: number) => ring.push(`[${px.toFixed(7)},${py.toFixed(7)}]`);
    for (let k = 0; k < POINTS_PER_SIDE; k++) at(x + k * step, y);
    for (let k = 0; k < POINTS_PER_SIDE; k++) at(x + side, y + k * step);
    for (let k = 0; k < POINTS_PER_SIDE; k++) at(x + side - k * step, y + side);
    for (let k = 0; k < POINTS_PER_SIDE; k++) at(x, y + side - k * step);
    at(x, y);
    const feature = `{"type":"Feature","properties":{"code":"${code(i)}","name":"Sector ${i + 1}"},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`;
    if (!out.write(`${i === 0 ? '' : ',\n'}${feature}`)) await once(out, 'drain');
  }
  out.end(']}\n');
  await once(out, 'finish');
}

/** A long table as Statbel publishes them: one row per ward and year, 200,000 rows, Belgian Excel dialect. */
function writeBigCsv(path: string): void {
  const rows = ['CD_SECTOR;CD_YEAR;income;vt_share'];
  for (let year = 2014; year < 2014 + YEARS; year++) {
    for (let i = 0; i < WARDS; i++) rows.push(`${code(i)};${year};${20000 + ((i * 37 + year) % 15000)};${((i % 400) / 10).toFixed(1).replace('.', ',')}`);
  }
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
}

/** A TopoJSON holding 3 wards and their city's outline, and a workbook of two sheets: for choosing another object or sheet. */
function writeChoices(paths: { topojson: string; workbook: string }): void {
  const square = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });
  const wards: FeatureCollection = {
    type: 'FeatureCollection',
    features: [0, 1, 2].map((i) => ({ type: 'Feature', properties: { code: code(i) }, geometry: square(4 + i * 0.01, 50.8) })),
  };
  const city: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'CITY' }, geometry: square(4, 50.8) }] };
  writeFileSync(paths.topojson, JSON.stringify(topology({ wards, city })));
  writeFileSync(
    paths.workbook,
    xlsx([
      { name: 'Wards', rows: [['code', 'income'], [code(0), 100], [code(1), 200], [code(2), 300]] },
      { name: 'Municipalities', rows: [['refnis', 'gmd'], ['11001', 60], ['11002', 70]] },
    ]),
  );
}

const code = (i: number) => `S${String(i + 1).padStart(5, '0')}`;

/** Records in the page every stage text the file panel shows, and the longest main-thread task. */
async function watchPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { stages: string[]; times: number[]; longest: number; watching?: boolean };
    w.stages = [];
    w.times = [];
    w.longest = 0;
    if (w.watching) return;
    w.watching = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
    new MutationObserver(() => {
      const stage = document.querySelector('.load-panel .staging-progress .stage')?.textContent;
      if (stage && w.stages.at(-1) !== stage) {
        w.stages.push(stage);
        w.times.push(performance.now());
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The stages shown, how long each kind of stage lasted (ms), and the longest task since `watchPage`. */
function watched(page: Page): Promise<{ stages: string[]; durations: Record<string, number>; longest: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { stages: string[]; times: number[]; longest: number };
    const durations: Record<string, number> = {};
    w.stages.forEach((stage, i) => {
      const kind = stage.replace(/ \d+ \/ \d+$/, ' i / n');
      durations[kind] = Math.round((durations[kind] ?? 0) + (w.times[i + 1] ?? performance.now()) - w.times[i]);
    });
    return { stages: w.stages, durations, longest: Math.round(w.longest) };
  });
}

describe.skipIf(skipReason !== null)(`a ${WARDS.toLocaleString('en')}-ward 100 MB GeoJSON and a ${(WARDS * YEARS).toLocaleString('en')}-row CSV in Chromium`, () => {
  let app: App;
  const paths = { geojson: join(outputDir, GEOJSON), csv: join(outputDir, CSV), topojson: join(outputDir, 'choices.topojson'), workbook: join(outputDir, 'choices.xlsx') };
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    app = await startApp();
    let start = performance.now();
    await writeBigGeoJson(paths.geojson);
    timings.generateGeoJsonMs = Math.round(performance.now() - start);
    timings.geojsonMB = Math.round(statSync(paths.geojson).size / 1e5) / 10;
    start = performance.now();
    writeBigCsv(paths.csv);
    timings.generateCsvMs = Math.round(performance.now() - start);
    timings.csvMB = Math.round(statSync(paths.csv).size / 1e5) / 10;
    writeChoices(paths);
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    writeFileSync(outputPath('bigFile-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    console.log('bigFile timings', timings);
    await app?.close();
  });

  it('the GeoJSON is read in a worker with its stage and progress shown, the page answers a click meanwhile, and Cancel changes nothing', async () => {
    const { page } = app;
    expect(timings.geojsonMB).toBeGreaterThan(95);
    await watchPage(page);
    await page.getByRole('button', { name: 'Open files…' }).click();
    const panel = page.getByRole('region', { name: 'Open files' });
    await panel.locator('input[type=file]').setInputFiles(paths.geojson);

    // Parsing is the longest stage: the page must answer while it goes on.
    const stage = panel.locator('.staging-progress .stage');
    await expect.poll(() => stage.textContent(), { timeout: 30_000 }).toBe(`Parsing ${GEOJSON}`);
    expect(await panel.getByRole('progressbar').count()).toBe(1);
    const codeHeader = page.locator('table.ranked th').filter({ has: page.getByRole('button', { name: 'Code', exact: true }) });
    expect(await codeHeader.getAttribute('aria-sort')).toBe('none');
    const clicked = performance.now();
    await codeHeader.getByRole('button').click();
    await expect.poll(() => codeHeader.getAttribute('aria-sort'), { timeout: 2_000 }).toBe('ascending');
    timings.clickWhileParsingMs = Math.round(performance.now() - clicked);
    expect(await stage.textContent()).toMatch(new RegExp(`^(Parsing|Preparing|Loading) `));
    await page.screenshot({ path: outputPath('big-file-progress.png') });

    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Cancelled: nothing was changed');
    expect(await panel.getByRole('progressbar').count()).toBe(0);
    expect(await panel.locator('.problems').count()).toBe(0);
    expect(await panel.locator('fieldset').count()).toBe(0);
    expect(await page.locator('[data-testid="map"]').getAttribute('data-ward-count')).toBe('432');
    expect(await page.getByText('Synthetic demo data', { exact: true }).count()).toBe(1);
    const { stages, longest } = await watched(page);
    expect(stages.at(-1)).toBe(`Parsing ${GEOJSON}`);
    timings.longestTaskBeforeCancelMs = longest;
    expect(longest).toBeLessThan(2_000);
  });

  it('opened again and left to finish, it previews all 20,000 wards without a long freeze', async () => {
    const { page } = app;
    await watchPage(page);
    const panel = page.getByRole('region', { name: 'Open files' });
    const start = performance.now();
    await panel.locator('input[type=file]').setInputFiles(paths.geojson);
    await expect.poll(() => panel.locator('legend').first().textContent(), { timeout: 60_000 }).toBe(`Boundaries: ${GEOJSON} (${WARDS} features)`);
    timings.geojsonToPreviewMs = Math.round(performance.now() - start);
    expect(await panel.getByRole('combobox', { name: 'Ward code property' }).inputValue()).toBe('code');
    expect(await panel.getByRole('status').count()).toBe(0);
    expect(await panel.locator('.problems').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(false);
    const { durations, longest } = await watched(page);
    // The stages in order, "Loading features i / n" counting up. A stage may pass unseen (the bar
    // shows after 0.4 s, and the page may not paint every step), but not the long ones.
    const kinds = Object.keys(durations);
    const order = [`Reading ${GEOJSON} (${Math.round(timings.geojsonMB)} MB)`, `Parsing ${GEOJSON}`, 'Preparing the preview', 'Loading features i / n'];
    expect(kinds).toEqual(order.filter((k) => kinds.includes(k)));
    expect(kinds).toEqual(expect.arrayContaining([`Parsing ${GEOJSON}`, 'Loading features i / n']));
    for (const [kind, ms] of Object.entries(durations)) timings[`stage ${kind} ms`] = ms;
    timings.longestTaskGeoJsonMs = longest;
    // The worker keeps the page's tasks short; 2 s leaves room for a slow machine.
    expect(longest).toBeLessThan(2_000);
    expect(await page.locator('[data-testid="map"]').getAttribute('data-ward-count')).toBe('432');
  });

  it('a 200,000-row long table of those wards is read with its latest year and joins to every staged ward', async () => {
    const { page } = app;
    await watchPage(page);
    const panel = page.getByRole('region', { name: 'Open files' });
    const start = performance.now();
    await panel.locator('input[type=file]').setInputFiles(paths.csv);
    await expect.poll(() => panel.getByText(`${WARDS} of ${WARDS} wards match a row in this file.`).count(), { timeout: 60_000 }).toBe(1);
    timings.csvToPreviewMs = Math.round(performance.now() - start);
    expect(await panel.getByRole('combobox', { name: `Ward code column of ${CSV}` }).inputValue()).toBe('CD_SECTOR');
    expect(await panel.getByRole('combobox', { name: `Year of ${CSV}` }).inputValue()).toBe(String(2014 + YEARS - 1));
    expect(await panel.locator('legend').nth(1).textContent()).toContain(`Indicators: ${CSV} (${WARDS} rows, semicolon separated, decimal comma`);
    // The boundaries staged before are still there.
    expect(await panel.locator('legend').first().textContent()).toBe(`Boundaries: ${GEOJSON} (${WARDS} features)`);
    const { stages, longest } = await watched(page);
    const order = [`Reading ${CSV} (${timings.csvMB} MB)`, `Reading table ${CSV}`, 'Preparing the preview', `Loading table ${CSV}`];
    expect(stages).toEqual(order.filter((k) => stages.includes(k)));
    expect(stages).toContain(`Reading table ${CSV}`);
    timings.longestTaskCsvMs = longest;
    expect(longest).toBeLessThan(2_000);
    expect(app.errors).toEqual([]);
  });

  it('another TopoJSON object and another workbook sheet are read in the worker as well', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Open files' });
    await panel.locator('input[type=file]').setInputFiles([paths.topojson, paths.workbook]);
    await expect.poll(() => panel.locator('legend').first().textContent()).toBe('Boundaries: choices.topojson (3 features)');
    const object = panel.getByRole('combobox', { name: 'TopoJSON object' });
    expect(await object.inputValue()).toBe('wards');
    await object.selectOption('city');
    await expect.poll(() => panel.locator('legend').first().textContent()).toBe('Boundaries: choices.topojson (1 features)');
    expect(await object.inputValue()).toBe('city');

    const sheet = panel.getByRole('combobox', { name: 'Sheet of choices.xlsx' });
    expect(await panel.getByRole('combobox', { name: 'Ward code column of choices.xlsx' }).inputValue()).toBe('code');
    await sheet.selectOption('Municipalities');
    await expect.poll(() => sheet.inputValue()).toBe('Municipalities');
    await expect.poll(() => panel.getByRole('combobox', { name: 'Ward code column of choices.xlsx' }).locator('option').allTextContents()).toEqual(['Choose…', 'refnis', 'gmd']);
    // The 200,000-row table staged before is still there, untouched.
    expect(await panel.getByRole('combobox', { name: `Year of ${CSV}` }).inputValue()).toBe(String(2014 + YEARS - 1));
    expect(app.errors).toEqual([]);
  });
  it('applied, the 20,000 wards reach the map without freezing the page (geometry handed to MapLibre as text, not copied in one task)', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Open files' });
    await panel.getByRole('button', { name: 'Clear' }).click();
    await panel.locator('input[type=file]').setInputFiles([paths.geojson, paths.csv]);
    await expect.poll(() => panel.getByText(`${WARDS} of ${WARDS} wards match a row in this file.`).count(), { timeout: 60_000 }).toBe(1);
    await watchPage(page);
    const start = performance.now();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 60_000 }).toBe(String(WARDS));
    // Drawing takes more than half a second: the map says so until the wards are drawn.
    await expect.poll(() => page.locator('.map-busy[role="status"]').textContent(), { timeout: 30_000 }).toBe('Drawing 20,000 wards on the map…');
    await waitForMapIdle(page);
    expect(await page.locator('.map-busy').count()).toBe(0);
    timings.applyToIdleMs = Math.round(performance.now() - start);
    // Drawn: the wards' fill layer holds rendered features with the ward indices as ids.
    const drawn = await page.evaluate(() => {
      const { map } = (window as unknown as { __chw: { map: { queryRenderedFeatures: (o: object) => { id?: number }[] } } }).__chw;
      return new Set(map.queryRenderedFeatures({ layers: ['wards-fill'] }).map((f) => f.id)).size;
    });
    expect(drawn).toBeGreaterThan(1_000);
    const { longest } = await watched(page);
    timings.longestTaskApplyMs = longest;
    // Posting the 100 MB of features to MapLibre as an object took one task of 6-7 s.
    expect(longest).toBeLessThan(2_000);
    expect(app.errors).toEqual([]);
  });
});
