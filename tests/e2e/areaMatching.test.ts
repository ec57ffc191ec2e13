import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../io/sharedData';
import { browserSkipReason, outputPath, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();
const sectors = sharedData('statbel-sectors-2021/sectors_priority_cities_2021_wgs84.geojson');
const datasetName = 'sectors_priority_cities_2021_wgs84.geojson';
const storageKey = `chw-planner:area-matches:v1:${datasetName}`;
const area = 'Waterschei Noord';

interface ChwWindow {
  __chw: { map: { querySourceFeatures(source: string): unknown[] } };
}

/** Opens the 1,608 sectors of the CHW cities and applies them. */
async function openSectors(page: Page) {
  await page.getByRole('button', { name: 'Open files…' }).click();
  await page.locator('.load-panel input[type=file]').setInputFiles(sectors.path);
  const panel = page.getByRole('region', { name: 'Open files' });
  await expect.poll(() => panel.getByText('Boundaries: sectors_priority_cities').count(), { timeout: 30_000 }).toBe(1);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('1608');
  await waitForMapIdle(page);
}

/** Ranks Genk's sectors alone: fewer than the table virtualises, so every row is in the page. */
async function showGenk(page: Page) {
  await page.locator('.area-filter summary').click();
  await page.locator('.area-filter').getByRole('checkbox', { name: /Genk/ }).check();
  await expect.poll(() => page.locator('tbody tr[data-code]').first().getAttribute('data-code')).toMatch(/^71016/);
  await waitForMapIdle(page);
}

/** The "CHW" badges in the table's row for `code`. */
const badges = (page: Page, code: string) => page.locator(`tbody tr[data-code="${code}"] .badge`, { hasText: 'CHW' });

/** The "Current CHW areas" panel and the list item of Waterschei Noord in it. */
async function openMatcher(page: Page) {
  await page.getByRole('button', { name: 'CHW areas…' }).click();
  const matcher = page.getByRole('region', { name: 'Current CHW areas' });
  await matcher.waitFor();
  const item = matcher.locator('li.area').filter({ has: page.getByRole('heading', { name: area, exact: true }) });
  return { matcher, item };
}

describe.skipIf(skipReason !== null || sectors.skip)(`matching the CHW areas to sectors in Chromium${sectors.note}`, () => {
  let app: App;
  let dir: string;

  beforeAll(async () => {
    // On CI a missing file fails here instead of skipping.
    if (!existsSync(sectors.path)) sectors.read();
    dir = mkdtempSync(join(tmpdir(), 'chw-e2e-matches-'));
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a confirmed suggestion marks the sector, survives a reload, and goes out and back in as CSV', async () => {
    const { page } = app;
    await openSectors(page);

    let { matcher, item } = await openMatcher(page);
    expect(await item.locator('.status').textContent()).toBe('Not matched');
    // The best suggestion for Genk's "Waterschei Noord" is Statbel's WATERSCHEI-NOORD, same name.
    const best = item.getByRole('list', { name: `Suggested sectors for ${area}` }).locator('li').first();
    const code = (await best.locator('.code').textContent()) ?? '';
    expect(code).toBe('71016B1BB');
    expect(await best.locator('.name').textContent()).toBe('WATERSCHEI-NOORD');
    await best.getByRole('button', { name: `Confirm WATERSCHEI-NOORD for ${area}` }).click();
    await expect.poll(() => item.locator('.status').textContent()).toBe('Matched to 1 sector');
    expect(await best.getByRole('button', { name: `WATERSCHEI-NOORD confirmed for ${area}` }).isDisabled()).toBe(true);
    expect(await item.getByRole('list', { name: `Sectors confirmed for ${area}` }).textContent()).toContain(code);
    expect(await matcher.locator('.summary').textContent()).toMatch(/^1 of \d+ areas matched to sectors$/);
    await page.screenshot({ path: outputPath('area-matching-confirmed.png') });

    const stored = await page.evaluate((key) => localStorage.getItem(key), storageKey);
    expect(JSON.parse(stored ?? 'null')).toMatchObject({
      version: 1,
      datasetId: datasetName,
      matches: [{ city: 'Genk', municipality: '71016', area, sectorCodes: [code] }],
    });

    await matcher.getByRole('button', { name: 'Close' }).click();
    expect(await matcher.count()).toBe(0);
    await waitForMapIdle(page);
    // The matched sector is drawn as the current CHW area and badged in the table.
    expect(await page.evaluate(() => (window as unknown as ChwWindow).__chw.map.querySourceFeatures('current').length)).toBeGreaterThan(0);
    await showGenk(page);
    expect(await badges(page, code).count()).toBe(1);
    expect(await page.locator('tbody .badge').count()).toBe(1);
    await page.screenshot({ path: outputPath('area-matching-genk.png') });

    // A new visit: the same file again brings the matches back from the browser's storage.
    await page.reload();
    await waitForMapIdle(page);
    await openSectors(page);
    await showGenk(page);
    expect(await badges(page, code).count()).toBe(1);
    ({ matcher, item } = await openMatcher(page));
    expect(await item.locator('.status').textContent()).toBe('Matched to 1 sector');

    const [download] = await Promise.all([page.waitForEvent('download'), matcher.getByRole('button', { name: 'Export matches (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^chw-area-matches.*\.csv$/);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const lines = readFileSync(exported, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe('city,municipality_nis,area,sector_code,sector_name');
    expect(lines).toContain(`Genk,71016,${area},${code},WATERSCHEI-NOORD`);

    await item.getByRole('button', { name: `Remove WATERSCHEI-NOORD from ${area}` }).click();
    await expect.poll(() => item.locator('.status').textContent()).toBe('Not matched');
    await expect.poll(() => badges(page, code).count()).toBe(0);

    await matcher.locator('input[type=file]').setInputFiles(exported);
    await expect.poll(() => item.locator('.status').textContent()).toBe('Matched to 1 sector');
    expect(await matcher.getByRole('status').textContent()).toContain(download.suggestedFilename());
    await expect.poll(() => badges(page, code).count()).toBe(1);
    await page.screenshot({ path: outputPath('area-matching-imported.png') });
    expect(app.errors).toEqual([]);
  });
});
