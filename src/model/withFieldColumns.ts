import type { Dataset } from './createDataset';
import { findInCatalogue } from './createDataset';
import { normaliseCode } from './normaliseCode';
import type { IndicatorDef } from './types';

/** The indicators that come from the field rather than from files: always present, empty until entered. */
export const FIELD_INDICATORS = ['workability', 'help_requests'] as const;

/**
 * The dataset with the coordinators' field knowledge as two indicators: `workability` (1–5 per ward,
 * entered by hand) and `help_requests` (per ward, from the field). Both are always there, empty
 * (null) until something is entered, so their sliders exist from the start; a dataset that already
 * has a column of that id keeps its own.
 */
export function withFieldColumns(
  dataset: Dataset,
  workability: ReadonlyMap<string, number>,
  requests: readonly (number | null)[] | null,
  catalogue: readonly IndicatorDef[],
): Dataset {
  const add: { id: (typeof FIELD_INDICATORS)[number]; values: (number | null)[] }[] = [];
  if (!Object.hasOwn(dataset.values, 'workability')) {
    add.push({ id: 'workability', values: dataset.wards.map((w) => workability.get(normaliseCode(w.code)) ?? null) });
  }
  if (!Object.hasOwn(dataset.values, 'help_requests')) {
    add.push({ id: 'help_requests', values: requests ? [...requests] : dataset.wards.map(() => null) });
  }
  if (add.length === 0) return dataset;
  const indicators = [...dataset.indicators];
  const values = { ...dataset.values };
  for (const { id, values: column } of add) {
    const def = findInCatalogue(catalogue, id);
    if (!def) throw new Error(`invalid catalogue: no ${id}`);
    indicators.push(def);
    values[id] = column;
  }
  return { ...dataset, indicators, values };
}
