import type { Prepared } from './prepare';

/** One weighted indicator's part in a ward's score. */
export interface Contribution {
  id: string;
  weight: number;
  /** The ward's need value on this indicator; null when the ward lacks it. */
  need: number | null;
  /** 100 * w * need / sum(w) over the indicators the ward has; 0 when it lacks the indicator. */
  points: number;
  /** points / the sum of all points; 0 when that sum is 0. */
  share: number;
}

/**
 * Breaks one ward's score into the part each weighted indicator (weight > 0) brings, in catalogue order.
 * With composite = sum(w * need) / sum(w) as in `score`, points = 100 * w * need / sum(w), so:
 * - percentile, minmax, expo: the points add up to the ward's score exactly;
 * - zscore: the points add up to 100 * composite, before `score` rescales the composites min–max over
 *   all wards; that rescaling is shared by every ward and not attributable to an indicator, so the
 *   breakdown is given at the composite level (points may then be negative) and the shares still sum to 1.
 * contributions(prepare({ a: [0, 10] }, { a: 'high' }, 'minmax', 2), { a: 1 }, 1)
 *   -> [{ id: 'a', weight: 1, need: 1, points: 100, share: 1 }]
 */
export function contributions(prepared: Prepared, weights: Record<string, number>, ward: number): Contribution[] {
  if (!Number.isInteger(ward) || ward < 0 || ward >= prepared.wardCount) throw new Error(`invalid ward: ${ward}`);
  const rows: { id: string; weight: number; need: number | null }[] = [];
  let sumWeights = 0;
  for (const id of prepared.ids) {
    const w = weights[id] ?? 0;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`invalid weight for ${id}: ${w}`);
    if (w === 0) continue;
    const { need, has } = prepared.columns[id];
    const value = has[ward] === 1 ? need[ward] : null;
    if (value !== null) sumWeights += w;
    rows.push({ id, weight: w, need: value });
  }
  const points = rows.map((r) => (r.need === null || sumWeights === 0 ? 0 : (100 * r.weight * r.need) / sumWeights));
  const total = points.reduce((a, b) => a + b, 0);
  return rows.map((r, k) => ({ ...r, points: points[k], share: total === 0 ? 0 : points[k] / total }));
}
