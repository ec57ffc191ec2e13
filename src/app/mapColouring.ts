import { classBreaks, classIndex, type Classification } from '../model/classify';
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
 * (income, GP contact) the lowest values get the darkest colour.
 */
export function mapColouring(
  values: readonly (number | null)[],
  direction: Direction,
  classification: Classification,
  classCount: number,
  palette: PaletteName,
  format: (value: number) => string,
): Colouring {
  const thresholds = classBreaks(values, classification, classCount);
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
