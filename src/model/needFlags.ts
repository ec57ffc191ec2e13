import type { Prepared } from './prepare';

/** The need percentile at or above which a ward is flagged: the 10 % neediest on an indicator. */
export const FLAG_PERCENTILE = 0.9;

/**
 * Mid-rank percentile of each present value, ascending: p = (r - 1) / (N - 1) with r the rank among the
 * present values (1 = lowest, ties averaged), as `normalise` computes need percentiles; one value alone
 * gets 0.5. Missing entries (null, NaN, or absent from `mask`) stay null.
 */
function percentiles(values: ArrayLike<number | null>, mask?: ArrayLike<number>): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v) && (!mask || mask[i] === 1)) present.push(i);
  }
  present.sort((a, b) => (values[a] as number) - (values[b] as number));
  const out: (number | null)[] = new Array(values.length).fill(null);
  const count = present.length;
  let start = 0;
  while (start < count) {
    let end = start;
    while (end + 1 < count && values[present[end + 1]] === values[present[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) out[present[k]] = count === 1 ? 0.5 : (rank - 1) / (count - 1);
    start = end + 1;
  }
  return out;
}

/**
 * SVI-style flags: per indicator, 1 for the wards whose need percentile is at or above the 90th
 * (FLAG_PERCENTILE), 0 otherwise and for wards without a value. The percentile is the mid-rank
 * percentile of the need values among the wards that have one, the same for every method: every
 * normalisation is monotone in the raw value, and for the percentile method it equals the need value.
 * Tied wards share a percentile, so they are flagged together or not at all.
 * needFlags(prepare({ a: [1, 2, ..., 11] }, { a: 'high' }, 'minmax', 11), ['a']).a -> 1 for the values 10 and 11
 */
export function needFlags(prepared: Prepared, ids: readonly string[]): Record<string, Uint8Array> {
  const flags: Record<string, Uint8Array> = {};
  for (const id of ids) {
    const column = prepared.columns[id];
    if (!column) throw new Error(`invalid indicator: ${id}`);
    const p = percentiles(column.need, column.has);
    const flag = new Uint8Array(prepared.wardCount);
    // A tolerance so that p = 9/10, 18/20, … computed in floating point is never just below 0.9.
    for (let i = 0; i < flag.length; i++) if (p[i] !== null && (p[i] as number) >= FLAG_PERCENTILE - 1e-12) flag[i] = 1;
    flags[id] = flag;
  }
  return flags;
}

/** How many indicators flag the ward. flagCount({ a: [1, 0], b: [1, 1] }, 0) -> 2 */
export function flagCount(flags: Record<string, ArrayLike<number>>, ward: number): number {
  let count = 0;
  for (const id of Object.keys(flags)) if (flags[id][ward] === 1) count++;
  return count;
}

/**
 * The percentile (0–1, ascending, mid-rank, ties averaged) of one ward's raw value among the wards in
 * `among` (all wards by default) that have a value; null when the ward has none or is not among them.
 * percentileOf([10, 30, 20, null], 2) -> 0.5
 */
export function percentileOf(values: readonly (number | null)[], ward: number, among?: readonly number[]): number | null {
  let mask: Uint8Array | undefined;
  if (among) {
    mask = new Uint8Array(values.length);
    for (const i of among) mask[i] = 1;
  }
  return percentiles(values, mask)[ward] ?? null;
}

/**
 * The median of the present values (null and NaN left out), or of those at the positions in `among`;
 * null when there are none. medianOf([3, null, 1, 2, 10]) -> 2.5
 */
export function medianOf(values: readonly (number | null)[], among?: readonly number[]): number | null {
  const present: number[] = [];
  for (const i of among ?? values.keys()) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) present.push(v);
  }
  if (present.length === 0) return null;
  present.sort((a, b) => a - b);
  const mid = present.length >> 1;
  return present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}
