import { interpolateCividis, interpolateMagma, interpolateViridis } from 'd3';
import type { PaletteName } from '../app/state';

const INTERPOLATORS: Record<PaletteName, (t: number) => string> = {
  viridis: interpolateViridis,
  cividis: interpolateCividis,
  magma: interpolateMagma,
};

/** Colour for wards with no value: a light neutral grey, distinct from every palette colour. */
export const NO_DATA_COLOUR = '#d4d4d4';

/** Colour for wards outside the selected area: near the background, so the selection stands out. */
export const OUTSIDE_COLOUR = '#f8f8f8';

/**
 * k colours of a colour-blind-safe sequential palette, from least to most need: light to dark,
 * so that the wards needing most attention stand out. The palette's extremes are trimmed a little
 * because the lightest yellow and darkest purple are hard to tell from the background and outlines.
 */
export function paletteColours(name: PaletteName, k: number): string[] {
  const interpolate = INTERPOLATORS[name];
  if (k === 1) return [interpolate(0.5)];
  return Array.from({ length: k }, (_, i) => interpolate(0.95 - (0.85 * i) / (k - 1)));
}
