import { describe, expect, it } from 'vitest';
import type { Basemap } from '../../src/app/basemap';
import { attributionHtml, mapStyle } from '../../src/map/basemapStyle';
import { BASE_STYLE } from '../../src/map/style';

const tiles: Basemap = { kind: 'tiles', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', origin: 'https://tile.openstreetmap.org', attribution: '© OSM', enabled: true };

describe('mapStyle', () => {
  it('is the plain style without a basemap, the tiles under everything with a template, the URL for a style', () => {
    expect(mapStyle(null)).toBe(BASE_STYLE);
    const style = mapStyle(tiles);
    expect(typeof style !== 'string' && style.sources.basemap).toEqual({ type: 'raster', tiles: [tiles.url], tileSize: 256, maxzoom: 19 });
    expect(typeof style !== 'string' && style.layers.map((l) => l.id)).toEqual(['background', 'basemap']);
    expect(typeof style !== 'string' && style.glyphs).toBeUndefined();
    expect(mapStyle({ ...tiles, kind: 'style', url: 'https://tiles.example.org/style.json' })).toBe('https://tiles.example.org/style.json');
  });

  it('attributionHtml escapes each text and drops empty ones', () => {
    expect(attributionHtml(['© Statbel (CC BY 4.0)', '', null, '<b>"x" & y</b>'])).toEqual(['© Statbel (CC BY 4.0)', '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;']);
  });
});
