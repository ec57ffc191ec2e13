import { aggregateWards, groupOf } from '../model/aggregateWards';
import { applySmoothing } from '../model/applySmoothing';
import type { Dataset } from '../model/createDataset';
import { prepare, type Prepared } from '../model/prepare';
import { rank } from '../model/rank';
import { score, type ScoreResult } from '../model/score';
import { scoreInScope, type Scored } from '../model/scoreInScope';
import type { AppState } from './state';

// The steps from the dataset with field knowledge to scores and ranks. useRanking memoises each step
// so that a weight change costs a weighted sum and a sort; rankSettings runs them in one go for a
// saved scenario. Both call these functions, so a scenario is ranked exactly as the page ranks.

/** The dataset as shown: smoothed shares when asked, wards merged into municipalities at that level. */
export function viewOf(base: Dataset, s: Pick<AppState, 'smoothShares' | 'populationId' | 'level'>): Dataset {
  const dataset = s.smoothShares ? applySmoothing(base, s.populationId) : base;
  return s.level === 'municipality' ? aggregateWards(dataset, s.populationId) : dataset;
}

/** Indices of the wards in the area filter; null when there is no filter. */
export function selectionOf(view: Dataset, s: Pick<AppState, 'areaFilter' | 'level'>): number[] | null {
  if (s.areaFilter.length === 0) return null;
  const wanted = new Set(s.areaFilter);
  return view.wards.filter((w) => wanted.has(s.level === 'municipality' ? w.code : (groupOf(w) ?? ''))).map((w) => w.index);
}

/** Wards left out of the ranking and the plan: workability 1, when that is on (ward level only). */
export function excludedOf(view: Dataset, s: Pick<AppState, 'excludeUnworkable' | 'level'>): Set<number> {
  const out = new Set<number>();
  if (!s.excludeUnworkable || s.level !== 'ward') return out;
  view.values.workability?.forEach((v, i) => v === 1 && out.add(i));
  return out;
}

/** Scores within the scope, with excluded wards keeping their need values but losing score and rank. */
export function scoredOf(
  view: Dataset,
  all: Prepared,
  allScores: ScoreResult,
  s: Pick<AppState, 'directions' | 'method' | 'weights' | 'scope'>,
  codes: string[],
  selection: number[] | null,
  excluded: ReadonlySet<number>,
): Scored {
  const result = scoreInScope(all, allScores, view.values, s.directions, s.method, s.weights, codes, selection, s.scope);
  if (excluded.size === 0) return result;
  const masked = result.scores.score.map((v, i) => (excluded.has(i) ? null : v));
  return { ...result, scores: { ...result.scores, score: masked }, ranking: rank(masked, codes) };
}

/**
 * The ranks that a set of settings gives the wards of `base` (the dataset with field knowledge), at
 * the given level: what the page would show after applying those settings.
 */
export function rankSettings(
  base: Dataset,
  s: Pick<AppState, 'smoothShares' | 'populationId' | 'level' | 'areaFilter' | 'excludeUnworkable' | 'directions' | 'method' | 'weights' | 'scope'>,
): (number | null)[] {
  const view = viewOf(base, s);
  const all = prepare(view.values, s.directions, s.method, view.wards.length);
  const codes = view.wards.map((w) => w.code);
  return scoredOf(view, all, score(all, s.weights), s, codes, selectionOf(view, s), excludedOf(view, s)).ranking.rank;
}
