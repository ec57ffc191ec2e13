import { describe, expect, it } from 'vitest';
import { pngLayout, TEXT_STYLES, wrapText, type PngLayout, type PngLayoutInput, type Rect, type TextStyle } from '../../src/map/pngLayout';

/** A stand-in for canvas measureText: every character 0.6 of the font size wide. */
const measure = (text: string, style: TextStyle) => [...text].length * TEXT_STYLES[style].size * 0.6;

function input(overrides: Partial<PngLayoutInput> = {}): PngLayoutInput {
  return {
    mapWidth: 900,
    mapHeight: 600,
    title: 'Demostad: Priority score (0–100, higher = more need)',
    legendTitle: 'Legend',
    legend: [
      { swatch: { kind: 'fill', colour: '#440154' }, label: '80.1 – 100.0' },
      { swatch: { kind: 'fill', colour: '#21918c' }, label: '40.1 – 80.0' },
      { swatch: { kind: 'fill', colour: '#fde725' }, label: '0.0 – 40.0' },
      { swatch: { kind: 'fill', colour: '#d4d4d4' }, label: 'No data (3)' },
      { swatch: { kind: 'hatch', cross: false }, label: 'Hatched: 1 criterion in the neediest 10 %' },
      { swatch: { kind: 'hatch', cross: true }, label: 'Cross-hatched: 2 or more' },
      { swatch: { kind: 'outline', colour: '#e4007c', dash: 'dashed', width: 3 }, label: 'Current CHW area' },
    ],
    weightsTitle: 'Weights',
    weights: [
      { label: 'Income', weight: 2 },
      { label: 'Unemployment', weight: 0 },
      { label: 'Single parents', weight: 1 },
      { label: 'No GP contact in the last two years among insured persons aged 18 and over', weight: 0.5 },
    ],
    method: 'Method: percentile rank normalisation, weighted mean',
    attribution: ['Synthetic demo data (chw-planner)', 'Map: chw-planner, 23 November 2026'],
    measure,
    ...overrides,
  };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (r: Rect, layout: PngLayout) => r.x >= 0 && r.y >= 0 && r.x + r.width <= layout.width && r.y + r.height <= layout.height;

function boxes(layout: PngLayout): { what: string; rect: Rect }[] {
  return [
    { what: 'map', rect: layout.map },
    ...layout.texts.map((t) => ({ what: `text "${t.text}"`, rect: t })),
    ...layout.swatches.map((s) => ({ what: `swatch "${s.label}"`, rect: s })),
  ];
}

function expectNoOverlapInside(layout: PngLayout) {
  const all = boxes(layout);
  for (const box of all) expect(inside(box.rect, layout), `${box.what} inside ${layout.width}×${layout.height}`).toBe(true);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      expect(overlaps(all[i].rect, all[j].rect), `${all[i].what} overlaps ${all[j].what}`).toBe(false);
    }
  }
}

