import { useMemo } from 'react';
import { aggregateWards, groupOf } from '../model/aggregateWards';
import { applyAreaMatches } from '../model/applyAreaMatches';
import { applySmoothing } from '../model/applySmoothing';
import type { Dataset } from '../model/createDataset';
import { requestsPerWard } from '../model/fieldSignals';
import { normaliseCode } from '../model/normaliseCode';
import { prepare } from '../model/prepare';
import { rank } from '../model/rank';
import { score } from '../model/score';
import { scoreInScope, type Scored } from '../model/scoreInScope';
import { withFieldColumns } from '../model/withFieldColumns';
import { CATALOGUE } from './catalogue';
import type { AppState } from './state';

export type Derived = Scored & {
  /** The dataset as shown: the loaded one with field knowledge, or its wards merged into municipalities. */
  view: Dataset;
  /** Indices of the wards in the area filter; null when there is no filter. */
  selection: number[] | null;
  /** Wards left out of the ranking and the plan (workability 1, when that is on). */
  excluded: ReadonlySet<number>;
};

/**
 * Scores and ranks from the state. Need values are recomputed only when the dataset, level, method
 * or directions change; a weight change costs a weighted sum and a sort.
 */
export function useRanking(state: AppState): Derived | null {
  const { directions, method, weights, level, populationId, areaFilter, scope, areaMatches, workability, requests, halfLifeMonths } = state;
  const workabilityByCode = useMemo(() => new Map(workability.map((e) => [normaliseCode(e.code), e.score as number])), [workability]);
  const requestValues = useMemo(() => {
    if (!state.dataset || requests.length === 0) return null;
    const codes = state.dataset.wards.map((w) => w.code);
    return requestsPerWard(requests, codes, { asOf: new Date(), halfLifeMonths }).values;
  }, [state.dataset, requests, halfLifeMonths]);
  const withField = useMemo(
    () => (state.dataset ? withFieldColumns(applyAreaMatches(state.dataset, areaMatches), workabilityByCode, requestValues, CATALOGUE) : null),
    [state.dataset, areaMatches, workabilityByCode, requestValues],
  );
  const dataset = useMemo(
    () => (withField && state.smoothShares ? applySmoothing(withField, populationId) : withField),
    [withField, state.smoothShares, populationId],
  );
  const view = useMemo(
    () => (dataset && level === 'municipality' ? aggregateWards(dataset, populationId) : dataset),
    [dataset, level, populationId],
  );
  const all = useMemo(() => (view ? prepare(view.values, directions, method, view.wards.length) : null), [view, directions, method]);
  const allScores = useMemo(() => (all ? score(all, weights) : null), [all, weights]);
  const codes = useMemo(() => view?.wards.map((w) => w.code) ?? [], [view]);
  const selection = useMemo(() => {
    if (!view || areaFilter.length === 0) return null;
    const wanted = new Set(areaFilter);
    return view.wards.filter((w) => wanted.has(level === 'municipality' ? w.code : (groupOf(w) ?? ''))).map((w) => w.index);
  }, [view, areaFilter, level]);
  const excluded = useMemo(() => {
    const out = new Set<number>();
    if (!view || !state.excludeUnworkable || level !== 'ward') return out;
    view.values.workability?.forEach((v, i) => v === 1 && out.add(i));
    return out;
  }, [view, state.excludeUnworkable, level]);
  const scored = useMemo(() => {
    if (!view || !all || !allScores) return null;
    const result = scoreInScope(all, allScores, view.values, directions, method, weights, codes, selection, scope);
    if (excluded.size === 0) return result;
    // Excluded wards keep their need values for the record but get no score and no rank.
    const masked = result.scores.score.map((s, i) => (excluded.has(i) ? null : s));
    return { ...result, scores: { ...result.scores, score: masked }, ranking: rank(masked, codes) };
  }, [view, all, allScores, directions, method, weights, codes, selection, scope, excluded]);
  return view && scored ? { ...scored, view, selection, excluded } : null;
}
