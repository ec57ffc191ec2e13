import { describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, waitForMapIdle , appForSuite } from './harness';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)('entering field knowledge in Chromium', () => {
  const app = appForSuite();

  it('a ward marked as a current CHW area on the map gets the badge, survives a reload, and can be unmarked', async () => {
    const { page } = app;
    const row = page.locator('tr[data-code="DEMO-A26"]');
    expect(await row.locator('.badge').count()).toBe(0);
    await row.click();
    const details = page.getByTestId('ward-details');
    await details.getByRole('button', { name: 'Mark as current CHW area' }).click();
    await expect.poll(() => row.locator('.badge').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: outputPath('marked-by-hand.png') });

    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('tr[data-code="DEMO-A26"] .badge').count()).toBe(1);
    await page.locator('tr[data-code="DEMO-A26"]').click();
    await page.getByTestId('ward-details').getByRole('button', { name: 'Unmark as current CHW area' }).click();
    await expect.poll(() => page.locator('tr[data-code="DEMO-A26"] .badge').count()).toBe(0);
    // A ward the data already lists as a current area cannot be unmarked by hand.
    await page.locator('tr[data-code="DEMO-A46"]').click();
    expect(await page.getByTestId('ward-details').getByRole('button', { name: /current CHW area/ }).count()).toBe(0);
  });

  it('help requests entered for a ward add to its count', async () => {
    const { page } = app;
    const row = page.locator('tr[data-code="DEMO-A26"]');
    await row.click();
    await page.getByRole('tab', { name: 'Field' }).click();
    const form = page.getByRole('form', { name: 'Add help requests for Berkendonk' });
    const before = Number((await form.locator('span').textContent())?.match(/: ([\d.]+) request/)?.[1] ?? 0);
    await form.getByLabel('Requests').fill('5');
    await form.getByLabel('Date (optional)').fill('2026-11-02');
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '5 requests added for Berkendonk' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => Number((await form.locator('span').textContent())?.match(/: ([\d.]+) request/)?.[1]), { timeout: 10_000 }).toBe(before + 5);
    // 0 requests: the browser's own check (min=1) stops the form, and nothing is added.
    await form.getByLabel('Requests').fill('0');
    await form.getByRole('button', { name: 'Add' }).click();
    expect(await form.getByLabel('Requests').evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    expect(Number((await form.locator('span').textContent())?.match(/: ([\d.]+) request/)?.[1])).toBe(before + 5);
    expect(app.errors).toEqual([]);
  });
});
