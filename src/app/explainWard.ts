import { groupOf } from '../model/aggregateWards';
import { contributions } from '../model/contributions';
import type { Dataset } from '../model/createDataset';
import { medianOf, percentileOf } from '../model/needFlags';
import type { Scored } from '../model/scoreInScope';
import { compareWards, type Comparison } from '../model/compareWards';
import type { Ranking } from '../model/rank';
import { suggestThemes } from '../model/suggestThemes';
import { formatValue } from '../ui/formatValue';
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

/**
 * The action themes that fit one ward best: those whose indicators deviate most, in the theme's
 * direction, from the median of the ward's own area (all wards when it has none), with the numbers.
 */
export function themesFor(view: Dataset, ward: number) {
  const group = groupOf(view.wards[ward]);
  const reference = view.wards.filter((w) => group === null || groupOf(w) === group).map((w) => w.index);
  const units = new Map(view.indicators.map((d) => [d.id, d]));
  return suggestThemes(THEMES, view.values, [ward], reference)
    .slice(0, 3)
    .map((s) => ({
      id: s.theme.id,
      label: s.theme.label.en,
      action: s.theme.action.en,
      evidence: s.evidence.map((e) => {
        const d = units.get(e.id);
        const name = d ? (d.shortLabel ?? d.label).en : e.id;
        return `${name} ${formatValue(e.groupValue, d?.unit ?? '')} vs median ${formatValue(e.median, d?.unit ?? '')}`;
      }),
    }));
}

/** The side-by-side comparison of 2–4 wards: values, percentiles and points per criterion. */
export function comparisonOf(
  view: Dataset,
  scored: Pick<Scored, 'prepared' | 'scores'> & { ranking: Ranking },
  weights: Record<string, number>,
  selected: readonly number[],
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
  return compareWards(
    {
      wards: view.wards,
      indicators: view.indicators.map((d) => ({ id: d.id, label: (d.shortLabel ?? d.label).en, unit: d.unit })),
      values: view.values,
      percentiles,
      points,
      scores: scored.scores.score,
      ranks: scored.ranking.rank,
    },
    selected,
  );
}
