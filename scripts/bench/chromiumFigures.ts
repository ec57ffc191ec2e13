import { hasRememberedDataset } from '../rememberedInPage';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { preview } from 'vite';
import type { BenchData } from './sharedData';
import { BASE_WEIGHTS, CHANGED_WEIGHT, STABILITY } from './scenario';
import { figure, type Figure } from './stats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const WHERE = 'Chromium';
const WARDS = 19_478;
/** How long the map must stay idle before a wait counts as settled: later repaints count too. */
const SETTLE_MS = 750;
/** The pause between two in-page runs, after the page has run a task again: runs must not overlap. */
const PAUSE_MS = 150;

export interface ChromiumResult {
  figures: Figure[];
  version: string;
  /** Script URLs (path only) the page requested before the demo map went idle, on the first load. */
  startupScripts: string[];
  /** Console errors and page errors seen, at most 20. */
  errors: string[];
  /** Facts about the runs that the figures alone do not say. */
  notes: string[];
}

/** One entry of the page-side log the init script keeps (page clock, ms since navigation start). */
interface BenchEvent {
  name: string;
  value: string;
  t: number;
}

interface BenchWindow {
  __bench: { events: BenchEvent[] };
  __chw: { map: unknown; getState(): { wardCount: number } };
}

/**
 * Logs, on the page's clock, what the figures are timed by: the map's data-idle and
 * data-ward-count attributes, the first task the page runs after each data-idle="true", the
 * Apply button's disabled state, the file input, clicks and slider input. Installed before the
 * app's scripts on every navigation; it only observes.
 */
