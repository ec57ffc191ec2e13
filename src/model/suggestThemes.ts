import { quantileSorted } from 'd3';
import type { Direction, Labels } from './types';

/** One entry of the action-theme catalogue (data/themes.json): indicators that point to an action. */
export interface Theme {
  id: string;
  label: Labels;
  /** The indicators that suggest the theme, and which way (`low`: the theme fits where the value is low). */
  indicators: { id: string; direction: Direction }[];
  action: Labels;
}

/** The numbers behind one indicator of a suggested theme. */
export interface ThemeEvidence {
  id: string;
  /** The mean of the group's values (the ward's value for a single ward). */
  groupValue: number;
  /** The median over the reference wards. */
  median: number;
  /** How far groupValue lies from the median in the theme's direction, in interquartile ranges. */
  deviation: number;
}

export interface ThemeSuggestion {
  theme: Theme;
  /** The mean deviation over the theme's available indicators; > 0. */
  score: number;
  evidence: ThemeEvidence[];
}

/**
 * Suggests action themes for a ward or a group of wards by comparing the group with the reference
 * wards (the city). Per indicator of a theme that has data: groupValue = the plain mean of the group's
 * present values, median and IQR (Q3 - Q1, d3's linear quantiles) over the reference wards' present
 * values, and deviation = (median - groupValue) / IQR for `low`, (groupValue - median) / IQR for `high`
 * (0 when IQR = 0). An indicator is left out when it is absent from `values`, the group has no value
 * or the reference has none. A theme's score is the mean deviation over its indicators left in; themes
 * with a score above 0 are returned, highest first (catalogue order on ties).
 */
export function suggestThemes(
  themes: readonly Theme[],
  values: Record<string, readonly (number | null)[]>,
  wards: readonly number[],
  reference: readonly number[],
): ThemeSuggestion[] {
  const suggestions: ThemeSuggestion[] = [];
  for (const theme of themes) {
    const evidence: ThemeEvidence[] = [];
    for (const { id, direction } of theme.indicators) {
      const column = values[id];
      if (!column) continue;
      const group = present(column, wards);
      const ref = present(column, reference).sort((a, b) => a - b);
      if (group.length === 0 || ref.length === 0) continue;
      const groupValue = group.reduce((a, b) => a + b, 0) / group.length;
      const median = quantileSorted(ref, 0.5) as number;
      const iqr = (quantileSorted(ref, 0.75) as number) - (quantileSorted(ref, 0.25) as number);
      const away = direction === 'low' ? median - groupValue : groupValue - median;
      evidence.push({ id, groupValue, median, deviation: iqr === 0 ? 0 : away / iqr });
    }
    if (evidence.length === 0) continue;
    const score = evidence.reduce((a, e) => a + e.deviation, 0) / evidence.length;
    if (score > 0) suggestions.push({ theme, score, evidence });
  }
  // Array.prototype.sort is stable, so equal scores keep the catalogue order.
  return suggestions.sort((a, b) => b.score - a.score);
}

function present(column: readonly (number | null)[], wards: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of wards) {
    const v = column[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) out.push(v);
  }
  return out;
}
