import type { Direction } from './types';

/**
 * Ranks wards by need on one indicator: 1 = least need, ties get the average of the ranks they span.
 * Wards with a missing value get null and do not count in N.
 * needRanks([10, 20, 20, null], 'high') -> { ranks: [1, 2.5, 2.5, null], n: 3 }
 */
export function needRanks(values: readonly (number | null)[], direction: Direction): { ranks: (number | null)[]; n: number } {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== null) present.push(i);
  const sign = direction === 'high' ? 1 : -1;
  present.sort((a, b) => sign * ((values[a] as number) - (values[b] as number)));
  const ranks: (number | null)[] = new Array(values.length).fill(null);
  let start = 0;
  while (start < present.length) {
    let end = start;
    while (end + 1 < present.length && values[present[end + 1]] === values[present[start]]) end++;
    // Ranks start..end (0-based) are tied: each gets the mean of the 1-based ranks start+1..end+1.
    const average = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[present[k]] = average;
    start = end + 1;
  }
  return { ranks, n: present.length };
}
