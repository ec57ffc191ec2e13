import type { Prepared } from './prepare';

/** Scores per ward: 0–100 (100 = most need) or null when the ward has none of the weighted indicators. */
export interface ScoreResult {
  score: (number | null)[];
  /** How many of the weighted indicators each ward has a value for ("n of m"). */
  indicatorsUsed: Uint8Array;
  /** m: how many indicators carry a weight above 0. */
  indicatorsWeighted: number;
}

/**
 * Combines need values with the weights. For each ward, over the weighted indicators it has a value for,
 * the weights are renormalised: composite = sum(w * need) / sum(w).
 * - percentile, minmax, expo: need is in 0–1, score = 100 * composite;
 * - zscore: the composite is unbounded, so it is rescaled to 0–100 by min–max over the scored wards.
 * Weights of 0, or indicators absent from `weights`, are off.
 */
export function score(prepared: Prepared, weights: Record<string, number>): ScoreResult {
  const n = prepared.wardCount;
  const sumWeighted = new Float64Array(n);
  const sumWeights = new Float64Array(n);
  const used = new Uint8Array(n);
  let weighted = 0;
  for (const id of prepared.ids) {
    const w = weights[id] ?? 0;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`invalid weight for ${id}: ${w}`);
    if (w === 0) continue;
    weighted++;
    const { need, has } = prepared.columns[id];
    for (let i = 0; i < n; i++) {
      if (has[i] === 0) continue;
      sumWeighted[i] += w * need[i];
      sumWeights[i] += w;
      used[i]++;
    }
  }
  const result: (number | null)[] = new Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (sumWeights[i] === 0) {
      result[i] = null;
      continue;
    }
    const composite = sumWeighted[i] / sumWeights[i];
    result[i] = composite;
    if (composite < min) min = composite;
    if (composite > max) max = composite;
  }
  const rescale = prepared.method === 'zscore';
  // Composites that are equal in exact arithmetic can differ by float noise (1e-17); rescaling that
  // noise to 0–100 would rank tied wards apart, so a span that small counts as none.
  const span = max - min <= 1e-9 * Math.max(1, Math.abs(max), Math.abs(min)) ? 0 : max - min;
  for (let i = 0; i < n; i++) {
    const c = result[i];
    if (c === null) continue;
    const s = rescale ? (span === 0 ? 50 : (100 * (c - min)) / span) : 100 * c;
    // Clamp away float noise such as 100.00000000000001 so the 0–100 contract holds exactly.
    result[i] = Math.min(100, Math.max(0, s));
  }
  return { score: result, indicatorsUsed: used, indicatorsWeighted: weighted };
}
