import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();

/** A 4 x 4 grid of square wards near Tienen; ward i gets more need as i grows. */
function gridFiles(dir: string) {
  const features = [];
  const rows = ['wijkcode;naam;income;vt_share'];
  for (let i = 0; i < 16; i++) {
    const x = 4.9 + (i % 4) * 0.01;
    const y = 50.8 + Math.floor(i / 4) * 0.01;
    const code = `G${String(i + 1).padStart(2, '0')}`;
    features.push({
      type: 'Feature',
      properties: { wijkcode: code, naam: `Grid ${i + 1}`, sector: i < 8 ? 'South' : 'North' },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
    });
    // Semicolons and decimal commas, as Excel in a Belgian locale writes them; one suppressed cell.
    const income = i === 5 ? 'n.a.' : String(40000 - i * 1000);
    rows.push(`${code};Grid ${i + 1};${income};${(5 + i * 2.5).toFixed(1).replace('.', ',')}`);
  }
  const paths = {
    geojson: join(dir, 'grid.geojson'),
    csv: join(dir, 'grid-indicators.csv'),
    extra: join(dir, 'requests.csv'),
    broken: join(dir, 'broken.geojson'),
  };
  writeFileSync(paths.geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(paths.csv, `\uFEFF${rows.join('\r\n')}\r\n`);
  writeFileSync(paths.extra, `code,complaints\n${features.map((f, i) => `${f.properties.wijkcode},${i % 3}`).join('\n')}\n`);
  writeFileSync(paths.broken, '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coord');
  return paths;
}

describe.skipIf(skipReason !== null)('opening files in Chromium', () => {
  let app: App;
  let files: ReturnType<typeof gridFiles>;

  beforeAll(async () => {
    files = gridFiles(mkdtempSync(join(tmpdir(), 'chw-e2e-')));
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a truncated GeoJSON is reported with its name and leaves the loaded dataset untouched', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open files…' }).click();
    await page.getByRole('region', { name: 'Open files' }).locator('input[type=file]').setInputFiles(files.broken);
    const panel = page.getByRole('region', { name: 'Open files' });
    await expect.poll(() => panel.locator('.problems').getByText('broken.geojson').count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toMatch(/broken\.geojson.*(JSON|json)/);
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('tr[data-code]').count()).toBe(432);
    expect(await page.getByText('Synthetic demo data', { exact: true }).count()).toBe(1);
  });

  it('boundaries and a Belgian-dialect CSV replace the dataset, joined on the detected key', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open files…' }).click();
    await page.getByRole('region', { name: 'Open files' }).locator('input[type=file]').setInputFiles([files.geojson, files.csv]);
    const panel = page.getByRole('region', { name: 'Open files' });
    await expect.poll(() => panel.getByText('16 of 16 wards match a row in this file.').count()).toBe(1);
    expect(await panel.getByRole('combobox', { name: 'Ward code property' }).inputValue()).toBe('wijkcode');
    expect(await panel.getByRole('combobox', { name: 'Ward name property' }).inputValue()).toBe('naam');
    expect(await panel.getByRole('combobox', { name: 'Ward code column of grid-indicators.csv' }).inputValue()).toBe('wijkcode');
    expect(await panel.textContent()).toContain('semicolon separated, decimal comma');
    await page.getByRole('button', { name: 'Apply' }).click();

    await expect.poll(() => page.locator('[data-testid="map"]').getAttribute('data-ward-count')).toBe('16');
    await waitForMapIdle(page);
    expect(await page.locator('tr[data-code]').count()).toBe(16);
    // G16 has the lowest income and the highest VT share: most need on both default-weighted criteria.
    expect(await page.locator('tbody tr').first().getAttribute('data-code')).toBe('G16');
    expect(await page.locator('tbody tr').last().getAttribute('data-code')).toBe('G01');
    // The catalogue recognised both columns: their sliders carry the catalogue labels.
    expect(await page.getByRole('slider', { name: 'Mean net taxable income per declaration' }).inputValue()).toBe('1');
    expect(await page.getByRole('slider', { name: 'Share entitled to increased reimbursement (VT/BIM)' }).inputValue()).toBe('1');
    const notes = page.getByRole('status').filter({ hasText: 'join:' });
    expect(await notes.textContent()).toContain('grid-indicators.csv: join: 16 of 16 wards matched a row');
    expect(await page.getByText('Synthetic demo data', { exact: true }).count()).toBe(0);
    // The "n.a." income cell is missing, not 0: the ward shows the file's marker and uses 1 of 2 indicators.
    const g06 = page.locator('tr[data-code="G06"]');
    expect(await g06.locator('td').last().textContent()).toBe('1/2');
    expect(await g06.locator('.missing').textContent()).toBe('n.a.');
    await page.screenshot({ path: outputPath('loaded-grid.png') });
  });

  it('an indicator CSV alone is added to the loaded wards, keeping the weights already set', async () => {
    const { page } = app;
    await page.getByRole('slider', { name: 'Mean net taxable income per declaration' }).fill('3');
    await page.getByRole('button', { name: 'Open files…' }).click();
    await page.getByRole('region', { name: 'Open files' }).locator('input[type=file]').setInputFiles(files.extra);
    const panel = page.getByRole('region', { name: 'Open files' });
    await expect.poll(() => panel.getByText('16 of 16 wards match a row in this file.').count()).toBe(1);
    await page.getByRole('button', { name: 'Apply' }).click();
    // A column the catalogue does not know arrives unweighted, for the user to judge.
    await expect.poll(() => page.getByRole('slider', { name: 'complaints' }).count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'complaints' }).inputValue()).toBe('0');
    expect(await page.getByRole('slider', { name: 'Mean net taxable income per declaration' }).inputValue()).toBe('3');
    expect(await page.locator('tr[data-code]').count()).toBe(16);
    expect(app.errors).toEqual([]);
  });
});
