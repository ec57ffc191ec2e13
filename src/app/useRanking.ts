import { useMemo } from 'react';
import { applyAreaMatches } from '../model/applyAreaMatches';
import type { Dataset } from '../model/createDataset';
import { requestsPerWard } from '../model/fieldSignals';
import { normaliseCode } from '../model/normaliseCode';
import { prepare } from '../model/prepare';
import { score } from '../model/score';
import { withFieldColumns } from '../model/withFieldColumns';
import { CATALOGUE } from './catalogue';
import { excludedOf, scoredOf, selectionOf, viewOf } from './derive';
import type { Scored } from '../model/scoreInScope';
import type { AppState } from './state';

export type Derived = Scored & {
  /** The dataset as shown: the loaded one with field knowledge, or its wards merged into municipalities. */
  view: Dataset;
  /** Indices of the wards in the area filter; null when there is no filter. */
  selection: number[] | null;
  /** Wards left out of the ranking and the plan (workability 1, when that is on). */
  excluded: ReadonlySet<number>;
  /** The loaded dataset with field knowledge, before smoothing and merging: what scenarios re-rank. */
  base: Dataset;
};

/**
 * Scores and ranks from the state. Need values are recomputed only when the dataset, level, method,
 * directions or area filter change (scoreInScope keeps the selection's own); a weight change costs
 * a weighted sum and a sort per ranking, and the map can reuse the sort: mapColouring(…, ranking).
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
  const view = useMemo(
    () => (withField ? viewOf(withField, { smoothShares: state.smoothShares, populationId, level }) : null),
    [withField, state.smoothShares, populationId, level],
  );
  const all = useMemo(() => (view ? prepare(view.values, directions, method, view.wards.length) : null), [view, directions, method]);
  const allScores = useMemo(() => (all ? score(all, weights) : null), [all, weights]);
  const codes = useMemo(() => view?.wards.map((w) => w.code) ?? [], [view]);
  const selection = useMemo(() => (view ? selectionOf(view, { areaFilter, level }) : null), [view, areaFilter, level]);
  const excluded = useMemo(
    () => (view ? excludedOf(view, { excludeUnworkable: state.excludeUnworkable, level }) : new Set<number>()),
    [view, state.excludeUnworkable, level],
  );
  const scored = useMemo(
    () => (view && all && allScores ? scoredOf(view, all, allScores, { directions, method, weights, scope }, codes, selection, excluded) : null),
    [view, all, allScores, directions, method, weights, codes, selection, scope, excluded],
  );
  // One object per change of its parts: memos downstream (the plan, hot spots) key on it.
  return useMemo(
    () => (view && scored && withField ? { ...scored, view, base: withField, selection, excluded } : null),
    [view, scored, withField, selection, excluded],
  );
}
