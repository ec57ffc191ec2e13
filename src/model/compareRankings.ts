/** How a ranking changed from `a` to `b`. */
export interface RankingComparison {
  /** Wards in b's top k that were not in a's, by rank in b (ties by code). */
  entered: number[];
  /** Wards in a's top k that are not in b's, by rank in a (ties by code). */
  left: number[];
  /** a − b per ward: positive = moved up in b; null when unranked in either. */
  shift: (number | null)[];
}

/**
 * Compares two rankings of the same wards (1 = first, null = unranked). The top k holds the wards
 * ranked k or better, so ties at rank k can make it longer than k.
 * compareRankings([1, 2, 3], [2, 3, 1], ['a', 'b', 'c'], 2) -> { entered: [2], left: [1], shift: [-1, -1, 2] }
 */
export function compareRankings(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
  codes: readonly string[],
  k: number,
): RankingComparison {
  if (b.length !== a.length || codes.length !== a.length) throw new Error(`invalid rankings: lengths ${a.length}, ${b.length}, ${codes.length}`);
  if (!Number.isInteger(k) || k < 0) throw new Error(`invalid k: ${k}`);
  const inTop = (r: number | null) => r !== null && r <= k;
  const entered: number[] = [];
  const left: number[] = [];
  const shift: (number | null)[] = [];
  for (let i = 0; i < a.length; i++) {
    const ra = a[i];
    const rb = b[i];
    if (inTop(rb) && !inTop(ra)) entered.push(i);
    if (inTop(ra) && !inTop(rb)) left.push(i);
    shift.push(ra === null || rb === null ? null : ra - rb);
  }
  const byRank = (ranks: readonly (number | null)[]) => (i: number, j: number) =>
    (ranks[i] as number) - (ranks[j] as number) || (codes[i] < codes[j] ? -1 : codes[i] > codes[j] ? 1 : 0);
  entered.sort(byRank(b));
  left.sort(byRank(a));
  return { entered, left, shift };
}
