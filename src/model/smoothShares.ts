/**
 * Empirical Bayes smoothing of shares with a known denominator (Marshall 1991, global estimator), so
 * that small wards, whose shares are noisy, are pulled towards the overall share. With r_i = share_i / 100
 * and n_i the population:
 *   m  = sum(r_i n_i) / sum(n_i)
 *   s² = sum(n_i (r_i - m)²) / sum(n_i) - m / mean(n), set to 0 when negative
 *   C_i = s² / (s² + m / n_i),  smoothed_i = m + C_i (r_i - m)   (returned in percent).
 * A ward with a null share, or without a positive population, is left out of the estimate and gets null.
 * smoothShares([10, 20, 30, 40], [100, 100, 100, 100]) -> [13, 21, 29, 37]
 */
export function smoothShares(sharesPercent: readonly (number | null)[], population: readonly (number | null)[]): (number | null)[] {
  if (sharesPercent.length !== population.length) {
    throw new Error(`invalid population: ${population.length} values for ${sharesPercent.length} shares`);
  }
  const used: number[] = [];
  for (let i = 0; i < sharesPercent.length; i++) {
    const r = sharesPercent[i];
    const n = population[i];
    if (r !== null && Number.isFinite(r) && n !== null && Number.isFinite(n) && n > 0) used.push(i);
  }
  const out: (number | null)[] = new Array(sharesPercent.length).fill(null);
  if (used.length === 0) return out;
  const rate = (i: number) => (sharesPercent[i] as number) / 100;
  const size = (i: number) => population[i] as number;
  let events = 0;
  let total = 0;
  for (const i of used) {
    events += rate(i) * size(i);
    total += size(i);
  }
  const m = events / total;
  let spread = 0;
  for (const i of used) spread += size(i) * (rate(i) - m) ** 2;
  const s2 = Math.max(0, spread / total - m / (total / used.length));
  for (const i of used) {
    const noise = m / size(i);
    // m = 0 means every share is 0: nothing to shrink, and s² + m / n would be 0.
    const c = s2 + noise === 0 ? 0 : s2 / (s2 + noise);
    out[i] = 100 * (m + c * (rate(i) - m));
  }
  return out;
}
