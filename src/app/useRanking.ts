import { useMemo } from 'react';
import { aggregateWards, groupOf } from '../model/aggregateWards';
import { applyAreaMatches } from '../model/applyAreaMatches';
import type { Dataset } from '../model/createDataset';
import { prepare } from '../model/prepare';
import { score } from '../model/score';
import { scoreInScope, type Scored } from '../model/scoreInScope';
import type { AppState } from './state';

export type Derived = Scored & {
  /** The dataset as shown: the loaded one, or its wards merged into municipalities. */
  view: Dataset;
  /** Indices of the wards in the area filter; null when there is no filter. */
  selection: number[] | null;
};

/**
 * Scores and ranks from the state. Need values are recomputed only when the dataset, level, method
 * or directions change; a weight change costs a weighted sum and a sort.
 */
export function useRanking(state: AppState): Derived | null {
  const { directions, method, weights, level, populationId, areaFilter, scope, areaMatches } = state;
  const dataset = useMemo(() => (state.dataset ? applyAreaMatches(state.dataset, areaMatches) : null), [state.dataset, areaMatches]);
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
  const scored = useMemo(
    () =>
      view && all && allScores
        ? scoreInScope(all, allScores, view.values, directions, method, weights, codes, selection, scope)
        : null,
    [view, all, allScores, directions, method, weights, codes, selection, scope],
  );
  return view && scored ? { ...scored, view, selection } : null;
}
