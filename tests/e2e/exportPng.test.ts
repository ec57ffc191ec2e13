import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { PngLayout } from '../../src/map/pngLayout';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

type Rgb = [number, number, number];
interface ExportWindow {
  __chw: {
    map: {
      getCanvas(): HTMLCanvasElement;
      getPaintProperty(layer: string, name: string): unknown;
    };
    lastMapPng?: { layout: PngLayout; pixelRatio: number };
  };
}

/** What the test reads from the decoded PNG, computed in the page (no image library in Node). */
interface Reading {
  width: number;
  height: number;
  /** Share of the map area's pixels close to each expected map colour. */
  mapShares: number[];
  /** The pixel at the centre of each fill swatch. */
  swatchCentres: (Rgb | null)[];
  /** Dark and light pixels inside each hatch swatch. */
  hatch: { dark: number; light: number; total: number }[];
  /** Share of non-background pixels in each text line's box. */
  inked: number[];
}

const rgbOf = (css: string): Rgb => {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  throw new Error(`invalid colour: ${css}`);
};

describe.skipIf(skipReason !== null)('Export map (PNG) in Chromium', () => {
  const app = appForSuite();

  it('Export map (PNG) saves the map with its title, legend, weights and attribution around it, the legend drawn as the app colours the map', async () => {
    const { page } = app;
    // Flags add the hatch-pattern entries to the legend and the map.
    await page.getByRole('checkbox', { name: 'Flags' }).check();
    await waitForMapIdle(page);

    const screen = await page.evaluate(() => {
      const { map } = (window as unknown as ExportWindow).__chw;
      const canvas = map.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      const items = [...document.querySelectorAll('figure.legend li')];
      return {
        canvas: { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight },
        preserveDrawingBuffer: gl?.getContextAttributes()?.preserveDrawingBuffer ?? null,
        fillOpacity: map.getPaintProperty('wards-fill', 'fill-opacity'),
        background: map.getPaintProperty('background', 'background-color'),
        legend: items.map((li) => {
          const swatch = li.querySelector<HTMLElement>('.swatch[style]');
          return { label: (li.textContent ?? '').trim(), colour: swatch ? getComputedStyle(swatch).backgroundColor : null };
        }),
      };
    });
    // The capture must work without the map keeping its drawing buffer, which slows every frame.
    expect(screen.preserveDrawingBuffer).toBe(false);

    const button = page.getByRole('button', { name: 'Export map (PNG)' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^chw-map-\d{4}-\d{2}-\d{2}\.png$/);
    const png = await readFile(await download.path());
    await writeFile(outputPath('map-export.png'), png);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    const exported = await page.evaluate(() => (window as unknown as ExportWindow).__chw.lastMapPng ?? null);
    expect(exported).not.toBeNull();
    const { layout, pixelRatio } = exported!;

    // The legend in the image is the legend on screen, entry for entry.
    expect(layout.swatches.map((s) => s.label)).toEqual(screen.legend.map((l) => l.label));
    expect(layout.swatches.filter((s) => s.swatch.kind === 'hatch').map((s) => s.swatch)).toEqual([
      { kind: 'hatch', cross: false },
      { kind: 'hatch', cross: true },
    ]);
    // The map's classes: the legend's fill swatches before "No data" (grey), most need first.
    const noData = screen.legend.findIndex((l) => l.colour === 'rgb(212, 212, 212)');
    const classColours = screen.legend.slice(0, noData).map((l) => rgbOf(l.colour!));
    expect(classColours.length).toBeGreaterThanOrEqual(3);
    // On the map a class colour is seen through the fill's opacity over the background.
    const opacity = Number(screen.fillOpacity);
    const background = rgbOf(String(screen.background));
    const onMap = classColours.map((c) => c.map((v, i) => Math.round(opacity * v + (1 - opacity) * background[i])) as Rgb);

    const reading: Reading = await page.evaluate(
      async ({ base64, layout, ratio, onMap }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
        const at = (x: number, y: number): [number, number, number] => {
          const o = (Math.floor(y * ratio) * bitmap.width + Math.floor(x * ratio)) * 4;
          return [data[o], data[o + 1], data[o + 2]];
        };
        const pixels = (r: { x: number; y: number; width: number; height: number }) => {
          const out: [number, number, number][] = [];
          for (let y = Math.ceil(r.y * ratio); y < Math.floor((r.y + r.height) * ratio); y++) {
            for (let x = Math.ceil(r.x * ratio); x < Math.floor((r.x + r.width) * ratio); x++) {
              const o = (y * bitmap.width + x) * 4;
              out.push([data[o], data[o + 1], data[o + 2]]);
            }
          }
          return out;
        };
        const near = (a: number[], b: number[], tolerance: number) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
        const mapPixels = pixels(layout.map);
        return {
          width: bitmap.width,
          height: bitmap.height,
          mapShares: onMap.map((c) => mapPixels.filter((p) => near(p, c, 6)).length / mapPixels.length),
          swatchCentres: layout.swatches.map((s) => (s.swatch.kind === 'fill' ? at(s.x + s.width / 2, s.y + s.height / 2) : null)),
          hatch: layout.swatches
            .filter((s) => s.swatch.kind === 'hatch')
            .map((s) => {
              const inner = pixels({ x: s.x + 1, y: s.y + 1, width: s.width - 2, height: s.height - 2 });
              return {
                dark: inner.filter((p) => p.every((v) => v < 90)).length,
                light: inner.filter((p) => p.every((v) => v > 220)).length,
                total: inner.length,
              };
            }),
          inked: layout.texts.map((t) => {
            const box = pixels(t);
            return box.filter((p) => !near(p, [255, 255, 255], 30)).length / Math.max(1, box.length);
          }),
        };
      },
      { base64: png.toString('base64'), layout, ratio: pixelRatio, onMap },
    );

    // Larger than the map by the title, the side panel and the attribution.
    expect(reading.width).toBe(Math.round(layout.width * pixelRatio));
    expect(reading.height).toBe(Math.round(layout.height * pixelRatio));
    expect(layout.map.width).toBe(screen.canvas.cssWidth);
    expect(layout.map.height).toBe(screen.canvas.cssHeight);
    expect(layout.panel.placement).toBe('side');
    expect(reading.width).toBeGreaterThanOrEqual(screen.canvas.width + layout.panel.width * pixelRatio);
    expect(reading.height).toBeGreaterThan(screen.canvas.height + 60 * pixelRatio);

    // The map is not blank: at least three of the legend's classes cover 1 % of the map area or more.
    expect(reading.mapShares.filter((share) => share >= 0.01).length, `class shares ${reading.mapShares.map((s) => s.toFixed(3))}`).toBeGreaterThanOrEqual(3);

    // Each fill swatch has its legend colour where the layout put it.
    const fills = layout.swatches.map((s, i) => ({ s, centre: reading.swatchCentres[i] })).filter(({ s }) => s.swatch.kind === 'fill');
    expect(fills.length).toBeGreaterThanOrEqual(classColours.length + 1);
    for (const { s, centre } of fills) {
      const expected = rgbOf((s.swatch as { colour: string }).colour);
      centre!.forEach((v, i) => expect(Math.abs(v - expected[i]), `${s.label}: ${centre} vs ${expected}`).toBeLessThanOrEqual(2));
    }
    for (const [i, colour] of classColours.entries()) expect(rgbOf((fills[i].s.swatch as { colour: string }).colour)).toEqual(colour);
    // Hatch swatches are drawn as hatching: dark lines on white.
    for (const h of reading.hatch) {
      expect(h.dark / h.total).toBeGreaterThan(0.05);
      expect(h.light / h.total).toBeGreaterThan(0.3);
    }
    // Every line of text left ink in its box (the words themselves are checked in tests/map/pngLayout.test.ts).
    expect(layout.texts.length).toBeGreaterThan(10);
    for (const [i, share] of reading.inked.entries()) expect(share, `text "${layout.texts[i].text}"`).toBeGreaterThan(0.02);
    expect(layout.texts.some((t) => t.style === 'title' && t.text.length > 0)).toBe(true);
    expect(layout.texts.some((t) => /^Map: chw-planner, /.test(t.text))).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