export function instrument(): void {
  const events: { name: string; value: string; t: number }[] = [];
  (window as unknown as { __bench: unknown }).__bench = { events };
  const log = (name: string, value: string) => events.push({ name, value, t: performance.now() });
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as HTMLElement;
      if (r.attributeName === 'disabled') {
        if (el.tagName === 'BUTTON' && el.textContent?.trim() === 'Apply') log('apply-disabled', String((el as HTMLButtonElement).disabled));
      } else if (r.attributeName) {
        const value = el.getAttribute(r.attributeName) ?? '';
        log(r.attributeName, value);
        // When the page can run a task again: on software GL the frame is still being drawn after 'idle'.
        if (r.attributeName === 'data-idle' && value === 'true') setTimeout(() => log('task-after-idle', ''), 0);
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-idle', 'data-ward-count', 'disabled'] });
  document.addEventListener(
    'change',
    (e) => {
      const input = e.target as HTMLInputElement;
      if (input.type === 'file') log('files-chosen', String(input.files?.length ?? 0));
    },
    true,
  );
  document.addEventListener('click', (e) => log('click', (e.target as HTMLElement).closest('button')?.textContent?.trim() ?? ''), true);
  document.addEventListener(
    'input',
    (e) => {
      const input = e.target as HTMLInputElement;
      if (input.type === 'range') log('slider', `${input.getAttribute('aria-label')}=${input.value}`);
    },
    true,
  );
}

/**
 * Serves the built app from `outDir` with Vite's preview server (as the e2e harness does) and
 * measures it in headless Chromium: `runs` page loads of Belgium through the Open files panel
 * (time to idle, heaps after each), then, in the last page, the weight-change recolour, the
 * feature-state vs setData comparison, rank stability through the panel and the Export button.
 */
export async function chromiumFigures(options: {
  repoRoot: string;
  outDir: string;
  data: BenchData;
  runs: number;
  log: (line: string) => void;
}): Promise<ChromiumResult> {
  const { repoRoot, outDir, data, runs, log } = options;
  const server = await preview({
    root: repoRoot,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  const url = server.resolvedUrls?.local[0] ?? (address ? `http://127.0.0.1:${address.port}/` : null);
  if (!url) {
    await server.close();
    throw new Error('bench: the preview server is not listening');
  }
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    return await measure(browser, url, data, runs, log);
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function measure(browser: Browser, url: string, data: BenchData, runs: number, log: (line: string) => void): Promise<ChromiumResult> {
  const errors: string[] = [];
  const notes: string[] = [];
  const loads: LoadTimes[] = [];
  const heaps: Heaps[] = [];
  let startupScripts: string[] = [];
  let last: { context: BrowserContext; page: Page } | null = null;

  for (let i = 0; i < runs; i++) {
    await last?.context.close();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    // tsx compiles with esbuild's keepNames, which wraps named functions in __name(): the
    // functions this file hands to the page need it defined there.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && errors.length < 20) errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => {
      if (errors.length < 20) errors.push(`pageerror: ${e.message}`);
    });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    log(`Chromium: page load ${i + 1} of ${runs} with Belgium`);
    const times = await loadBelgium(page, url, data);
    if (i === 0) startupScripts = requested.slice(0, times.requestsAtDemoIdle).map((u) => new URL(u).pathname).filter((p) => /\.m?js$/.test(p));
    loads.push(times);
    heaps.push(await heapsAfterGc(page));
    last = { context, page };
  }
  const page = last!.page;
  const MB = (bytes: number) => bytes / 1e6;

  const figures: Figure[] = [
    figure(
      {
        id: 'chromium.open',
        label: 'open the app with the Belgium dataset until the map is idle',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 3000 },
        how: `${runs} page loads, each in a fresh browser context (cold cache); page clock from navigation start to the first data-idle="true" after the 19,478 wards are on the page, minus the two scripted gaps (demo map idle -> files chosen, Apply enabled -> Apply clicked); the files go to the Open files panel's input, then Apply`,
      },
      loads.map((l) => l.net),
    ),
    figure(
      { id: 'chromium.open.raw', label: '  the same, stopwatch (with the scripted gaps)', where: WHERE, unit: 'ms', how: 'navigation start -> first Belgium data-idle="true", as measured' },
      loads.map((l) => l.total),
    ),
    figure(
      { id: 'chromium.open.start', label: '  of which: app start with the demo city until idle', where: WHERE, unit: 'ms', how: 'navigation start -> first data-idle="true"' },
      loads.map((l) => l.demoIdle),
    ),
    figure(
      {
        id: 'chromium.open.staging',
        label: '  of which: files chosen -> staged (worker read + parse, unpack, preview)',
        where: WHERE,
        unit: 'ms',
        how: "file input's change event -> the Apply button enabled again",
      },
      loads.map((l) => l.staging),
    ),
    figure(
      { id: 'chromium.open.apply', label: '  of which: Apply -> map idle', where: WHERE, unit: 'ms', how: 'Apply click -> first data-idle="true" with 19,478 wards' },
      loads.map((l) => l.applyToIdle),
    ),
    figure(
      {
        id: 'chromium.open.applyRender',
        label: '    of which: Apply -> wards on the page (applyStaging + React render)',
        where: WHERE,
        unit: 'ms',
        how: 'Apply click -> data-ward-count="19478"',
      },
      loads.map((l) => l.applyToWards),
    ),
    figure(
      {
        id: 'chromium.open.settled',
        label: '  Apply -> map settled (last repaint, then quiet)',
        where: WHERE,
        unit: 'ms',
        how: `Apply click -> the last data-idle="true" before ${SETTLE_MS} ms without a repaint: the map fires 'idle' again after later tile loads`,
      },
      loads.map((l) => l.applyToSettled),
    ),
    figure(
      {
        id: 'chromium.heap',
        label: 'JS heap after loading Belgium',
        where: WHERE,
        unit: 'MB',
        target: { op: '<', value: 300 },
        how: "CDP HeapProfiler.collectGarbage (twice) then Runtime.getHeapUsage().usedSize of the page's main thread, after each page load",
      },
      heaps.map((h) => MB(h.main.usedSize)),
    ),
    figure(
      {
        id: 'chromium.heap.withBuffers',
        label: '  main thread with ArrayBuffer backing stores and DOM heap',
        where: WHERE,
        unit: 'MB',
        how: 'usedSize + backingStorageSize (typed arrays live outside the V8 heap) + embedderHeapUsedSize (Blink)',
      },
      heaps.map((h) => MB(h.main.usedSize + h.main.backingStorageSize + h.main.embedderHeapUsedSize)),
    ),
    figure(
      {
        id: 'chromium.heap.workers',
        label: '  workers alive after loading (MapLibre), heap + backing stores',
        where: WHERE,
        unit: 'MB',
        how: 'the same CDP calls sent to each dedicated worker alive then (Target.setAutoAttach, non-flattened sessions); the staging worker has ended by then',
      },
      heaps.map((h) => MB(h.workers.reduce((s, w) => s + w.usedSize + w.backingStorageSize, 0))),
    ),
  ];
  notes.push(`Workers alive after loading: ${heaps[heaps.length - 1].workers.map((w) => `${w.url} ${MB(w.usedSize).toFixed(0)} MB`).join(', ') || 'none'}.`);

  log('Chromium: weight change -> feature-state recolour -> idle');
  const recolour = await recolourBySlider(page, runs);
  figures.push(
    figure(
      {
        id: 'chromium.recolour',
        label: 're-score + re-rank + recolour via feature-state until idle',
        where: WHERE,
        unit: 'ms',
        how: `the ${CHANGED_WEIGHT.id} slider moved ${CHANGED_WEIGHT.from} <-> ${CHANGED_WEIGHT.to} (Playwright fill) with ${Object.keys(BASE_WEIGHTS).length} weights set; page clock from the slider's input event to the next data-idle="true"; 1 warm-up`,
      },
      recolour.map((r) => r.idle),
    ),
    figure(
      {
        id: 'chromium.recolour.js',
        label: '  of which: React (derive, classes, setFeatureState)',
        where: WHERE,
        unit: 'ms',
        how: 'input event -> data-idle="false" (ChoroplethMap marks the map busy after its setFeatureState loop)',
      },
      recolour.map((r) => r.js),
    ),
    figure(
      { id: 'chromium.recolour.map', label: '  of which: MapLibre repaint until idle', where: WHERE, unit: 'ms', how: 'data-idle="false" -> data-idle="true"' },
      recolour.map((r) => r.idle - r.js),
    ),
    figure(
      {
        id: 'chromium.recolour.nextTask',
        label: '  the same, until the page runs a task again',
        where: WHERE,
        unit: 'ms',
        how: "input event -> the first setTimeout(0) task after data-idle=\"true\": with SwiftShader the frame is still being drawn after MapLibre's 'idle'",
      },
      recolour.map((r) => r.nextTask),
    ),
  );

  log('Chromium: recolour only, feature-state vs setData (same classes, same map)');
  const comparison = await compareRecolour(page, runs);
  notes.push(`A weight change (${CHANGED_WEIGHT.id} ${CHANGED_WEIGHT.from} <-> ${CHANGED_WEIGHT.to}) changes the colour class of ${comparison.changed} of ${WARDS} wards.`);
  const pair = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x / b[i]);
  figures.push(
    figure(
      {
        id: 'chromium.recolour.featureState',
        label: 'recolour only, feature-state, until idle',
        where: WHERE,
        unit: 'ms',
        how: `in page.evaluate on the app's map: setFeatureState({ c }) for the wards whose class changes (as ChoroplethMap does), then map.once('idle'); the two class vectors are the app's own before and after the weight change, read back with getFeatureState; each run starts in a fresh task after the previous run's frame (+${PAUSE_MS} ms); 1 warm-up`,
      },
      comparison.featureState.map((r) => r.idle),
    ),
    figure(
      {
        id: 'chromium.recolour.setData',
        label: 'recolour only, setData with the class baked into properties, until idle',
        where: WHERE,
        unit: 'ms',
        how: "same map, view and classes: fill-color switched (untimed) to the same match on ['get','c']; timed: build the FeatureCollection from the app's ward features (__chw.geometry) with properties.c, setData, map.once('idle'); the untimed switch (itself a full setData) is the warm-up; the app's source, paint and feature-states are restored afterwards",
      },
      comparison.setData.map((r) => r.idle),
    ),
    figure(
      {
        id: 'chromium.recolour.ratio',
        label: 'setData / feature-state, until idle (feature-state must be >= 4x faster)',
        where: WHERE,
        unit: 'x',
        target: { op: '>=', value: 4 },
        how: 'run i of setData divided by run i of feature-state; the two blocks run one after the other in the same page',
      },
      pair(
        comparison.setData.map((r) => r.idle),
        comparison.featureState.map((r) => r.idle),
      ),
    ),
    figure(
      {
        id: 'chromium.recolour.ratio.nextTask',
        label: '  the same ratio, until the page runs a task again',
        where: WHERE,
        unit: 'x',
        how: "both timed to the first task after 'idle' instead (feature-state median " +
          `${median(comparison.featureState.map((r) => r.nextTask)).toFixed(0)} ms, setData ${median(comparison.setData.map((r) => r.nextTask)).toFixed(0)} ms)`,
      },
      pair(
        comparison.setData.map((r) => r.nextTask),
        comparison.featureState.map((r) => r.nextTask),
      ),
    ),
  );

  log(`Chromium: rank stability through the panel (${STABILITY.draws} draws, the app's worker)`);
  figures.push(
    figure(
      {
        id: 'chromium.stability',
        label: `rank stability, ${STABILITY.draws.toLocaleString('en')} draws x 19,478 wards, in the app's worker`,
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 2000 },
        how: `the Rank stability panel's "Run stability" button (draws ${STABILITY.draws}, concentration ${STABILITY.concentration}, top k ${STABILITY.topK}), page clock from the click to the button back with the status saying the draws are done: copy + post to the worker, rankStability there, unpack, React render of the result; 1 warm-up`,
      },
      await stabilityRuns(page, runs),
    ),
  );

  log('Chromium: the Export CSV button');
  figures.push(
    figure(
      {
        id: 'chromium.exportButton',
        label: "the app's Export CSV button, click -> download",
        where: WHERE,
        unit: 'ms',
        how: 'Playwright click on "Export CSV" until the download event; App.onExport computes the team plan (computePlan -> rookAndQueen on the GeoJSON) when no panel has, then exportRanking with all extra columns; 1 warm-up',
      },
      await exportButtonRuns(page, runs),
    ),
  );

  const state = await page.evaluate(() => (window as unknown as BenchWindow).__chw.getState().wardCount);
  if (state !== WARDS) throw new Error(`bench: the page ended with ${state} wards, not ${WARDS}`);

  log('Chromium: reopen on the remembered Belgium dataset');
  const reopens = await reopenRuns(page, runs);
  figures.push(
    figure(
      {
        id: 'chromium.reopen',
        label: 'open the app on the remembered Belgium dataset until the map is idle',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 3000 },
        how: `"Remember the applied dataset" ticked once with Belgium applied (the app keeps it packed in IndexedDB), then ${runs} reloads of the same page (warm HTTP cache, as a returning user): navigation start -> first data-idle="true" (the page then shows ${WARDS} wards)`,
      },
      reopens,
    ),
  );
  return { figures, version: browser.version(), startupScripts, errors, notes };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface LoadTimes {
  total: number;
  net: number;
  demoIdle: number;
  staging: number;
  applyToIdle: number;
  applyToWards: number;
  applyToSettled: number;
  requestsAtDemoIdle: number;
}

