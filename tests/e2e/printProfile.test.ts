import { describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, waitForMapIdle , appForSuite } from './harness';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)('the printed ward profile in Chromium', () => {
  const app = appForSuite();

  it('printing with a ward selected keeps the map, its details and how it was scored, on one page', async () => {
    const { page } = app;
    await page.locator('table.ranked tr[data-code="DEMO-A29"]').click();
    await waitForMapIdle(page);
    expect(await page.getByTestId('ward-details').getByRole('button', { name: 'Print profile' }).count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.side').isVisible()).toBe(false);
    expect(await page.locator('.table-panel').isVisible()).toBe(false);
    expect(await page.getByTestId('map').isVisible()).toBe(true);
    expect(await page.getByTestId('ward-details').isVisible()).toBe(true);
    expect(await page.getByTestId('ward-details').textContent()).toContain('Bospark');
    // The details follow the map, whole: below its bottom edge and not clipped by any parent.
    const mapBox = await page.getByTestId('map').boundingBox();
    const detailsBox = await page.getByTestId('ward-details').boundingBox();
    expect(detailsBox!.y).toBeGreaterThanOrEqual(mapBox!.y + mapBox!.height - 1);
    const clipped = await page.getByTestId('ward-details').evaluate((el) => {
      const box = el.getBoundingClientRect();
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflow !== 'visible' && p.getBoundingClientRect().bottom < box.bottom - 1) return true;
      }
      return false;
    });
    expect(clipped).toBe(false);
    // The legend stays on the map, clear of the details.
    const legendBox = await page.getByRole('figure', { name: 'Legend' }).boundingBox();
    expect(legendBox!.y + legendBox!.height).toBeLessThanOrEqual(detailsBox!.y);
    const footer = page.locator('.print-footer');
    expect(await footer.isVisible()).toBe(true);
    expect(await footer.textContent()).toMatch(/method: percentile, weights: income 1/);
    await page.screenshot({ path: outputPath('print-profile.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    // One page: the PDF has a single page object.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    expect(app.errors).toEqual([]);
  });
});
