import { readFile } from 'node:fs/promises';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, outputPath, repoRoot, startApp, waitForMapIdle, type App } from './harness';

/** What the app exposes on `window.__chw` for tests. */
interface ChwHandle {
  map: MaplibreMap;
  getState(): {
    selected: number | null;
    ranking: { index: number; code: string; rank: number | null; score: number | null }[];
  };
}
type ChwWindow = { __chw: ChwHandle };

/** One row of the "Proposed teams" table, as shown. */
interface TeamRow {
  id: string;
  wards: string[];
  workload: number;
  capacity: number;
}

const WARD_COUNT = 432;
const CURRENT_TEAMS = ['Team Centrum', 'Team Noord', 'Team Zuidwest'];
const FTE_INPUT = 'CHWs available to deploy (FTE)';

const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e suite skipped: ${skipReason}`);

/** Polls `read` until `done` holds for its value, returning the last value read. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

function teamRows(page: Page): Promise<TeamRow[]> {
  return page
    .getByRole('table', { name: 'Proposed teams' })
    .locator('tbody tr:has(th)')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('th, td')];
        const text = (i: number) => cells[i]?.textContent?.trim() ?? '';
        return {
          id: text(0),
          wards: [...cells[2].querySelectorAll('li')].map((li) => li.textContent?.trim() ?? ''),
          workload: Number(text(4).replace(/,/g, '')),
          capacity: Number(text(5).replace(/,/g, '')),
        };
      }),
    );
}

function teamSummary(page: Page): Promise<string> {
  return page.locator('.team-summary').innerText();
}

/** The "x %" of vulnerable persons covered, as the team list's footer states it. */
async function coveredShare(page: Page): Promise<number> {
  const match = /([\d.]+) % of all covered/.exec(await teamSummary(page));
  if (!match) throw new Error(`no covered share in: ${await teamSummary(page)}`);
  return Number(match[1]);
}

/** Types a number of FTE into the planner and leaves the field, as a user would. */
async function setAvailableFte(page: Page, fte: number): Promise<void> {
  const input = page.getByRole('spinbutton', { name: FTE_INPUT });
  await input.fill(String(fte));
  await input.press('Tab');
  await pollUntil(() => input.inputValue(), (v) => v === String(fte));
}

/** Waits until the team list shows `count` teams (0: the "No teams proposed." row) and returns them. */
async function teamsShown(page: Page, count: number): Promise<TeamRow[]> {
  return pollUntil(() => teamRows(page), (rows) => rows.length === count);
}

/** The ranked table's column index of a header, counted from 0 over all header cells; sort arrows ignored. */
async function columnIndex(page: Page, header: string): Promise<number> {
  const headers = await page
    .locator('table.ranked thead th')
    .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/[▲▼]/g, '').trim()));
  return headers.indexOf(header);
}

/** The text of one ranked-table column for every body row, by header. */
async function tableColumn(page: Page, header: string): Promise<string[]> {
  const column = await columnIndex(page, header);
  if (column < 0) throw new Error(`no column ${header} in the ranked table`);
  return page
    .locator('tbody tr[data-code]')
    .evaluateAll((rows, column) => rows.map((r) => r.querySelectorAll('td, th')[column]?.textContent?.trim() ?? ''), column);
}

function tableCodes(page: Page): Promise<string[]> {
  return page.locator('tbody tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
}

function rowCount(page: Page): Promise<number> {
  return page.locator('tbody tr[data-code]').count();
}

/** The features of the map's `teams` source, through GeoJSONSource.getData() (public in maplibre-gl 6). */
function teamFeatures(page: Page): Promise<{ name: string; type: string }[]> {
  return page.evaluate(async () => {
    const source = (window as unknown as ChwWindow).__chw.map.getSource('teams') as GeoJSONSource | undefined;
    if (!source) return [];
    const data = (await source.getData()) as FeatureCollection;
    return data.features.map((f) => ({ name: String(f.properties?.name ?? ''), type: f.geometry.type }));
  });
}

/** How many wards have each `ring` feature-state on the `wards` source: [none, 1, 2]. */
function ringCounts(page: Page): Promise<[number, number, number]> {
  return page.evaluate((n) => {
    const { map } = (window as unknown as ChwWindow).__chw;
    const counts: [number, number, number] = [0, 0, 0];
    for (let id = 0; id < n; id++) {
      const ring = map.getFeatureState({ source: 'wards', id }).ring;
      counts[ring === 1 ? 1 : ring === 2 ? 2 : 0]++;
    }
    return counts;
  }, WARD_COUNT);
}

function rankOf(page: Page, code: string): Promise<number | null | undefined> {
  return page.evaluate(
    (code) => (window as unknown as ChwWindow).__chw.getState().ranking.find((r) => r.code === code)?.rank,
    code,
  );
}

/** Every value IndexedDB holds in the app's field-input store (chw-planner / workability). */
function storedFieldInputs(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('chw-planner');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('workability')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('workability', 'readonly').objectStore('workability').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Clicks "Export CSV" and returns the downloaded text. */
async function exportCsv(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  return (await readFile(await download.path())).toString('utf8');
}

/** A CSV text's lines without the leading `#` comment lines. */
function withoutComments(text: string): string {
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].startsWith('#')) first++;
  return lines.slice(first).join('\n');
}