/** Opens the app, waits for the demo city, gives the Belgium files to the Open files panel and applies them. */
export async function loadBelgium(page: Page, url: string, data: BenchData): Promise<LoadTimes> {
  let requests = 0;
  page.on('request', () => requests++);
  await page.goto(url);
  await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 60_000 });
  const requestsAtDemoIdle = requests;
  await page.getByRole('button', { name: 'Open files…' }).click();
  const panel = page.getByRole('region', { name: 'Open files' });
  await panel.locator('input[type=file]').setInputFiles([data.sectors, data.indicators]);
  await pollUntil(
    page,
    (name) => {
      const panel = document.querySelector('section[aria-label="Open files"]');
      const apply = [...(panel?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Apply');
      return !!apply && !apply.disabled && !!panel?.querySelector(`select[aria-label="Ward code column of ${name}"]`) && /19478 features/.test(panel?.textContent ?? '');
    },
    data.indicatorsName,
    120_000,
  );
  await panel.getByRole('button', { name: 'Apply', exact: true }).click();
  await waitSettled(page, { name: 'data-ward-count', value: String(WARDS), from: 0 }, 120_000);
  const events = await page.evaluate(() => (window as unknown as BenchWindow).__bench.events);
  const at = (name: string, value?: string, after = 0) => {
    const found = events.find((e) => e.name === name && (value === undefined || e.value === value) && e.t >= after);
    if (!found) throw new Error(`bench: no ${name}${value === undefined ? '' : `=${value}`} event after ${Math.round(after)} ms`);
    return found.t;
  };
  const demoIdle = at('data-idle', 'true');
  const chosen = at('files-chosen');
  const staged = at('apply-disabled', 'false', chosen);
  const applied = at('click', 'Apply', staged);
  const wards = at('data-ward-count', String(WARDS), applied);
  const { idle, settled } = idleAfter(events.filter((e) => e.t >= wards));
  return {
    total: idle,
    net: idle - (chosen - demoIdle) - (applied - staged),
    demoIdle,
    staging: staged - chosen,
    applyToIdle: idle - applied,
    applyToWards: wards - applied,
    applyToSettled: settled - applied,
    requestsAtDemoIdle,
  };
}

/**
 * In a log that starts at the change timed: the first data-idle="true" after the map went busy,
 * the first task the page ran after it, and the last data-idle="true" (the map settled).
 */
function idleAfter(events: readonly BenchEvent[]): { busy: number; idle: number; nextTask: number; settled: number } {
  const busy = events.find((e) => e.name === 'data-idle' && e.value === 'false');
  if (!busy) throw new Error('bench: the map never went busy');
  const idle = events.find((e) => e.name === 'data-idle' && e.value === 'true' && e.t >= busy.t);
  if (!idle) throw new Error('bench: the map never went idle');
  const nextTask = events.find((e) => e.name === 'task-after-idle' && e.t >= idle.t);
  let settled = idle.t;
  for (const e of events) if (e.name === 'data-idle' && e.value === 'true') settled = Math.max(settled, e.t);
  return { busy: busy.t, idle: idle.t, nextTask: nextTask?.t ?? idle.t, settled };
}

/** What a settled wait starts from: the first event of this name (and value) at or after index `from` of the log. */
interface EventSpec {
  name: string;
  value?: string;
  from: number;
}

/**
 * Waits until, after the event `spec` finds, the map has been busy and then idle for SETTLE_MS
 * without going busy again. Polls from Node (the app's CSP forbids eval, so no waitForFunction
 * with a predicate); the times themselves come from the page's log, so the polling adds nothing.
 */
async function waitSettled(page: Page, spec: EventSpec, timeout: number): Promise<void> {
  await pollUntil(
    page,
    ({ spec, settle }) => {
      const events = (window as unknown as BenchWindow).__bench.events;
      let start = -1;
      for (let k = spec.from; k < events.length; k++) {
        if (events[k].name === spec.name && (spec.value === undefined || events[k].value === spec.value)) {
          start = k;
          break;
        }
      }
      if (start < 0) return false;
      let busy = false;
      let idleAt: number | null = null;
      for (let k = start; k < events.length; k++) {
        const e = events[k];
        if (e.name !== 'data-idle') continue;
        if (e.value === 'false') {
          busy = true;
          idleAt = null;
        } else if (busy) idleAt = e.t;
      }
      const map = document.querySelector('[data-testid="map"]');
      return idleAt !== null && map?.getAttribute('data-idle') === 'true' && performance.now() - idleAt >= settle;
    },
    { spec, settle: SETTLE_MS },
    timeout,
  );
}

/** Waits until the map is idle and has not changed its data-idle for SETTLE_MS. */
async function waitQuiet(page: Page, timeout: number): Promise<void> {
  await pollUntil(
    page,
    (settle) => {
      const events = (window as unknown as BenchWindow).__bench.events;
      let lastChange = 0;
      for (const e of events) if (e.name === 'data-idle') lastChange = e.t;
      const map = document.querySelector('[data-testid="map"]');
      return map?.getAttribute('data-idle') === 'true' && performance.now() - lastChange >= settle;
    },
    SETTLE_MS,
    timeout,
  );
}

/** Evaluates `fn` in the page every 50 ms until it returns something truthy, and returns that. */
async function pollUntil<A, T>(page: Page, fn: (arg: A) => T, arg: A, timeout: number): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    // Playwright's own typing of evaluate cannot be threaded through a generic helper.
    const value = (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as T;
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > timeout) throw new Error(`bench: timed out after ${timeout} ms waiting for the page`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize: number;
  backingStorageSize: number;
}

interface Heaps {
  main: HeapUsage;
  workers: (HeapUsage & { url: string })[];
}

/**
 * Heap use after a full GC, of the page's main thread and of each dedicated worker alive. The
 * workers are reached through a CDP session of our own with non-flattened auto-attach, so that
 * Playwright's own sessions are left alone.
 */
async function heapsAfterGc(page: Page): Promise<Heaps> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const main = await cdp.send('Runtime.getHeapUsage');
    const workers: Heaps['workers'] = [];
    for (const { sessionId, url } of await attachWorkers(cdp)) {
      const send = workerSender(cdp, sessionId);
      try {
        await send('HeapProfiler.collectGarbage');
        const usage = (await send('Runtime.getHeapUsage')) as HeapUsage;
        workers.push({ url: new URL(url).pathname.replace(/^.*\//, ''), ...usage });
      } catch {
        // The worker ended in the meantime.
      }
    }
    return { main, workers };
  } finally {
    await cdp.detach();
  }
}

async function attachWorkers(cdp: CDPSession): Promise<{ sessionId: string; url: string }[]> {
  const attached: { sessionId: string; url: string }[] = [];
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') attached.push({ sessionId: e.sessionId, url: e.targetInfo.url });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  // Existing workers are reported right after the call.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return attached;
}

/** Sends CDP commands to a worker through Target.sendMessageToTarget, with a 10 s timeout. */
function workerSender(cdp: CDPSession, sessionId: string): (method: string) => Promise<unknown> {
  let nextId = 1;
  return (method) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`bench: worker did not answer ${method}`)), 10_000);
      const onMessage = (e: { sessionId?: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
        if (message.id !== id) return;
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch((error: unknown) => {
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        reject(error);
      });
    });
}

