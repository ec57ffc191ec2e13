import type { Table } from './rankingTable';

/** What compareWards reads: the wards, the indicators and, per indicator, columns aligned with ward index. */
export interface ComparisonInput {
  wards: readonly { index: number; code: string; name: string }[];
  indicators: readonly { id: string; label: string; unit: string }[];
  /** Raw values per indicator, per ward index. */
  values: Record<string, readonly (number | null)[]>;
  /** Percentiles (0–1) of the raw values per indicator, per ward index. */
  percentiles: Record<string, readonly (number | null)[]>;
  /** Contribution points to the score per indicator, per ward index. */
  points: Record<string, readonly (number | null)[]>;
  scores: readonly (number | null)[];
  ranks: readonly (number | null)[];
}

/** One compared ward with its score and rank. */
export interface ComparedWard {
  index: number;
  code: string;
  name: string;
  score: number | null;
  rank: number | null;
}

/** One indicator across the compared wards; each array is in the order of `Comparison.wards`. */
export interface ComparisonRow {
  id: string;
  label: string;
  unit: string;
  values: (number | null)[];
  percentiles: (number | null)[];
  points: (number | null)[];
}

/** Two to four wards side by side: the wards in selection order and one row per indicator. */
export interface Comparison {
  wards: ComparedWard[];
  rows: ComparisonRow[];
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/**
 * Lines up two to four wards (`selected`, ward indices, in that order) on every indicator: raw value,
 * percentile and contribution points, plus each ward's score and rank. Missing data stays null.
 * compareWards({ wards: [{ index: 0, code: 'A', name: 'Ay' }, { index: 1, code: 'B', name: 'Bee' }],
 *   indicators: [], values: {}, percentiles: {}, points: {}, scores: [10, 20], ranks: [2, 1] }, [1, 0])
 *   -> { wards: [{ index: 1, code: 'B', name: 'Bee', score: 20, rank: 1 }, { index: 0, …, score: 10, rank: 2 }], rows: [] }
 */
export function compareWards(input: ComparisonInput, selected: readonly number[]): Comparison {
  if (selected.length < MIN_COMPARED || selected.length > MAX_COMPARED) {
    throw new Error(`invalid selection: ${selected.length} wards (compare ${MIN_COMPARED} to ${MAX_COMPARED})`);
  }
  if (new Set(selected).size !== selected.length) throw new Error(`invalid selection: ${selected.join(', ')} repeats a ward`);
  const byIndex = new Map(input.wards.map((w) => [w.index, w]));
  const wards = selected.map((i) => {
    const ward = byIndex.get(i);
    if (!ward) throw new Error(`invalid selection: no ward ${i}`);
    return { index: i, code: ward.code, name: ward.name, score: input.scores[i] ?? null, rank: input.ranks[i] ?? null };
  });
  const pick = (column: readonly (number | null)[] | undefined) => selected.map((i) => column?.[i] ?? null);
  const rows = input.indicators.map((d) => ({
    id: d.id,
    label: d.label,
    unit: d.unit,
    values: pick(input.values[d.id]),
    percentiles: pick(input.percentiles[d.id]),
    points: pick(input.points[d.id]),
  }));
  return { wards, rows };
}

/** An action theme suggested for the compared wards as a group, as the app shows it. */
export interface GroupTheme {
  label: string;
  action: string;
  evidence: readonly string[];
}

/**
 * A comparison as a table for CSV export: one column per ward (headed by its code), the score and
 * rank rows first, then per indicator its value, percentile (0–1) and points, then one row per theme
 * suggested for the wards as a group. A theme belongs to the group, not to one ward: its action and
 * evidence sit in the first ward column, the other ward columns stay empty.
 * comparisonTable(c).header -> ['indicator', 'measure', 'A', 'B']; rows[0] -> ['overall', 'score', 10, 20]
 * comparisonTable(c, [{ label: 'Oral health', action: 'Refer', evidence: ['Dentist 40 % vs city median 50 %'] }]).rows.at(-1)
 *   -> ['theme', 'Oral health', 'Refer (Dentist 40 % vs city median 50 %)', null]
 */
export function comparisonTable(comparison: Comparison, themes: readonly GroupTheme[] = []): Table {
  const { wards } = comparison;
  const header = ['indicator', 'measure', ...wards.map((w) => w.code)];
  const rows: (string | number | null)[][] = [
    ['overall', 'score', ...wards.map((w) => w.score)],
    ['overall', 'rank', ...wards.map((w) => w.rank)],
  ];
  for (const r of comparison.rows) {
    rows.push([r.id, 'value', ...r.values], [r.id, 'percentile', ...r.percentiles], [r.id, 'points', ...r.points]);
  }
  for (const t of themes) {
    const text = t.evidence.length > 0 ? `${t.action} (${t.evidence.join('; ')})` : t.action;
    rows.push(['theme', t.label, text, ...wards.slice(1).map(() => null)]);
  }
  return { header, rows };
}
