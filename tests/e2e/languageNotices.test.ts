import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

/** Four square wards G01–G04 and an indicator table that misses G04 and names an unknown X99. */
function gridFiles(dir: string): string[] {
  const features = Array.from({ length: 4 }, (_, i) => {
    const x = 4.9 + (i % 2) * 0.01;
    const y = 50.8 + Math.floor(i / 2) * 0.01;
    return {
      type: 'Feature',
      properties: { wijkcode: `G0${i + 1}`, naam: `Grid ${i + 1}` },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
    };
  });
  const geojson = join(dir, 'grid.geojson');
  const csv = join(dir, 'grid-indicators.csv');
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(csv, ['wijkcode;income;vt_share', 'G01;40000;5', 'G02;35000;10', 'G03;30000;15', 'X99;25000;20'].join('\n'));
  return [geojson, csv];
}

/** Saves, as an older app version would have, workability scores for the dataset `name` in IndexedDB. */
function plantOldWorkability(page: Page, name: string): Promise<void> {
  return page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('chw-planner');
        open.onupgradeneeded = () => open.result.createObjectStore('workability');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('workability', 'readwrite');
          tx.objectStore('workability').put({ version: 0, scores: { G01: 3 } }, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    `workability:${encodeURIComponent(name)}`,
  );
}

/** Opens the grid files through the load panel, named in the interface language, and applies them. */
async function openGrid(page: Page, labels: { open: string; apply: string }): Promise<void> {
  await page.getByRole('button', { name: labels.open }).click();
  const panel = page.getByRole('region', { name: labels.open.replace('…', '') });
  await panel.locator('input[type=file]').setInputFiles(gridFiles(mkdtempSync(join(tmpdir(), 'chw-notices-'))));
  const apply = page.getByRole('button', { name: labels.apply, exact: true });
  await expect.poll(() => apply.isEnabled()).toBe(true);
  await apply.click();
  await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count')).toBe('4');
  await waitForMapIdle(page);
}

/** Everything the problem lists now say, one line per problem. */
async function problemLines(page: Page): Promise<string> {
  return (await page.locator('section.problems li').allTextContents()).join('\n');
}

describe.skipIf(skipReason !== null)('app notices in the interface language', () => {
  const app = appForSuite();

  it('the join report and a damaged saved match are written in French', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.localStorage.setItem('chw-planner:language', 'fr');
      window.localStorage.setItem('chw-planner:area-matches:v1:grid.geojson', '{oops');
    });
    await page.reload();
    await waitForMapIdle(page);
    await openGrid(page, { open: 'Ouvrir des fichiers…', apply: 'Appliquer' });
    await expect.poll(() => problemLines(page)).toContain('jointure');
    const lines = await problemLines(page);
    expect(lines).toContain(
      "grid-indicators.csv: jointure : 3 quartiers sur 4 ont trouvé une ligne ; 1 quartier n'a pas de ligne (G04) ; 1 code ne correspond à aucun quartier (X99)",
    );
    expect(lines).toContain(
      "correspondances enregistrées des zones CHW: les correspondances enregistrées sont endommagées (pas du JSON) et n'ont pas été chargées",
    );
    for (const english of ['join:', 'matched a row', 'have no row', 'saved matches', 'were not loaded']) expect(lines).not.toContain(english);
    await page.locator('section.problems').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('language-notices-fr.png') });
  });

  it('the join report and workability scores saved by another version are written in Dutch', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.localStorage.setItem('chw-planner:language', 'nl');
      window.localStorage.removeItem('chw-planner:area-matches:v1:grid.geojson');
    });
    await plantOldWorkability(page, 'grid.geojson');
    await page.reload();
    await waitForMapIdle(page);
    await openGrid(page, { open: 'Bestanden openen…', apply: 'Toepassen' });
    await expect.poll(() => problemLines(page)).toContain('werkbaarheidsscores');
    const lines = await problemLines(page);
    expect(lines).toContain('grid-indicators.csv: koppeling: 3 van de 4 wijken kregen een rij; 1 wijk heeft geen rij (G04); 1 code hoort bij geen enkele wijk (X99)');
    expect(lines).toContain(
      'bewaarde werkbaarheid: de bewaarde werkbaarheidsscores werden geschreven door een andere versie van de app (0) en werden niet geladen',
    );
    for (const english of ['join:', 'matched a row', 'saved workability', 'another version']) expect(lines).not.toContain(english);
    expect(app.errors).toEqual([]);
  });
});
