import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../io/sharedData';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle, reloadInLanguage } from './harness';

const skipReason = browserSkipReason();
const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
const belgium = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
const required = [tienen, belgium];
const missing = required.find((f) => f.skip);

/** Opens the file panel (in French) with `paths` chosen, and returns the panel. */
async function openFiles(page: Page, paths: string[]) {
  await page.getByRole('button', { name: 'Ouvrir des fichiers…' }).click();
  await page.locator('.load-panel input[type=file]').setInputFiles(paths);
  return page.getByRole('region', { name: 'Ouvrir des fichiers' });
}

/** Records in the page every stage text the file panel shows. */
async function watchStages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { stages: string[] };
    w.stages = [];
    const record = () => {
      const stage = document.querySelector('.load-panel .staging-progress .stage')?.textContent;
      if (stage && w.stages.at(-1) !== stage) w.stages.push(stage);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

describe.skipIf(skipReason !== null || missing !== undefined)(`Statbel's files with the interface in French${missing?.note ?? ''}`, () => {
  const app = appForSuite();

  beforeAll(async () => {
    // On CI a missing file fails here instead of skipping.
    for (const f of required) if (!existsSync(f.path)) f.read();
    await reloadInLanguage(app.page, 'fr');
  });

  it("reading Belgium's 19,478 sectors shows its stages in French", async () => {
    const { page } = app;
    await watchStages(page);
    const panel = await openFiles(page, [belgium.path]);
    await expect.poll(() => panel.locator('legend').first().textContent(), { timeout: 60_000 }).toMatch(/^Limites : sectors_be_2021_wgs84\.topojson/);
    const stages = await page.evaluate(() => (window as unknown as { stages: string[] }).stages);
    expect(stages.length).toBeGreaterThan(0);
    for (const stage of stages) expect(stage).toMatch(/^(Lecture de sectors_be_2021_wgs84\.topojson \(9\.8 MB\)|Analyse de sectors_be_2021_wgs84\.topojson|Préparation de l'aperçu|Chargement des entités \d+ \/ 19478)/);
    expect(stages.join('\n')).not.toMatch(/Reading|Parsing|Preparing|Loading/);
    await panel.getByRole('button', { name: 'Effacer' }).click();
    await panel.getByRole('button', { name: 'Fermer', exact: true }).click();
  });

  it('a Statbel sector file shows its municipality by its French name (Tirlemont for Tienen) in the table and the details', async () => {
    const { page } = app;
    const panel = await openFiles(page, [tienen.path]);
    await expect.poll(() => panel.locator('legend').first().textContent(), { timeout: 30_000 }).toMatch(/fixture_tienen_sectors_2021_wgs84\.geojson/);
    await panel.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('61');
    await waitForMapIdle(page);
    const row = page.locator('table.ranked tr[data-code="24107A00-"]');
    expect(await row.locator('td').allTextContents()).toContain('Tirlemont');
    await row.click();
    await page.getByTestId('ward-details').waitFor();
    expect(await page.getByTestId('ward-details').locator('.meta').textContent()).toContain('24107A00- · Tirlemont');
    await page.screenshot({ path: outputPath('language-fr-statbel.png') });
    // Back in Dutch, the municipality is Tienen again.
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => row.locator('td').allTextContents()).toContain('Tienen');
  });
});