/** Sets a weight slider and waits until the map has settled after it; times from the input event. */
async function setSlider(page: Page, id: string, value: number): Promise<{ js: number; idle: number; nextTask: number }> {
  const marker = await page.evaluate(() => (window as unknown as BenchWindow).__bench.events.length);
  await page.getByRole('slider', { name: id, exact: true }).fill(String(value));
  await waitSettled(page, { name: 'slider', from: marker }, 30_000);
  const events = (await page.evaluate(() => (window as unknown as BenchWindow).__bench.events)).slice(marker);
  const input = events.find((e) => e.name === 'slider');
  if (!input) throw new Error(`bench: moving the ${id} slider to ${value} fired no input event`);
  const { busy, idle, nextTask } = idleAfter(events.filter((e) => e.t >= input.t));
  return { js: busy - input.t, idle: idle - input.t, nextTask: nextTask - input.t };
}

async function recolourBySlider(page: Page, runs: number): Promise<{ js: number; idle: number; nextTask: number }[]> {
  for (const [id, weight] of Object.entries(BASE_WEIGHTS)) await setSlider(page, id, weight);
  const times: { js: number; idle: number; nextTask: number }[] = [];
  for (let k = 0; k <= runs; k++) {
    const value = k % 2 === 0 ? CHANGED_WEIGHT.to : CHANGED_WEIGHT.from;
    const t = await setSlider(page, CHANGED_WEIGHT.id, value);
    if (k > 0) times.push(t);
  }
  // Leave the slider where BASE_WEIGHTS has it, for the runs after this one.
  const ended = runs % 2 === 0 ? CHANGED_WEIGHT.to : CHANGED_WEIGHT.from;
  if (ended !== CHANGED_WEIGHT.from) await setSlider(page, CHANGED_WEIGHT.id, CHANGED_WEIGHT.from);
  return times;
}