describe.skipIf(skipReason !== null)('chw-planner deployment planner in Chromium', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await waitForMapIdle(page);
  });

  afterAll(async () => {
    if (!app) return;
    await page.screenshot({ path: outputPath('planner-app.png'), fullPage: true }).catch(() => undefined);
    await app.close();
  });

  it('the Plan tab proposes floor(6 FTE / 2) = 3 teams within capacity, on the map and in the ranked table', async () => {
    expect(await rowCount(page)).toBe(WARD_COUNT);
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect(page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('spinbutton', { name: FTE_INPUT }).inputValue()).resolves.toBe('6');
    await expect(page.getByRole('spinbutton', { name: 'Team size (FTE)' }).inputValue()).resolves.toBe('2');

    const teams = await teamsShown(page, 3);
    expect(teams.map((t) => t.id)).toEqual(['1', '2', '3']);
    for (const team of teams) {
      expect(team.wards.length).toBeGreaterThan(0);
      expect(team.capacity).toBe(2 * 400);
      // Only a base ward with more work than a team can do stays alone over capacity.
      if (team.wards.length > 1) expect(team.workload).toBeLessThanOrEqual(team.capacity);
    }
    expect(await teamSummary(page)).not.toContain('not assigned');

    const features = await pollUntil(() => teamFeatures(page), (f) => f.length === 3);
    expect(features.map((f) => f.name)).toEqual(['Team 1', 'Team 2', 'Team 3']);
    expect(features.every((f) => f.type === 'Polygon' || f.type === 'MultiPolygon')).toBe(true);

    const teamColumn = await tableColumn(page, 'Team');
    expect(teamColumn).toHaveLength(WARD_COUNT);
    const assigned = teamColumn.filter((t) => t !== '–' && t !== '');
    expect(assigned.length).toBe(teams.reduce((sum, t) => sum + t.wards.length, 0));
    // Each team's size in the ranked table is its number of ward chips in the team list.
    for (const team of teams) expect(assigned.filter((t) => t === team.id).length).toBe(team.wards.length);

    await waitForMapIdle(page);
    await page.locator('[data-testid="map"]').screenshot({ path: outputPath('planner-map-teams.png') });
    // The side panel scrolls: a viewport shot shows the planner, the curve, the teams on the map and the Team column.
    await page.screenshot({ path: outputPath('planner-plan-tab.png') });
  });

  it('each proposed team shows at most two themes for its wards as a group, the evidence a mean over its wards', async () => {
    const catalogue = JSON.parse(await readFile(`${repoRoot}data/themes.json`, 'utf8')) as { label: { en: string } }[];
    const labels = new Set(catalogue.map((t) => t.label.en));
    await teamsShown(page, 3);
    const rows = page.getByRole('table', { name: 'Proposed teams' }).locator('tbody tr:has(th)');
    const shown = await rows.evaluateAll((rows) =>
      rows.map((row) => ({
        wards: row.querySelectorAll('.team-wards li').length,
        themes: [...row.querySelectorAll('details.team-theme')].map((d) => ({
          label: d.querySelector('summary')?.textContent?.trim() ?? '',
          title: d.getAttribute('title') ?? '',
          evidence: [...d.querySelectorAll('.evidence li')].map((li) => li.textContent?.trim() ?? ''),
        })),
      })),
    );
    expect(shown).toHaveLength(3);
    expect(shown.some((t) => t.themes.length > 0)).toBe(true);
    for (const team of shown) {
      expect(team.themes.length).toBeLessThanOrEqual(2);
      for (const theme of team.themes) {
        expect(labels.has(theme.label), theme.label).toBe(true);
        expect(theme.title).toBe(theme.evidence.join('; '));
        // A team of n wards: every number is the mean over its n wards (or the k of them with a value).
        const over = new RegExp(`\\(mean of (\\d+ of )?${team.wards} wards\\)`);
        for (const e of theme.evidence) {
          // The demo has no municipalities: the reference is the whole city.
          expect(e).toMatch(/ vs city median \S/);
          if (team.wards > 1) expect(e).toMatch(over);
          else expect(e).not.toContain('mean of');
        }
      }
    }
    const first = rows.locator('details.team-theme').first();
    const label = shown.flatMap((t) => t.themes)[0].label;
    await expect(first.locator('summary').innerText()).resolves.toBe(label);
    await first.locator('summary').click();
    await expect(first.locator('.evidence li').first().isVisible()).resolves.toBe(true);
    await first.locator('summary').click();
  });

  it('CHWs available to deploy: 10 FTE gives 5 teams, 1 FTE gives none and says 1 FTE is not assigned', async () => {
    const curve = page.getByRole('tabpanel', { name: 'Plan' }).getByRole('img');
    await expect(curve.getAttribute('aria-label')).resolves.toMatch(/^Coverage rises from \d+ % to \d+ % between 0 and \d+ FTE; (the knee is at [\d.]+ FTE|there is no clear knee)$/);

    await setAvailableFte(page, 10);
    const five = await teamsShown(page, 5);
    expect(five.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5']);
    expect((await pollUntil(() => teamFeatures(page), (f) => f.length === 5)).length).toBe(5);
    await expect(curve.getAttribute('aria-label')).resolves.toMatch(/knee/);

    await setAvailableFte(page, 1);
    expect(await teamsShown(page, 0)).toEqual([]);
    await expect(page.getByRole('table', { name: 'Proposed teams' }).getByText('No teams proposed.').isVisible()).resolves.toBe(true);
    await expect(teamSummary(page)).resolves.toContain('1 FTE not assigned: less than a team of 2');
    expect(await pollUntil(() => teamFeatures(page), (f) => f.length === 0)).toEqual([]);
    const teamColumn = await tableColumn(page, 'Team');
    expect(teamColumn.every((t) => t === '–')).toBe(true);
    await page.locator('.team-list').scrollIntoViewIfNeeded();
    await page.locator('.side').screenshot({ path: outputPath('planner-one-fte.png') });

    await setAvailableFte(page, 6);
    await teamsShown(page, 3);
  });

  it('the covered share in the team list never falls as FTE grow (10 FTE covers at least what 6 FTE do)', async () => {
    const shares = new Map<number, number>();
    for (const fte of [0, 2, 4, 6, 8, 10, 12]) {
      await setAvailableFte(page, fte);
      await teamsShown(page, Math.floor(fte / 2));
      shares.set(fte, await coveredShare(page));
    }
    const values = [...shares.values()];
    expect(values[0]).toBe(0);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    expect(shares.get(10)).toBeGreaterThanOrEqual(shares.get(6) as number);
    expect(shares.get(12)).toBeGreaterThan(0);
    expect(shares.get(12)).toBeLessThanOrEqual(100);

    await setAvailableFte(page, 6);
    await teamsShown(page, 3);
  });

  it('"Leave out current CHW areas" keeps the CHW-badged wards out of every team; unticked the plan stays valid', async () => {
    const box = page.getByRole('checkbox', { name: 'Leave out current CHW areas' });
    expect(await box.isChecked()).toBe(true);

    const current = async () => {
      const teamColumn = await columnIndex(page, 'Team');
      return page.locator('tbody tr[data-code]').evaluateAll(
        (rows, teamColumn) =>
          rows
            .filter((r) => r.querySelectorAll('td')[2]?.querySelector('.badge')?.textContent?.trim() === 'CHW')
            .map((r) => ({ code: r.getAttribute('data-code'), team: r.querySelectorAll('td')[teamColumn]?.textContent?.trim() })),
        teamColumn,
      );
    };
    const before = await current();
    expect(before).toHaveLength(15);
    expect(before.filter((w) => w.team !== '–')).toEqual([]);
    const teamsBefore = await teamRows(page);

    await box.uncheck();
    expect(await box.isChecked()).toBe(false);
    const teams = await teamsShown(page, 3);
    for (const team of teams) if (team.wards.length > 1) expect(team.workload).toBeLessThanOrEqual(team.capacity);
    const assigned = (await tableColumn(page, 'Team')).filter((t) => t !== '–');
    expect(assigned.length).toBe(teams.reduce((sum, t) => sum + t.wards.length, 0));
    const withCurrent = (await current()).filter((w) => w.team !== '–').length;
    console.info(`planner: with current areas allowed, ${withCurrent} CHW wards join a team; plan changed: ${JSON.stringify(teams) !== JSON.stringify(teamsBefore)}`);

    await box.check();
    expect(await teamRows(page)).toEqual(teamsBefore);
  });

  it('expansion lists only ring 1, then rings 1 and 2 candidates with their ring, distance and bordering team', async () => {
    const expansion = page.getByLabel('Expansion');
    await expansion.selectOption({ label: 'Ring 1 (bordering current areas)' });
    const [, ring1] = await pollUntil(() => ringCounts(page), ([, one]) => one > 0);
    expect(ring1).toBeGreaterThan(0);
    expect(await pollUntil(() => rowCount(page), (n) => n === ring1)).toBe(ring1);
    expect(await tableColumn(page, 'Ring')).toEqual(new Array(ring1).fill('1'));
    const distances = await tableColumn(page, 'Distance (km)');
    expect(distances.every((d) => /^\d+\.\d{2}$/.test(d))).toBe(true);
    const borders = await tableColumn(page, 'Borders');
    expect(borders.filter((b) => !CURRENT_TEAMS.includes(b))).toEqual([]);
    expect(await tableColumn(page, 'Rank')).toEqual(Array.from({ length: ring1 }, (_, i) => String(i + 1)));
    await waitForMapIdle(page);
    await page.locator('[data-testid="map"]').screenshot({ path: outputPath('planner-map-ring1.png') });

    await expansion.selectOption({ label: 'Rings 1 and 2' });
    const [, one, two] = await pollUntil(() => ringCounts(page), ([, , two]) => two > 0);
    expect(one).toBe(ring1);
    expect(await pollUntil(() => rowCount(page), (n) => n === one + two)).toBe(one + two);
    expect(one + two).toBeGreaterThan(ring1);
    const rings = await tableColumn(page, 'Ring');
    expect(rings.filter((r) => r !== '1' && r !== '2')).toEqual([]);
    expect(rings.filter((r) => r === '2')).toHaveLength(two);
    expect((await tableColumn(page, 'Borders')).filter((b) => !CURRENT_TEAMS.includes(b))).toEqual([]);
    await waitForMapIdle(page);
    await page.locator('[data-testid="map"]').screenshot({ path: outputPath('planner-map-rings.png') });

    await expansion.selectOption({ label: 'Off' });
    expect(await pollUntil(() => rowCount(page), (n) => n === WARD_COUNT)).toBe(WARD_COUNT);
    expect(await pollUntil(() => ringCounts(page), ([none]) => none === WARD_COUNT)).toEqual([WARD_COUNT, 0, 0]);
    expect(await columnIndex(page, 'Ring')).toBe(-1);
  });

  it('workability 1 saved in the Field tab unranks the ward, survives a reload (IndexedDB) and Clear ranks it again', async () => {
    await expect(page.getByRole('checkbox', { name: 'Leave out wards with workability 1' }).isChecked()).resolves.toBe(true);
    const first = page.locator('tbody tr[data-code]').first();
    const code = (await first.getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^DEMO-/);
    const rank = await rankOf(page, code);
    expect(rank).toBe(1);
    await first.click();

    await page.getByRole('tab', { name: 'Field' }).click();
    const editor = page.getByRole('region', { name: 'Workability' });
    await editor.getByRole('radio', { name: /not workable \(excluded\)/ }).check();
    await editor.getByRole('button', { name: 'Save' }).click();
    expect(await pollUntil(() => rankOf(page, code), (r) => r === null)).toBeNull();
    await expect(editor.locator('.status').innerText()).resolves.toBe('Saved');
    expect(await tableCodes(page)).toContain(code);
    expect((await tableCodes(page))[0]).not.toBe(code);
    const stored = await pollUntil(() => storedFieldInputs(page), (values) => JSON.stringify(values).includes(code));
    expect(JSON.stringify(stored)).toContain(code);
    await editor.scrollIntoViewIfNeeded();
    await page.locator('.side').screenshot({ path: outputPath('planner-field-tab.png') });

    await page.reload();
    await waitForMapIdle(page);
    expect(await pollUntil(() => rankOf(page, code), (r) => r === null)).toBeNull();
    await page.locator(`tbody tr[data-code="${code}"]`).click();
    await page.getByRole('tab', { name: 'Field' }).click();
    const reloaded = page.getByRole('region', { name: 'Workability' });
    await expect(reloaded.getByRole('radio', { name: /not workable \(excluded\)/ }).isChecked()).resolves.toBe(true);

    await reloaded.getByRole('button', { name: 'Clear' }).click();
    expect(await pollUntil(() => rankOf(page, code), (r) => r !== null)).toBe(rank);
    expect(await pollUntil(() => storedFieldInputs(page), (values) => !JSON.stringify(values).includes(code))).not.toContain(code);
    await expect(reloaded.getByRole('radio', { name: /not workable \(excluded\)/ }).isChecked()).resolves.toBe(false);
  });

  it('Export CSV with expansion on writes the planner columns, and its team column agrees with the table', async () => {
    await page.getByRole('tab', { name: 'Plan' }).click();
    await teamsShown(page, 3);
    await page.getByLabel('Expansion').selectOption({ label: 'Ring 1 (bordering current areas)' });
    await pollUntil(() => columnIndex(page, 'Ring'), (i) => i >= 0);
    await page.getByRole('combobox', { name: 'CSV format' }).selectOption('csv');

    const parsed = Papa.parse<string[]>(withoutComments(await exportCsv(page)), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    for (const column of ['workload_interventions', 'workload_fte', 'team', 'team_base', 'expansion_ring', 'distance_km', 'borders_team']) {
      expect(header).toContain(column);
    }
    expect(rows).toHaveLength(WARD_COUNT);
    const at = (name: string) => header.indexOf(name);
    const byCode = new Map(rows.map((r) => [r[at('code')], r]));

    const codes = await tableCodes(page);
    const teams = await tableColumn(page, 'Team');
    const ringCells = await tableColumn(page, 'Ring');
    const bordersCells = await tableColumn(page, 'Borders');
    expect(codes.length).toBeGreaterThanOrEqual(10);
    const first10 = codes.slice(0, 10).map((code, i) => {
      const row = byCode.get(code) as string[];
      return { code, table: teams[i], file: row[at('team')] === '' ? '–' : row[at('team')] };
    });
    expect(first10.filter((r) => r.table !== r.file)).toEqual([]);
    console.info(`planner: ${first10.filter((r) => r.table !== '–').length} of the first 10 ring-1 candidates are in a proposed team`);
    const mismatches = codes.flatMap((code, i) => {
      const row = byCode.get(code) as string[];
      const file = (name: string) => (row[at(name)] === '' ? '–' : row[at(name)]);
      return file('team') === teams[i] && file('expansion_ring') === ringCells[i] && file('borders_team') === bordersCells[i] ? [] : [code];
    });
    expect(mismatches).toEqual([]);

    const assigned = rows.filter((r) => r[at('team')] !== '');
    expect(assigned.length).toBe((await teamRows(page)).reduce((sum, t) => sum + t.wards.length, 0));
    expect(assigned.every((r) => /^DEMO-/.test(r[at('team_base')]))).toBe(true);
    expect(rows.filter((r) => r[at('workload_interventions')] !== '' && Number.isNaN(Number(r[at('workload_interventions')])))).toEqual([]);

    await page.getByLabel('Expansion').selectOption({ label: 'Off' });
  });

  it('the whole session logs no console or page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
