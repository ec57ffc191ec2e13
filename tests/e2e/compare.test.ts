import { readFile } from 'node:fs/promises';
import { median } from 'd3';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, repoRoot , appForSuite } from './harness';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)('comparing wards in Chromium', () => {
  const app = appForSuite();

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

    // The themes for the three wards as a group: each evidence line's value is the mean of the three
    // values the comparison shows for that indicator (to the rounding of what is shown).
    const themes = panel.getByRole('region', { name: 'Themes for these wards' });
    const shownThemes = await themes.locator(':scope > ul > li').evaluateAll((items) =>
      items.map((li) => ({
        label: li.querySelector('strong')?.textContent?.trim() ?? '',
        evidence: [...li.querySelectorAll('.evidence li')].map((e) => e.textContent?.trim() ?? ''),
      })),
    );
    expect(shownThemes.length).toBeGreaterThanOrEqual(1);
    expect(shownThemes.length).toBeLessThanOrEqual(3);
    const indicators = await panel.locator('.cmp-indicator').evaluateAll((blocks) =>
      blocks.map((b) => ({
        label: b.querySelector('h3')?.textContent?.trim() ?? '',
        values: [...b.querySelectorAll('.cmp-values tbody tr')].map((r) => r.querySelectorAll('td')[0]?.textContent?.trim() ?? ''),
      })),
    );
    const numberIn = (text: string) => {
      const match = /-?[\d,]+(?:\.(\d+))?/.exec(text);
      return match ? { value: Number(match[0].replace(/,/g, '')), decimals: match[1]?.length ?? 0 } : null;
    };
    const means = shownThemes.flatMap((t) => t.evidence).filter((e) => e.includes(`(mean of ${codes.length} wards)`));
    expect(means.length).toBeGreaterThanOrEqual(1);
    for (const evidence of means) {
      const indicator = indicators.find((d) => evidence.startsWith(`${d.label} `));
      expect(indicator, evidence).toBeDefined();
      const shown = numberIn(evidence.slice(indicator!.label.length)) as { value: number; decimals: number };
      const values = indicator!.values.map((v) => numberIn(v)?.value as number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      // Half a unit of the last shown digit on each value, and half on the mean.
      expect(Math.abs(shown.value - mean), evidence).toBeLessThanOrEqual(10 ** -shown.decimals + 1e-9);
    }
    // The demo has no municipalities, so it is one city: every line compares with the median of all
    // 432 wards, not of the wards' districts.
    const catalogue = JSON.parse(await readFile(`${repoRoot}data/indicators.json`, 'utf8')) as { id: string; shortLabel: { en: string } }[];
    const demo = Papa.parse<Record<string, string>>(await readFile(`${repoRoot}data/demo/indicators.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(demo).toHaveLength(432);
    for (const evidence of shownThemes.flatMap((t) => t.evidence)) {
      expect(evidence).toMatch(/ vs city median \S/);
      const id = catalogue.find((d) => evidence.startsWith(`${d.shortLabel.en} `))?.id as string;
      expect(id, evidence).toBeDefined();
      const shown = numberIn(evidence.slice(evidence.lastIndexOf(' vs city median '))) as { value: number; decimals: number };
      const all = median(demo.map((row) => row[id]).filter((v) => v !== '').map(Number)) as number;
      // Half a unit of the last shown digit.
      expect(Math.abs(shown.value - all), evidence).toBeLessThanOrEqual(10 ** -shown.decimals / 2 + 1e-9);
    }
    await themes.screenshot({ path: outputPath('compare-themes.png') });

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export comparison (CSV)' }).click();
    const lines = (await readFile((await (await download).path()) as string, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(`indicator,measure,${codes.join(',')}`);
    const score = lines.find((l) => l.startsWith('overall,score,'))!.split(',').slice(2).map(Number);
    score.forEach((s, i) => expect(s.toFixed(1)).toBe(tableScores[i]));
    expect(lines.some((l) => l.startsWith('income,points,'))).toBe(true);
    // The group's themes follow, one row each, their action and evidence in the first ward column.
    const themeRows = Papa.parse<string[]>(lines.join('\n')).data.filter((r) => r[0] === 'theme');
    expect(themeRows.map((r) => r[1])).toEqual(shownThemes.map((t) => t.label));
    themeRows.forEach((r, i) => {
      expect(r[2]).toContain(shownThemes[i].evidence.join('; '));
      expect(r.slice(3)).toEqual(['', '']);
    });
    expect(app.errors).toEqual([]);
  });
});
