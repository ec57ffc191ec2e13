import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { browserSkipReason , appForSuite } from './harness';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)('hot spots in Chromium', () => {
  const app = appForSuite();

  it('hot spots of the score show in the legend, on the map and in the export with the same count', async () => {
    const { page } = app;
    await page.getByLabel('Hot spots').selectOption('0.01');
    const legend = page.getByRole('figure', { name: 'Legend' });
    await expect.poll(() => legend.textContent()).toMatch(/Hot spot, high-high \(\d+\)/);
    const count = Number((await legend.textContent())?.match(/high-high \((\d+)\)/)?.[1]);
    // The demo city has one deprived centre: a hot spot of dozens of wards, not the whole city.
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(200);
    const hot = await page.evaluate(() => {
      const { map } = (window as unknown as { __chw: { map: { getFeatureState(f: object): { hot?: boolean } } } }).__chw;
      let n = 0;
      for (let id = 0; id < 432; id++) if (map.getFeatureState({ source: 'wards', id }).hot) n++;
      return n;
    });
    expect(hot).toBe(count);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = await readFile((await (await download).path()) as string, 'utf8');
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const column = lines[0].split(',').indexOf('hotspot_cluster');
    expect(column).toBeGreaterThan(0);
    expect(lines.slice(1).filter((l) => l.split(',')[column] === 'HH')).toHaveLength(count);
    expect(app.errors).toEqual([]);
  });

  it('smoothing shares by population shows raw next to smoothed values and exports both', async () => {
    const { page } = app;
    await page.getByLabel(/Smooth shares by population/).check();
    await page.locator('table.ranked tr[data-code="DEMO-A26"]').click();
    const details = page.getByTestId('ward-details');
    await expect.poll(() => details.locator('.raw').count()).toBeGreaterThan(0);
    expect(await details.locator('.raw').first().textContent()).toMatch(/^ \(raw \d+\.\d %\)$/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = await readFile((await (await download).path()) as string, 'utf8');
    const header = text.split('\n').find((l) => !l.startsWith('#'))!.split(',');
    expect(header).toContain('vt_share');
    expect(header).toContain('vt_share_raw');
    expect(app.errors).toEqual([]);
  });
});
