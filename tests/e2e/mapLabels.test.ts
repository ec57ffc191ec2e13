import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, repoRoot } from './harness';

const skipReason = browserSkipReason();

interface LabelMap {
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
  queryRenderedFeatures(options: { layers: string[] }): { id: number; properties: { name: string; z: number } }[];
  querySourceFeatures(source: string): { id: number; properties: { name: string; z: number } }[];
  getLayoutProperty(layer: string, name: 'visibility'): string | undefined;
  getStyle(): { glyphs?: string };
  getFontFaces(): Record<string, { url: string }[]> | null;
}
type ChwWindow = { __chw: { map: LabelMap } };

/** The demo's ward names, as the map should show them. */
const DEMO_NAMES = new Set(
  (JSON.parse(readFileSync(join(repoRoot, 'data/demo/wards.geojson'), 'utf8')) as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name),
);

describe.skipIf(skipReason !== null)('ward names on the map in Chromium', () => {
  const app = appForSuite();

  /** Moves the map by `zoomBy` around the city's centre and waits until it has drawn everything. */
  const zoomTo = (zoomBy: number) =>
    app.page.evaluate(
      (by) =>
        new Promise<void>((resolve) => {
          const { map } = (window as unknown as ChwWindow).__chw;
          const { lng, lat } = map.getCenter();
          map.once('idle', () => resolve());
          map.jumpTo({ center: [lng, lat], zoom: map.getZoom() + by });
          map.triggerRepaint();
        }),
      zoomBy,
    );
  const rendered = () => app.page.evaluate(() => (window as unknown as ChwWindow).__chw.map.queryRenderedFeatures({ layers: ['ward-labels'] }).map((f) => f.properties.name));

  it('zoomed into the demo city, ward names are drawn from the bundled Noto Sans: no glyph server, no request off the origin', async () => {
    const { page, requests, url } = app;
    await zoomTo(1.5);
    await expect.poll(async () => (await rendered()).length).toBeGreaterThan(10);
    const names = await rendered();
    expect(names.filter((n) => !DEMO_NAMES.has(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    await page.locator('[data-testid="map"]').screenshot({ path: outputPath('map-labels.png') });

    const style = await page.evaluate(() => {
      const { map } = (window as unknown as ChwWindow).__chw;
      return { glyphs: map.getStyle().glyphs ?? null, faces: map.getFontFaces() };
    });
    expect(style.glyphs).toBeNull();
    expect(Object.keys(style.faces ?? {})).toEqual(['Noto Sans Regular']);
    // MapLibre fetched the Latin file of the font from the app itself and registered it before drawing.
    const origin = new URL(url).origin;
    const fonts = requests.filter((u) => /\.woff2?(\?|$)/.test(u));
    expect(fonts.some((u) => /noto-sans-latin-400-normal-[\w-]+\.woff2$/.test(u))).toBe(true);
    expect(fonts.every((u) => new URL(u).origin === origin)).toBe(true);
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('maplibre-gl-font-face')).map((f) => f.status));
    expect(faces).toContain('loaded');
    const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    expect(foreign).toEqual([]);
    expect(requests.filter((u) => /glyph|\.pbf/i.test(u))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('names that would overlap are hidden, the bigger ward keeping its name', async () => {
    const { page } = app;
    const counts = await page.evaluate(() => {
      const { map } = (window as unknown as ChwWindow).__chw;
      const zoom = Math.floor(map.getZoom());
      const candidates = new Set(map.querySourceFeatures('ward-labels').filter((f) => f.properties.z <= zoom).map((f) => f.id));
      const shown = map.queryRenderedFeatures({ layers: ['ward-labels'] });
      return { candidates: candidates.size, shown: shown.length };
    });
    expect(counts.shown).toBeGreaterThan(0);
    expect(counts.shown).toBeLessThan(counts.candidates);
    // Zoomed in further, more of them fit.
    await zoomTo(1);
    await expect.poll(async () => (await rendered()).length).toBeGreaterThan(counts.shown / 2);
  });

  it('the Ward names box hides and shows them', async () => {
    const { page } = app;
    const box = page.getByRole('checkbox', { name: 'Ward names' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(() => page.evaluate(() => (window as unknown as ChwWindow).__chw.map.getLayoutProperty('ward-labels', 'visibility'))).toBe('none');
    await box.check();
    await expect.poll(() => page.evaluate(() => (window as unknown as ChwWindow).__chw.map.getLayoutProperty('ward-labels', 'visibility'))).toBe('visible');
    await expect.poll(async () => (await rendered()).length).toBeGreaterThan(5);
  });
});
