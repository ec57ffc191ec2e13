import type { Dataset } from './createDataset';
import type { Prepared } from './prepare';
import type { Ranking } from './rank';
import type { ScoreResult } from './score';
import type { Method } from './types';

/** A table ready to be written out: a header and rows of plain values, in rank order. */
export interface Table {
  header: string[];
  rows: (string | number | null)[][];
}

/** What rankingTable lists: the scores and ranks, and optionally the overall ranks of a selection. */
export interface RankedResult {
  prepared: Prepared;
  scores: ScoreResult;
  ranking: Ranking;
  /** Ranks among all wards when `ranking` ranks a selection. */
  overall?: Ranking | null;
  /** The wards listed: an area filter's wards; all wards when absent. */
  selection?: readonly number[] | null;
}

/** A column added after the standard ones (team, expansion ring, workability …), aligned with the wards. */
export interface ExtraColumn {
  header: string;
  values: readonly (string | number | null)[];
}

/**
 * The ranking as one row per ward in rank order (unscored wards last): rank, code, name, district,
 * score, decile, then `rank_all` (the rank among all wards) when `overall` is given, the municipality
 * when wards have one, n and m of "n of m indicators", then every indicator's raw value and its need
 * value (`<id>_need`, the normalised value the score was built from), then the `extras`. With a
 * selection (an area filter), only its wards are listed.
 */
export function rankingTable(dataset: Dataset, result: RankedResult, extras: readonly ExtraColumn[] = []): Table {
  const { prepared, scores, ranking } = result;
  const overall = result.overall ?? null;
  const selection = result.selection ?? null;
  const ids = prepared.ids;
  const withMunicipality = dataset.wards.some((w) => w.municipality !== null);
  const header = ['rank', 'code', 'name', 'district', 'score', 'decile'];
  if (overall) header.push('rank_all');
  if (withMunicipality) header.push('municipality');
  header.push('indicators_used', 'indicators_weighted');
  for (const id of ids) header.push(id);
  for (const id of ids) header.push(`${id}_need`);
  for (const extra of extras) header.push(extra.header);
  const inSelection = selection ? new Set(selection) : null;
  const order = inSelection ? ranking.order.filter((i) => inSelection.has(i)) : ranking.order;
  const rows = order.map((i) => {
    const ward = dataset.wards[i];
    const row: (string | number | null)[] = [ranking.rank[i], ward.code, ward.name, ward.district, scores.score[i], ranking.decile[i]];
    if (overall) row.push(overall.rank[i]);
    if (withMunicipality) row.push(ward.municipality);
    row.push(scores.indicatorsUsed[i], scores.indicatorsWeighted);
    for (const id of ids) row.push(dataset.values[id][i]);
    for (const id of ids) {
      const column = prepared.columns[id];
      row.push(column.has[i] ? column.need[i] : null);
    }
    for (const extra of extras) row.push(extra.values[i] ?? null);
    return row;
  });
  return { header, rows };
}

/** Human-readable names of the scoring methods. */
export const METHOD_LABELS: Record<Method, string> = {
  percentile: 'percentile rank normalisation, weighted mean',
  minmax: 'min-max normalisation, weighted mean',
  zscore: 'z-score normalisation, weighted mean rescaled to 0-100',
  expo: 'exponential transform of need ranks (English IMD / BIMD), weighted mean',
};

/**
 * Lines that say how a ranking was made, for the head of an export:
 * describeRun(...) -> ["method: percentile rank …", "weights: income=1 (low = more need), …"]
 */
export function describeRun(
  dataset: Dataset,
  method: Method,
  weights: Record<string, number>,
  directions: Record<string, 'high' | 'low'>,
  exportedAt: Date,
): string[] {
  const lines = [`chw-planner ranking of ${dataset.name}`];
  if (dataset.synthetic) lines.push('Synthetic demo data: not real statistics');
  lines.push(`method: ${METHOD_LABELS[method]}`);
  lines.push(
    'weights: ' +
      dataset.indicators
        .map((d) => `${d.id}=${weights[d.id] ?? 0} (${directions[d.id] === 'low' ? 'lower' : 'higher'} value = more need)`)
        .join(', '),
  );
  const municipal = dataset.indicators.filter((d) => d.level === 'municipality').map((d) => d.id);
  if (municipal.length > 0) {
    lines.push(`municipality-level values (one value per municipality, repeated on each of its wards): ${municipal.join(', ')}`);
  }
  if (dataset.attribution) lines.push(`data: ${dataset.attribution}`);
  lines.push(`exported: ${exportedAt.toISOString()}`);
  return lines;
}
