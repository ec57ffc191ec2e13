import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRememberedDataset } from '../../scripts/rememberedInPage';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

/** Nine square wards near Genk with an income column. */
function wardFiles(dir: string): string[] {
  const features = [];
  const rows = ['code,income'];
  for (let i = 0; i < 9; i++) {
    const x = 5.5 + (i % 3) * 0.01;
    const y = 50.96 + Math.floor(i / 3) * 0.01;
    const code = `K${i + 1}`;
    features.push({ type: 'Feature', properties: { code, name: `Kamp ${i + 1}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] } });
    rows.push(`${code},${30000 - i * 1000}`);
  }
  const geojson = join(dir, 'kampen.geojson');
  const csv = join(dir, 'kampen.csv');
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(csv, rows.join('\n') + '\n');
  return [geojson, csv];
}

describe.skipIf(skipReason !== null)('remembering the applied dataset in this browser', () => {
  const app = appForSuite();

  it('off by default: a reload shows the demo city again', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open files…' }).click();
    const panel = page.getByRole('region', { name: 'Open files' });
    const remember = panel.getByRole('checkbox', { name: /Remember the applied dataset/ });
    expect(await remember.isChecked()).toBe(false);
    await panel.locator('input[type=file]').setInputFiles(wardFiles(mkdtempSync(join(tmpdir(), 'chw-remember-'))));
    await expect.poll(() => panel.getByText('9 of 9 wards match a row in this file.').count()).toBe(1);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('tr[data-code]').count()).toBe(9);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.locator('tr[data-code]').count()).toBe(432);
  });

  it('ticked, the applied dataset opens at the next visit instead of the demo; unticked, it is forgotten', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open files…' }).click();
    const panel = page.getByRole('region', { name: 'Open files' });
    await panel.getByRole('checkbox', { name: /Remember the applied dataset/ }).check();
    await panel.locator('input[type=file]').setInputFiles(wardFiles(mkdtempSync(join(tmpdir(), 'chw-remember-'))));
    await expect.poll(() => panel.getByText('9 of 9 wards match a row in this file.').count()).toBe(1);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('tr[data-code]').count()).toBe(9);
    const ranking = await page.locator('tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    // Stored after Apply: wait until IndexedDB holds it, then come back as next week.
    await expect.poll(() => page.evaluate(hasRememberedDataset)).toBe(true);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.locator('tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(ranking);
    expect(await page.locator('header .dataset').textContent()).toContain('kampen.geojson');
    expect(await page.locator('[data-testid="map"]').getAttribute('data-ward-count')).toBe('9');
    await page.screenshot({ path: outputPath('remembered-dataset.png') });

    await page.getByRole('button', { name: 'Open files…' }).click();
    await page.getByRole('region', { name: 'Open files' }).getByRole('checkbox', { name: /Remember the applied dataset/ }).uncheck();
    // Unticking forgets at once; the dataset stays open for this visit.
    expect(await page.locator('tr[data-code]').count()).toBe(9);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.locator('tr[data-code]').count()).toBe(432);
    expect(app.errors).toEqual([]);
  });
});
