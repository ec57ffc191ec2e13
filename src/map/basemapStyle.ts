import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../app/basemap';
import { BASE_STYLE } from './style';

/** The ward fill's opacity over a basemap: the streets show through, the classes still read. */
export const BASEMAP_FILL_OPACITY = 0.62;

/** The id of the basemap's raster source and layer (tile templates only). */
export const BASEMAP_LAYER = 'basemap';

/**
 * The style the map starts with: the plain background without a basemap; with raster tiles, the
 * same plus the tiles under everything else (the wards are added on top once the style has
 * loaded); with a style URL, that style itself, which MapLibre fetches.
 */
export function mapStyle(basemap: Basemap | null): StyleSpecification | string {
  if (!basemap) return BASE_STYLE;
  if (basemap.kind === 'style') return basemap.url;
  return {
    ...BASE_STYLE,
    sources: { [BASEMAP_LAYER]: { type: 'raster', tiles: [basemap.url], tileSize: 256, maxzoom: 19 } },
    layers: [...BASE_STYLE.layers, { id: BASEMAP_LAYER, type: 'raster', source: BASEMAP_LAYER }],
  };
}

/**
 * The map's attribution as the HTML parts that MapLibre's AttributionControl expects: each
 * non-empty text escaped (a manifest's or a user's text is never markup).
 */
export function attributionHtml(texts: readonly (string | null | undefined)[]): string[] {
  return texts
    .map((t) => t?.trim() ?? '')
    .filter((t) => t !== '')
    .map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
}
