import { sortBuffers, sortDescending } from './sortDescending';

/** Ranks and deciles of scored wards. */
export interface Ranking {
  /** 1 = highest priority; tied scores share the lowest rank ("1, 2, 2, 4"); null when unscored. */
  rank: (number | null)[];
  /** 1 = the 10 % of scored wards with most need … 10 = least; null when unscored. */
  decile: (number | null)[];
  /** Ward indices by rank, ties by code, unscored wards last: a stable order whatever the row order. */
  order: number[];
  /** How many wards have a score. */
  scored: number;
}

/**
 * Ranks wards by score, highest first.
 * rank([50, 80, null, 80], ['a', 'b', 'c', 'd']).rank -> [3, 1, null, 1]
 */
export function rank(scores: readonly (number | null)[], codes: readonly string[]): Ranking {
  const n = scores.length;
  if (codes.length !== n) throw new Error(`invalid codes: ${codes.length} codes for ${n} scores`);
  // Laid out in code order, a stable sort by score leaves tied wards in code order: no string
  // comparison per weight change, only the one sort of the codes that codeOrder remembers.
  const byCode = codeOrder(codes);
  const values = new Float64Array(n);
  const wardAt = new Uint32Array(n);
  const unscoredAt = new Uint32Array(n);
  let scored = 0;
  let unscored = 0;
  for (let p = 0; p < n; p++) {
    const i = byCode[p];
    const s = scores[i];
    if (s === null) unscoredAt[unscored++] = i;
    else {
      values[scored] = s;
      wardAt[scored++] = i;
    }
  }
  const keys = values.subarray(0, scored);
  const sorted = new Uint32Array(scored);
  sortDescending(keys, sorted, sortBuffers(keys));
  const order: number[] = new Array(n);
  for (let u = 0; u < unscored; u++) order[scored + u] = unscoredAt[u];
  const ranks: (number | null)[] = new Array(n).fill(null);
  const deciles: (number | null)[] = new Array(n).fill(null);
  let previous = NaN;
  let r = 0;
  for (let k = 0; k < scored; k++) {
    const j = sorted[k];
    const i = wardAt[j];
    order[k] = i;
    if (keys[j] !== previous) r = k + 1;
    previous = keys[j];
    ranks[i] = r;
    // Decile from the rank, so tied wards always share a decile.
    deciles[i] = Math.min(10, Math.floor(((r - 1) * 10) / scored) + 1);
  }
  return { rank: ranks, decile: deciles, order, scored };
}

/** The last code order computed per codes array, with a copy of the codes it was computed from. */
const codeOrders = new WeakMap<readonly string[], { codes: string[]; order: Uint32Array }>();

/**
 * Ward indices sorted by code, equal codes by index. Remembered per codes array (useRanking keeps
 * one per dataset), and checked against a copy so that an array changed in place is re-sorted.
 */
function codeOrder(codes: readonly string[]): Uint32Array {
  const cached = codeOrders.get(codes);
  if (cached && sameCodes(cached.codes, codes)) return cached.order;
  const indices = Array.from(codes.keys()).sort((a, b) => compareCodes(codes[a], codes[b]) || a - b);
  const order = Uint32Array.from(indices);
  codeOrders.set(codes, { codes: codes.slice(), order });
  return order;
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
