import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, waitForMapIdle , appForSuite } from './harness';

const skipReason = browserSkipReason();

/** A cols x rows grid of wards with detailed borders and an indicator file: big enough that keeping an old copy would show. */
function gridFiles(dir: string, cols: number, rows: number): string[] {
  const step = 0.004;
  const features = [];
  const lines = ['code,income,vt_share'];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x0, y0] = [4 + c * step, 50.6 + r * step];
      // 12 points per side, so the geometry weighs like real sector borders.
      const ring: number[][] = [];
      for (let k = 0; k < 12; k++) ring.push([x0 + (step * k) / 12, y0]);
      for (let k = 0; k < 12; k++) ring.push([x0 + step, y0 + (step * k) / 12]);
      for (let k = 0; k < 12; k++) ring.push([x0 + step - (step * k) / 12, y0 + step]);
      for (let k = 0; k < 12; k++) ring.push([x0, y0 + step - (step * k) / 12]);
      ring.push(ring[0]);
      const code = `G${r * cols + c}`;
      features.push({ type: 'Feature', properties: { code, name: `Ward ${r}-${c}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
      lines.push(`${code},${20000 + ((r * 7919 + c * 104729) % 30000)},${(r * 31 + c * 17) % 50}`);
    }
  }
  const geojson = join(dir, `grid-${cols}x${rows}.geojson`);
  const csv = join(dir, `grid-${cols}x${rows}.csv`);
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(csv, lines.join('\n'));
  return [geojson, csv];
}

describe.skipIf(skipReason !== null)('memory in Chromium', () => {
  const app = appForSuite();

  it('loading a dataset again frees the one before: the heap does not grow over 10 load cycles', async () => {
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    const heapAfterGc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const dir = mkdtempSync(join(tmpdir(), 'chw-memory-'));
    const tiny = gridFiles(dir, 2, 2);
    const files = gridFiles(dir, 60, 40);
    const load = async (files: string[]) => {
      await page.getByRole('button', { name: 'Open files…' }).click();
      await page.getByRole('region', { name: 'Open files' }).locator('input[type=file]').setInputFiles(files);
      await expect.poll(() => page.getByRole('button', { name: 'Apply', exact: true }).isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Apply', exact: true }).click();
      await expect.poll(() => page.getByRole('region', { name: 'Open files' }).count()).toBe(0);
      await waitForMapIdle(page);
    };
    // The baseline: the same app with a 4-ward dataset loaded.
    await load(tiny);
    const baseline = await heapAfterGc();
    const heaps: number[] = [];
    for (let cycle = 1; cycle <= 10; cycle++) {
      await load(files);
      heaps.push(await heapAfterGc());
    }
    // The first loads warm caches (code, MapLibre's worker tiles); after that each load replaces the
    // last. One dataset of 2,400 wards weighs several MB here, so keeping each old one would add that
    // much per cycle; growth from cycle 3 to 10 must stay under one such dataset in all.
    const oneDataset = heaps[0] - baseline;
    const settled = heaps[2];
    const last = heaps[9];
    console.log(`heap after GC, MB: 4 wards ${(baseline / 1e6).toFixed(1)}, then per cycle ${heaps.map((h) => (h / 1e6).toFixed(1)).join(' ')}`);
    expect(oneDataset).toBeGreaterThan(3e6);
    expect(last - settled).toBeLessThan(oneDataset);
    expect(await page.evaluate(() => (window as unknown as { __chw: { getState(): { wardCount: number } } }).__chw.getState().wardCount)).toBe(2400);
  });
});
