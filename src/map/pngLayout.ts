/**
 * Where everything goes in the exported map image: the title above the map, the legend and the
 * weights in a panel beside it (or below it when the map is narrow), the attribution at the
 * bottom. Pure: sizes are CSS pixels, text is measured by the caller's `measure`, so the same
 * layout is drawn by exportPng and checked in Node.
 */

/** The text styles of the image; exportPng turns each into a canvas font. */
export type TextStyle = 'title' | 'subtitle' | 'heading' | 'body' | 'small';

export const TEXT_STYLES: Record<TextStyle, { size: number; bold: boolean; lineHeight: number; colour: string }> = {
  title: { size: 20, bold: true, lineHeight: 26, colour: '#1d232b' },
  subtitle: { size: 14, bold: false, lineHeight: 19, colour: '#1d232b' },
  heading: { size: 14, bold: true, lineHeight: 19, colour: '#1d232b' },
  body: { size: 13, bold: false, lineHeight: 17, colour: '#1d232b' },
  small: { size: 11, bold: false, lineHeight: 15, colour: '#56606b' },
};

/** How a legend entry is drawn: as on the map (a fill, a hatch pattern, an outline or a badge). */
export type Swatch =
  | { kind: 'fill'; colour: string }
  | { kind: 'hatch'; cross: boolean }
  | { kind: 'outline'; colour: string; dash: 'solid' | 'dashed' | 'dotted'; width: number }
  | { kind: 'dot'; fill: string; stroke: string; diameter: number; strokeWidth: number };

export interface LegendItem {
  swatch: Swatch;
  label: string;
}

export interface WeightItem {
  label: string;
  weight: number;
}

