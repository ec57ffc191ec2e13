/** A source of uniform numbers in [0, 1), like `Math.random` but reproducible. */
export type Random = () => number;

/**
 * A seeded pseudo-random generator (mulberry32): the same seed always gives the same sequence,
 * so anything built from it (demo data, resampling) is reproducible byte for byte.
 *
 * @example
 * const rng = random(42);
 * rng(); // 0.6011037519201636, on every machine
 */
export function random(seed: number): Random {
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
