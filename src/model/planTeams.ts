import { distanceKm } from './centroids';
import type { CapacityParams, ProposedTeam, TeamPlan } from './plan';
import { workload } from './workload';

/** What planTeams works on, aligned with the wards by index. */
export interface PlanInput {
  /** Need score per ward (higher = more need); wards without one never join a team. */
  scores: readonly (number | null)[];
  /** Vulnerable persons per ward; null counts as no known work. */
  vulnerable: readonly (number | null)[];
  /** Bordering wards per ward, as adjacency returns them. */
  neighbours: readonly (readonly number[])[];
  /** [lon, lat] per ward, as centroids returns them. */
  centroids: readonly (readonly [number, number] | null)[];
  /** Wards no proposed team may take: current CHW areas, wards excluded from the plan. */
  exclude?: ReadonlySet<number>;
}

// Sums of fractional interventions (0.1 x persons) must not miss the capacity by float noise.
const TOLERANCE = 1e-9;

/**
 * Proposes floor(availableFte / teamSize) teams of teamSize FTE, one after another, greedily:
 * - the base is the free ward with a score and work > 0 that maximises score x work (ties: lower index);
 * - the team then grows over bordering free wards with a score, always taking the one with the largest
 *   score x work among those that still fit: total work within capacity (teamSize x interventionsPerFte)
 *   and centroid within maxDistanceKm of the base's. A ward without a centroid only ever forms a team
 *   as a base, alone; a base with more work than the capacity also stays alone, covering part of it.
 * A team never depends on how many teams follow, so the plan with k teams is the first k teams of any
 * larger plan. Teams stop early when no base is left; their FTE then counts as unassigned.
 */
export function planTeams(input: PlanInput, params: CapacityParams): TeamPlan {
  const { teamSize, availableFte, maxDistanceKm, interventionsPerFte } = params;
  if (!(teamSize > 0 && Number.isFinite(teamSize))) throw new Error(`invalid teamSize: ${teamSize}`);
  if (!(availableFte >= 0 && Number.isFinite(availableFte))) throw new Error(`invalid availableFte: ${availableFte}`);
  if (!(maxDistanceKm >= 0)) throw new Error(`invalid maxDistanceKm: ${maxDistanceKm}`);
  const { scores, vulnerable, neighbours, centroids } = input;
  const n = scores.length;
  for (const [name, column] of [['vulnerable', vulnerable], ['neighbours', neighbours], ['centroids', centroids]] as const) {
    if (column.length !== n) throw new Error(`invalid ${name}: ${column.length} wards for ${n} scores`);
  }
  const work = workload(vulnerable, params).interventions;
  const capacity = teamSize * interventionsPerFte;
  const limit = capacity * (1 + TOLERANCE);
  const maxTeams = Math.floor(availableFte / teamSize + TOLERANCE);

  const exclude = input.exclude ?? new Set<number>();
  const key = new Float64Array(n);
  const free = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s === null || exclude.has(i)) continue;
    free[i] = 1;
    key[i] = s * (work[i] ?? 0);
  }
  const bases: number[] = [];
  for (let i = 0; i < n; i++) if (free[i] === 1 && (work[i] ?? 0) > 0) bases.push(i);
  bases.sort((a, b) => key[b] - key[a] || a - b);

  const teamOf: (number | null)[] = new Array(n).fill(null);
  // The team that last queued a ward, so a ward is considered at most once per team.
  const queuedBy = new Int32Array(n);
  const teams: ProposedTeam[] = [];
  const heap = new CandidateHeap(key);
  let next = 0;
  while (teams.length < maxTeams) {
    while (next < bases.length && teamOf[bases[next]] !== null) next++;
    if (next === bases.length) break;
    const id = teams.length + 1;
    const base = bases[next];
    const wards = [base];
    let total = work[base] ?? 0;
    teamOf[base] = id;
    const origin = centroids[base];
    const enqueue = (ward: number) => {
      for (const j of neighbours[ward]) {
        if (free[j] === 1 && teamOf[j] === null && queuedBy[j] !== id) {
          queuedBy[j] = id;
          heap.push(j);
        }
      }
    };
    if (origin) enqueue(base);
    // Work only grows and the base stays put, so a candidate that does not fit now never will: pop
    // candidates best first and drop the ones that do not fit.
    while (heap.size > 0) {
      const c = heap.pop();
      const w = work[c] ?? 0;
      const at = centroids[c];
      if (total + w > limit || !at || !origin || distanceKm(origin, at) > maxDistanceKm) continue;
      wards.push(c);
      total += w;
      teamOf[c] = id;
      enqueue(c);
    }
    let people = 0;
    for (const i of wards) people += vulnerable[i] ?? 0;
    teams.push({ id, base, wards, fte: teamSize, capacity, workload: total, peopleReached: people });
  }

  let all = 0;
  for (const v of vulnerable) if (v !== null) all += v;
  let reached = 0;
  for (const t of teams) reached += t.peopleReached;
  return {
    teams,
    unassignedFte: Math.max(0, availableFte - teams.length * teamSize),
    teamOf,
    coveredShare: all > 0 ? reached / all : 0,
  };
}

/** A binary max-heap of ward indices by key, ties to the lower index. */
class CandidateHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: Float64Array) {}

  get size(): number {
    return this.items.length;
  }

  push(ward: number): void {
    const items = this.items;
    let i = items.push(ward) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(ward, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = ward;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && this.before(items[child + 1], items[child])) child++;
        if (!this.before(items[child], last)) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    return this.key[a] > this.key[b] || (this.key[a] === this.key[b] && a < b);
  }
}