/** Each ward's colour class as the map has it now (feature-state `c`). */
function readClasses(page: Page): Promise<number[]> {
  return page.evaluate((n) => {
    const map = (window as unknown as { __chw: { map: { getFeatureState(f: { source: string; id: number }): { c?: number } } } }).__chw.map;
    return Array.from({ length: n }, (_, i) => map.getFeatureState({ source: 'wards', id: i }).c ?? -1);
  }, WARDS);
}

interface RecolourRun {
  idle: number;
  nextTask: number;
}

/**
 * The recolour alone, two ways on the same map and the same two class vectors (the app's, before
 * and after the weight change): feature-state for the changed wards, and setData with the class
 * in each feature's properties and the fill colour read from it. Each run starts in a task of its
 * own once the previous frame is done (starting inside MapLibre's 'idle' callback delays the next
 * frame by seconds). Ends with the map as the app left it.
 */
async function compareRecolour(page: Page, runs: number): Promise<{ featureState: RecolourRun[]; setData: RecolourRun[]; changed: number }> {
  const before = await readClasses(page);
  await setSlider(page, CHANGED_WEIGHT.id, CHANGED_WEIGHT.to);
  const after = await readClasses(page);
  const changed = before.filter((c, i) => c !== after[i]).length;
  if (changed === 0) throw new Error('bench: the weight change recoloured no ward');
  const result = await page.evaluate(
    async ({ before, after, runs, pause }) => {
      type FC = { type: 'FeatureCollection'; features: { id?: number | string; properties: Record<string, unknown> | null }[] };
      interface BenchMap {
        once(event: 'idle', listener: () => void): void;
        setFeatureState(f: { source: string; id: number }, state: Record<string, unknown>): void;
        getPaintProperty(layer: string, name: string): unknown;
        setPaintProperty(layer: string, name: string, value: unknown): void;
        getSource(id: string): { setData(data: unknown): unknown };
      }
      const chw = (window as unknown as { __chw: { map: BenchMap; geometry: FC } }).__chw;
      const map = chw.map;
      const task = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
      const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
      /** Runs `change`, then times until 'idle' and until the first task after it. */
      const timed = async (change: () => void) => {
        const start = performance.now();
        const idle = new Promise<number>((resolve) => map.once('idle', () => resolve(performance.now())));
        change();
        const idleAt = await idle;
        await task();
        const taskAt = performance.now();
        await sleep(pause);
        return { idle: idleAt - start, nextTask: taskAt - start };
      };
      const targets = [before, after];
      let shown = after;
      const featureState: { idle: number; nextTask: number }[] = [];
      for (let k = 0; k <= runs; k++) {
        const next = targets[k % 2];
        const t = await timed(() => {
          for (let i = 0; i < next.length; i++) if (next[i] !== shown[i]) map.setFeatureState({ source: 'wards', id: i }, { c: next[i] });
        });
        if (k > 0) featureState.push(t);
        shown = next;
      }

      const source = map.getSource('wards');
      // The features the app gave the map (MapLibre's own copy stays in its worker).
      const original = chw.geometry;
      const fill = map.getPaintProperty('wards-fill', 'fill-color');
      const byProperty = JSON.parse(JSON.stringify(fill).split('["feature-state","c"]').join('["get","c"]'));
      const bake = (classes: number[]): FC => ({
        type: 'FeatureCollection',
        features: original.features.map((f) => ({ ...f, properties: { ...f.properties, c: classes[f.id as number] } })),
      });
      await timed(() => {
        map.setPaintProperty('wards-fill', 'fill-color', byProperty);
        source.setData(bake(shown));
      });
      // The switch above was a full setData already: it is the warm-up.
      const setData: { idle: number; nextTask: number }[] = [];
      for (let k = 0; k < runs; k++) {
        const next = targets[k % 2];
        setData.push(await timed(() => source.setData(bake(next))));
        shown = next;
      }
      // Back to the app's own source, paint and feature-states (it believes `after` is shown).
      await timed(() => {
        map.setPaintProperty('wards-fill', 'fill-color', fill);
        source.setData(original);
        for (let i = 0; i < after.length; i++) map.setFeatureState({ source: 'wards', id: i }, { c: after[i] });
      });
      return { featureState, setData, features: original.features.length };
    },
    { before, after, runs, pause: PAUSE_MS },
  );
  if (result.features !== WARDS - 1) throw new Error(`bench: the wards source holds ${result.features} features, not ${WARDS - 1}`);
  const restored = await readClasses(page);
  if (restored.some((c, i) => c !== after[i])) throw new Error('bench: the map was not restored after the setData runs');
  await setSlider(page, CHANGED_WEIGHT.id, CHANGED_WEIGHT.from);
  return { featureState: result.featureState, setData: result.setData, changed };
}

