import type { CapacityParams, CoveragePoint } from './plan';
import { planTeams, type PlanInput } from './planTeams';

/** Teams the default curve stops at when wards with a score remain uncovered. */
const MAX_TEAMS = 60;

/**
 * The share of vulnerable persons covered as FTE grows by one team at a time: a point at fte = 0,
 * teamSize, 2 x teamSize … up to maxFte (default: until no ward can start another team, at most 60
 * teams). params.availableFte is ignored. One greedy run suffices: the plan with k teams is the first k
 * teams of the largest plan (see planTeams). Past the last team that can form, the curve stays flat.
 */
export function coverageCurve(input: PlanInput, params: CapacityParams, maxFte?: number): CoveragePoint[] {
  const { teamSize } = params;
  if (maxFte !== undefined && !(maxFte >= 0 && Number.isFinite(maxFte))) throw new Error(`invalid maxFte: ${maxFte}`);
  if (!(teamSize > 0 && Number.isFinite(teamSize))) throw new Error(`invalid teamSize: ${teamSize}`);
  const steps = maxFte === undefined ? MAX_TEAMS : Math.floor(maxFte / teamSize + 1e-9);
  const plan = planTeams(input, { ...params, availableFte: steps * teamSize });
  let all = 0;
  for (const v of input.vulnerable) if (v !== null) all += v;
  const last = maxFte === undefined ? plan.teams.length : steps;
  const points: CoveragePoint[] = [{ fte: 0, coveredShare: 0 }];
  let reached = 0;
  for (let k = 1; k <= last; k++) {
    reached += plan.teams[k - 1]?.peopleReached ?? 0;
    points.push({ fte: k * teamSize, coveredShare: all > 0 ? reached / all : 0 });
  }
  return points;
}

/**
 * The knee of a coverage curve (Kneedle): with both axes scaled to 0–1 between the first and the last
 * point, the point that rises farthest above the straight line joining them, where adding teams starts
 * to pay off less. Null with fewer than 3 points, or when no point lies above that line (a straight or
 * convex curve has no knee). Ties go to the smaller FTE.
 */
export function curveKnee(points: readonly CoveragePoint[]): CoveragePoint | null {
  if (points.length < 3) return null;
  const first = points[0];
  const last = points[points.length - 1];
  const dx = last.fte - first.fte;
  const dy = last.coveredShare - first.coveredShare;
  if (dx === 0 || dy === 0) return null;
  let best: CoveragePoint | null = null;
  let bestHeight = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    // Height above the diagonal of the unit square; proportional to the perpendicular distance.
    const height = (p.coveredShare - first.coveredShare) / dy - (p.fte - first.fte) / dx;
    if (height > bestHeight + 1e-12) {
      best = p;
      bestHeight = height;
    }
  }
  return best;
}
