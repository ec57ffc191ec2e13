import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, countMajorColours, outputPath, repoRoot, startApp, waitForMapIdle, type App } from './harness';

/** What the app exposes on `window.__chw` for tests. */
interface ChwHandle {
  map: MaplibreMap;
  getState(): {
    selected: number | null;
    ranking: { code: string; rank: number | null; score: number | null }[];
  };
}
type ChwWindow = { __chw: ChwHandle };

const VT = 'Share entitled to increased reimbursement (VT/BIM)';
const POPULATION = 'Population';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e suite skipped: ${skipReason}`);

function rankingCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().ranking.map((r) => r.code));
}

function selectedWard(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().selected);
}

/** Each ward's feature-state colour class, by ward index. */
function colourClasses(page: Page, wardCount: number): Promise<unknown[]> {
  return page.evaluate((n) => {
    const { map } = (window as unknown as ChwWindow).__chw;
    return Array.from({ length: n }, (_, id) => map.getFeatureState({ source: 'wards', id }).c);
  }, wardCount);
}

/**
 * The demo wards' codes by ward index: the app numbers wards in the order of the boundaries
 * file, and the map's feature ids are those indexes.
 */
async function demoWardCodes(): Promise<string[]> {
  const text = await readFile(join(repoRoot, 'data', 'demo', 'wards.geojson'), 'utf8');
  const wards = JSON.parse(text) as FeatureCollection;
  return wards.features.map((f) => String(f.properties?.code ?? ''));
}

function tableCodes(page: Page): Promise<string[]> {
  return page.locator('tbody tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
}

/** The text of one column of every body row, columns counted from 0 (Rank, Code, Name, District, Score, …). */
function tableColumn(page: Page, column: number): Promise<string[]> {
  return page
    .locator('tbody tr[data-code]')
    .evaluateAll((rows, column) => rows.map((r) => r.querySelectorAll('td, th')[column]?.textContent?.trim() ?? ''), column);
}

/** Polls `read` until `done` holds for its value, returning the last value read. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Clicks "Export CSV" and returns the downloaded file's name and bytes. */
async function exportCsv(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** A CSV text's lines without the leading `#` comment lines. */
function withoutComments(text: string): string {
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].startsWith('#')) first++;
  return lines.slice(first).join('\n');
}

