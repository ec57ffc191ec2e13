import { describe, expect, it } from 'vitest';
import { englishMapPng, mapPngContent, type MapPngFacts } from '../../src/app/mapPngContent';
import type { IndicatorDef } from '../../src/model/types';

const indicator = (id: string, en: string, short?: string): IndicatorDef => ({
  id,
  label: { nl: `${en} (nl)`, fr: `${en} (fr)`, en },
  shortLabel: short ? { nl: `${short} (nl)`, fr: '', en: short } : undefined,
  unit: '%',
  direction: 'high',
  defaultWeight: 1,
  source: 'test',
  year: 2024,
});

const FACTS: MapPngFacts = {
  datasetName: 'Demostad',
  colouredBy: 'Priority score (0–100, higher = more need)',
  legend: [{ swatch: { kind: 'fill', colour: '#440154' }, label: '80 – 100' }],
  indicators: [indicator('income', 'Median income', 'Income'), indicator('unemployment', 'Unemployment rate'), indicator('gp', 'No GP contact')],
  weights: { income: 3, unemployment: 0, gp: 1 },
  method: 'percentile',
  selection: [],
  synthetic: false,
  dataAttribution: '© Statbel (CC BY 4.0)',
  basemapAttribution: ['© OpenStreetMap contributors'],
  date: new Date(2026, 10, 23),
};

describe('mapPngContent', () => {
  it('mapPngContent(facts) titles the image with the dataset and what the map is coloured by', () => {
    const content = mapPngContent(FACTS);
    expect(content.title).toBe('Demostad: Priority score (0–100, higher = more need)');
    expect(content.subtitle).toBe('');
    expect(content.legendTitle).toBe('Legend');
    expect(content.legend).toBe(FACTS.legend);
  });

  it('mapPngContent(facts) lists only weighted indicators, by short label, each with its share', () => {
    const content = mapPngContent(FACTS);
    expect(content.weights).toEqual([
      { label: 'Income', weight: 3 },
      { label: 'No GP contact', weight: 1 },
    ]);
    expect(content.formatWeight?.(3)).toBe('3 (75 %)');
    expect(content.formatWeight?.(1)).toBe('1 (25 %)');
    expect(content.method).toBe('Method: percentile rank normalisation, weighted mean');
  });

  it('mapPngContent(facts) ends with the data and basemap attribution and the date the map was made', () => {
    expect(mapPngContent(FACTS).attribution).toEqual(['© Statbel (CC BY 4.0)', '© OpenStreetMap contributors', 'Map: chw-planner, 23 November 2026']);
    const demo = mapPngContent({ ...FACTS, synthetic: true, dataAttribution: 'Synthetic demo data (chw-planner)', basemapAttribution: [] });
    expect(demo.attribution).toEqual(['Synthetic demo data: not real statistics', 'Map: chw-planner, 23 November 2026']);
  });

  it('mapPngContent(facts) names the selection under the title', () => {
    expect(mapPngContent({ ...FACTS, selection: ['Anderlecht', 'Molenbeek'] }).subtitle).toBe('Selection: Anderlecht, Molenbeek');
  });

  it('mapPngContent(facts) writes labels, numbers and the date in the interface language, with its words', () => {
    const dutch = mapPngContent({
      ...FACTS,
      weights: { income: 1.5, gp: 1 },
      language: 'nl',
      t: (key, values) => `[${key}]${values ? JSON.stringify(values) : ''}`,
    });
    expect(dutch.weights.map((w) => w.label)).toEqual(['Income (nl)', 'No GP contact (nl)']);
    expect(dutch.formatWeight?.(1.5)).toBe('1,5 (60 %)');
    expect(dutch.attribution.at(-1)).toBe('[mapPng.madeWith]{"date":"23 november 2026"}');
    expect(dutch.legendTitle).toBe('[mapPng.legend]');
    expect(dutch.method).toBe('[mapPng.method]{"method":"[mapPng.methods.percentile]"}');
    // A language without a short label falls back to the English one.
    const french = mapPngContent({ ...FACTS, language: 'fr' });
    expect(french.weights.map((w) => w.label)).toEqual(['Income', 'No GP contact (fr)']);
  });

  it('englishMapPng(key, values) fills in placeholders', () => {
    expect(englishMapPng('mapPng.selection', { names: 'A, B' })).toBe('Selection: A, B');
  });
});