export interface PngLayoutInput {
  /** The map image's size in CSS pixels. */
  mapWidth: number;
  mapHeight: number;
  /** The dataset and what the map is coloured by. */
  title: string;
  /** A line under the title (the selection, …); empty for none. */
  subtitle?: string;
  legendTitle: string;
  /** From most to least need, then the no-data and overlay entries, as in the on-screen legend. */
  legend: readonly LegendItem[];
  weightsTitle: string;
  /** Every indicator's weight; zero weights are left out. */
  weights: readonly WeightItem[];
  /** The method, one line (wrapped if long). */
  method: string;
  /** Data and basemap attribution, then "Map: chw-planner, <date>". */
  attribution: readonly string[];
  /** The width of `text` in CSS pixels when drawn in `style`. */
  measure: (text: string, style: TextStyle) => number;
  formatWeight?: (weight: number) => string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of text; its box is the measured width by the style's line height. */
export interface PlacedText extends Rect {
  text: string;
  style: TextStyle;
}

export interface PlacedSwatch extends Rect {
  swatch: Swatch;
  /** The legend label it stands for. */
  label: string;
}

export interface PngLayout {
  width: number;
  height: number;
  map: Rect;
  /** Where the legend and the weights are: beside the map or below it. */
  panel: Rect & { placement: 'side' | 'bottom' };
  texts: PlacedText[];
  swatches: PlacedSwatch[];
}

export const MARGIN = 16;
const GAP = 12;
const PANEL_WIDTH = 250;
/** Below this map width the panel goes under the map. */
const SIDE_PANEL_MIN_MAP_WIDTH = 560;
/** The narrowest image: a very small map still gets a readable legend. */
const MIN_CONTENT_WIDTH = 320;
const SWATCH = { width: 22, height: 14 };
const SWATCH_GAP = 8;
const ROW_GAP = 3;
const SECTION_GAP = 14;

/**
 * The image's size and the place of every line of text and every swatch.
 * pngLayout({ mapWidth: 800, mapHeight: 600, … }).map -> { x: 16, y: 58, width: 800, height: 600 }
 */
export function pngLayout(input: PngLayoutInput): PngLayout {
  const { mapWidth, mapHeight, measure } = input;
  if (!(mapWidth > 0) || !(mapHeight > 0)) throw new Error(`invalid map size: ${mapWidth}×${mapHeight}`);
  const formatWeight = input.formatWeight ?? ((w: number) => String(w));
  const side = mapWidth >= SIDE_PANEL_MIN_MAP_WIDTH;
  const contentWidth = side ? mapWidth + GAP + PANEL_WIDTH : Math.max(mapWidth, MIN_CONTENT_WIDTH);
  const texts: PlacedText[] = [];
  const swatches: PlacedSwatch[] = [];

  /** Wraps `text` to `width` and places its lines from `y` down; returns the y below the last line. */
  const paragraph = (text: string, style: TextStyle, x: number, y: number, width: number): number => {
    const { lineHeight } = TEXT_STYLES[style];
    for (const line of wrapText(text, width, (t) => measure(t, style))) {
      texts.push({ text: line, style, x, y, width: measure(line, style), height: lineHeight });
      y += lineHeight;
    }
    return y;
  };

  let y = paragraph(input.title, 'title', MARGIN, MARGIN, contentWidth);
  if (input.subtitle) y = paragraph(input.subtitle, 'subtitle', MARGIN, y + 2, contentWidth);
  const map: Rect = { x: MARGIN, y: y + GAP, width: mapWidth, height: mapHeight };

  const legendSection = (x: number, top: number, width: number): number => {
    let at = paragraph(input.legendTitle, 'heading', x, top, width);
    const lineHeight = TEXT_STYLES.body.lineHeight;
    for (const item of input.legend) {
      at += ROW_GAP;
      const textX = x + SWATCH.width + SWATCH_GAP;
      const bottom = paragraph(item.label, 'body', textX, at, width - SWATCH.width - SWATCH_GAP);
      // The swatch sits on the label's first line.
      swatches.push({ x, y: at + (lineHeight - SWATCH.height) / 2, ...SWATCH, swatch: item.swatch, label: item.label });
      at = Math.max(bottom, at + SWATCH.height);
    }
    return at;
  };

  const weightsSection = (x: number, top: number, width: number): number => {
    let at = paragraph(input.weightsTitle, 'heading', x, top, width);
    at = paragraph(input.method, 'small', x, at, width);
    for (const item of input.weights) {
      if (!(item.weight > 0)) continue;
      at += ROW_GAP;
      const value = formatWeight(item.weight);
      const valueWidth = measure(value, 'body');
      texts.push({ text: value, style: 'body', x: x + width - valueWidth, y: at, width: valueWidth, height: TEXT_STYLES.body.lineHeight });
      at = paragraph(item.label, 'body', x, at, width - valueWidth - SWATCH_GAP);
    }
    return at;
  };

  let panel: PngLayout['panel'];
  if (side) {
    const x = map.x + mapWidth + GAP;
    const bottom = weightsSection(x, legendSection(x, map.y, PANEL_WIDTH) + SECTION_GAP, PANEL_WIDTH);
    panel = { x, y: map.y, width: PANEL_WIDTH, height: bottom - map.y, placement: 'side' };
  } else {
    const top = map.y + mapHeight + GAP;
    const columnWidth = (contentWidth - GAP) / 2;
    const bottom =
      columnWidth >= 220
        ? Math.max(legendSection(MARGIN, top, columnWidth), weightsSection(MARGIN + columnWidth + GAP, top, columnWidth))
        : weightsSection(MARGIN, legendSection(MARGIN, top, contentWidth) + SECTION_GAP, contentWidth);
    panel = { x: MARGIN, y: top, width: contentWidth, height: bottom - top, placement: 'bottom' };
  }

  y = Math.max(map.y + mapHeight, panel.y + panel.height) + GAP;
  for (const line of input.attribution) y = paragraph(line, 'small', MARGIN, y, contentWidth);
  return { width: Math.ceil(MARGIN + contentWidth + MARGIN), height: Math.ceil(y + MARGIN), map, panel, texts, swatches };
}

/**
 * The words of `text`; a mark that stands apart by typographic custom ("10 %", French "Note :")
 * stays with the word before it, so that no line starts with it.
 */
function words(text: string): string[] {
  const out: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (word === '') continue;
    if (out.length > 0 && /^[%:;!?»)\]]+$/.test(word)) out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/**
 * Breaks `text` into lines no wider than `width` at spaces; a word wider than a line on its own is
 * cut between characters. wrapText("a b c", 3, (t) => t.length) -> ["a b", "c"]
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // A word too long for a line of its own is cut, keeping at least one character per line.
    let rest = word;
    while (measure(rest) > width && rest.length > 1) {
      const chars = [...rest];
      let n = 1;
      while (n < chars.length && measure(chars.slice(0, n + 1).join('')) <= width) n++;
      lines.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}
