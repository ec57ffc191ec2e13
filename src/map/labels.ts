import latinFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtFont from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import type { FeatureCollection, Point } from 'geojson';
import type { FontFacesSpecification, LayerSpecification } from 'maplibre-gl';
import type { LabelPoints } from './labelPoints';

/** The font name the label layer asks for; FONT_FACES says which files draw it. */
export const LABEL_FONT = 'Noto Sans Regular';

/** The id of the ward-name layer and of its source. */
export const LABEL_LAYER = 'ward-labels';

/**
 * The style's `font-faces`: Noto Sans from the @fontsource package, bundled by Vite and served from
 * the app's own origin. MapLibre (5.11+) draws the glyphs itself from these files with TinySDF, so
 * the style needs no `glyphs` URL and no glyph server is ever asked; a file is fetched only when a
 * character it covers is first drawn, and MapLibre waits for it to load before drawing, so no
 * name is drawn in a fallback font first. The Unicode ranges are @fontsource's own (400.css):
 * Latin and Latin Extended, which cover Dutch, French and German names. Other scripts fall back to
 * the browser's sans-serif.
 */
export function labelFontFaces(base: string = document.baseURI): FontFacesSpecification {
  return {
    [LABEL_FONT]: [
      {
        url: new URL(latinFont, base).href,
        'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'],
      },
      {
        url: new URL(latinExtFont, base).href,
        'unicode-range': ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'],
      },
    ],
  };
}

/**
 * Ward names at their label points (see labelPoints), one point per ward with a name and a place.
 * `z` is the whole zoom from which the ward is big enough for its name; the layer filters on it and
 * places the biggest wards' names first.
 */
export function labelFeatures(points: LabelPoints, names: readonly string[]): FeatureCollection<Point, { name: string; z: number }> {
  const features: FeatureCollection<Point, { name: string; z: number }>['features'] = [];
  for (let i = 0; i < names.length && i < points.lon.length; i++) {
    const name = names[i]?.trim();
    if (!name || !Number.isFinite(points.lon[i])) continue;
    features.push({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [points.lon[i], points.lat[i]] }, properties: { name, z: points.minZoom[i] } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The ward names: dark text with a white halo, readable over every class colour, drawn from the
 * zoom at which each ward is wide enough and hidden where it would collide with another name
 * (MapLibre's default collision test, kept on explicitly).
 */
export function labelLayer(): LayerSpecification {
  return {
    id: LABEL_LAYER,
    type: 'symbol',
    source: LABEL_LAYER,
    filter: ['>=', ['zoom'], ['get', 'z']],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [LABEL_FONT],
      'text-size': 12,
      'text-max-width': 8,
      'text-padding': 3,
      'text-allow-overlap': false,
      'text-ignore-placement': false,
      'symbol-sort-key': ['get', 'z'],
    },
    paint: {
      'text-color': '#1a1a1a',
      'text-halo-color': 'rgba(255, 255, 255, 0.92)',
      'text-halo-width': 1.6,
      'text-halo-blur': 0.3,
    },
  };
}
