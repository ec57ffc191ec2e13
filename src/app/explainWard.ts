import { groupOf } from '../model/aggregateWards';
import { contributions } from '../model/contributions';
import type { Dataset } from '../model/createDataset';
import { medianOf, percentileOf } from '../model/needFlags';
import type { Scored } from '../model/scoreInScope';

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
