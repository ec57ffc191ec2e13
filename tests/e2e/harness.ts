/**
 * Browser test harness: serves the built app (`dist/`) with Vite's preview server and
 * drives Debian's Chromium through playwright-core (which never downloads a browser).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const outputDir = join(repoRoot, 'test-output');
export const chromiumPath = CHROMIUM_PATH;
const chromiumArgs = CHROMIUM_ARGS;

export interface App {
  page: Page;
  browser: Browser;
  /** The app's URL, ending in '/'. */
  url: string;
  /** Console errors and uncaught page errors, in the order they happened. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * Why the browser suite cannot run here, or null when it can. Without Chromium a local
 * run skips the suite; under CI a missing browser is a failure, never a silent skip.
 */
export function browserSkipReason(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `${chromiumPath} not found (install Debian's chromium package)`;
  if (process.env.CI) throw new Error(`e2e: ${reason}; CI must run the browser tests`);
  return reason;
}

/** Serves dist/ on a free loopback port and opens it in a fresh 1400×900 Chromium page. */
export async function startApp(): Promise<App> {
  if (!existsSync(join(repoRoot, 'dist', 'index.html'))) {
    throw new Error('e2e: dist/index.html is missing: run npm run build first');
  }
  mkdirSync(outputDir, { recursive: true });

  const server = await preview({
    root: repoRoot,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  const url = server.resolvedUrls?.local[0] ?? (address ? `http://127.0.0.1:${address.port}/` : null);
  if (!url) {
    await server.close();
    throw new Error('e2e: the preview server is not listening');
  }

  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  } catch (error) {
    await server.close();
    throw error;
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();

  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    errors.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(url);

  return {
    page,
    browser,
    url,
    errors,
    requests,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the map has drawn the wards and gone idle. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 60_000 });
}

/** Stores the interface language as the switcher does, reloads the page and waits for the map. */
export async function reloadInLanguage(page: Page, language: 'nl' | 'fr' | 'en'): Promise<void> {
  await page.evaluate((chosen) => window.localStorage.setItem('chw-planner:language', chosen), language);
  await page.reload();
  await waitForMapIdle(page);
}

/** Where a screenshot called `name` is written. */
export function outputPath(name: string): string {
  return join(outputDir, name);
}

/**
 * Counts the colours that each cover at least `minShare` of a PNG's pixels, decoding it in
 * the page itself so the tests need no image library.
 */
export async function countMajorColours(page: Page, png: Buffer, minShare = 0.002): Promise<number> {
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  return page.evaluate(
    async ({ dataUrl, minShare }) => {
      const blob = await (await fetch(dataUrl)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < pixels.length; i += 4) {
        // Quantise to 5 bits per channel so anti-aliasing does not count as colours.
        const key = ((pixels[i] >> 3) << 10) | ((pixels[i + 1] >> 3) << 5) | (pixels[i + 2] >> 3);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const total = pixels.length / 4;
      return [...counts.values()].filter((n) => n / total >= minShare).length;
    },
    { dataUrl, minShare },
  );
}

/**
 * Starts the app (map idle) before a describe block's tests and closes it after them. The returned
 * object reads through to the running app, so tests write `app.page` as with startApp.
 */
export function appForSuite(): App {
  let app: App | null = null;
  beforeAll(async () => {
    app = await startApp();
    await waitForMapIdle(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });
  const current = (): App => {
    if (!app) throw new Error('e2e: the app has not started (use appForSuite inside describe)');
    return app;
  };
  return {
    get page() {
      return current().page;
    },
    get browser() {
      return current().browser;
    },
    get url() {
      return current().url;
    },
    get errors() {
      return current().errors;
    },
    get requests() {
      return current().requests;
    },
    close: () => current().close(),
  };
}
