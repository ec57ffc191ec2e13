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
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const sa = scores[a];
    const sb = scores[b];
    if (sa === null || sb === null) {
      if (sa === sb) return compareCodes(codes[a], codes[b]);
      return sa === null ? 1 : -1;
    }
    return sb - sa || compareCodes(codes[a], codes[b]);
  });
  const ranks: (number | null)[] = new Array(n).fill(null);
  const deciles: (number | null)[] = new Array(n).fill(null);
  let scored = 0;
  while (scored < n && scores[order[scored]] !== null) scored++;
  for (let k = 0; k < scored; k++) {
    const i = order[k];
    const previous = k > 0 ? order[k - 1] : -1;
    const r = previous >= 0 && scores[previous] === scores[i] ? (ranks[previous] as number) : k + 1;
    ranks[i] = r;
    // Decile from the rank, so tied wards always share a decile.
    deciles[i] = Math.min(10, Math.floor(((r - 1) * 10) / scored) + 1);
  }
  return { rank: ranks, decile: deciles, order, scored };
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
