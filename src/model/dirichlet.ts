import type { Random } from './random';

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang (2000); for shape < 1 with their boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a).
 * gamma(2, random(1)) -> 1.43… (the same for the same seed)
 */
export function gamma(shape: number, rng: Random): number {
  return Math.exp(logGamma(shape, rng));
}

/**
 * A Dirichlet(alpha) draw: independent Gamma(alpha_i) draws divided by their sum, so the parts are
 * ≥ 0 and sum to 1, with mean alpha / sum(alpha).
 * dirichlet([1, 1, 2], random(7)) -> three shares summing to 1, the last 0.5 on average
 */
export function dirichlet(alpha: readonly number[], rng: Random): number[] {
  if (alpha.length === 0) throw new Error('invalid alpha: []');
  const logs = new Array<number>(alpha.length);
  let max = -Infinity;
  for (let i = 0; i < alpha.length; i++) {
    logs[i] = logGamma(alpha[i], rng);
    if (logs[i] > max) max = logs[i];
  }
  // Normalised in log space: with small alpha the boost's U^(1/a) underflows to 0 for every part,
  // and 0 / 0 would be NaN; shifting by the largest log keeps at least one part at 1.
  let sum = 0;
  const parts = logs.map((l) => {
    const e = Math.exp(l - max);
    sum += e;
    return e;
  });
  return parts.map((p) => p / sum);
}

/** The log of a Gamma(shape, 1) draw, which stays finite where the draw itself would underflow to 0. */
function logGamma(shape: number, rng: Random): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new Error(`invalid shape: ${shape}`);
  if (shape < 1) return logGamma(shape + 1, rng) + Math.log(1 - rng()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/** A standard normal draw by Box–Muller; 1 - rng() is in (0, 1], so the log is finite. */
function normal(rng: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}
