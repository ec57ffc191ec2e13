import { quantileSorted } from 'd3';
import type { Colouring } from './mapColouring';
import type { Language } from '../i18n/language';
import { translator } from '../i18n/translator';

/**
 * Seven classes of a diverging, colour-blind-safe palette (ColorBrewer PuOr): oranges for wards
 * that moved down, purples for wards that moved up, a neutral middle for wards that kept their rank.
 * The middle is a warm grey rather than PuOr's near-white, which the map uses for wards outside the
 * area filter.
 */
export const SHIFT_COLOURS = ['#b35806', '#f1a340', '#fee0b6', '#e6e1d6', '#d8daeb', '#998ec3', '#542788'];

/**
 * Classes rank shifts (from-rank − to-rank: positive = moved up) for the map. Wards that kept their
 * rank get the middle class; movers are split by the size of the move into small, medium and large
 * at the terciles of |shift| over all movers, so that both directions share one scale. Unranked
 * wards (null) are no data.
 * shiftColouring([3, -1, 0, null]).classes -> [6, 0, 3, -1] (with one mover each way)
 */
export function shiftColouring(shift: readonly (number | null)[], language: Language = 'en'): Colouring {
  const t = translator(language);
  const moves = shift.filter((v): v is number => v !== null && v !== 0).map(Math.abs).sort((a, b) => a - b);
  // Upper bounds of the small and medium moves, whole ranks, strictly increasing.
  const small = moves.length > 0 ? Math.max(1, Math.floor(quantileSorted(moves, 1 / 3) as number)) : 1;
  const medium = moves.length > 0 ? Math.max(small + 1, Math.floor(quantileSorted(moves, 2 / 3) as number)) : small + 1;
  const classes = new Int8Array(shift.length);
  let noData = 0;
  shift.forEach((v, i) => {
    if (v === null) {
      classes[i] = -1;
      noData++;
      return;
    }
    const size = Math.abs(v);
    const step = size === 0 ? 0 : size <= small ? 1 : size <= medium ? 2 : 3;
    classes[i] = 3 + Math.sign(v) * step;
  });
  const range = (lo: number, hi: number) => (lo === hi ? `${lo}` : `${lo}–${hi}`);
  // `count` picks "place" or "places": one place only for a range that is exactly 1.
  const labels = [
    t('shift.downMore', { n: medium }),
    t('shift.down', { range: range(small + 1, medium), count: 2 }),
    t('shift.down', { range: range(1, small), count: small === 1 ? 1 : 2 }),
    t('shift.same'),
    t('shift.up', { range: range(1, small), count: small === 1 ? 1 : 2 }),
    t('shift.up', { range: range(small + 1, medium), count: 2 }),
    t('shift.upMore', { n: medium }),
  ];
  return { classes, colours: SHIFT_COLOURS, legend: labels.map((label, c) => ({ colour: SHIFT_COLOURS[c], label })), noData };
}
