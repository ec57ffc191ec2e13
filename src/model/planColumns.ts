import type { Dataset } from './createDataset';
import type { Expansion, TeamPlan, Workload } from './plan';
import type { ExtraColumn } from './rankingTable';

/**
 * The planner's columns for the export, aligned with the wards: expected workload, the proposed team
 * and its base ward, the expansion ring, distance and bordering team, and the workability note.
 * Parts that were not computed are left out.
 */
export function planColumns(
  dataset: Dataset,
  parts: { workload?: Workload | null; plan?: TeamPlan | null; expansion?: Expansion | null; notes?: readonly (string | null)[] | null },
): ExtraColumn[] {
  const columns: ExtraColumn[] = [];
  const round = (v: number | null, digits: number) => (v === null ? null : Number(v.toFixed(digits)));
  if (parts.workload) {
    columns.push({ header: 'workload_interventions', values: parts.workload.interventions.map((v) => round(v, 1)) });
    columns.push({ header: 'workload_fte', values: parts.workload.fte.map((v) => round(v, 3)) });
  }
  if (parts.plan) {
    const plan = parts.plan;
    const baseOf = new Map(plan.teams.map((t) => [t.id, dataset.wards[t.base].code]));
    columns.push({ header: 'team', values: plan.teamOf });
    columns.push({ header: 'team_base', values: plan.teamOf.map((t) => (t === null ? null : (baseOf.get(t) ?? null))) });
  }
  if (parts.expansion) {
    columns.push({ header: 'expansion_ring', values: parts.expansion.ring });
    columns.push({ header: 'distance_km', values: parts.expansion.distanceKm.map((v) => round(v, 2)) });
    columns.push({ header: 'borders_team', values: parts.expansion.bordersTeam });
  }
  if (parts.notes && parts.notes.some((n) => n)) columns.push({ header: 'workability_note', values: parts.notes });
  return columns;
}