async function stabilityRuns(page: Page, runs: number): Promise<number[]> {
  await page.getByRole('spinbutton', { name: 'Draws' }).fill(String(STABILITY.draws));
  const times: number[] = [];
  for (let k = 0; k <= runs; k++) {
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const panel = document.querySelector('section[aria-label="Rank stability"]');
          const runButton = () => [...(panel?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Run stability');
          const button = runButton();
          if (!panel || !button) return reject(new Error('bench: no Run stability button'));
          let started = false;
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`bench: rank stability did not finish in 60 s (${panel.textContent})`));
          }, 60_000);
          const observer = new MutationObserver(() => {
            if (panel.querySelector('progress')) started = true;
            const status = panel.querySelector('[role=status]')?.textContent ?? '';
            if (started && runButton() && /draws around the current weights/.test(status)) {
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now() - start);
            }
          });
          observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
          const start = performance.now();
          button.click();
        }),
    );
    if (k > 0) times.push(ms);
    // Let the result's repaint (badges on the map) finish before the next run.
    await waitQuiet(page, 30_000);
  }
  return times;
}

async function exportButtonRuns(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  const button = page.getByRole('button', { name: 'Export CSV' });
  for (let k = 0; k <= runs; k++) {
    const start = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    const ms = performance.now() - start;
    await download.delete();
    if (k > 0) times.push(ms);
  }
  return times;
}

/** Ticks "Remember the applied dataset", waits until IndexedDB holds it, then times `runs` reloads until the map is idle with Belgium. */
async function reopenRuns(page: Page, runs: number): Promise<number[]> {
  await page.getByRole('button', { name: 'Open files…' }).click();
  await page.getByRole('region', { name: 'Open files' }).getByRole('checkbox', { name: /Remember the applied dataset/ }).check();
  await pollUntil(page, hasRememberedDataset, null, 60_000);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.waitForSelector(`[data-testid="map"][data-idle="true"][data-ward-count="${WARDS}"]`, { timeout: 120_000 });
    const events = await page.evaluate(() => (window as unknown as BenchWindow).__bench.events);
    // No demo city opens first: the page's first idle map is Belgium's (checked by the selector above;
    // the ward count can be on the map element from its first render, so it logs no change).
    const idle = events.find((e) => e.name === 'data-idle' && e.value === 'true');
    if (!idle) throw new Error('bench: the reopened page never went idle with Belgium');
    times.push(idle.t);
  }
  return times;
}
