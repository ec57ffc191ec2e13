import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, repoRoot, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

// axe-core from node_modules, never from the network. The built page's CSP (script-src 'self')
// refuses an inline <script>, so page.addScriptTag({ content }) is blocked; page.evaluate runs the
// source through the DevTools protocol, which the CSP does not govern.
const AXE_SOURCE = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now: the violations of impact serious or critical, and the ids of the rules that passed. */
async function runAxe(page: Page): Promise<{ serious: Violation[]; passed: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (tags) => {
    type Rule = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    // The whole document, MapLibre's canvas and controls included: nothing needs to be left out.
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
      passed: result.passes.map((r) => r.id),
    };
  }, WCAG_TAGS);
  return { serious: found.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), passed: found.passed };
}

/** One line per violation: id, help, first targets; empty when none. */
function report(violations: Violation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(' | ')}`).join('\n');
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<string[]> {
  const { serious, passed } = await runAxe(page);
  expect(report(serious), `axe on ${screen}`).toBe('');
  return passed;
}

describe.skipIf(skipReason !== null)('accessibility (axe-core, WCAG 2.1 A and AA) in Chromium', () => {
  const app = appForSuite();

  it('the start screen with the demo data: map, weights and ranked table', async () => {
    const { page } = app;
    expect(await page.locator('table.ranked tbody tr[data-code]').count()).toBe(432);
    const passed = await expectNoSeriousViolations(page, 'the start screen');
    // axe really looked: the rules behind labels, names and contrast ran and found elements to pass.
    expect(passed).toEqual(expect.arrayContaining(['color-contrast', 'label', 'select-name', 'button-name', 'aria-allowed-attr', 'html-has-lang']));
  });

  it('a ward selected: the details panel open', async () => {
    const { page } = app;
    await page.locator('table.ranked tbody tr[data-code]').first().click();
    await expect.poll(() => page.getByTestId('ward-details').count()).toBe(1);
    await waitForMapIdle(page);
    await expectNoSeriousViolations(page, 'the ward details');
  });

  it('the open-files panel', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open files…' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Open files' }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'the open-files panel');
    await page.getByRole('region', { name: 'Open files' }).getByRole('button', { name: 'Close' }).click();
  });

  it('the planner tab with proposed teams on the map', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Proposed teams' }).count()).toBe(1);
    await waitForMapIdle(page);
    await expectNoSeriousViolations(page, 'the planner');
    await page.getByRole('tab', { name: 'Field' }).click();
    await expectNoSeriousViolations(page, 'the field tab');
    await page.getByRole('tab', { name: 'Criteria' }).click();
  });

  it('a scenario comparison and the comparison of wards', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Scenarios' });
    await panel.getByLabel(/Save current as/).fill('Defaults');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('slider', { name: 'Mean net taxable income per declaration' }).fill('0');
    await panel.getByRole('button', { name: 'Compare with Defaults' }).click();
    await page.getByLabel('Colour by').selectOption({ label: 'Rank shift (Defaults → current settings)' });
    await waitForMapIdle(page);
    await expectNoSeriousViolations(page, 'the scenario comparison');

    for (const code of ['DEMO-A26', 'DEMO-E04']) {
      await page.locator(`table.ranked tr[data-code="${code}"]`).click();
      await page.getByTestId('ward-details').getByRole('button', { name: 'Add to comparison' }).click();
    }
    await page.getByRole('button', { name: 'Compare (2)' }).click();
    await expect.poll(() => page.locator('.ward-comparison .cmp-ward').count()).toBe(2);
    await expectNoSeriousViolations(page, 'the comparison of wards');
    await page.getByRole('button', { name: 'Compare (2)' }).click();
  });

  it('with the high-contrast option on, every overlay legend shown', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: 'High contrast' }).check();
    await page.getByRole('checkbox', { name: 'Flags' }).check();
    await page.getByRole('checkbox', { name: 'Current CHW areas' }).check();
    await waitForMapIdle(page);
    await expectNoSeriousViolations(page, 'high contrast');
    await page.screenshot({ path: outputPath('high-contrast.png') });
  });
});
