import type { CapacityParams, Workload } from './plan';

/**
 * Expected CHW work per ward: interventions = vulnerable persons x interventionShare, and the FTE those
 * take, interventions / interventionsPerFte. A ward without a count of vulnerable persons gets null.
 * workload([1000, null], { interventionShare: 0.1, interventionsPerFte: 400 }) -> { interventions: [100, null], fte: [0.25, null] }
 */
export function workload(
  vulnerable: readonly (number | null)[],
  params: Pick<CapacityParams, 'interventionShare' | 'interventionsPerFte'>,
): Workload {
  const { interventionShare, interventionsPerFte } = params;
  if (!(interventionShare >= 0 && interventionShare <= 1)) throw new Error(`invalid interventionShare: ${interventionShare}`);
  if (!(interventionsPerFte > 0 && Number.isFinite(interventionsPerFte))) throw new Error(`invalid interventionsPerFte: ${interventionsPerFte}`);
  const interventions = vulnerable.map((v) => (v === null ? null : v * interventionShare));
  const fte = interventions.map((v) => (v === null ? null : v / interventionsPerFte));
  return { interventions, fte };
}
