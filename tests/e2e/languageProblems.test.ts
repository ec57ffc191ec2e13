import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, reloadInLanguage } from './harness';

const skipReason = browserSkipReason();

/** Two bad indicator tables: one with a header only, one with a row short of a field. */
function badTables(dir: string) {
  const headerOnly = join(dir, 'entete.csv');
  writeFileSync(headerOnly, 'code;v\n');
  const short = join(dir, 'court.csv');
  writeFileSync(short, ['code;v;w', 'A1;1;2', 'A2;3', 'A3;4;5'].join('\n'));
  return [headerOnly, short];
}

describe.skipIf(skipReason !== null)('problems in the files, in the interface language', () => {
  const app = appForSuite();

  it('a bad CSV opened with the interface in French is described in French, row prefix and all', async () => {
    const { page } = app;
    await reloadInLanguage(page, 'fr');
    await page.getByRole('button', { name: 'Ouvrir des fichiers…' }).click();
    const panel = page.getByRole('region', { name: 'Ouvrir des fichiers' });
    await panel.locator('input[type=file]').setInputFiles(badTables(mkdtempSync(join(tmpdir(), 'chw-problems-'))));
    const problems = panel.locator('.problems');
    // The header-only file, the short row, and codes that are not the demo's ward codes.
    await expect.poll(() => problems.locator('li').count()).toBe(3);
    const texts = await problems.locator('li').allTextContents();
    expect(texts).toContainEqual(
      expect.stringContaining('entete.csv: en-tête seul : les colonnes "code", "v" ont été trouvées, mais aucune ligne en dessous ; rien n\'a été lu.'),
    );
    expect(texts).toContainEqual(
      expect.stringContaining('court.csv: ligne 3 du tableur : 2 champs alors que l\'en-tête en a 3 ; "w" lu(s) comme vide(s).'),
    );
    expect(texts).toContainEqual(expect.stringContaining('aucune des valeurs de "code" (comme "A1", "A2", "A3") n\'est un code de quartier'));
    const all = texts.join('\n');
    for (const english of ['header only', 'spreadsheet row', 'fields where the header has', 'nothing was read']) expect(all).not.toContain(english);
    await page.screenshot({ path: outputPath('language-problems-fr.png') });

    // Switching the language keeps what the panel holds and says it in the new language.
    const staged = await panel.locator('legend').allTextContents();
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: /^EN/ }).click();
    const panelEn = page.getByRole('region', { name: 'Open files' });
    await expect.poll(() => panelEn.locator('.problems li').count()).toBe(3);
    expect(await panelEn.locator('legend').count()).toBe(staged.length);
    expect((await panelEn.locator('.problems li').allTextContents()).join('\n')).toContain('header only');
    expect(app.errors).toEqual([]);
  });

  it('a cut-off GeoJSON and a GeoJSON of points only are described in French', async () => {
    const { page } = app;
    await reloadInLanguage(page, 'fr');
    const dir = mkdtempSync(join(tmpdir(), 'chw-geo-problems-'));
    const cut = join(dir, 'coupe.geojson');
    writeFileSync(cut, '{"type": "FeatureCollection", "features": [');
    const points = join(dir, 'points.geojson');
    const point = (x: number) => ({ type: 'Feature', properties: { code: `P${x}` }, geometry: { type: 'Point', coordinates: [4.3 + x / 100, 50.8] } });
    writeFileSync(points, JSON.stringify({ type: 'FeatureCollection', features: [point(1), point(2)] }));

    await page.getByRole('button', { name: 'Ouvrir des fichiers…' }).click();
    const panel = page.getByRole('region', { name: 'Ouvrir des fichiers' });
    const problems = panel.locator('.problems li');
    await panel.locator('input[type=file]').setInputFiles([cut]);
    await expect
      .poll(async () => (await problems.allTextContents()).join('\n'))
      .toContain(
        "coupe.geojson: JSON non valide : le fichier s'arrête au milieu d'un tableau à la ligne 1, colonne 43 (caractère 43) : il semble tronqué ; téléchargez-le ou exportez-le à nouveau",
      );
    await panel.locator('input[type=file]').setInputFiles([points]);
    await expect
      .poll(async () => (await problems.allTextContents()).join('\n'))
      .toContain(
        'points.geojson: aucun polygone parmi les 2 features (2 Point) : les limites des quartiers doivent être des surfaces Polygon ou MultiPolygon ; ' +
          'chargez les polygones des limites, pas des points ni des lignes',
      );
    const all = (await problems.allTextContents()).join('\n');
    for (const english of ['invalid JSON', 'cut off', 'no polygons among', 'ward boundaries must be']) expect(all).not.toContain(english);
    await page.screenshot({ path: outputPath('language-problems-geojson-fr.png') });
    expect(app.errors).toEqual([]);
  });

  it('a zipped shapefile without its .dbf is described in French, then in Dutch', async () => {
    const { page } = app;
    await reloadInLanguage(page, 'fr');
    const zip = join(mkdtempSync(join(tmpdir(), 'chw-shapefile-problems-')), 'wijken.zip');
    // The .dbf is missed before the .shp is read, so its bytes need not be a real shapefile.
    writeFileSync(zip, zipSync({ 'wijken.shp': new Uint8Array(100), 'wijken.prj': strToU8('PROJCS["Belge_Lambert_1972"]') }));

    await page.getByRole('button', { name: 'Ouvrir des fichiers…' }).click();
    const panel = page.getByRole('region', { name: 'Ouvrir des fichiers' });
    await panel.locator('input[type=file]').setInputFiles([zip]);
    const problems = panel.locator('.problems li');
    await expect
      .poll(async () => (await problems.allTextContents()).join('\n'))
      .toContain(
        'wijken.zip: wijken.dbf manque : un shapefile a besoin de son .dbf à côté du .shp (il contient les codes et les noms des quartiers) ; ' +
          'mettez toutes les parties (.shp, .dbf, .prj, .cpg) dans un seul .zip, ou sélectionnez-les ensemble',
      );
    expect((await problems.allTextContents()).join('\n')).not.toContain('is missing');
    await panel.locator('.problems').screenshot({ path: outputPath('language-problems-shapefile-fr.png') });

    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: /^NL/ }).click();
    const panelNl = page.getByRole('region', { name: 'Bestanden openen' });
    await expect
      .poll(async () => (await panelNl.locator('.problems li').allTextContents()).join('\n'))
      .toContain(
        'wijken.zip: wijken.dbf ontbreekt: een shapefile heeft zijn .dbf naast de .shp nodig (daarin staan de wijkcodes en -namen); ' +
          'zet alle onderdelen (.shp, .dbf, .prj, .cpg) in één .zip, of selecteer ze samen',
      );
    expect(app.errors).toEqual([]);
  });
});
