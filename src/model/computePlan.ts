import { rookAndQueen } from './adjacency';
import { centroids as wardCentroids } from './centroids';
import { coverageCurve, curveKnee } from './coverageCurve';
import type { Dataset } from './createDataset';
import { dissolve } from './dissolve';
import { expansion as expansionOf, rankCandidates } from './expansion';
import type { CapacityParams, CoveragePoint, Expansion, TeamPlan, Workload } from './plan';
import { planTeams } from './planTeams';
import { vulnerablePersons } from './vulnerablePersons';
import { workload as workloadOf } from './workload';
import type { FeatureCollection } from 'geojson';

/** The geometry-derived facts the planner needs, computed once per dataset view. */
export interface PlanGeometry {
  /** Wards sharing a border (rook contiguity): what a team's area must hold together by. */
  neighbours: number[][];
  /** Wards sharing a border or a corner (queen contiguity): the weights of the hot-spot statistic. */
  queen: number[][];
  centroids: ([number, number] | null)[];
}

/** Neighbours and centroids of the wards: the costly part, kept per dataset. */
export function planGeometry(view: Dataset): PlanGeometry {
  const { rook, queen } = rookAndQueen(view.geometry, view.wards.length);
  return { neighbours: rook, queen, centroids: wardCentroids(view.geometry, view.wards.length) };
}

export interface PlanSettings {
  capacity: CapacityParams;
  excludeCurrent: boolean;
  /** Wards left out of planning and ranking (workability 1, when that is on). */
  excluded: ReadonlySet<number>;
  /** 0 = off; 1 = rank ring-1 candidates only; 2 = rings 1 and 2. */
  expansion: 0 | 1 | 2;
}

/** Why the planner cannot run: its key under `planner.problems` in the locale files. */
export type PlanProblem = 'noVulnerablePersons';

/** Each reason the planner cannot run, in English; en.json holds the same texts under `planner.problems`. */
export const PLAN_PROBLEMS: Record<PlanProblem, string> = {
  noVulnerablePersons: 'The planner needs the number of vulnerable persons per ward: a vulnerable_persons column, or vt_share and population.',
};

export interface PlanResult {
  vulnerable: (number | null)[] | null;
  workload: Workload | null;
  plan: TeamPlan | null;
  curve: CoveragePoint[];
  knee: CoveragePoint | null;
  teams: FeatureCollection | null;
  expansion: Expansion | null;
  /** With expansion on: ranks among the candidates only. */
  candidates: { rank: (number | null)[]; order: number[] } | null;
  rings: Int8Array | null;
  /** Why the planner cannot run, e.g. no vulnerable persons column, in English: for the command line and logs. */
  problem: string | null;
  /** The same as plain data, for the interface to write in its language: `planner.problems.<key>`. */
  problemKey: PlanProblem | null;
}

/**
 * The deployment plan for the current scores: workload per ward, proposed teams (leaving out current
 * areas and excluded wards as chosen), the coverage curve and its knee, team outlines for the map,
 * and the expansion rings around current areas with candidate ranks.
 */
export function computePlan(view: Dataset, scores: readonly (number | null)[], geometry: PlanGeometry, settings: PlanSettings): PlanResult {
  const current = new Map(view.currentAreas.map((a) => [a.index, a.team]));
  const expansion = settings.expansion > 0 || current.size > 0 ? expansionOf(current, geometry.neighbours, geometry.centroids) : null;
  const candidates = expansion && settings.expansion > 0 ? rankCandidates(scores, expansion, settings.expansion as 1 | 2, view.wards.map((w) => w.code)) : null;
  const rings = expansion && settings.expansion > 0 ? Int8Array.from(expansion.ring, (r) => (r !== null && r <= settings.expansion ? r : 0)) : null;
  const vulnerable = vulnerablePersons(view.values);
  if (!vulnerable) {
    return {
      vulnerable: null,
      workload: null,
      plan: null,
      curve: [],
      knee: null,
      teams: null,
      expansion,
      candidates,
      rings,
      problem: PLAN_PROBLEMS.noVulnerablePersons,
      problemKey: 'noVulnerablePersons',
    };
  }
  const exclude = new Set(settings.excluded);
  if (settings.excludeCurrent) for (const index of current.keys()) exclude.add(index);
  const input = { scores, vulnerable, neighbours: geometry.neighbours, centroids: geometry.centroids, exclude };
  const plan = planTeams(input, settings.capacity);
  const curve = coverageCurve(input, settings.capacity, Math.max(settings.capacity.availableFte * 2, settings.capacity.teamSize * 10));
  const teams = dissolve(
    view.geometry.features,
    plan.teams.map((t) => ({ name: `Team ${t.id}`, ids: t.wards })),
  );
  return {
    vulnerable,
    workload: workloadOf(vulnerable, settings.capacity),
    plan,
    curve,
    knee: curveKnee(curve),
    teams,
    expansion,
    candidates,
    rings,
    problem: null,
    problemKey: null,
  };
}
