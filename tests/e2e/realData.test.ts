import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../io/sharedData';
import { browserSkipReason, outputPath, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();
const sectors = sharedData('statbel-sectors-2021/sectors_priority_cities_2021_wgs84.geojson');
const households = sharedData('statbel-raw/TF_CAR_HH_SECTOR.txt');

interface ChwWindow {
  __chw: { getState(): { wardCount: number; ranking: { code: string; rank: number | null }[] } };
}

describe.skipIf(skipReason !== null || sectors.skip || households.skip)(`Statbel files in Chromium${sectors.note}`, () => {
  let app: App;

  beforeAll(async () => {
    // On CI a missing file fails here instead of skipping.
    for (const f of [sectors, households]) if (!existsSync(f.path)) f.read();
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the 1,608 sectors of the CHW cities and Statbel\'s households file load, join and rank', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open files…' }).click();
    await page.getByRole('region', { name: 'Open files' }).locator('input[type=file]').setInputFiles([sectors.path, households.path]);
    const panel = page.getByRole('region', { name: 'Open files' });
    // Statbel writes CD_STAT_SECTOR without the trailing "-" that CD_SECTOR has; 67 sectors have no row.
    await expect.poll(() => panel.getByText('1541 of 1608 wards match a row in this file.').count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.getByRole('combobox', { name: 'Ward code property' }).inputValue()).toBe('CD_SECTOR');
    expect(await panel.getByRole('combobox', { name: 'Ward name property' }).inputValue()).toBe('TX_SECTOR_DESCR_NL');
    expect(await panel.getByRole('combobox', { name: 'Ward code column of TF_CAR_HH_SECTOR.txt' }).inputValue()).toBe('CD_STAT_SECTOR');
    expect(await panel.textContent()).toContain('semicolon separated');
    await page.getByRole('button', { name: 'Apply' }).click();

    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('1608');
    await waitForMapIdle(page);
    const state = await page.evaluate(() => (window as unknown as ChwWindow).__chw.getState());
    expect(state.wardCount).toBe(1608);
    // Households and cars are not catalogue indicators: they start unweighted, and the panel says so.
    expect(state.ranking.filter((r) => r.rank !== null)).toHaveLength(0);
    expect(await page.getByRole('slider', { name: 'MS_NUM_HH' }).inputValue()).toBe('0');
    expect(await page.getByRole('status').filter({ hasText: 'No criterion has a weight yet' }).count()).toBe(1);
    await page.getByRole('slider', { name: 'MS_NUM_HH' }).fill('1');
    await page.getByRole('slider', { name: 'MS_NUM_CAR' }).fill('1');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().ranking.filter((r) => r.rank !== null).length))
      .toBe(1541);
    const ranked = await page.evaluate(() => (window as unknown as ChwWindow).__chw.getState());
    const notes = page.getByRole('status').filter({ hasText: 'join:' });
    expect(await notes.textContent()).toContain('TF_CAR_HH_SECTOR.txt: join: 1541 of 1608 wards matched a row');
    // 1,608 rows are more than the table renders at once: the first rows are those ranked first.
    const firstCode = await page.locator('tbody tr[data-code]').first().getAttribute('data-code');
    expect(firstCode).toBe(ranked.ranking[0].code);
    expect(await page.locator('tbody tr[data-code]').count()).toBeLessThan(200);
    await page.screenshot({ path: outputPath('priority-cities.png') });

    // The CHW cities are offered first in the area filter; choosing Tienen ranks its 61 sectors alone.
    await page.locator('.area-filter summary').click();
    const filter = page.locator('.area-filter');
    expect(await filter.locator('h3').first().textContent()).toBe('Where CHW teams work');
    await filter.getByRole('checkbox', { name: /Tienen/ }).check();
    await expect.poll(() => page.locator('tbody tr[data-code]').count()).toBe(61);
    expect(await page.locator('tbody tr[data-code]').first().getAttribute('data-code')).toMatch(/^24107/);
    await waitForMapIdle(page);
    // Fitted to Tienen, its sectors' names are on the map (Statbel's Dutch names), and Statbel is credited.
    const tienenNames = new Set(
      (JSON.parse(sectors.read()) as { features: { properties: { CD_SECTOR: string; TX_SECTOR_DESCR_NL: string } }[] }).features
        .filter((f) => f.properties.CD_SECTOR.startsWith('24107'))
        .map((f) => f.properties.TX_SECTOR_DESCR_NL),
    );
    const labels = () =>
      page.evaluate(() =>
        (window as unknown as { __chw: { map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { name: string } }[] } } }).__chw.map
          .queryRenderedFeatures({ layers: ['ward-labels'] })
          .map((f) => f.properties.name),
      );
    await expect.poll(async () => (await labels()).filter((n) => tienenNames.has(n)).length).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toBe('© Statbel (CC BY 4.0)');
    await page.screenshot({ path: outputPath('priority-cities-tienen.png') });
    expect(app.errors).toEqual([]);
  });
});
