import { classBreaks, classBreaksSorted, classIndex, type Classification } from '../model/classify';
import type { Ranking } from '../model/rank';
import type { Direction } from '../model/types';
import { paletteColours } from '../map/palette';
import type { PaletteName } from './state';

/** What the map and its legend need to colour wards by one variable. */
export interface Colouring {
  /** Colour class per ward, -1 = no data; class 0 = least need. */
  classes: Int8Array;
  /** One colour per class, least to most need. */
  colours: string[];
  /** One entry per class, least to most need: the colour and the value range it covers. */
  legend: { colour: string; label: string }[];
  noData: number;
}

/**
 * Classes a variable for the map so that darker always means more need: for a `low` indicator
 * (income, GP contact) the lowest values get the darkest colour. Given `ranking`, the ranking of
 * these very values (`rank(values, codes)`), the classes reuse its order instead of sorting again.
 */
export function mapColouring(
  values: readonly (number | null)[],
  direction: Direction,
  classification: Classification,
  classCount: number,
  palette: PaletteName,
  format: (value: number) => string,
  ranking?: Pick<Ranking, 'order' | 'scored'>,
): Colouring {
  const thresholds = ranking
    ? classBreaksSorted(ascendingOf(values, ranking), classification, classCount)
    : classBreaks(values, classification, classCount);
  const count = thresholds.length + 1;
  const colours = paletteColours(palette, count);
  const classes = new Int8Array(values.length);
  let noData = 0;
  let min = Infinity;
  let max = -Infinity;
  values.forEach((v, i) => {
    const c = classIndex(v, thresholds);
    if (c === null || v === null) {
      classes[i] = -1;
      noData++;
      return;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    classes[i] = direction === 'high' ? c : count - 1 - c;
  });
  if (noData === values.length) return { classes, colours, legend: [], noData };
  const edges = [min, ...thresholds, max];
  const ranges = Array.from({ length: count }, (_, c) => `${format(edges[c])} – ${format(edges[c + 1])}`);
  const ordered = direction === 'high' ? ranges : [...ranges].reverse();
  return { classes, colours, legend: ordered.map((label, c) => ({ colour: colours[c], label })), noData };
}

/** The finite values in ascending order, read off their ranking from the last scored ward to the first. */
function ascendingOf(values: readonly (number | null)[], { order, scored }: Pick<Ranking, 'order' | 'scored'>): number[] {
  if (order.length !== values.length) throw new Error(`invalid ranking: ${order.length} wards for ${values.length} values`);
  const sorted: number[] = [];
  for (let k = scored - 1; k >= 0; k--) {
    const v = values[order[k]];
    if (v !== null && Number.isFinite(v)) sorted.push(v);
  }
  return sorted;
}
