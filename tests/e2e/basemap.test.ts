import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { appForSuite, browserSkipReason, outputPath, waitForMapIdle } from './harness';

const skipReason = browserSkipReason();

/** The tiles' colour: an orange that no palette of the app uses. */
const TILE_RGB = [232, 118, 20] as const;

/** A 256×256 PNG of one colour, written with node:zlib alone. */
function solidPng([r, g, b]: readonly number[]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 256 }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: 256 }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

type ChwWindow = { __chw: { map: { getZoom(): number; getCenter(): { lng: number; lat: number }; jumpTo(o: { center: [number, number]; zoom: number }): void; once(e: 'idle', f: () => void): void; triggerRepaint(): void } } };

describe.skipIf(skipReason !== null)('the optional basemap in Chromium', () => {
  const app = appForSuite();
  let tiles: Server;
  let tileOrigin = '';
  const served: string[] = [];

  beforeAll(async () => {
    const png = solidPng(TILE_RGB);
    tiles = createServer((request, response) => {
      served.push(request.url ?? '');
      response.writeHead(/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '') ? 200 : 404, {
        'content-type': 'image/png',
        'access-control-allow-origin': '*',
      });
      response.end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    tileOrigin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => tiles?.close(resolve));
  });

  const policies = () => app.page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute('content') ?? ''));
  const attribution = () => app.page.locator('.maplibregl-ctrl-attrib-inner').textContent();
  const tileShare = async () => {
    const png = await app.page.locator('[data-testid="map"]').screenshot();
    return app.page.evaluate(
      async ({ data, rgb }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let hits = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (Math.abs(pixels[i] - rgb[0]) + Math.abs(pixels[i + 1] - rgb[1]) + Math.abs(pixels[i + 2] - rgb[2]) <= 12) hits++;
        }
        return hits / (pixels.length / 4);
      },
      { data: png.toString('base64'), rgb: [...TILE_RGB] },
    );
  };

  it('is off by default: the policy is the strict one, nothing goes to the tile server and the map carries the data attribution', async () => {
    expect(await policies()).toEqual([expect.not.stringContaining(tileOrigin)]);
    expect(await attribution()).toBe('Synthetic demo data (chw-planner)');
    expect(await app.page.locator('.basemap-settings summary').textContent()).toBe('Basemap: off');
    expect(served).toEqual([]);
  });

  it('a bad URL is refused in words and nothing is stored', async () => {
    const { page } = app;
    await page.locator('.basemap-settings summary').click();
    const form = page.getByRole('form', { name: 'Basemap' });
    await form.getByLabel('Tile URL template or MapLibre style URL').fill('http://tiles.example.org/{z}/{x}/{y}.png');
    await form.getByRole('button', { name: 'Enable basemap' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('use an https:// URL');
    expect(await page.evaluate(() => localStorage.getItem('chw-planner:basemap:v1'))).toBeNull();
  });

  it('enabled with a tile URL, the page reloads with that one origin allowed, and the tiles are fetched and drawn under the wards', async () => {
    const { page } = app;
    const form = page.getByRole('form', { name: 'Basemap' });
    const template = `${tileOrigin}/tiles/{z}/{x}/{y}.png`;
    await form.getByLabel('Tile URL template or MapLibre style URL').fill(template);
    await form.getByLabel('Attribution').fill('© Test tiles');
    expect(await form.locator('.basemap-notice').textContent()).toContain(`This sends requests to ${new URL(tileOrigin).host}; your data stays in the browser.`);
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Enable basemap' }).click()]);
    await waitForMapIdle(page);

    const [policy, ...more] = await policies();
    expect(more).toEqual([]);
    expect(policy).toContain(`img-src 'self' data: blob: ${tileOrigin};`);
    expect(policy).toContain(`connect-src 'self' data: blob: ${tileOrigin};`);
    expect(policy.split(tileOrigin)).toHaveLength(3);
    await expect.poll(() => served.filter((u) => u.startsWith('/tiles/')).length).toBeGreaterThan(0);
    expect(app.requests.some((u) => u.startsWith(`${tileOrigin}/tiles/`))).toBe(true);
    // MapLibre lists the shorter text first.
    await expect.poll(attribution).toBe('© Test tiles | Synthetic demo data (chw-planner)');
    expect(await page.locator('.basemap-settings summary').textContent()).toBe(`Basemap: ${new URL(tileOrigin).host}`);

    // Zoomed out, the tiles' orange fills the map around the city, and tints the wards through their lighter fill.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const { map } = (window as unknown as ChwWindow).__chw;
          const { lng, lat } = map.getCenter();
          map.once('idle', () => resolve());
          map.jumpTo({ center: [lng, lat], zoom: map.getZoom() - 1 });
          map.triggerRepaint();
        }),
    );
    await expect.poll(tileShare).toBeGreaterThan(0.05);
    await page.locator('[data-testid="map"]').screenshot({ path: outputPath('map-basemap.png') });
    expect(served.every((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);

    // Only that origin: another one is still refused.
    const other = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI));
      const result = await fetch('http://127.0.0.1:9/elsewhere.png').then(() => 'fetched', () => 'refused');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { result, violations };
    });
    expect(other).toEqual({ result: 'refused', violations: ['http://127.0.0.1:9/elsewhere.png'] });
  });

  it('disabled, the page reloads with the strict policy and no request goes to the tile server', async () => {
    const { page } = app;
    await page.locator('.basemap-settings summary').click();
    const form = page.getByRole('form', { name: 'Basemap' });
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Disable basemap' }).click()]);
    const before = served.length;
    const requestsBefore = app.requests.length;
    await waitForMapIdle(page);
    expect(await policies()).toEqual([expect.not.stringContaining(tileOrigin)]);
    expect(await attribution()).toBe('Synthetic demo data (chw-planner)');
    await page.waitForTimeout(500);
    expect(served.length).toBe(before);
    expect(app.requests.slice(requestsBefore).filter((u) => u.startsWith(tileOrigin))).toEqual([]);
    // The URL stays for the next time.
    await page.locator('.basemap-settings summary').click();
    expect(await page.getByLabel('Tile URL template or MapLibre style URL').inputValue()).toBe(`${tileOrigin}/tiles/{z}/{x}/{y}.png`);
  });

  it('a stored basemap is not reached when the page loads without its policy script: the app writes the strict policy itself', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(app.url);
      await page.evaluate((url) => localStorage.setItem('chw-planner:basemap:v1', JSON.stringify({ url, attribution: '', enabled: true })), `${tileOrigin}/tiles/{z}/{x}/{y}.png`);
      await page.route(/\/assets\/csp-[0-9a-f]+\.js$/, (route) => route.abort());
      const before = served.length;
      await page.reload();
      await waitForMapIdle(page);
      const written = await page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute('content') ?? ''));
      expect(written).toHaveLength(1);
      expect(written[0]).toContain("connect-src 'self' data: blob:;");
      expect(written[0]).not.toContain(tileOrigin);
      expect(served.length).toBe(before);
      expect(await page.locator('.basemap-settings summary').textContent()).toBe('Basemap: off');
    } finally {
      await context.close();
    }
  });
});
