import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../src/i18n/resources';
import { legendItems, type LegendTranslate } from '../../src/map/legendItems';
import { NO_DATA_COLOUR } from '../../src/map/palette';
import { Legend, type LegendProps } from '../../src/ui/Legend';

const ENTRIES = [
  { colour: '#fde725', label: '0.0 – 40.0' },
  { colour: '#21918c', label: '40.0 – 80.0' },
  { colour: '#440154', label: '80.0 – 100.0' },
];

const EVERYTHING: LegendProps = {
  title: 'Priority score',
  entries: ENTRIES,
  noDataCount: 3,
  showCurrentAreas: true,
  showOutside: true,
  showTeams: true,
  rings: 2,
  hotspots: 12,
  flags: true,
  topChange: { k: 20, entered: 4, left: 5 },
  badges: { k: 20, counts: [7, 8, 9] },
};

/** The text of each <li> of the on-screen legend, as React renders it. */
function renderedLabels(props: LegendProps): string[] {
  const html = renderToStaticMarkup(createElement(Legend, props));
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) =>
    m[1]
      .replace(/<[^>]*>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .trim(),
  );
}

const t: LegendTranslate = (key, values) => i18next.t(key, values ?? {});

describe('legendItems', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });

  it('legendItems(props, t) lists the labels of the on-screen Legend, in its order, with every overlay on, in each language', async () => {
    for (const language of ['en', 'nl', 'fr']) {
      await i18next.changeLanguage(language);
      const items = legendItems(EVERYTHING, t);
      expect(items.map((i) => i.label)).toEqual(renderedLabels(EVERYTHING));
      expect(items).toHaveLength(3 + 1 + 1 + 1 + 2 + 2 + 3 + 1 + 2 + 1);
      expect(items.every((i) => !i.label.startsWith('legend.')), `${language} has every legend text`).toBe(true);
    }
    await i18next.changeLanguage('en');
  });

  it('legendItems(props, t) gives the classes from most to least need as fills, then no data, and nothing for overlays that are off', () => {
    const props: LegendProps = { title: 'Score', entries: ENTRIES, noDataCount: 0, showCurrentAreas: false, showOutside: false };
    const items = legendItems(props, t);
    expect(items.map((i) => i.label)).toEqual(renderedLabels(props));
    expect(items.map((i) => i.swatch)).toEqual([
      { kind: 'fill', colour: '#440154' },
      { kind: 'fill', colour: '#21918c' },
      { kind: 'fill', colour: '#fde725' },
      { kind: 'fill', colour: NO_DATA_COLOUR },
    ]);
    expect(items[3].label).toBe(i18next.t('legend.noData'));
  });

  it('legendItems(props, t) draws flags as hatching and current areas as a dashed outline, not as colours', () => {
    const items = legendItems(EVERYTHING, t);
    expect(items.filter((i) => i.swatch.kind === 'hatch').map((i) => i.swatch)).toEqual([
      { kind: 'hatch', cross: false },
      { kind: 'hatch', cross: true },
    ]);
    expect(items.find((i) => i.label === 'Current CHW area')?.swatch).toMatchObject({ kind: 'outline', dash: 'dashed' });
  });
});