describe('pngLayout', () => {
  it('pngLayout(input) puts the title above the map and the panel beside a wide map, the canvas larger by the panel', () => {
    const layout = pngLayout(input());
    expect(layout.panel.placement).toBe('side');
    expect(layout.map).toEqual({ x: 16, y: 16 + 26 + 12, width: 900, height: 600 });
    expect(layout.panel.x).toBeGreaterThanOrEqual(layout.map.x + layout.map.width);
    expect(layout.width).toBe(16 + 900 + 12 + 250 + 16);
    expect(layout.height).toBeGreaterThan(layout.map.y + layout.map.height);
    const title = layout.texts.filter((t) => t.style === 'title');
    expect(title.map((t) => t.text)).toEqual([input().title]);
    expect(title[0].y + title[0].height).toBeLessThanOrEqual(layout.map.y);
    expectNoOverlapInside(layout);
  });

  it('pngLayout(input) places nothing on top of anything else, beside or below the map, at any map size', () => {
    for (const [mapWidth, mapHeight] of [
      [900, 600],
      [560, 200],
      [559, 400],
      [300, 300],
      [120, 80],
      [1600, 1000],
    ]) {
      const layout = pngLayout(input({ mapWidth, mapHeight }));
      expect(layout.panel.placement).toBe(mapWidth >= 560 ? 'side' : 'bottom');
      expectNoOverlapInside(layout);
    }
  });

  it('pngLayout(input) wraps a long title to the width of the image, every line within it', () => {
    const title = `${'Sint-Jans-Molenbeek en omliggende gemeenten '.repeat(4)}: No GP contact in the last two years`;
    const layout = pngLayout(input({ mapWidth: 600, title, subtitle: 'Selection: Anderlecht, Brussel, Etterbeek, Molenbeek' }));
    const lines = layout.texts.filter((t) => t.style === 'title');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((t) => t.text).join(' ')).toBe(title);
    for (const line of lines) expect(line.x + line.width).toBeLessThanOrEqual(layout.width - 16);
    expect(layout.map.y).toBeGreaterThanOrEqual(lines[lines.length - 1].y + TEXT_STYLES.title.lineHeight);
    expect(layout.texts.some((t) => t.style === 'subtitle' && t.text.startsWith('Selection:'))).toBe(true);
    expectNoOverlapInside(layout);
  });

  it('pngLayout(input) lists only non-zero weights, each with its value on the right of its label', () => {
    const layout = pngLayout(input());
    const texts = layout.texts.map((t) => t.text);
    expect(texts).toContain('Income');
    expect(texts).toContain('Single parents');
    expect(texts).not.toContain('Unemployment');
    expect(texts.join(' ')).toContain('No GP contact in the last two years');
    const two = layout.texts.find((t) => t.text === '2')!;
    const income = layout.texts.find((t) => t.text === 'Income')!;
    expect(two.y).toBe(income.y);
    expect(two.x + two.width).toBeCloseTo(layout.panel.x + layout.panel.width);
    expect(texts).toContain('0.5');
  });

  it('pngLayout(input) gives each legend entry a swatch on its first line, in the given order, and the attribution below everything', () => {
    const layout = pngLayout(input());
    expect(layout.swatches.map((s) => s.label)).toEqual(input().legend.map((l) => l.label));
    expect(layout.swatches.map((s) => s.swatch)).toEqual(input().legend.map((l) => l.swatch));
    for (const s of layout.swatches) {
      const label = layout.texts.find((t) => t.text === s.label || s.label.startsWith(t.text))!;
      expect(label.x).toBeGreaterThan(s.x + s.width);
      expect(s.y).toBeGreaterThanOrEqual(label.y);
      expect(s.y + s.height).toBeLessThanOrEqual(label.y + label.height);
    }
    const attribution = layout.texts.filter((t) => t.style === 'small' && /chw-planner/.test(t.text));
    expect(attribution.map((t) => t.text)).toEqual(['Synthetic demo data (chw-planner)', 'Map: chw-planner, 23 November 2026']);
    const above = Math.max(layout.map.y + layout.map.height, layout.panel.y + layout.panel.height);
    for (const t of attribution) expect(t.y).toBeGreaterThanOrEqual(above);
  });

  it('pngLayout(input) rejects a map of no size', () => {
    expect(() => pngLayout(input({ mapWidth: 0 }))).toThrow('invalid map size: 0×600');
  });
});

describe('wrapText', () => {
  const chars = (t: string) => t.length;
  it('wrapText(text, width, measure) breaks at spaces and keeps every word', () => {
    expect(wrapText('a b c', 3, chars)).toEqual(['a b', 'c']);
    expect(wrapText('  one   two three ', 9, chars)).toEqual(['one two', 'three']);
    expect(wrapText('', 10, chars)).toEqual([]);
  });
  it('wrapText(text, width, measure) never starts a line with a detached %, colon or semicolon', () => {
    expect(wrapText('les 10 % les plus', 5, chars)).toEqual(['les', '10 %', 'les', 'plus']);
    expect(wrapText('Hachuré : 1 critère', 9, chars)).toEqual(['Hachuré :', '1 critère']);
  });
  it('wrapText(text, width, measure) cuts a word longer than a line between characters', () => {
    expect(wrapText('ab abcdefgh c', 3, chars)).toEqual(['ab', 'abc', 'def', 'gh', 'c']);
  });
});
