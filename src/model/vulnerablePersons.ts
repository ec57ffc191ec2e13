import type { ValueColumns } from './types';

/**
 * The number of vulnerable persons per ward, which the planner turns into workload: the
 * `vulnerable_persons` indicator, or else VT share (%) x population; null when neither is there.
 */
export function vulnerablePersons(values: ValueColumns): (number | null)[] | null {
  if (values.vulnerable_persons) return values.vulnerable_persons;
  const share = values.vt_share;
  const population = values.population;
  if (!share || !population) return null;
  return share.map((s, i) => {
    const p = population[i];
    return s === null || p === null ? null : Math.round((s / 100) * p);
  });
}
