import type { TFunction } from 'i18next';
import { groupOf } from '../model/aggregateWards';
import { contributions } from '../model/contributions';
import type { Dataset } from '../model/createDataset';
import { medianOf, percentileOf } from '../model/needFlags';
import type { Scored } from '../model/scoreInScope';
import { compareWards, type Comparison } from '../model/compareWards';
import type { Ranking } from '../model/rank';
import { suggestThemes } from '../model/suggestThemes';
import { formatValue } from '../ui/formatValue';
import { labelIn, localeOf, type Language } from '../i18n/language';
import { translator } from '../i18n/translator';
import { wardName } from '../i18n/wardName';
import { THEMES } from './themes';

/**
 * Why one ward ranks where it does, per indicator: points of its score and their share, the raw
 * value's percentile among the scored wards, the medians of its own area (municipality or
 * district) and of all wards, and the top-10 % flag.
 */
export function explainWard(
  view: Dataset,
  scored: Pick<Scored, 'prepared' | 'scores'>,
  weights: Record<string, number>,
  flags: Record<string, ArrayLike<number>>,
  ward: number,
) {
  const points = new Map(contributions(scored.prepared, weights, ward).map((c) => [c.id, c]));
  const group = groupOf(view.wards[ward]);
  const here = group === null ? [] : view.wards.filter((w) => groupOf(w) === group).map((w) => w.index);
  const scoredWards = view.wards.filter((w) => scored.scores.score[w.index] !== null).map((w) => w.index);
  return Object.fromEntries(
    view.indicators.map((d) => {
      const values = view.values[d.id];
      const c = points.get(d.id);
      return [
        d.id,
        {
          points: c && c.need !== null ? c.points : null,
          share: c ? c.share : null,
          percentile: percentileOf(values, ward, scoredWards.length > 0 ? scoredWards : undefined),
          medianHere: here.length > 0 ? medianOf(values, here) : null,
          medianAll: medianOf(values),
          flagged: flags[d.id]?.[ward] === 1,
        },
      ];
    }),
  );
}

/** How a suggested theme is shown: its label, the action it proposes and the numbers behind it. */
export interface ThemeDisplay {
  id: string;
  label: string;
  action: string;
  evidence: string[];
}

/**
 * The action themes that fit one ward best: those whose indicators deviate most, in the theme's
 * direction, from the median of the ward's own area (all wards when it has none), with the numbers.
 */
export function themesFor(view: Dataset, ward: number, language: Language = 'en'): ThemeDisplay[] {
  return themesForGroup(view, [ward], language);
}

/**
 * The action themes that fit a group of wards best (a comparison, a proposed team): the group's mean
 * against the city median, as suggestThemes computes it; the top three, with the numbers. The city is
 * every ward of the municipalities the group lies in, or all wards when the dataset has no
 * municipalities (a single city such as the demo, whose districts are parts of it).
 * themesForGroup(view, [3, 4]) -> [{ id: 'increased-reimbursement', …, evidence: ['VT share 28.0 % (mean of 2 wards) vs city median 16.0 %'] }, …]
 */
export function themesForGroup(view: Dataset, wards: readonly number[], language: Language = 'en'): ThemeDisplay[] {
  const t = translator(language);
  const locale = localeOf(language);
  const members = [...new Set(wards)];
  // The city: the municipalities the group lies in; a dataset without municipalities is one city.
  const cities = new Set(members.map((i) => view.wards[i].municipality).filter((m) => m !== null));
  const reference = view.wards.filter((w) => cities.size === 0 || (w.municipality !== null && cities.has(w.municipality))).map((w) => w.index);
  const units = new Map(view.indicators.map((d) => [d.id, d]));
  return suggestThemes(THEMES, view.values, members, reference)
    .slice(0, 3)
    .map((s) => ({
      id: s.theme.id,
      label: labelIn(s.theme.label, language),
      action: labelIn(s.theme.action, language),
      evidence: s.evidence.map((e) => {
        const d = units.get(e.id);
        const name = d ? labelIn(d.shortLabel ?? d.label, language) : e.id;
        const unit = d?.unit ?? '';
        return t('themes.evidence', {
          name,
          value: formatValue(e.groupValue, unit, false, locale),
          mean: meanOf(view.values[e.id], members, t),
          median: formatValue(e.median, unit, false, locale),
        });
      }),
    }));
}

/** " (mean of 3 wards)" for a group, " (mean of 2 of 3 wards)" when one has no value; "" for one ward. */
function meanOf(column: readonly (number | null)[], wards: readonly number[], t: TFunction): string {
  if (wards.length < 2) return '';
  // Counted as suggestThemes counts: the finite values.
  const present = wards.filter((i) => Number.isFinite(column[i] ?? NaN)).length;
  return present === wards.length ? t('themes.meanOf', { n: present }) : t('themes.meanOfSome', { n: present, total: wards.length });
}

/** The side-by-side comparison of 2–4 wards: values, percentiles and points per criterion. */
export function comparisonOf(
  view: Dataset,
  scored: Pick<Scored, 'prepared' | 'scores'> & { ranking: Ranking },
  weights: Record<string, number>,
  selected: readonly number[],
  language: Language = 'en',
): Comparison {
  const n = view.wards.length;
  const percentiles: Record<string, (number | null)[]> = {};
  const points: Record<string, (number | null)[]> = {};
  for (const d of view.indicators) {
    percentiles[d.id] = new Array(n).fill(null);
    points[d.id] = new Array(n).fill(null);
  }
  for (const ward of selected) {
    const e = explainWard(view, scored, weights, {}, ward);
    for (const d of view.indicators) {
      percentiles[d.id][ward] = e[d.id].percentile;
      points[d.id][ward] = e[d.id].points;
    }
  }
  // Names in the interface language: French names where the data has them.
  const wards = language === 'fr' && view.wards.some((w) => w.nameFr) ? view.wards.map((w) => ({ ...w, name: wardName(w, language) })) : view.wards;
  return compareWards(
    {
      wards,
      indicators: view.indicators.map((d) => ({ id: d.id, label: labelIn(d.shortLabel ?? d.label, language), unit: d.unit })),
      values: view.values,
      percentiles,
      points,
      scores: scored.scores.score,
      ranks: scored.ranking.rank,
    },
    selected,
  );
}
