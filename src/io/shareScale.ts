/** How a share column is written: 35 for 35 % (`percent`), 0.35 (`fraction`), or can't tell. */
export interface ShareScaleGuess {
  scale: 'percent' | 'fraction' | 'unclear';
  /** Why, in words the panel can show next to the question. */
  reasons: string[];
}

/**
 * Decides whether a share column (catalogue unit %) holds percentages or fractions, from its
 * values: all within 0–1 with some strictly between → fraction; some above 1 and most above 1 →
 * percent; values only 0 and 1, a column with most values at or below 1 and some above, or no
 * values → unclear. Values below 0 or above 100 fit neither reading and do not vote.
 * shareScale([0.35, 0.12, 0.5]).scale === "fraction"; shareScale([35, 12, 50]).scale === "percent"
 */
export function shareScale(values: readonly (number | null)[]): ShareScaleGuess {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const outside = present.filter((v) => v < 0 || v > 100).length;
  const voters = present.filter((v) => v >= 0 && v <= 100).sort((a, b) => a - b);
  const reasons: string[] = [];
  const unclear = (reason: string): ShareScaleGuess => ({ scale: 'unclear', reasons: [reason, ...reasons] });
  if (outside > 0) reasons.push(`${outside} ${outside === 1 ? 'value lies' : 'values lie'} outside 0–100, which fits neither reading`);
  if (voters.length === 0) return unclear(present.length === 0 ? 'the column has no values' : 'no value lies within 0–100');

  const largest = voters[voters.length - 1];
  const above = voters.filter((v) => v > 1).length;
  const between = voters.filter((v) => v > 0 && v < 1).length;
  if (above === 0 && between === 0) {
    return unclear(`every value is 0 or 1: as percent that is 0 % or 1 %, as fractions 0 % or 100 %`);
  }
  if (above === 0) {
    return { scale: 'fraction', reasons: [`all ${voters.length} values lie between 0 and 1 (the largest is ${show(largest)})`, ...reasons] };
  }
  const median = voters[Math.floor((voters.length - 1) / 2)];
  if (median <= 1) {
    return unclear(
      `${above} of ${voters.length} values are above 1 (the largest is ${show(largest)}), but half of them are 1 or less (median ${show(median)}): percent and fractions mixed?`,
    );
  }
  const why = [`${above} of ${voters.length} values are above 1 (the largest is ${show(largest)})`];
  if (between > 0) why.push(`${between} ${between === 1 ? 'value' : 'values'} below 1 read as small percentages (0.5 = 0.5 %)`);
  return { scale: 'percent', reasons: [...why, ...reasons] };
}

function show(value: number): string {
  return String(Number(value.toPrecision(4)));
}
