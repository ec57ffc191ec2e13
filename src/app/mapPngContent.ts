import type { LegendItem, PngLayoutInput } from '../map/pngLayout';
import type { IndicatorDef, Labels, Method } from '../model/types';

/** The exported image's own words, as i18next keys (src/i18n/locales/*.json, under `mapPng.`). */
export type MapPngKey =
  | 'mapPng.title'
  | 'mapPng.legend'
  | 'mapPng.weights'
  | 'mapPng.method'
  | 'mapPng.selection'
  | 'mapPng.synthetic'
  | 'mapPng.madeWith'
  | `mapPng.methods.${Method}`;

export type MapPngTranslate = (key: MapPngKey, values?: { method?: string; names?: string; date?: string; dataset?: string; colouredBy?: string }) => string;

/** The English words, for callers without i18next (tests, the CLI). */
export const MAP_PNG_ENGLISH: Record<MapPngKey, string> = {
  'mapPng.title': '{{dataset}}: {{colouredBy}}',
  'mapPng.legend': 'Legend',
  'mapPng.weights': 'Weights',
  'mapPng.method': 'Method: {{method}}',
  'mapPng.selection': 'Selection: {{names}}',
  'mapPng.synthetic': 'Synthetic demo data: not real statistics',
  'mapPng.madeWith': 'Map: chw-planner, {{date}}',
  'mapPng.methods.percentile': 'percentile rank normalisation, weighted mean',
  'mapPng.methods.minmax': 'min–max normalisation, weighted mean',
  'mapPng.methods.zscore': 'z-score normalisation, weighted mean rescaled to 0–100',
  'mapPng.methods.expo': 'exponential transform of need ranks (English IMD / BIMD), weighted mean',
};

/** Translates with MAP_PNG_ENGLISH, filling in {{name}} placeholders as i18next does. */
export const englishMapPng: MapPngTranslate = (key, values = {}) =>
  MAP_PNG_ENGLISH[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => (values as Record<string, string | undefined>)[name] ?? '');

export interface MapPngFacts {
  datasetName: string;
  /** What the map is coloured by: the legend's title. */
  colouredBy: string;
  /** The legend as drawn (src/map/legendItems.ts). */
  legend: readonly LegendItem[];
  indicators: readonly IndicatorDef[];
  weights: Readonly<Record<string, number>>;
  method: Method;
  /** Names of the areas the view is filtered to; empty for all wards. */
  selection: readonly string[];
  synthetic: boolean;
  /** The dataset's attribution ("© Statbel (CC BY 4.0)"), or null. */
  dataAttribution: string | null;
  /** The basemap's attribution lines, if a basemap is shown. */
  basemapAttribution: readonly string[];
  date: Date;
  /** The interface language: catalogue labels, numbers and the date are written in it. */
  language?: keyof Labels;
  t?: MapPngTranslate;
}

/**
 * Everything the exported map image says, apart from its size: the title (dataset and what the map
 * is coloured by), the legend, the non-zero weights with their share, the method and the
 * attribution lines.
 * mapPngContent({ datasetName: 'Demostad', colouredBy: 'Priority score', … }).title -> "Demostad: Priority score"
 */
export function mapPngContent(facts: MapPngFacts): Omit<PngLayoutInput, 'mapWidth' | 'mapHeight' | 'measure'> {
  const language = facts.language ?? 'en';
  const t = facts.t ?? englishMapPng;
  const locale = language === 'en' ? 'en-GB' : `${language}-BE`;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const weights = facts.indicators
    .map((d) => {
      const labels = d.shortLabel ?? d.label;
      return { label: labels[language]?.trim() || labels.en, weight: facts.weights[d.id] ?? 0 };
    })
    .filter((w) => w.weight > 0);
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  const date = facts.date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const attribution = [
    // A synthetic dataset's own attribution only says it is synthetic.
    facts.synthetic ? t('mapPng.synthetic') : facts.dataAttribution,
    ...facts.basemapAttribution,
    t('mapPng.madeWith', { date }),
  ].filter((line): line is string => line !== null && line.trim() !== '');
  return {
    title: t('mapPng.title', { dataset: facts.datasetName, colouredBy: facts.colouredBy }),
    subtitle: facts.selection.length > 0 ? t('mapPng.selection', { names: facts.selection.join(', ') }) : '',
    legendTitle: t('mapPng.legend'),
    legend: facts.legend,
    weightsTitle: t('mapPng.weights'),
    weights,
    method: t('mapPng.method', { method: t(`mapPng.methods.${facts.method}`) }),
    attribution: [...new Set(attribution)],
    formatWeight: (w) => `${number.format(w)} (${Math.round((100 * w) / total)} %)`,
  };
}
