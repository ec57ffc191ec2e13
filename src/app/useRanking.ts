import { useMemo } from 'react';
import { prepare, type Prepared } from '../model/prepare';
import { rank, type Ranking } from '../model/rank';
import { score, type ScoreResult } from '../model/score';
import type { AppState } from './state';

export interface Derived {
  prepared: Prepared;
  scores: ScoreResult;
  ranking: Ranking;
}

/**
 * Scores and ranks from the state. Need values are recomputed only when the dataset, method or
 * directions change; a weight change costs a weighted sum and a sort.
 */
export function useRanking(state: AppState): Derived | null {
  const { dataset, directions, method, weights } = state;
  const prepared = useMemo(() => (dataset ? prepare(dataset.values, directions, method) : null), [dataset, directions, method]);
  const scores = useMemo(() => (prepared ? score(prepared, weights) : null), [prepared, weights]);
  const codes = useMemo(() => dataset?.wards.map((w) => w.code) ?? [], [dataset]);
  const ranking = useMemo(() => (scores ? rank(scores.score, codes) : null), [scores, codes]);
  return prepared && scores && ranking ? { prepared, scores, ranking } : null;
}
