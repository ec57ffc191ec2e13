import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)('comparing wards in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('three wards side by side, with their scores and a CSV that holds the same numbers', async () => {
    const { page } = app;
    const codes = ['DEMO-A26', 'DEMO-A11', 'DEMO-E04'];
    for (const code of codes) {
      await page.locator(`table.ranked tr[data-code="${code}"]`).click();
      await page.getByTestId('ward-details').getByRole('button', { name: 'Add to comparison' }).click();
    }
    await page.getByRole('button', { name: 'Compare (3)' }).click();
    const panel = page.locator('.ward-comparison');
    await expect.poll(() => panel.locator('.cmp-ward').count()).toBe(3);
    const tableScores = await Promise.all(codes.map((c) => page.locator(`table.ranked tr[data-code="${c}"] td.score`).textContent()));
    const shownScores = await panel.locator('.cmp-score').allTextContents();
    tableScores.forEach((s, i) => expect(shownScores[i]).toContain(s as string));
    expect(await panel.locator('svg.cmp-bars[role="img"]').count()).toBeGreaterThan(5);
    await page.screenshot({ path: outputPath('compare.png') });

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export comparison (CSV)' }).click();
    const lines = (await readFile((await (await download).path()) as string, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(`indicator,measure,${codes.join(',')}`);
    const score = lines.find((l) => l.startsWith('overall,score,'))!.split(',').slice(2).map(Number);
    score.forEach((s, i) => expect(s.toFixed(1)).toBe(tableScores[i]));
    expect(lines.some((l) => l.startsWith('income,points,'))).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
