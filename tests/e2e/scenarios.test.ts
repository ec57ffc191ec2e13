import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, startApp, waitForMapIdle, type App } from './harness';

const skipReason = browserSkipReason();
const INCOME = 'Mean net taxable income per declaration';

describe.skipIf(skipReason !== null)('scenarios in Chromium', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a saved scenario compares with the current weights, applies back, exports as JSON and survives a reload', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Scenarios' });
    await panel.getByLabel(/Save current as/).fill('Defaults');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Apply Defaults' }).count()).toBe(1);

    const before = await page.locator('table.ranked tbody tr').first().getAttribute('data-code');
    await page.getByRole('slider', { name: INCOME }).fill('0');
    await page.getByRole('slider', { name: 'Share entitled to increased reimbursement (VT/BIM)' }).fill('5');
    await panel.getByRole('button', { name: 'Compare with Defaults' }).click();
    await expect.poll(() => page.locator('table.ranked thead th').filter({ hasText: 'Shift vs Defaults' }).count()).toBe(1);
    expect(await panel.getByRole('status').textContent()).toMatch(/Against Defaults: \d+ wards? enters? the top 20/);

    await panel.getByRole('button', { name: 'Apply Defaults' }).click();
    await expect.poll(() => page.getByRole('slider', { name: INCOME }).inputValue()).toBe('1');
    expect(await page.locator('table.ranked tbody tr').first().getAttribute('data-code')).toBe(before);

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: /Export/ }).click();
    const json = JSON.parse(await readFile((await (await download).path()) as string, 'utf8'));
    expect(json.format).toBe('chw-planner-scenarios');
    expect(json.scenarios[0].name).toBe('Defaults');
    expect(json.scenarios[0].settings.weights.income).toBe(1);

    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.getByRole('region', { name: 'Scenarios' }).getByRole('button', { name: 'Apply Defaults' }).count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
