import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, waitForMapIdle , appForSuite } from './harness';

const skipReason = browserSkipReason();
const INCOME = 'Mean net taxable income per declaration';

describe.skipIf(skipReason !== null)('scenarios in Chromium', () => {
  const app = appForSuite();

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
    await expect.poll(() => page.locator('table.ranked thead th').filter({ hasText: 'Rank shift (Defaults → current settings)' }).count()).toBe(1);
    const summary = (await panel.getByRole('status').textContent()) ?? '';
    expect(summary).toMatch(/From Defaults to current settings: \d+ wards? enters? the top 20/);

    // The shift on the map: coloured by rank shift, the wards entering the top 20 outlined (feature-state topk = 1).
    await page.getByLabel('Colour by').selectOption({ label: 'Rank shift (Defaults → current settings)' });
    await waitForMapIdle(page);
    const entering = Number(/(\d+) wards? enters?/.exec(summary)?.[1]);
    const outlined = await page.evaluate(async (n) => {
      const w = window as unknown as { __chw: { map: { getFeatureState(f: { source: string; id: number }): { topk?: number } } } };
      let entered = 0;
      let left = 0;
      for (let id = 0; id < n; id++) {
        const topk = w.__chw.map.getFeatureState({ source: 'wards', id }).topk ?? 0;
        if (topk === 1) entered++;
        if (topk === -1) left++;
      }
      return { entered, left };
    }, await page.evaluate(() => (window as unknown as { __chw: { getState(): { wardCount: number } } }).__chw.getState().wardCount));
    expect(outlined.entered).toBe(entering);
    expect(outlined.left).toBeGreaterThan(0);
    expect(await page.getByRole('figure', { name: 'Legend' }).textContent()).toContain(`Enters the top 20 (${entering})`);
    await page.screenshot({ path: outputPath('scenario-shift.png') });
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = await readFile((await (await csvDownload).path()) as string, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.split('\n').filter((l) => !l.startsWith('#')).join('\n'), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0])).toContain('rank_shift');
    expect(rows.filter((r) => r.top_k_change === 'enters top 20').length).toBe(entering);
    expect(text).toContain('rank_shift: Defaults → current settings, positive = moved up');

    // Two saved scenarios compared with each other: Defaults to the VT-heavy weights saved now.
    await panel.getByLabel(/Save current as/).fill('VT heavy');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByLabel('Compare to').selectOption({ label: 'VT heavy' });
    await expect.poll(async () => (await panel.getByRole('status').textContent()) ?? '').toContain('From Defaults to VT heavy:');
    // The VT-heavy scenario holds the current weights, so comparing it with Defaults changes nothing.
    expect((await panel.getByRole('status').textContent())?.replace('VT heavy', 'current settings')).toBe(summary);
    await panel.getByLabel('Compare from').selectOption({ label: 'VT heavy' });
    await panel.getByLabel('Compare to').selectOption({ label: 'Current settings' });
    expect(await panel.getByRole('status').textContent()).toMatch(/From VT heavy to current settings: 0 wards enter the top 20, 0 leave/);
    await panel.getByRole('button', { name: 'Compare with Defaults' }).click();
    await panel.getByRole('button', { name: 'Delete VT heavy' }).click();

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
