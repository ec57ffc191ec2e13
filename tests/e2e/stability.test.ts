import { describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath , appForSuite } from './harness';

const skipReason = browserSkipReason();
type ChwWindow = { __chw: { getState(): { selected: number | null; ranking: { index: number; code: string; rank: number | null }[] } } };

describe.skipIf(skipReason !== null)('rank stability in Chromium', () => {
  const app = appForSuite();

  it('runs in a worker while the page stays usable, and at a very high concentration reproduces the ranks', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Rank stability' });
    await panel.getByLabel('Draws').fill('2000');
    await panel.getByLabel(/Concentration/).fill('10000');
    await panel.getByLabel('Top k').fill('10');
    await panel.getByRole('button', { name: 'Run stability' }).click();
    // While the worker draws, the main thread still answers: a row click selects the ward.
    await page.locator('table.ranked tbody tr').nth(4).click();
    const selected = await page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().selected);
    expect(selected).not.toBeNull();
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 60_000 }).toContain('2000 draws around the current weights');
    await page.screenshot({ path: outputPath('stability.png') });

    const headers = await page.locator('table.ranked thead th').allTextContents();
    const median = headers.findIndex((h) => h.startsWith('Median rank'));
    const topK = headers.findIndex((h) => h.startsWith('P(top 10)'));
    expect(median).toBeGreaterThan(0);
    expect(topK).toBeGreaterThan(0);
    // With weights that barely move, the median rank is the rank and the top 10 are sure.
    for (let r = 0; r < 8; r++) {
      const cells = await page.locator('table.ranked tbody tr').nth(r).locator('td, th').allTextContents();
      expect(cells[median]).toBe(cells[0]);
      expect(cells[topK]).toBe('100 %');
    }
    // On the map: a filled badge (90 % or more) on each of the ten sure wards, and on no other.
    const badges = await page.evaluate(async () => {
      const w = window as unknown as { __chw: { map: { getSource(id: string): { getData(): Promise<{ features: { id: number; properties: { level: number } }[] }> } } } };
      const data = await w.__chw.map.getSource('badges').getData();
      return data.features.map((f) => ({ id: f.id, level: f.properties.level }));
    });
    const top10 = await page.evaluate(() =>
      (window as unknown as ChwWindow).__chw.getState().ranking.filter((r) => r.rank !== null && r.rank <= 10).map((r) => r.index),
    );
    expect(top10.length).toBe(10);
    expect(badges.map((b) => b.id).sort((a, b) => a - b)).toEqual([...top10].sort((a, b) => a - b));
    expect(badges.every((b) => b.level === 3)).toBe(true);
    expect(await page.getByRole('figure', { name: 'Legend' }).textContent()).toContain('Top 10 in 90 % or more of draws (10)');

    // Moving a weight makes the result stale: the columns go and the panel says so.
    await page.getByRole('slider', { name: 'Mean net taxable income per declaration' }).fill('3');
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('run it again');
    expect((await page.locator('table.ranked thead th').allTextContents()).some((h) => h.startsWith('Median rank'))).toBe(false);
    await expect
      .poll(() => page.evaluate(async () => (await (window as unknown as { __chw: { map: { getSource(id: string): { getData(): Promise<{ features: unknown[] }> } } } }).__chw.map.getSource('badges').getData()).features.length))
      .toBe(0);
    expect(app.errors).toEqual([]);
  });
});
