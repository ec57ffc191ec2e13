import { describe, expect, it } from 'vitest';
import {
  BASEMAP_STORAGE_KEY,
  basemapOrigin,
  bootstrapScript,
  contentSecurityPolicy,
  policyAllows,
} from '../../src/app/contentSecurityPolicy';

const STRICT =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'none'";

/** Runs the shipped bootstrap script against a fake page whose storage holds `stored`; returns the meta tags it wrote. */
function runBootstrap(stored: string | null | (() => never)): { httpEquiv: string; content: string }[] {
  const written: { httpEquiv: string; content: string }[] = [];
  const window = {
    localStorage: {
      getItem: (key: string) => {
        if (typeof stored === 'function') return stored();
        return key === BASEMAP_STORAGE_KEY ? stored : null;
      },
    },
  };
  const document = {
    createElement: () => ({ httpEquiv: '', content: '' }),
    head: { prepend: (meta: { httpEquiv: string; content: string }) => written.push(meta) },
  };
  new Function('window', 'document', bootstrapScript())(window, document);
  return written;
}

const basemap = (url: string, enabled = true) => JSON.stringify({ url, attribution: '© OpenStreetMap contributors', enabled });

describe('contentSecurityPolicy', () => {
  it('is the strict policy without a basemap, and adds exactly the origin to img-src and connect-src with one', () => {
    expect(contentSecurityPolicy(null)).toBe(STRICT);
    const relaxed = contentSecurityPolicy('https://tile.openstreetmap.org');
    expect(relaxed).toBe(
      STRICT.replace("img-src 'self' data: blob:", "img-src 'self' data: blob: https://tile.openstreetmap.org").replace(
        "connect-src 'self' data: blob:",
        "connect-src 'self' data: blob: https://tile.openstreetmap.org",
      ),
    );
  });

  it('basemapOrigin allows https anywhere and http on loopback only, and gives nothing that could add a source', () => {
    expect(basemapOrigin('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(basemapOrigin('https://tiles.example.org:8443/styles/liberty.json?key=abc')).toBe('https://tiles.example.org:8443');
    expect(basemapOrigin('http://127.0.0.1:5173/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:5173');
    expect(basemapOrigin('http://localhost:8080/style.json')).toBe('http://localhost:8080');
    expect(basemapOrigin('http://[::1]:8080/style.json')).toBe('http://[::1]:8080');
    for (const bad of [
      'http://tile.openstreetmap.org/{z}/{x}/{y}.png',
      'ftp://example.org/x',
      'javascript:alert(1)',
      'data:text/plain,x',
      'https://user:secret@example.org/{z}/{x}/{y}.png',
      '/tiles/{z}/{x}/{y}.png',
      'not a url',
      42,
      null,
    ]) {
      expect(basemapOrigin(bad)).toBeNull();
    }
    // Whatever follows the host is not part of the origin.
    expect(basemapOrigin("https://a.example.org/x; script-src 'unsafe-inline' *")).toBe('https://a.example.org');
  });

  it('policyAllows reads the policies in force', () => {
    const page = (policies: string[]) =>
      ({ querySelectorAll: () => policies.map((content) => ({ getAttribute: () => content })) }) as unknown as Document;
    expect(policyAllows('https://tile.openstreetmap.org', page([]))).toBe(true);
    expect(policyAllows('https://tile.openstreetmap.org', page([STRICT]))).toBe(false);
    expect(policyAllows('https://tile.openstreetmap.org', page([contentSecurityPolicy('https://tile.openstreetmap.org')]))).toBe(true);
    // Two policies: both must allow it (a meta policy can only be added to, never relaxed).
    expect(policyAllows('https://tile.openstreetmap.org', page([contentSecurityPolicy('https://tile.openstreetmap.org'), STRICT]))).toBe(false);
  });
});

describe('the bootstrap script', () => {
  it('writes the one strict policy when no basemap is stored', () => {
    expect(runBootstrap(null)).toEqual([{ httpEquiv: 'Content-Security-Policy', content: STRICT }]);
  });

  it("adds an enabled basemap's origin, and only while it is enabled", () => {
    expect(runBootstrap(basemap('https://tile.openstreetmap.org/{z}/{x}/{y}.png'))[0].content).toBe(
      contentSecurityPolicy('https://tile.openstreetmap.org'),
    );
    expect(runBootstrap(basemap('https://tile.openstreetmap.org/{z}/{x}/{y}.png', false))[0].content).toBe(STRICT);
  });

  it('writes the strict policy for a damaged entry, a URL that is not allowed, or storage that throws', () => {
    for (const stored of ['{not json', '"text"', '[]', basemap('http://example.org/{z}/{x}/{y}.png'), basemap('javascript:alert(1)'), JSON.stringify({ enabled: 'yes', url: 'https://a.org' })]) {
      expect(runBootstrap(stored)).toEqual([{ httpEquiv: 'Content-Security-Policy', content: STRICT }]);
    }
    expect(
      runBootstrap(() => {
        throw new DOMException('denied', 'SecurityError');
      }),
    ).toEqual([{ httpEquiv: 'Content-Security-Policy', content: STRICT }]);
  });
});
