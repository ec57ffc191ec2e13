import { describe, expect, it } from 'vitest';
import { browserSkipReason, waitForMapIdle , appForSuite } from './harness';

const skipReason = browserSkipReason();
const INCOME = 'Mean net taxable income per declaration';
const VT = 'Share entitled to increased reimbursement (VT/BIM)';
type ChwWindow = {
  __chw: {
    map: { getCenter(): { lng: number; lat: number }; getZoom(): number };
    getState(): { selected: number | null; method: string; ranking: { code: string }[] };
  };
};

describe.skipIf(skipReason !== null)('shared links in Chromium', () => {
  const app = appForSuite();

  it('the address bar holds a link that reproduces weights, method, selection and map view in a new tab', async () => {
    const { page } = app;
    await page.getByRole('slider', { name: INCOME }).fill('0');
    await page.getByRole('slider', { name: VT }).fill('4');
    await page.getByLabel('Normalisation').selectOption('minmax');
    await page.locator('table.ranked tbody tr').nth(5).click();
    await waitForMapIdle(page);
    await expect.poll(() => page.url()).toMatch(/#v=1&d=.+&sel=DEMO-/);
    const link = page.url();
    const before = await page.evaluate(() => {
      const w = window as unknown as ChwWindow;
      const s = w.__chw.getState();
      const c = w.__chw.map.getCenter();
      return { selected: s.selected, method: s.method, top: s.ranking.slice(0, 10).map((r) => r.code), lon: c.lng, lat: c.lat, zoom: w.__chw.map.getZoom() };
    });

    const other = await page.context().newPage();
    await other.goto(link);
    await waitForMapIdle(other);
    await expect.poll(() => other.evaluate(() => (window as unknown as ChwWindow).__chw.getState().selected)).toBe(before.selected);
    expect(await other.getByRole('slider', { name: INCOME }).inputValue()).toBe('0');
    expect(await other.getByRole('slider', { name: VT }).inputValue()).toBe('4');
    const after = await other.evaluate(() => {
      const w = window as unknown as ChwWindow;
      const s = w.__chw.getState();
      const c = w.__chw.map.getCenter();
      return { method: s.method, top: s.ranking.slice(0, 10).map((r) => r.code), lon: c.lng, lat: c.lat, zoom: w.__chw.map.getZoom() };
    });
    expect(after.method).toBe('minmax');
    expect(after.top).toEqual(before.top);
    expect(Math.abs(after.lon - before.lon)).toBeLessThan(1e-4);
    expect(Math.abs(after.lat - before.lat)).toBeLessThan(1e-4);
    expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.01);
    expect(await other.locator('section.problems').count()).toBe(0);
    await other.close();
  });

  it('a tampered link applies what is valid and names each part it left out', async () => {
    const { page } = app;
    const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
    params.set('w', 'income:lots');
    params.set('m', 'astrology');
    params.set('sel', 'NOT-A-WARD');
    params.set('p', 'cividis');
    const other = await page.context().newPage();
    await other.goto(`${page.url().split('#')[0]}#${params.toString()}`);
    await waitForMapIdle(other);
    const problems = other.locator('section.problems');
    await expect.poll(async () => (await problems.textContent()) ?? '').toContain('the link selects ward "NOT-A-WARD", which is not shown here');
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('the link\'s weights ("income:lots") is not valid');
    expect(text).toContain('the link\'s method ("astrology") is not valid');
    expect(await other.getByLabel('Palette').inputValue()).toBe('cividis');
    expect(await other.getByRole('slider', { name: INCOME }).inputValue()).toBe('1');
    await other.close();
  });

  it('a link made for another dataset changes nothing and says which dataset it needs', async () => {
    const { page } = app;
    const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
    params.set('d', 'Gent 2021');
    const other = await page.context().newPage();
    await other.goto(`${page.url().split('#')[0]}#${params.toString()}`);
    await waitForMapIdle(other);
    await expect.poll(async () => (await other.locator('section.problems').textContent()) ?? '').toContain('the link was made for the dataset "Gent 2021"');
    expect(await other.getByRole('slider', { name: INCOME }).inputValue()).toBe('1');
    expect(await other.evaluate(() => (window as unknown as ChwWindow).__chw.getState().method)).toBe('percentile');
    await other.close();
    expect(app.errors).toEqual([]);
  });
});
