import { describe, expect, it } from 'vitest';
import { disableBasemap, loadBasemap, parseBasemap, saveBasemap } from '../../src/app/basemap';
import { BASEMAP_STORAGE_KEY } from '../../src/app/contentSecurityPolicy';

function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

describe('basemap settings', () => {
  it('tells a tile template from a style URL and keeps the one origin', () => {
    expect(parseBasemap({ url: ` ${OSM} `, attribution: '© OpenStreetMap contributors', enabled: true })).toEqual({
      basemap: { kind: 'tiles', url: OSM, origin: 'https://tile.openstreetmap.org', attribution: '© OpenStreetMap contributors', enabled: true },
    });
    expect(parseBasemap({ url: 'https://tiles.example.org/styles/liberty.json', attribution: '', enabled: false })).toMatchObject({
      basemap: { kind: 'style', origin: 'https://tiles.example.org', enabled: false },
    });
  });

  it.each([
    ['', /paste a tile URL/],
    ['http://tile.openstreetmap.org/{z}/{x}/{y}.png', /https/],
    ['https://tile.openstreetmap.org/{z}/{x}.png', /all of \{z\}, \{x\} and \{y\}/],
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', /https|only \{z\}/],
    ['https://tile.example.org/{z}/{x}/{y}{r}.png', /only \{z\}, \{x\} and \{y\}/],
    ['https://user:pw@tile.example.org/{z}/{x}/{y}.png', /user name or password/],
    ['javascript:alert(1)', /https/],
  ])('refuses %j with a message', (url, message) => {
    const parsed = parseBasemap({ url, attribution: '', enabled: true });
    expect('error' in parsed && parsed.error).toMatch(message);
  });

  it('refuses markup in the attribution', () => {
    expect(parseBasemap({ url: OSM, attribution: '<img src=x onerror=alert(1)>', enabled: true })).toEqual({ error: 'the attribution is plain text: no < or >' });
  });

  it('stores, loads, disables (keeping the URL) and ignores a damaged entry', () => {
    const storage = memoryStorage();
    expect(loadBasemap(storage)).toBeNull();
    expect(saveBasemap(storage, { url: OSM, attribution: '© OSM', enabled: true })).toBeNull();
    expect(JSON.parse(storage.map.get(BASEMAP_STORAGE_KEY)!)).toEqual({ url: OSM, attribution: '© OSM', enabled: true });
    expect(loadBasemap(storage)?.enabled).toBe(true);
    expect(disableBasemap(storage)).toBeNull();
    expect(loadBasemap(storage)).toMatchObject({ url: OSM, enabled: false });
    expect(saveBasemap(storage, { url: 'http://example.org/{z}/{x}/{y}.png', attribution: '', enabled: true })).toMatch(/https/);
    expect(loadBasemap(memoryStorage({ [BASEMAP_STORAGE_KEY]: '{broken' }))).toBeNull();
    expect(loadBasemap(memoryStorage({ [BASEMAP_STORAGE_KEY]: JSON.stringify({ url: 'http://evil.example/{z}/{x}/{y}', attribution: '', enabled: true }) }))).toBeNull();
    const damaged = memoryStorage({ [BASEMAP_STORAGE_KEY]: '{broken' });
    expect(disableBasemap(damaged)).toBeNull();
    expect(damaged.map.has(BASEMAP_STORAGE_KEY)).toBe(false);
  });

  it('says so when storage refuses', () => {
    const full = { setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(saveBasemap(full, { url: OSM, attribution: '', enabled: true })).toBe("the browser's storage refused the basemap settings");
  });
});
