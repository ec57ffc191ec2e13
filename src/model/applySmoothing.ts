import type { Dataset } from './createDataset';
import { smoothShares } from './smoothShares';

/**
 * The dataset with every share (unit %) smoothed by empirical Bayes toward the overall mean, using
 * `populationId` as the denominator, so that small wards with extreme shares by chance rank less
 * high; the raw shares stay in `rawValues` for display and export. Unchanged without a population.
 */
export function applySmoothing(dataset: Dataset, populationId: string | null): Dataset {
  const population = populationId ? dataset.values[populationId] : null;
  if (!population) return dataset;
  const values = { ...dataset.values };
  const rawValues: Record<string, (number | null)[]> = {};
  for (const d of dataset.indicators) {
    if (d.unit !== '%' || d.id === populationId) continue;
    rawValues[d.id] = dataset.values[d.id];
    values[d.id] = smoothShares(dataset.values[d.id], population);
  }
  return Object.keys(rawValues).length === 0 ? dataset : { ...dataset, values, rawValues };
}
