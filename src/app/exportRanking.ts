import { formatCsv } from '../io/formatCsv';
import type { Dataset } from '../model/createDataset';
import { describeRun, rankingTable, type ExtraColumn, type RankedResult } from '../model/rankingTable';
import type { Direction, Method } from '../model/types';
import type { CsvFormat } from './state';

/**
 * The CSV text of the ranking at the current weights: `#` lines that say how it was made (method,
 * weights and directions, data), then one row per ward in rank order.
 */
export function exportRanking(
  dataset: Dataset,
  scored: RankedResult,
  settings: {
    method: Method;
    weights: Record<string, number>;
    directions: Record<string, Direction>;
    format: CsvFormat;
    /** How the selection was scored, for the header lines; absent without a selection. */
    scopeNote?: string;
    /** Columns after the standard ones: the team proposal, expansion ring, workability … */
    extras?: readonly ExtraColumn[];
  },
  exportedAt: Date,
): string {
  const table = rankingTable(dataset, scored, settings.extras ?? []);
  const comments = describeRun(dataset, settings.method, settings.weights, settings.directions, exportedAt);
  if (settings.scopeNote) comments.splice(comments.length - 1, 0, settings.scopeNote);
  return formatCsv(table.header, table.rows, { format: settings.format, comments });
}
