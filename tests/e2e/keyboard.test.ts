import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

interface ChwWindow {
  __chw: {
    map: {
      getFeatureState(feature: { source: string; id: number }): { selected?: boolean };
      getPaintProperty(layer: string, name: string): unknown;
    };
    getState(): { selected: number | null; ranking: { code: string }[] };
  };
}

const rankingCodes = (page: Page) =>
  page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().ranking.map((r) => r.code).join(' '));

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} not reached with ${limit} presses of Tab`);
}

/** The focused element's outline as drawn: style, width in px and colour. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
  });

describe.skipIf(skipReason !== null)('the keyboard alone in Chromium', () => {
  const app = appForSuite();

  it('Tab reaches a weight slider, ArrowRight raises its weight and the ranking changes, all with a visible focus ring', async () => {
    const { page } = app;
    const before = await rankingCodes(page);
    await tabTo(page, 'input[type="range"]#w-income', 80);
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const slider = page.getByRole('slider', { name: 'Mean net taxable income per declaration' });
    expect(await slider.inputValue()).toBe('3');
    expect(await page.locator('output[for="w-income"]').textContent()).toBe('3');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^weight 3, \d+ % of the score$/);
    await expect.poll(() => rankingCodes(page)).not.toBe(before);
    await page.locator('.side').screenshot({ path: outputPath('keyboard-slider-focus.png') });
  });

  it('Tab reaches the ranked table in one row, the arrows move between rows, Enter selects the ward on the map and opens its details', async () => {
    const { page } = app;
    const rows = page.locator('table.ranked tbody tr[data-code]');
    // A roving tabindex: one row in the Tab order, so the table costs one Tab stop, not 432.
    expect(await page.locator('table.ranked tbody tr[tabindex="0"]').count()).toBe(1);
    await tabTo(page, 'table.ranked tbody tr[data-code]', 150);
    expect(await page.locator('.table-scroll').evaluate((e) => e.scrollLeft)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(await rows.first().getAttribute('data-code'));
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const third = rows.nth(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(await third.getAttribute('data-code'));
    const code = (await third.getAttribute('data-code')) as string;
    const index = Number(await third.getAttribute('data-index'));
    const name = ((await third.locator('td').nth(2).textContent()) ?? '').replace(/CHW$/, '');

    await page.keyboard.press('Enter');
    const details = page.getByTestId('ward-details');
    await expect.poll(() => details.count()).toBe(1);
    expect(await details.locator('h2').textContent()).toBe(name);
    expect(await details.locator('.meta').textContent()).toContain(code);
    expect(await third.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().selected)).toBe(index);
    await waitForMapIdle(page);
    const selectedOnMap = await page.evaluate((id) => (window as unknown as ChwWindow).__chw.map.getFeatureState({ source: 'wards', id }).selected, index);
    expect(selectedOnMap).toBe(true);
    // Focus stays on the row: the user goes on through the list, and the selected row is where Tab comes back.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(code);
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(await rows.first().getAttribute('data-code'));
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(await rows.last().getAttribute('data-code'));
    // The table scrolls down to the row, not sideways: rank, code and name stay in view.
    expect(await page.locator('.table-scroll').evaluate((e) => e.scrollLeft)).toBe(0);
    expect(await rows.last().isVisible()).toBe(true);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    const lastButOne = rows.nth((await rows.count()) - 2);
    await expect.poll(() => lastButOne.getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: outputPath('keyboard-row-focus.png') });
    expect(app.errors).toEqual([]);
  });

  it('the side tabs are one Tab stop: arrows, Home and End move between Criteria, Plan and Field and show each panel', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Criteria' }).focus();
    expect(await page.getByRole('tab', { name: 'Criteria' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-plan');
    expect(await page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-plan[role="tabpanel"]').count()).toBe(1);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-field');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-criteria');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-field');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-criteria');
    expect(await page.locator('#panel-criteria[role="tabpanel"]').count()).toBe(1);
  });

  it('Space on the High contrast box switches the mode: black ward outlines, cividis, a 4 px focus ring, kept after a reload', async () => {
    const { page } = app;
    const box = page.getByRole('checkbox', { name: 'High contrast' });
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains('high-contrast'))).toBe(true);
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 4, colour: 'rgb(0, 0, 0)' });
    const paint = () =>
      page.evaluate(() => {
        const { map } = (window as unknown as ChwWindow).__chw;
        return { line: map.getPaintProperty('wards-line', 'line-color'), opacity: map.getPaintProperty('wards-fill', 'fill-opacity') };
      });
    await expect.poll(paint).toEqual({ line: '#000000', opacity: 1 });
    expect(await page.getByRole('combobox', { name: 'Palette' }).inputValue()).toBe('cividis');
    expect(await page.getByRole('combobox', { name: 'Palette' }).isDisabled()).toBe(true);
    await waitForMapIdle(page);
    await page.screenshot({ path: outputPath('keyboard-high-contrast-focus.png') });

    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getByRole('checkbox', { name: 'High contrast' }).isChecked()).toBe(true);
    await expect.poll(paint).toEqual({ line: '#000000', opacity: 1 });
    await page.getByRole('checkbox', { name: 'High contrast' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(paint).toEqual({ line: '#ffffff', opacity: 0.88 });
    expect(await page.getByRole('combobox', { name: 'Palette' }).inputValue()).toBe('viridis');
    expect(await page.evaluate(() => localStorage.getItem('chw-planner:high-contrast'))).toBe(null);
  });
});
