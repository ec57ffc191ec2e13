import { random } from './random';

const PROGRESS_EVERY = 256;

/** A LISA quadrant: a high ward among high neighbours (HH), low among low (LL), or an outlier (HL, LH). */
export type LisaCluster = 'HH' | 'LL' | 'HL' | 'LH';

export interface LocalMoranOptions {
  /** Conditional permutations per ward; 999 gives p-values down to 0.001. */
  permutations: number;
  /** Seed for the permutations: the same seed gives the same p-values. */
  seed: number;
  /** Significance level: a ward gets a cluster only when its pseudo p-value is at most this. */
  alpha: number;
  /** Called every 256 valued wards, and once at the end, with the number of wards done (of values.length). */
  onProgress?: (done: number) => void;
}

export interface LocalMoran {
  /** Local Moran's I per ward; null without a value or without a valued neighbour. */
  I: (number | null)[];
  /** The standardised value (x − mean) / sd per ward; null without a value. */
  z: (number | null)[];
  /** The spatial lag: the mean z of the valued neighbours; null where I is null. */
  lag: (number | null)[];
  /** Pseudo p-value from the conditional permutation test, in (0, 1]; null where I is null. */
  p: (number | null)[];
  /** The quadrant where p ≤ alpha, else null. */
  cluster: (LisaCluster | null)[];
}

/**
 * Anselin's local Moran's I (LISA) with row-standardised weights, and a conditional permutation test.
 *
 * Only wards with a value take part: mean and sd (population) are over them, and a neighbour without a
 * value is dropped from the row before standardising. Contiguity is whatever `neighbours` says; from
 * `adjacency` it is shared-border contiguity (two wards meet along a TopoJSON arc, a border segment),
 * which is rook rather than queen: wards touching at a single point are not neighbours. For real ward
 * boundaries corner-only contacts are rare and often digitising artefacts, so the two barely differ.
 * Any neighbour lists are accepted; self-references and duplicates are ignored.
 *
 * I_i = z_i × lag_i, lag_i = Σ_j w_ij z_j with w_ij = 1/k_i, so Σ_i I_i / n is the global Moran's I
 * when every ward has a neighbour. (PySAL's esda scales I_i by (n − 1)/n; the p-values are the same.)
 *
 * The test keeps x_i fixed and draws its k_i neighbours' values without replacement from the other
 * valued wards. p = (M + 1)/(permutations + 1), with M the draws at least as extreme as observed on the
 * side of its sign: I_perm ≥ I_i when I_i > 0, else I_perm ≤ I_i.
 *
 * @example
 * const { cluster } = localMoran(scores, adjacency(geometry, scores.length), { permutations: 999, seed: 1, alpha: 0.05 });
 */
export function localMoran(
  values: readonly (number | null)[],
  neighbours: readonly (readonly number[])[],
  options: LocalMoranOptions,
): LocalMoran {
  const { permutations, seed, alpha, onProgress } = options;
  const wardCount = values.length;
  if (neighbours.length !== wardCount) throw new Error(`invalid neighbours: ${neighbours.length} lists for ${wardCount} values`);
  if (!Number.isInteger(permutations) || permutations < 1) throw new Error(`invalid permutations: ${permutations}`);
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`invalid alpha: ${alpha}`);
  const rng = random(seed);

  // ordinal[i]: the ward's position among valued wards, or -1; zs is indexed by ordinal.
  const ordinal = new Int32Array(wardCount).fill(-1);
  const wardOf: number[] = [];
  let sum = 0;
  for (let i = 0; i < wardCount; i++) {
    const v = values[i];
    if (v === null) continue;
    if (!Number.isFinite(v)) throw new Error(`invalid values[${i}]: ${v}`);
    ordinal[i] = wardOf.length;
    wardOf.push(i);
    sum += v;
  }
  const n = wardOf.length;
  const mean = sum / n;
  let squares = 0;
  for (const i of wardOf) squares += ((values[i] as number) - mean) ** 2;
  const sd = Math.sqrt(squares / n);
  const zs = new Float64Array(n);
  for (let o = 0; o < n; o++) zs[o] = sd > 0 ? ((values[wardOf[o]] as number) - mean) / sd : 0;

  const out: LocalMoran = {
    I: new Array<number | null>(wardCount).fill(null),
    z: new Array<number | null>(wardCount).fill(null),
    lag: new Array<number | null>(wardCount).fill(null),
    p: new Array<number | null>(wardCount).fill(null),
    cluster: new Array<LisaCluster | null>(wardCount).fill(null),
  };
  // The pool of ordinals to draw neighbours from. A partial Fisher–Yates shuffle picks a uniform subset
  // whatever the pool's current order, so it is never reset between draws.
  const pool = new Int32Array(n);
  for (let o = 0; o < n; o++) pool[o] = o;
  const seen = new Int32Array(n).fill(-1);

  for (let o = 0; o < n; o++) {
    const i = wardOf[o];
    // Wards are tested in index order, so every ward before i is done.
    if (o > 0 && o % PROGRESS_EVERY === 0) onProgress?.(i);
    const zi = zs[o];
    out.z[i] = zi;
    let k = 0;
    let observed = 0;
    for (const j of neighbours[i]) {
      if (!(Number.isInteger(j) && j >= 0 && j < wardCount)) throw new Error(`invalid neighbour of ward ${i}: ${j}`);
      const q = ordinal[j];
      if (q < 0 || q === o || seen[q] === o) continue;
      seen[q] = o;
      observed += zs[q];
      k++;
    }
    if (k === 0) continue;
    const lag = observed / k;
    const I = zi * lag;
    out.lag[i] = lag;
    out.I[i] = I;
    if (zi === 0) {
      // Every permuted I is 0 too, so all are as extreme as observed.
      out.p[i] = 1;
      continue;
    }
    // I_perm = z_i × S/k, so comparing I reduces to comparing neighbour sums S, upwards when z_i and
    // the tail (the sign of I) agree. The slack keeps exact ties (common with integer data) counted
    // despite the different order of summation.
    const up = zi > 0 === I > 0;
    const slack = 1e-9 * (1 + Math.abs(observed));
    let extreme = 0;
    for (let r = 0; r < permutations; r++) {
      let s = 0;
      for (let t = 0; t < k; t++) {
        let pick: number;
        let q: number;
        do {
          pick = t + Math.floor(rng() * (n - t));
          q = pool[pick];
        } while (q === o);
        pool[pick] = pool[t];
        pool[t] = q;
        s += zs[q];
      }
      if (up ? s >= observed - slack : s <= observed + slack) extreme++;
    }
    const p = (extreme + 1) / (permutations + 1);
    out.p[i] = p;
    if (p <= alpha && lag !== 0) out.cluster[i] = zi > 0 ? (lag > 0 ? 'HH' : 'HL') : lag > 0 ? 'LH' : 'LL';
  }
  onProgress?.(wardCount);
  return out;
}
