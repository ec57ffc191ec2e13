import { formatCsv } from '../io/formatCsv';
import type { Dataset } from '../model/createDataset';
import { describeRun, rankingTable } from '../model/rankingTable';
import type { Direction, Method } from '../model/types';
import type { Derived } from './useRanking';
import type { CsvFormat } from './state';

/**
 * The CSV text of the ranking at the current weights: `#` lines that say how it was made (method,
 * weights and directions, data), then one row per ward in rank order.
 */
export function exportRanking(
  dataset: Dataset,
  derived: Derived,
  settings: { method: Method; weights: Record<string, number>; directions: Record<string, Direction>; format: CsvFormat },
  exportedAt: Date,
): string {
  const table = rankingTable(dataset, derived.prepared, derived.scores, derived.ranking);
  return formatCsv(table.header, table.rows, {
    format: settings.format,
    comments: describeRun(dataset, settings.method, settings.weights, settings.directions, exportedAt),
  });
}
