import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle, reloadInLanguage } from './harness';

const skipReason = browserSkipReason();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The selected ward's score as the details headline writes it. */
async function detailsScore(page: Page): Promise<string> {
  return (await page.getByTestId('ward-details').locator('.headline strong').first().textContent()) ?? '';
}

describe.skipIf(skipReason !== null)('the interface in Dutch, French and English', () => {
  const app = appForSuite();

  it('opens in English for an en-US browser, with <html lang="en"> and EN pressed', async () => {
    const { page } = app;
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('heading', { name: 'Criteria and weights' }).count()).toBe(1);
  });

  it('opens in French when the stored choice is fr: French texts, catalogue labels, decimal commas', async () => {
    const { page } = app;
    await reloadInLanguage(page, 'fr');
    expect(await htmlLang(page)).toBe('fr');
    expect(await page.getByRole('heading', { name: 'Critères et poids' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Ouvrir des fichiers…' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Critères' }).count()).toBe(1);
    // The demo city's name comes from its meta.json title in French; the hot-spot thresholds use a decimal comma.
    expect(await page.locator('header .dataset').textContent()).toContain('Ville de démonstration synthétique (Demostad)');
    expect(await page.getByRole('combobox', { name: 'Points chauds' }).locator('option').allTextContents()).toContain('p ≤ 0,05');
    expect(await page.getByRole('figure', { name: 'Légende' }).textContent()).toContain('Pas de données');
    // The indicator's label comes from the catalogue's French label (data/indicators.json).
    expect(await page.getByRole('slider', { name: 'Revenu net imposable moyen par déclaration' }).count()).toBe(1);
    expect(await page.locator('table.ranked thead').textContent()).toContain('Revenu');
    // Scores in the table and the ward details are written with a decimal comma.
    const firstScore = (await page.locator('table.ranked tbody td.score').first().textContent()) ?? '';
    expect(firstScore).toMatch(/^\d+,\d$/);
    await page.locator('table.ranked tbody tr[data-code]').first().click();
    await page.getByTestId('ward-details').waitFor();
    expect(await detailsScore(page)).toMatch(/^\d+,\d$/);
    expect(await page.getByTestId('ward-details').textContent()).toMatch(/rang \d+ sur \d+/);
    // A share in the details is written "41,2 %".
    expect(await page.getByTestId('ward-details').locator('td.num').allTextContents()).toContainEqual(expect.stringMatching(/^\d+,\d %/));
    // No English left on the main screen's fixed texts.
    const text = await page.locator('body').innerText();
    for (const english of ['Open files', 'Criteria and weights', 'Export CSV', 'Ranked wards', 'No data', 'Close ward details', 'Synthetic demo city']) expect(text).not.toContain(english);
    await page.screenshot({ path: outputPath('language-fr.png') });
  });

  it('switches to Dutch with the switcher and remembers the choice', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => htmlLang(page)).toBe('nl');
    expect(await page.getByRole('heading', { name: 'Criteria en gewichten' }).count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'Gemiddeld netto belastbaar inkomen per aangifte' }).count()).toBe(1);
    expect(await detailsScore(page)).toMatch(/^\d+,\d$/);
    expect(await page.evaluate(() => window.localStorage.getItem('chw-planner:language'))).toBe('nl');
    await page.screenshot({ path: outputPath('language-nl.png') });
  });

  it('switches back to English: English labels, decimal points and <html lang="en">', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
    await expect.poll(() => htmlLang(page)).toBe('en');
    expect(await page.getByRole('heading', { name: 'Criteria and weights' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Open files…' }).count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'Mean net taxable income per declaration' }).count()).toBe(1);
    expect(await detailsScore(page)).toMatch(/^\d+\.\d$/);
    expect(await page.getByTestId('ward-details').textContent()).toMatch(/rank \d+ of \d+/);
    expect(app.errors).toEqual([]);
  });

  it('names what a tampered shared link left out in French', async () => {
    const { page } = app;
    await expect.poll(() => page.url()).toMatch(/#v=1&d=/);
    const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
    params.set('m', 'astrology');
    params.set('d', 'Gent 2021');
    const other = await page.context().newPage();
    await other.addInitScript(() => window.localStorage.setItem('chw-planner:language', 'fr'));
    await other.goto(`${page.url().split('#')[0]}#${params.toString()}`);
    await waitForMapIdle(other);
    expect(await htmlLang(other)).toBe('fr');
    const problems = other.locator('section.problems');
    await expect.poll(async () => (await problems.textContent()) ?? '').toContain('le lien contient une valeur non valide pour la méthode (« astrology ») :');
    expect(await problems.textContent()).toContain('le lien a été créé pour le jeu de données « Gent 2021 », or « ');
    expect(await problems.textContent()).not.toContain('is not valid');
    // Switched to Dutch, the same problems are written again in Dutch, their source too.
    await other.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(async () => (await problems.textContent()) ?? '').toContain('gedeelde link');
    expect(await problems.textContent()).toContain('de link heeft een ongeldige waarde voor de methode ("astrology")');
    expect(await problems.textContent()).not.toContain('le lien contient');
    await other.evaluate(() => window.localStorage.setItem('chw-planner:language', 'en'));
    await other.close();
    expect(app.errors).toEqual([]);
  });
});
