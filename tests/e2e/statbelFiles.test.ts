import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../io/sharedData';
import { browserSkipReason, outputPath, repoRoot, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();
const shapefileParts = ['shp', 'dbf', 'prj', 'cpg'].map((ext) => sharedData(`lambert72-shapefile/gemeente.${ext}`));
const income = sharedData('statbel-raw/TF_PSNL_INC_TAX_MUNTY.xlsx');
const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
const tienenIndicators = sharedData('derived/fixture_tienen_sector_indicators.csv');
const required = [...shapefileParts, income, tienen, tienenIndicators];
const missing = required.find((f) => f.skip);

interface ChwWindow {
  __chw: {
    map: {
      getBounds(): { getWest(): number; getEast(): number; getSouth(): number; getNorth(): number };
      queryRenderedFeatures(options: { layers: string[] }): { geometry: { coordinates: unknown } }[];
    };
    getState(): { wardCount: number; ranking: { code: string; rank: number | null }[] };
  };
}

/** Opens the "Open files" panel with `paths` chosen, and returns the panel. */
async function openFiles(page: Page, paths: string[]) {
  await page.getByRole('button', { name: 'Open files…' }).click();
  await page.locator('.load-panel input[type=file]').setInputFiles(paths);
  return page.getByRole('region', { name: 'Open files' });
}

/** The text of a ranked-table cell: the row of `code`, the column whose header starts with `header`. */
async function cell(page: Page, code: string, header: string): Promise<string> {
  return page.evaluate(
    ({ code, header }) => {
      const headers = [...document.querySelectorAll('table.ranked thead th')].map((th) => th.textContent ?? '');
      const column = headers.findIndex((h) => h.startsWith(header));
      if (column === -1) throw new Error(`no column ${header} among ${headers.join(' | ')}`);
      const row = document.querySelector(`table.ranked tr[data-code="${code}"]`);
      if (!row) throw new Error(`no row ${code}`);
      // The value alone, without a top-10 % flag (⚑) in front of it.
      return (row.querySelectorAll('td')[column]?.textContent ?? '').replace('⚑', '').trim();
    },
    { code, header },
  );
}

describe.skipIf(skipReason !== null || missing !== undefined)(`Statbel's own files in Chromium${missing?.note ?? ''}`, () => {
  let app: App;
  let dir: string;

  beforeAll(async () => {
    // On CI a missing file fails here instead of skipping.
    for (const f of required) if (!existsSync(f.path)) f.read();
    dir = mkdtempSync(join(tmpdir(), 'chw-e2e-statbel-'));
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a Lambert 72 shapefile and the income workbook load, reproject, join by municipality and switch year', async () => {
    const { page } = app;
    const files = [...shapefileParts.map((f) => f.path), income.path];
    let panel = await openFiles(page, files);
    // 304 municipalities of Flanders and Brussels (2025 boundaries); the 12 created by the 2025
    // mergers (23106, 37021, 44086, …) have no row in the 2020 workbook.
    await expect.poll(() => panel.getByText('292 of 304 wards match a row in this file.').count(), { timeout: 30_000 }).toBe(1);
    const crs = await panel.locator('.crs').textContent();
    expect(crs).toContain('Lambert 72');
    expect(crs).toContain('reprojected');
    expect(await panel.getByRole('combobox', { name: 'Ward code property' }).inputValue()).toBe('geoitem');
    const year = panel.getByRole('combobox', { name: 'Year of TF_PSNL_INC_TAX_MUNTY.xlsx' });
    expect(await year.inputValue()).toBe('2020');
    expect(await year.locator('option').allTextContents()).toEqual(Array.from({ length: 16 }, (_, i) => String(2005 + i)));
    expect(await panel.getByRole('combobox', { name: 'Ward code column of TF_PSNL_INC_TAX_MUNTY.xlsx' }).inputValue()).toBe('CD_MUNTY_REFNIS');
    await page.screenshot({ path: outputPath('statbel-lambert72-panel.png') });
    await page.getByRole('button', { name: 'Apply' }).click();

    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('304');
    await waitForMapIdle(page);
    // Reprojected, the view fits Flanders and Brussels; unreprojected Lambert metres would be far off.
    const view = await page.evaluate(() => {
      const { map } = (window as unknown as ChwWindow).__chw;
      const b = map.getBounds();
      const xs: number[] = [];
      const ys: number[] = [];
      const walk = (c: unknown): void => {
        if (!Array.isArray(c)) return;
        if (typeof c[0] !== 'number') return c.forEach(walk);
        xs.push(c[0]);
        ys.push(c[1] as number);
      };
      const rendered = map.queryRenderedFeatures({ layers: ['wards-fill'] });
      for (const f of rendered) walk(f.geometry.coordinates);
      const extent = (v: number[]) => v.reduce(([lo, hi], x) => [Math.min(lo, x), Math.max(hi, x)], [Infinity, -Infinity]);
      const [[west, east], [south, north]] = [extent(xs), extent(ys)];
      return { bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], features: [west, south, east, north], count: rendered.length };
    });
    expect(view.count).toBeGreaterThan(0);
    const [west, south, east, north] = view.features;
    expect(west).toBeGreaterThan(2.3);
    expect(east).toBeLessThan(6.6);
    expect(south).toBeGreaterThan(49.3);
    expect(north).toBeLessThan(51.7);
    const [bWest, bSouth, bEast, bNorth] = view.bounds;
    expect(bWest).toBeGreaterThan(2.3);
    expect(bEast).toBeLessThan(6.6);
    expect(bSouth).toBeGreaterThan(49.3);
    expect(bNorth).toBeLessThan(51.7);
    expect(await page.getByRole('slider', { name: 'MS_TOT_NET_TAXABLE_INC' }).count()).toBe(1);
    // Antwerpen: 292,520 declarations with an income in 2020 (Statbel's workbook).
    expect(await cell(page, '11002', 'MS_NBR_NON_ZERO_INC')).toBe('292,520');
    // The app derives the mean per declaration: 9,112,418,269.99 / 292,520 = 31,151.4.
    expect(await cell(page, '11002', 'Income')).toBe('€ 31,151');
    await page.screenshot({ path: outputPath('statbel-lambert72-2020.png') });

    // The same files again, read for 2005: Antwerpen had 265,752 such declarations then.
    panel = await openFiles(page, files);
    await expect.poll(() => panel.getByText('292 of 304 wards match a row in this file.').count(), { timeout: 30_000 }).toBe(1);
    await panel.getByRole('combobox', { name: 'Year of TF_PSNL_INC_TAX_MUNTY.xlsx' }).selectOption('2005');
    await expect.poll(() => panel.getByText('292 of 304 wards match a row in this file.').count()).toBe(1);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => cell(page, '11002', 'MS_NBR_NON_ZERO_INC'), { timeout: 30_000 }).toBe('265,752');
    expect(await cell(page, '11002', 'Income')).toBe('€ 22,469');
    await waitForMapIdle(page);
    await page.screenshot({ path: outputPath('statbel-lambert72-2005.png') });
    expect(app.errors).toEqual([]);
  });

  it('a dataset made by npm run prepare-data opens from its folder with its name and attribution', async () => {
    const { page } = app;
    const out = join(dir, 'tienen-prepared');
    execFileSync(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['scripts/prepare-data.ts', tienen.path, tienenIndicators.path, '--out', out, '--name', 'Tienen prepared'],
      { cwd: repoRoot, stdio: 'pipe' },
    );
    const panel = await openFiles(page, readdirSync(out).map((name) => join(out, name)));
    await expect.poll(() => panel.locator('.prepared').count(), { timeout: 30_000 }).toBe(1);
    expect(await panel.locator('.prepared').textContent()).toContain('Prepared dataset Tienen prepared');
    await page.getByRole('button', { name: 'Apply' }).click();

    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('61');
    await waitForMapIdle(page);
    expect(await page.locator('header.top .dataset').textContent()).toContain('Tienen prepared');
    expect(await page.locator('tr[data-code]').count()).toBe(61);
    // MapLibre's attribution control on the map.
    const attribution = page.locator('.maplibregl-ctrl-attrib-inner');
    expect(await attribution.textContent()).toBe('© Statbel (CC BY 4.0)');
    expect(await attribution.isVisible()).toBe(true);
    expect(await page.getByRole('slider', { name: 'bimd2011_score' }).count()).toBe(1);
    await page.screenshot({ path: outputPath('statbel-prepared-tienen.png') });

    // prepare-data gives columns the catalogue does not know a default weight of 0: weigh the BIMD
    // score alone, and the most deprived sector by it, Moespik (39.414), ranks first.
    for (const slider of await page.locator('.weights input[type=range]').all()) await slider.fill('0');
    await page.getByRole('slider', { name: 'bimd2011_score' }).fill('1');
    await expect.poll(() => page.locator('tbody tr[data-code]').first().getAttribute('data-code')).toBe('24107A01-');
    expect(await page.locator('tbody tr[data-code]').first().locator('td').first().textContent()).toBe('1');
    const state = await page.evaluate(() => (window as unknown as ChwWindow).__chw.getState());
    expect(state.wardCount).toBe(61);
    expect(state.ranking[0]).toMatchObject({ code: '24107A01-', rank: 1 });
    // Two sectors have no BIMD score: 59 are ranked.
    expect(state.ranking.filter((r) => r.rank !== null)).toHaveLength(59);
    await waitForMapIdle(page);
    await page.screenshot({ path: outputPath('statbel-prepared-tienen-ranked.png') });
    expect(app.errors).toEqual([]);
  });

  it('a Windows-1252 CSV with semicolons and decimal commas is decoded and its numbers read', async () => {
    const { page } = app;
    const codes = (JSON.parse(tienen.read()) as { features: { properties: { CD_SECTOR: string } }[] }).features.map(
      (f) => f.properties.CD_SECTOR,
    );
    // As an older Excel in a Belgian locale saves "CSV (separated by semicolons)": Latin-1, CRLF.
    const lines = ['CD_SECTOR;commune;taux_bénéficiaires', ...codes.map((code, i) => `${code};Liège;${(10 + i / 2).toFixed(1).replace('.', ',')}`)];
    const csv = join(dir, 'tienen-latin1.csv');
    writeFileSync(csv, Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
    expect(readFileSync(csv).includes(0xe8)).toBe(true);

    const panel = await openFiles(page, [tienen.path, csv]);
    await expect.poll(() => panel.getByText('61 of 61 wards match a row in this file.').count(), { timeout: 30_000 }).toBe(1);
    const legend = await panel.locator('legend', { hasText: 'tienen-latin1.csv' }).textContent();
    expect(legend).toContain('semicolon separated');
    expect(legend).toContain('decimal comma');
    expect(legend).toContain('Windows-1252 (Latin-1)');
    await panel.locator('details.preview summary').click();
    expect(await panel.locator('details.preview th').allTextContents()).toContain('taux_bénéficiaires');
    expect(await panel.locator('details.preview td', { hasText: 'Liège' }).count()).toBe(5);
    await page.screenshot({ path: outputPath('statbel-latin1-panel.png') });
    await page.getByRole('button', { name: 'Apply' }).click();

    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('61');
    await waitForMapIdle(page);
    expect(await page.getByRole('slider', { name: 'taux_bénéficiaires' }).count()).toBe(1);
    // The sixth sector's "12,5" is 12.5, shown with two decimals; the first's "10,0" is 10.
    expect(await cell(page, codes[5], 'taux_bénéficiaires')).toBe('12.50');
    expect(await cell(page, codes[0], 'taux_bénéficiaires')).toBe('10.00');
    // Statbel's sectors opened as they are (no prepared manifest): the map credits Statbel.
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toBe('© Statbel (CC BY 4.0)');
    await page.screenshot({ path: outputPath('statbel-latin1-applied.png') });
    expect(app.errors).toEqual([]);
  });
});
