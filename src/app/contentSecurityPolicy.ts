/**
 * The built page's Content-Security-Policy. All data stays in the browser: the page may talk to its
 * own origin only, plus the one origin of a basemap the user has enabled (src/app/basemap.ts).
 *
 * A meta policy can be added to a page but never relaxed: every policy present is enforced. So the
 * policy is not written into index.html. A small same-origin script, the first thing in <head>
 * (bootstrapScript, emitted by the Vite plugin in vite.config.ts), reads the enabled basemap from
 * localStorage and writes the one <meta http-equiv="Content-Security-Policy"> with that origin
 * added to img-src and connect-src; without an enabled basemap, or on any error, it writes the
 * strict policy. Enabling a basemap therefore means: store it, reload. Should the script not run
 * at all, the app's entry writes the strict policy before anything else (ensurePolicy).
 */

/** Where the enabled basemap is stored (written by src/app/basemap.ts, read by the bootstrap). */
export const BASEMAP_STORAGE_KEY = 'chw-planner:basemap:v1';

/** The directives of the strict policy. The dev server has none: React's fast refresh needs an inline script. */
export const DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'", 'data:'],
  ['worker-src', "'self'", 'blob:'],
  ['connect-src', "'self'", 'data:', 'blob:'],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** The directives that also name an enabled basemap's origin: its tiles, style, sprites and glyphs. */
export const BASEMAP_DIRECTIVES = ['img-src', 'connect-src'] as const;

/** Host names that may be reached over plain http (a local tile server, as the browser tests use). */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'] as const;

/**
 * The policy text, with `basemapOrigin` added to img-src and connect-src when given.
 * contentSecurityPolicy(null) starts "default-src 'self'; script-src 'self'; …".
 */
export function contentSecurityPolicy(basemapOrigin: string | null): string {
  return writePolicy(DIRECTIVES, BASEMAP_DIRECTIVES, basemapOrigin);
}

/**
 * The origin (scheme://host[:port]) of a basemap URL or tile template when the page may be allowed
 * to reach it: https, or http on this machine's loopback address; no user name or password. null
 * otherwise. `{z}`, `{x}`, `{y}` in a template stand for numbers. This is the bootstrap's own check,
 * so what the app validates and what the policy allows cannot disagree.
 */
export function basemapOrigin(url: unknown): string | null {
  return originOf(url, LOOPBACK_HOSTS);
}

/**
 * The policies in force in `doc`: the content of every CSP meta tag. [] on a page without one (the
 * dev server).
 */
export function policiesInForce(doc: Document = document): string[] {
  return [...doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.getAttribute('content') ?? '');
}

/** Whether every policy in force lets the page fetch from `origin` (true on a page without a policy). */
export function policyAllows(origin: string, doc: Document = document): boolean {
  return policiesInForce(doc).every((policy) =>
    BASEMAP_DIRECTIVES.every((name) => {
      const directive = policy.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name);
      return directive !== undefined && directive.includes(origin);
    }),
  );
}

/**
 * Writes the strict policy when the page has none: the fallback for a page whose bootstrap script
 * did not run. Called first thing by the built app's entry.
 */
export function ensurePolicy(doc: Document = document): void {
  if (policiesInForce(doc).length > 0) return;
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = contentSecurityPolicy(null);
  doc.head.prepend(meta);
}

/**
 * The text of the bootstrap script: a classic script, no imports, run before anything else on the
 * page. Built from the source of installPolicy, writePolicy and originOf, so that the code the unit
 * tests run is the code shipped.
 */
export function bootstrapScript(): string {
  const args = [BASEMAP_STORAGE_KEY, DIRECTIVES, BASEMAP_DIRECTIVES, LOOPBACK_HOSTS].map((a) => JSON.stringify(a));
  const functions = [writePolicy, originOf].map((f) => f.toString());
  return `// chw-planner: writes the page's Content-Security-Policy (src/app/contentSecurityPolicy.ts).\n(${installPolicy.toString()})(${[...args, ...functions].join(', ')});\n`;
}

// The three functions below are serialised into the bootstrap script by bootstrapScript(): they
// use nothing from outside their own bodies but their parameters.

function writePolicy(directives: readonly (readonly string[])[], extended: readonly string[], origin: string | null): string {
  return directives.map((d) => (origin && extended.includes(d[0]) ? [...d, origin] : d).join(' ')).join('; ');
}

function originOf(url: unknown, loopback: readonly string[]): string | null {
  if (typeof url !== 'string' || url.length > 2000) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[zxy]\}/g, '0'));
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback.includes(parsed.hostname));
  // An origin is scheme://host[:port]: nothing in it can end a directive or add a source.
  return secure && /^https?:\/\/[a-z0-9.\-[\]:]+$/i.test(parsed.origin) ? parsed.origin : null;
}

/**
 * Writes the one policy of the page: strict, or with the enabled basemap's origin. Any error (no
 * storage, damaged JSON, a URL that is not allowed) leaves the strict policy.
 */
export function installPolicy(
  key: string,
  directives: readonly (readonly string[])[],
  extended: readonly string[],
  loopback: readonly string[],
  write: typeof writePolicy = writePolicy,
  originOfUrl: typeof originOf = originOf,
): void {
  let origin: string | null = null;
  try {
    const stored = JSON.parse(window.localStorage.getItem(key) ?? 'null') as { enabled?: unknown; url?: unknown } | null;
    if (stored && stored.enabled === true) origin = originOfUrl(stored.url, loopback);
  } catch {
    origin = null;
  }
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = write(directives, extended, origin);
  document.head.prepend(meta);
}
