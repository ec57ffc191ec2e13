import type { LegendProps } from '../ui/Legend';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR } from './palette';
import type { LegendItem } from './pngLayout';

/** The legend's texts, as the on-screen Legend asks for them (i18next keys under `legend.`). */
export type LegendKey =
  | 'legend.noData'
  | 'legend.outside'
  | 'legend.hotspot'
  | 'legend.flag1'
  | 'legend.flag2'
  | 'legend.enters'
  | 'legend.leaves'
  | 'legend.badge3'
  | 'legend.badge2'
  | 'legend.badge1'
  | 'legend.team'
  | 'legend.ring1'
  | 'legend.ring2'
  | 'legend.current';

export type LegendTranslate = (key: LegendKey, values?: { k?: number; n?: number }) => string;

/**
 * The on-screen legend (src/ui/Legend.tsx) as data for the exported image: the same entries, in
 * the same order and words (`t` is the interface's translate function), each with the symbol the
 * map draws (colours from src/map/style.ts). tests/map/legendItems.test.ts checks the labels
 * against Legend's own rendering.
 */
export function legendItems(props: Omit<LegendProps, 'title'>, t: LegendTranslate): LegendItem[] {
  const { entries, noDataCount, showCurrentAreas, showOutside, showTeams = false, rings = 0, hotspots = null } = props;
  const { flags = false, topChange = null, badges = null } = props;
  const items: LegendItem[] = [...entries].reverse().map((e) => ({ swatch: { kind: 'fill', colour: e.colour }, label: e.label }));
  items.push({ swatch: { kind: 'fill', colour: NO_DATA_COLOUR }, label: `${t('legend.noData')}${noDataCount > 0 ? ` (${noDataCount})` : ''}` });
  if (showOutside) items.push({ swatch: { kind: 'fill', colour: OUTSIDE_COLOUR }, label: t('legend.outside') });
  if (hotspots !== null) {
    items.push({ swatch: { kind: 'outline', colour: '#000000', dash: 'dotted', width: 2.5 }, label: t('legend.hotspot', { n: hotspots }) });
  }
  if (flags) {
    items.push(
      { swatch: { kind: 'hatch', cross: false }, label: t('legend.flag1') },
      { swatch: { kind: 'hatch', cross: true }, label: t('legend.flag2') },
    );
  }
  if (topChange) {
    items.push(
      { swatch: { kind: 'outline', colour: '#2d004b', dash: 'solid', width: 2.5 }, label: t('legend.enters', { k: topChange.k, n: topChange.entered }) },
      { swatch: { kind: 'outline', colour: '#7f3b08', dash: 'dashed', width: 2.5 }, label: t('legend.leaves', { k: topChange.k, n: topChange.left }) },
    );
  }
  if (badges) {
    items.push(
      { swatch: { kind: 'dot', fill: '#111111', stroke: '#ffffff', diameter: 12, strokeWidth: 1.5 }, label: t('legend.badge3', { k: badges.k, n: badges.counts[2] }) },
      { swatch: { kind: 'dot', fill: '#ffffff', stroke: '#111111', diameter: 12, strokeWidth: 2.5 }, label: t('legend.badge2', { k: badges.k, n: badges.counts[1] }) },
      { swatch: { kind: 'dot', fill: '#ffffff', stroke: '#111111', diameter: 8, strokeWidth: 1.5 }, label: t('legend.badge1', { k: badges.k, n: badges.counts[0] }) },
    );
  }
  if (showTeams) items.push({ swatch: { kind: 'outline', colour: '#08306b', dash: 'solid', width: 3 }, label: t('legend.team') });
  if (rings >= 1) items.push({ swatch: { kind: 'outline', colour: '#d95f02', dash: 'solid', width: 2.5 }, label: t('legend.ring1') });
  if (rings >= 2) items.push({ swatch: { kind: 'outline', colour: '#d95f02', dash: 'dashed', width: 2 }, label: t('legend.ring2') });
  if (showCurrentAreas) items.push({ swatch: { kind: 'outline', colour: '#e4007c', dash: 'dashed', width: 3 }, label: t('legend.current') });
  return items;
}
