import { needRanks } from './needRanks';
import type { Direction, Method } from './types';

/**
 * One indicator turned into need values, aligned with the wards.
 * `need[i]` is meaningful only where `has[i] === 1`; typed arrays keep re-scoring cheap.
 */
export interface NeedColumn {
  need: Float64Array;
  has: Uint8Array;
}

const EXPO_CONSTANT = 1 - Math.exp(-100 / 23);

/**
 * The exponential transform of the English IMD and the Belgian BIMD, on the 0–1 scale:
 * p in (0, 1] is the need fraction (1 = neediest), the result is e / 100 with
 * e = -23 ln(1 - p (1 - e^(-100/23))), so p = 1 gives exactly 1 and small p gives about 0.
 */
export function expoTransform(p: number): number {
  // Pin the ends exactly: the formula gives -0 at p = 0 and 0.9999999999999996 at p = 1.
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return (-23 * Math.log(1 - p * EXPO_CONSTANT)) / 100;
}

/**
 * Turns raw values into need values with the given method, so that a higher need value always
 * means more need whatever the indicator's direction:
 * - percentile: p = (r - 1) / (N - 1), r the need rank (1 = least need, ties averaged); one ward alone gets 0.5;
 * - minmax: (x - min) / (max - min), mirrored for `low`; all equal gives 0.5;
 * - zscore: (x - mean) / sd (sample sd), negated for `low`; sd = 0 gives 0;
 * - expo: with r' = N + 1 - r the rank counted from the neediest, p = (N + 1 - r') / N and the
 *   exponential transform above (values in 0–1, the neediest ward 1).
 */
export function normalise(values: readonly (number | null)[], direction: Direction, method: Method): NeedColumn {
  const n = values.length;
  const need = new Float64Array(n);
  const has = new Uint8Array(n);
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) {
      has[i] = 1;
      present.push(i);
    }
  }
  const count = present.length;
  if (count === 0) return { need, has };

  if (method === 'percentile' || method === 'expo') {
    const { ranks } = needRanks(
      values.map((v, i) => (has[i] ? v : null)),
      direction,
    );
    for (const i of present) {
      const r = ranks[i] as number;
      if (method === 'percentile') {
        need[i] = count === 1 ? 0.5 : (r - 1) / (count - 1);
      } else {
        // r counts from the least needy; the BIMD's rank counts from the neediest: r' = N + 1 - r,
        // so p = (N + 1 - r') / N = r / N.
        need[i] = expoTransform(r / count);
      }
    }
    return { need, has };
  }

  if (method === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (const i of present) {
      const v = values[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const span = max - min;
    for (const i of present) {
      const v = values[i] as number;
      need[i] = span === 0 ? 0.5 : direction === 'high' ? (v - min) / span : (max - v) / span;
    }
    return { need, has };
  }

  let sum = 0;
  for (const i of present) sum += values[i] as number;
  const mean = sum / count;
  let squares = 0;
  for (const i of present) squares += ((values[i] as number) - mean) ** 2;
  const sd = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  const sign = direction === 'high' ? 1 : -1;
  for (const i of present) need[i] = sd === 0 ? 0 : (sign * ((values[i] as number) - mean)) / sd;
  return { need, has };
}
