import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

interface LayerMap {
  getLayoutProperty(layer: string, name: 'visibility'): string | undefined;
  getLayer(layer: string): { minzoom?: number } | undefined;
  getZoom(): number;
  getSource(id: string): { getData(): Promise<{ features: { id: number; properties: { kind: string } }[] }> };
}
type ChwWindow = { __chw: { map: LayerMap; getState(): { selected: number | null } } };

const OVERLAYS = ['wards-flags1', 'wards-flags2', 'wards-ring1', 'wards-ring2', 'wards-hotspot', 'wards-entered', 'wards-left', 'teams-casing', 'teams-line', 'badges'];

describe.skipIf(skipReason !== null)('the map in Chromium', () => {
  const app = appForSuite();

  const visibility = (layers: string[]) =>
    app.page.evaluate((ids) => ids.map((id) => (window as unknown as ChwWindow).__chw.map.getLayoutProperty(id, 'visibility') ?? 'visible'), layers);
  const highlight = () =>
    app.page.evaluate(async () =>
      (await (window as unknown as ChwWindow).__chw.map.getSource('highlight').getData()).features.map((f) => `${f.properties.kind} ${f.id}`),
    );

  it('MapLibre loads in a chunk of its own: the entry script does not hold it, the map still answers on window.__chw', async () => {
    const { page, requests } = app;
    const scripts = requests.filter((u) => /\/assets\/.*\.js$/.test(u));
    const entry = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '');
    expect(scripts.some((u) => /\/ChoroplethMap-[\w-]+\.js$/.test(u))).toBe(true);
    const entryText = await (await fetch(entry)).text();
    expect(entryText).not.toContain('maplibregl');
    expect(await page.evaluate(() => typeof (window as unknown as ChwWindow).__chw.map.getZoom())).toBe('number');
  });

  it('every overlay layer is hidden while its overlay is off, and the Flags box shows and hides its two layers', async () => {
    const { page } = app;
    expect(await visibility(OVERLAYS)).toEqual(OVERLAYS.map(() => 'none'));
    await page.getByRole('checkbox', { name: 'Flags' }).check();
    await waitForMapIdle(page);
    await expect.poll(() => visibility(['wards-flags1', 'wards-flags2'])).toEqual(['visible', 'visible']);
    await page.getByRole('checkbox', { name: 'Flags' }).uncheck();
    await expect.poll(() => visibility(['wards-flags1', 'wards-flags2'])).toEqual(['none', 'none']);
    expect(await visibility(OVERLAYS)).toEqual(OVERLAYS.map(() => 'none'));
  });

  it("the demo city opens at a zoom where the wards' outlines are drawn", async () => {
    const { minzoom, zoom } = await app.page.evaluate(() => {
      const { map } = (window as unknown as ChwWindow).__chw;
      return { minzoom: map.getLayer('wards-line')?.minzoom ?? 0, zoom: map.getZoom() };
    });
    expect(minzoom).toBeGreaterThan(0);
    expect(zoom).toBeGreaterThanOrEqual(minzoom);
  });

  it('hovering a ward outlines it from the highlight source; clicking selects it, drawn as the selected outline', async () => {
    const { page } = app;
    const map = page.locator('[data-testid="map"]');
    const box = (await map.boundingBox())!;
    // The map opens fitted to the city: its centre is on a ward, clear of the legend and the details panel.
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(at.x - 10, at.y - 10);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await expect.poll(highlight).toEqual([expect.stringMatching(/^hover \d+$/)]);
    await expect.poll(() => page.locator('.map-tooltip').count()).toBe(1);
    const hovered = Number((await highlight())[0].split(' ')[1]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as ChwWindow).__chw.getState().selected)).toBe(hovered);
    await expect.poll(highlight).toEqual([`selected ${hovered}`]);
    await waitForMapIdle(page);
    await map.screenshot({ path: outputPath('map-hover-selected.png') });
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    expect(app.errors).toEqual([]);
  });
});
