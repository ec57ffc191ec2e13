/**
 * WCAG 2.1 contrast between two colours written as #rgb, #rrggbb or rgb(r, g, b) (as app.css and d3's
 * interpolators write them), from 1 to 21.
 * contrastRatio('#000', '#fff') -> 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG 2.1 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = rgbOf(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The edge a legend swatch needs to stand out from the legend's light background: WCAG 1.4.11 asks
 * 3:1 for graphics that carry meaning, and the lightest palette classes (viridis' yellow, the no-data
 * grey) have far less against white, so they get a dark edge; darker swatches keep a faint one.
 * swatchEdge('#fde725') -> '#1d232b'
 */
export function swatchEdge(colour: string, background = '#ffffff'): string {
  return contrastRatio(colour, background) < 3 ? '#1d232b' : 'rgba(0, 0, 0, 0.15)';
}

function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) {
    const rgb = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(colour.trim());
    if (!rgb) throw new Error(`invalid colour: ${colour}`);
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  }
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
