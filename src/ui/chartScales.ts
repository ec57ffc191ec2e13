import { scaleLinear } from 'd3';
import type { Quadrant } from '../model/fieldSignals';
import type { CoveragePoint } from '../model/plan';

/** Space around a chart's plot area for axes and their labels, in pixels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A chart's plot area in SVG pixels: x grows rightwards from `left`, y downwards from `top`. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/**
 * The plot area of a `width` x `height` chart inside `margin`; never narrower than one pixel.
 * plotArea(360, 220, { top: 10, right: 10, bottom: 40, left: 50 }) -> { left: 50, right: 350, top: 10, bottom: 180, width: 300, height: 170 }
 */
export function plotArea(width: number, height: number, margin: Margin): PlotArea {
  const left = margin.left;
  const top = margin.top;
  const right = Math.max(left + 1, width - margin.right);
  const bottom = Math.max(top + 1, height - margin.bottom);
  return { left, right, top, bottom, width: right - left, height: bottom - top };
}

/**
 * A domain from 0 to a round number at or above `max` (d3's nice); `[0, fallback]` when `max` is
 * not a positive finite number, so an empty or all-zero chart still has axes.
 * zeroBasedDomain(37) -> [0, 40]; zeroBasedDomain(0) -> [0, 1]
 */
export function zeroBasedDomain(max: number, fallback = 1): [number, number] {
  if (!Number.isFinite(max) || max <= 0) return [0, fallback];
  const [, top] = scaleLinear().domain([0, max]).nice().domain();
  return [0, top];
}

/** An FTE count as the planner writes it, in `locale`: at most one decimal, "6", "2.5" ("2,5" in nl-BE and fr-BE). */
export function formatFte(fte: number, locale = 'en'): string {
  return fte.toLocaleString(locale, { maximumFractionDigits: 1 });
}

/** A share (0–1) as a whole percentage with the app's spacing: 0.637 -> "64 %". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The sentences of the coverage summary, with the numbers already written; English by default. */
export interface CoverageSummaryText {
  empty: () => string;
  knee: (v: { from: string; to: string; fteFrom: string; fteTo: string; knee: string }) => string;
  noKnee: (v: { from: string; to: string; fteFrom: string; fteTo: string }) => string;
}

const ENGLISH_SUMMARY: CoverageSummaryText = {
  empty: () => 'No coverage curve: there are no points to draw',
  knee: (v) => `Coverage rises from ${v.from} to ${v.to} between ${v.fteFrom} and ${v.fteTo} FTE; the knee is at ${v.knee} FTE`,
  noKnee: (v) => `Coverage rises from ${v.from} to ${v.to} between ${v.fteFrom} and ${v.fteTo} FTE; there is no clear knee`,
};

/**
 * The one-sentence text alternative of the coverage curve, in the words of `text` and the numbers of `locale`.
 * coverageSummary([{ fte: 0, coveredShare: 0 }, { fte: 12, coveredShare: 0.64 }], { fte: 6, coveredShare: 0.5 })
 * -> "Coverage rises from 0 % to 64 % between 0 and 12 FTE; the knee is at 6 FTE"
 */
export function coverageSummary(
  points: readonly CoveragePoint[],
  knee: CoveragePoint | null,
  text: CoverageSummaryText = ENGLISH_SUMMARY,
  locale = 'en',
): string {
  if (points.length === 0) return text.empty();
  const sorted = [...points].sort((a, b) => a.fte - b.fte);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const rise = {
    from: formatShare(first.coveredShare),
    to: formatShare(last.coveredShare),
    fteFrom: formatFte(first.fte, locale),
    fteTo: formatFte(last.fte, locale),
  };
  return knee ? text.knee({ ...rise, knee: formatFte(knee.fte, locale) }) : text.noKnee(rise);
}

/** Where to write a short text next to a marked point, and which way it runs from there. */
export interface LabelPlacement {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * A label beside the point (px, py): below and to its right, where a rising, flattening curve
 * leaves room; flipped left or above when `textWidth` pixels of text would leave the plot area.
 * labelBeside(100, 50, area, 60) -> { x: 108, y: 66, anchor: 'start' }
 */
export function labelBeside(px: number, py: number, area: PlotArea, textWidth: number, gap = 8, lineHeight = 16): LabelPlacement {
  const anchor = px + gap + textWidth > area.right ? 'end' : 'start';
  const x = anchor === 'start' ? px + gap : px - gap;
  const y = py + lineHeight > area.bottom - 2 ? py - gap : py + lineHeight;
  return { x, y, anchor };
}

/** A rough width of `text` in pixels at `fontSize`: enough to keep a label inside a chart. */
export function approximateTextWidth(text: string, fontSize = 11): number {
  return text.length * fontSize * 0.6;
}


/** The quadrants in reading order of their corners: top-left, top-right, bottom-left, bottom-right. */
export const QUADRANTS: readonly Quadrant[] = ['look-closer', 'deploy', 'not-now', 'outreach'];

/**
 * Where each quadrant's label sits, high need being to the right and many requests at the top: in
 * its outer corner of the plot area, inset by `inset` pixels, running inwards (left corners start
 * there, right corners end there). `y` is the text baseline.
 */
export function quadrantCorners(area: PlotArea, inset = 6, fontSize = 11): Record<Quadrant, LabelPlacement> {
  const left = area.left + inset;
  const right = area.right - inset;
  const top = area.top + inset + fontSize;
  const bottom = area.bottom - inset;
  return {
    'look-closer': { x: left, y: top, anchor: 'start' },
    deploy: { x: right, y: top, anchor: 'end' },
    'not-now': { x: left, y: bottom, anchor: 'start' },
    outreach: { x: right, y: bottom, anchor: 'end' },
  };
}
