import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR, paletteColours } from '../../src/map/palette';
import { BASE_STYLE } from '../../src/map/style';
import { contrastRatio, relativeLuminance, swatchEdge } from '../../src/ui/contrast';

const css = readFileSync(new URL('../../src/app/app.css', import.meta.url), 'utf8');

/** The custom properties set in the first rule of app.css whose selector is `selector`. */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`app.css has no rule ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const WHITE = '#ffffff';
const base = variables(':root');
const high = { ...base, ...variables('html.high-contrast') };
// Backgrounds a focused control can sit on: panels, the page, the map, a selected table row, a table header.
const LIGHT_BACKGROUNDS = [WHITE, base['--page'], '#eef0f2', '#dce9f7', '#f0f2f5'];
const HEADER = '#16324f';
const mapBackground = (BASE_STYLE.layers[0] as { paint: { 'background-color': string } }).paint['background-color'];

describe('contrastRatio', () => {
  it('contrastRatio(a, b) is 21 for black on white, 1 for a colour on itself, the same both ways', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#1f5fa8', '#1f5fa8')).toBe(1);
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(contrastRatio(WHITE, '#767676'), 12);
  });

  it("contrastRatio(a, b) matches WCAG's worked values: #767676 on white is 4.54:1, #777777 just under 4.5", () => {
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', WHITE)).toBeLessThan(4.5);
  });

  it('relativeLuminance reads #rgb, #rrggbb and rgb() (as d3 writes cividis) alike', () => {
    expect(relativeLuminance('#fff')).toBe(1);
    expect(relativeLuminance('rgb(255, 255, 255)')).toBe(1);
    expect(relativeLuminance('#808080')).toBeCloseTo(relativeLuminance('rgb(128,128,128)'), 12);
    expect(() => relativeLuminance('red')).toThrow('invalid colour: red');
  });
});

describe('the colours of app.css (WCAG 2.1 AA)', () => {
  it('the focus ring has 3:1 or more against every light background, and the header ring against the header', () => {
    for (const background of LIGHT_BACKGROUNDS) {
      expect(contrastRatio(base['--focus'], background), background).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(high['--focus'], background), background).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(base['--focus-on-dark'], HEADER)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(base['--focus'], mapBackground)).toBeGreaterThanOrEqual(3);
  });

  it('the high-contrast focus ring is wider than the normal one', () => {
    expect(parseFloat(high['--focus-width'])).toBeGreaterThan(parseFloat(base['--focus-width']));
  });

  it('body and muted text reach 4.5:1 on the page and the panels; in high contrast 7:1', () => {
    for (const background of [WHITE, base['--page']]) {
      expect(contrastRatio(base['--ink'], background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(base['--muted'], background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(high['--muted'], background)).toBeGreaterThanOrEqual(7);
    }
  });

  it('the borders of buttons and form fields reach 3:1 against the panels and the page', () => {
    for (const background of [WHITE, base['--page']]) expect(contrastRatio(base['--control-border'], background)).toBeGreaterThanOrEqual(3);
  });
});

describe('swatchEdge', () => {
  it.each(['viridis', 'cividis', 'magma'] as const)('every %s legend swatch, by its fill or its edge, stands out 3:1 from the legend', (palette) => {
    for (let k = 3; k <= 7; k++) {
      for (const colour of [...paletteColours(palette, k), NO_DATA_COLOUR, OUTSIDE_COLOUR]) {
        // A swatch that is light on its own gets a dark edge (a faint rgba edge is enough for the others).
        if (contrastRatio(colour, WHITE) >= 3) continue;
        expect(contrastRatio(swatchEdge(colour), WHITE), `${palette} ${k} ${colour}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('swatchEdge(colour) is dark for the light yellow of viridis and faint for its dark purple', () => {
    expect(swatchEdge('#fde725')).toBe('#1d232b');
    expect(swatchEdge('#440154')).toBe('rgba(0, 0, 0, 0.15)');
  });
});
