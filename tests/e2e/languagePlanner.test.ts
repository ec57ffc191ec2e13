import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle, reloadInLanguage } from './harness';

const skipReason = browserSkipReason();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** A square of Genk, `i` steps east of the first. */
function square(i: number) {
  const x = 5.49 + i * 0.01;
  const y = 50.99;
  return { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] };
}

/**
 * Four Statbel sectors of Genk, as Statbel names their properties, without any indicator: the area
 * matcher suggests them for the programme's Genk areas, and the planner has no vulnerable persons.
 */
function genkSectors(): string {
  const names: [string, string][] = [
    ['71016B1BB', 'WATERSCHEI-NOORD'],
    ['71016B1CC', 'WATERSCHEI - NOORD-OOST'],
    ['71016C10-', 'OUD SLEDDERLO'],
    ['71016C11-', 'NIEUW SLEDDERLO'],
  ];
  const features = names.map(([code, name], i) => ({
    type: 'Feature',
    geometry: square(i),
    properties: {
      CD_SECTOR: code,
      TX_SECTOR_DESCR_NL: name,
      TX_SECTOR_DESCR_FR: name,
      CD_MUNTY_REFNIS: '71016',
      TX_MUNTY_DESCR_NL: 'Genk',
      TX_MUNTY_DESCR_FR: 'Genk',
    },
  }));
  const path = join(mkdtempSync(join(tmpdir(), 'chw-e2e-genk-')), 'genk-sectors.geojson');
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

/** The theme cells of the proposed teams: each team's theme labels, actions and evidence, as shown. */
async function teamThemes(page: Page, caption: string): Promise<string[]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table.locator('td.team-themes details').evaluateAll((cells) =>
    cells.map((d) => `${d.querySelector('summary')?.textContent ?? ''} | ${d.getAttribute('title') ?? ''}`),
  );
}

/** The suggestions for Genk's "Waterschei Noord" in the area matcher, as "NAME: reason". */
async function waterscheiReasons(page: Page, region: string, listName: string): Promise<string[]> {
  const matcher = page.getByRole('region', { name: region });
  await matcher.waitFor();
  return matcher
    .getByRole('list', { name: listName })
    .locator('li')
    .evaluateAll((items) => items.map((li) => `${li.querySelector('.name')?.textContent ?? ''}: ${li.querySelector('.reason')?.textContent ?? ''}`));
}

describe.skipIf(skipReason !== null)('the planner and the area matcher in French and Dutch', () => {
  const app = appForSuite();

  it('gives the proposed teams their themes and the evidence behind them in French, then in Dutch', async () => {
    const { page } = app;
    await reloadInLanguage(page, 'fr');
    expect(await htmlLang(page)).toBe('fr');
    await page.getByRole('tab', { name: 'Plan' }).click();
    const french = await teamThemes(page, 'Équipes proposées');
    expect(french.length).toBeGreaterThan(0);
    for (const theme of french) {
      expect(theme).toContain('par rapport à la médiane de la ville');
      expect(theme).not.toContain('vs city median');
    }
    const panel = await page.locator('#panel-plan').innerText();
    expect(panel).toContain('Planificateur de déploiement');
    expect(panel).toMatch(/personnes vulnérables atteintes · [\d,]+ % de l'ensemble couvert par les équipes/);
    await page.screenshot({ path: outputPath('language-planner-fr.png') });

    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => htmlLang(page)).toBe('nl');
    const dutch = await teamThemes(page, 'Voorgestelde teams');
    expect(dutch).toHaveLength(french.length);
    for (const theme of dutch) expect(theme).toContain('tegenover stadsmediaan');
    expect(dutch).not.toEqual(french);
  });

  it('says in Dutch, then French, why the planner cannot plan, and why the matcher suggests a sector', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Bestanden openen…' }).click();
    await page.locator('.load-panel input[type=file]').setInputFiles(genkSectors());
    const loader = page.getByRole('region', { name: 'Bestanden openen' });
    await expect.poll(() => loader.getByText(/genk-sectors\.geojson/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count'), { timeout: 30_000 }).toBe('4');
    await waitForMapIdle(page);

    // Four sectors without vulnerable persons: the planner says what it needs, in Dutch.
    await page.getByRole('tab', { name: 'Plan' }).click();
    const call = page.locator('#panel-plan p.call');
    await expect.poll(() => call.textContent()).toBe(
      'De planner heeft het aantal kwetsbare personen per wijk nodig: een kolom vulnerable_persons, of vt_share en population.',
    );

    await page.getByRole('button', { name: 'CHW-gebieden…' }).click();
    const dutch = await waterscheiReasons(page, 'Huidige CHW-gebieden', 'Voorgestelde sectoren voor Waterschei Noord');
    expect(dutch.slice(0, 2)).toEqual(['WATERSCHEI-NOORD: dezelfde naam', 'WATERSCHEI - NOORD-OOST: alle woorden van de gebiedsnaam']);
    const sledderlo = page.getByRole('list', { name: 'Voorgestelde sectoren voor Sledderlo' }).first();
    expect(await sledderlo.locator('.reason').allTextContents()).toEqual(['alle woorden van de gebiedsnaam', 'alle woorden van de gebiedsnaam']);
    await page.screenshot({ path: outputPath('language-matcher-nl.png') });

    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => htmlLang(page)).toBe('fr');
    const french = await waterscheiReasons(page, 'Zones CHW actuelles', 'Secteurs suggérés pour Waterschei Noord');
    expect(french.slice(0, 2)).toEqual(['WATERSCHEI-NOORD: même nom', 'WATERSCHEI - NOORD-OOST: tous les mots du nom de la zone']);
    const text = await page.getByRole('region', { name: 'Zones CHW actuelles' }).innerText();
    for (const english of ['same name', 'all words of the area name', 'words of the area name']) expect(text).not.toContain(english);
    await page.screenshot({ path: outputPath('language-matcher-fr.png') });
    await page.getByRole('region', { name: 'Zones CHW actuelles' }).getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => call.textContent()).toBe(
      'Le planificateur a besoin du nombre de personnes vulnérables par quartier : une colonne vulnerable_persons, ou vt_share et population.',
    );

    await page.evaluate(() => window.localStorage.setItem('chw-planner:language', 'en'));
    expect(app.errors).toEqual([]);
  });
});
