import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, repoRoot, waitForMapIdle , appForSuite } from './harness';

const skipReason = browserSkipReason();

const HOSTILE = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', '=HYPERLINK("http://example.org")', 'Gewone wijk'];

/** Four square wards whose names are markup and a formula, with an indicator file for them. */
function hostileFiles(dir: string) {
  const features = HOSTILE.map((name, i) => ({
    type: 'Feature',
    properties: { code: `H${i + 1}`, name },
    geometry: { type: 'Polygon', coordinates: [[[4 + i * 0.01, 50.8], [4.01 + i * 0.01, 50.8], [4.01 + i * 0.01, 50.81], [4 + i * 0.01, 50.81], [4 + i * 0.01, 50.8]]] },
  }));
  const geojson = join(dir, 'hostile.geojson');
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  const csv = join(dir, 'hostile.csv');
  writeFileSync(csv, ['code,income,vt_share', 'H1,20000,30', 'H2,25000,20', 'H3,30000,10', 'H4,35000,5'].join('\n'));
  return { geojson, csv };
}

type ChwWindow = { __chw: { getState(): { wardCount: number } }; __pwned?: number };

describe.skipIf(skipReason !== null)('bad input in Chromium', () => {
  const app = appForSuite();

  it('the built page writes one strict Content-Security-Policy from its bootstrap script, and it blocks requests to other origins', async () => {
    const { page } = app;
    // Not static in the HTML (a meta policy can never be relaxed): the first script in <head> writes it.
    const html = readFileSync(join(repoRoot, 'dist', 'index.html'), 'utf8');
    expect(html).not.toContain('Content-Security-Policy');
    expect(/<head>\s*<meta charset="UTF-8" \/>\s*<script src="\/assets\/csp-[0-9a-f]{8}\.js"><\/script>/.test(html)).toBe(true);
    // The policy in force: every CSP meta in the page after load.
    const policies = await page.evaluate(() =>
      [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute('content') ?? ''),
    );
    expect(policies).toHaveLength(1);
    const policy = policies[0];
    expect(policy).toContain("connect-src 'self' data: blob:;");
    expect(policy).toContain("img-src 'self' data: blob:;");
    expect(policy).toContain("default-src 'self';");
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const result = await fetch('https://example.org/tiles/0/0/0.png').then(
        () => 'fetched',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { result, violations };
    });
    expect(outcome.result).toBe('refused');
    expect(outcome.violations).toContain('connect-src');
  });

  it('saved scenarios survive a damaged entry: the good ones load, the bad one is named, the text is backed up', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Scenarios' });
    for (const name of ['Eerste', 'Tweede']) {
      await panel.getByLabel(/Save current as/).fill(name);
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
    }
    await expect.poll(() => panel.getByRole('button', { name: /^Apply / }).count()).toBe(2);
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('chw-planner:scenarios:v1:')) as string);
    await page.evaluate((k) => {
      const file = JSON.parse(localStorage.getItem(k) as string);
      file.scenarios[0].settings.method = 'astrology';
      localStorage.setItem(k, JSON.stringify(file));
    }, key);
    await page.reload();
    await waitForMapIdle(page);
    const reloaded = page.getByRole('region', { name: 'Scenarios' });
    await expect.poll(() => reloaded.getByRole('button', { name: /^Apply / }).count()).toBe(1);
    expect(await reloaded.getByRole('button', { name: 'Apply Tweede' }).count()).toBe(1);
    const problems = page.locator('section.problems');
    expect(await problems.textContent()).toContain('scenario 1 ("Eerste"): settings.method');
    expect(await page.evaluate((k) => localStorage.getItem(`${k}:damaged`)?.includes('astrology'), key)).toBe(true);
  });

  it("a full browser storage is said in words and the scenario stays for this visit", async () => {
    const { page } = app;
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    const panel = page.getByRole('region', { name: 'Scenarios' });
    await panel.getByLabel(/Save current as/).fill('Derde');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Apply Derde' }).count()).toBe(1);
    await expect.poll(async () => (await page.locator('section.problems').textContent()) ?? '').toContain("the browser's storage is full");
    await page.reload();
    await waitForMapIdle(page);
  });

  it('ward names that are markup stay text: shown verbatim in the table, never run', async () => {
    const { page } = app;
    const files = hostileFiles(mkdtempSync(join(tmpdir(), 'chw-hostile-')));
    await page.getByRole('button', { name: 'Open files…' }).click();
    await page.getByRole('region', { name: 'Open files' }).locator('input[type=file]').setInputFiles([files.geojson, files.csv]);
    await expect.poll(() => page.getByRole('button', { name: 'Apply', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().wardCount)).toBe(4);
    await waitForMapIdle(page);
    const names = await page.locator('table.ranked tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent ?? ''));
    expect([...names].sort()).toEqual([...HOSTILE].sort());
    await page.locator('table.ranked tbody tr').first().click();
    expect(await page.evaluate(() => (window as unknown as ChwWindow).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], body script:not([src])').count()).toBe(0);
    // The only console errors are the two the CSP test provoked on purpose.
    expect(app.errors.filter((e) => !e.includes('example.org'))).toEqual([]);
  });
});