describe.skipIf(skipReason !== null)('chw-planner in Chromium', () => {
  let app: App;
  let page: Page;
  let wardCount = 0;
  let initialTop20: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
  });

  afterAll(async () => {
    if (!app) return;
    await page.screenshot({ path: outputPath('app.png'), fullPage: true }).catch(() => undefined);
    await app.close();
  });

  it('opening the app draws the demo wards with no console errors and no foreign requests', async () => {
    await waitForMapIdle(page);
    expect(await page.title()).toContain('chw-planner');
    await expect(page.getByText('Synthetic demo data').first().isVisible()).resolves.toBe(true);

    const map = page.locator('[data-testid="map"]');
    wardCount = Number(await map.getAttribute('data-ward-count'));
    expect(wardCount).toBeGreaterThanOrEqual(300);
    expect(wardCount).toBeLessThanOrEqual(600);
    expect(wardCount).toBe((await demoWardCodes()).length);
    await expect(map.locator('canvas').count()).resolves.toBeGreaterThan(0);

    const rendered = await page.evaluate(
      () => (window as unknown as ChwWindow).__chw.map.queryRenderedFeatures({ layers: ['wards-fill'] }).length,
    );
    expect(rendered).toBeGreaterThan(100);

    const png = await map.screenshot({ path: outputPath('map-initial.png') });
    expect(await countMajorColours(page, png)).toBeGreaterThanOrEqual(5);

    const ranking = await rankingCodes(page);
    expect(ranking).toHaveLength(wardCount);
    initialTop20 = ranking.slice(0, 20);

    expect(app.errors).toEqual([]);
    const origin = new URL(app.url).origin;
    const foreign = app.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    expect(foreign).toEqual([]);
  });

  it('moving the weight sliders re-ranks the wards and recolours the map', async () => {
    const before = await rankingCodes(page);
    const classesBefore = await colourClasses(page, wardCount);
    expect(classesBefore.every((c) => typeof c === 'number')).toBe(true);

    const weights = page.getByRole('region', { name: 'Weights' });
    await expect(weights.getByRole('slider').count()).resolves.toBeGreaterThanOrEqual(2);
    const vt = weights.getByRole('slider', { name: VT, exact: true });
    expect(await vt.getAttribute('min')).toBe('0');
    expect(await vt.getAttribute('max')).toBe('5');
    await vt.fill('0');
    await weights.getByRole('slider', { name: POPULATION, exact: true }).fill('5');

    const top20 = await pollUntil(
      async () => (await tableCodes(page)).slice(0, 20),
      (codes) => codes.join() !== before.slice(0, 20).join(),
    );
    expect(top20).not.toEqual(before.slice(0, 20));
    const after = await rankingCodes(page);
    expect(top20[0]).toBe(after[0]);
    expect(top20).toEqual(after.slice(0, 20));

    await waitForMapIdle(page);
    const classesAfter = await pollUntil(
      () => colourClasses(page, wardCount),
      (classes) => classes.some((c, i) => c !== classesBefore[i]),
    );
    const changed = classesAfter.filter((c, i) => c !== classesBefore[i]).length;
    expect(changed).toBeGreaterThan(0);
    await page.locator('[data-testid="map"]').screenshot({ path: outputPath('map-after-weights.png') });
  });

  it('clicking the third table row selects that ward in the table, the state, the map and the details', async () => {
    const row = page.locator('tbody tr[data-code]').nth(2);
    const code = (await row.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^DEMO-/);
    // The cell's own text: badges inside it (such as "CHW") are not part of the name.
    const name = await row
      .locator('td, th')
      .nth(2)
      .evaluate((cell) => [...cell.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim());
    expect(name.length).toBeGreaterThan(0);

    await row.click();

    await expect(pollUntil(() => row.getAttribute('aria-selected'), (v) => v === 'true')).resolves.toBe('true');
    const codes = await demoWardCodes();
    expect(new Set(codes).size).toBe(codes.length);
    const index = codes.indexOf(code);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(await selectedWard(page)).toBe(index);
    const selectedFeatures = await page.evaluate((n) => {
      const { map } = (window as unknown as ChwWindow).__chw;
      return Array.from({ length: n }, (_, id) => id).filter((id) => map.getFeatureState({ source: 'wards', id }).selected === true);
    }, wardCount);
    expect(selectedFeatures).toEqual([index]);
    await expect(page.locator('[data-testid="ward-details"]').innerText()).resolves.toContain(name);
    expect(await page.locator('tbody tr[aria-selected="true"]').count()).toBe(1);
  });

  it('Export CSV downloads the ranking in table order with the table scores', async () => {
    await page.getByRole('combobox', { name: 'CSV format' }).selectOption('csv');
    const { name, bytes } = await exportCsv(page);
    expect(name).toMatch(/^chw-ranking-.*\.csv$/);

    const parsed = Papa.parse<string[]>(withoutComments(bytes.toString('utf8')), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header.slice(0, 6)).toEqual(['rank', 'code', 'name', 'district', 'score', 'decile']);
    expect(rows).toHaveLength(wardCount);

    const fileCodes = rows.map((r) => r[1]);
    expect(fileCodes).toEqual(await rankingCodes(page));
    const shownCodes = await tableCodes(page);
    expect(fileCodes).toEqual(shownCodes);

    // The file keeps more decimals than the table's one; each must round to what the table shows.
    const shownScores = await tableColumn(page, 4);
    const fileScores = rows.map((r) => r[4]);
    const mismatches = shownScores.flatMap((shown, i) => {
      const file = fileScores[i];
      const agree = /\d/.test(shown) ? file !== '' && Math.abs(Number(file) - Number(shown)) <= 0.05 + 1e-9 : file === '';
      return agree ? [] : [`${shownCodes[i]}: table ${shown}, file ${file}`];
    });
    expect(mismatches).toEqual([]);
    expect(shownScores.filter((s) => /^\d+\.\d$/.test(s)).length).toBeGreaterThan(0);
  });

  it('Export CSV in the Excel (Belgium) format writes a BOM, semicolons and decimal commas', async () => {
    await page.getByRole('combobox', { name: 'CSV format' }).selectOption('excel-be');
    const { name, bytes } = await exportCsv(page);
    expect(name).toMatch(/^chw-ranking-.*\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = withoutComments(bytes.subarray(3).toString('utf8'));
    expect(text.split(/\r?\n/)[0]).toMatch(/^"?rank"?;"?code"?;/);
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header.slice(0, 6)).toEqual(['rank', 'code', 'name', 'district', 'score', 'decile']);
    expect(rows).toHaveLength(wardCount);
    const scores = rows.map((r) => r[4]);
    expect(scores.some((s) => /^-?\d+,\d+$/.test(s))).toBe(true);
    expect(scores.some((s) => /\d\.\d/.test(s))).toBe(false);

    await page.getByRole('combobox', { name: 'CSV format' }).selectOption('csv');
  });

  it('Reset weights restores the initial ranking', async () => {
    expect(initialTop20).toHaveLength(20);
    await page.getByRole('button', { name: 'Reset weights' }).click();
    const top20 = await pollUntil(
      async () => (await tableCodes(page)).slice(0, 20),
      (codes) => codes.join() === initialTop20.join(),
    );
    expect(top20).toEqual(initialTop20);
    expect((await rankingCodes(page)).slice(0, 20)).toEqual(initialTop20);
    await expect(page.getByRole('slider', { name: VT, exact: true }).inputValue()).resolves.toBe('1');
  });

  it('Flags hatch the wards the table flags, cross-hatched where two or more criteria are flagged', async () => {
    const { page } = app;
    const flagsInTable = await page.locator('table.ranked tbody tr').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-code'), r.querySelectorAll('.flag').length])) as Record<string, number>,
    );
    await page.getByRole('checkbox', { name: 'Flags' }).check();
    await waitForMapIdle(page);
    const onMap = await page.evaluate(() => {
      const w = window as unknown as {
        __chw: { map: { getFeatureState(f: { source: string; id: number }): { flags?: number } }; getState(): { ranking: { index: number; code: string }[] } };
      };
      return Object.fromEntries(w.__chw.getState().ranking.map((r) => [r.code, w.__chw.map.getFeatureState({ source: 'wards', id: r.index }).flags ?? 0]));
    });
    const flagged = Object.entries(flagsInTable).filter(([, n]) => n > 0);
    expect(flagged.length).toBeGreaterThan(10);
    expect(flagged.some(([, n]) => n >= 2)).toBe(true);
    for (const [code, n] of Object.entries(flagsInTable)) expect(onMap[code], code).toBe(n);
    expect(await page.getByRole('figure', { name: 'Legend' }).textContent()).toContain('Cross-hatched: 2 or more');
    await page.screenshot({ path: outputPath('flags.png') });
    await page.getByRole('checkbox', { name: 'Flags' }).uncheck();
  });

  it('the whole session logs no console or page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
