import { describe, expect, it } from 'vitest';
import {
  approximateTextWidth,
  coverageSummary,
  formatFte,
  formatShare,
  labelBeside,
  plotArea,
  quadrantCorners,
  zeroBasedDomain,
} from '../../src/ui/chartScales';

const AREA = plotArea(360, 220, { top: 10, right: 10, bottom: 40, left: 50 });

describe('plotArea', () => {
  it('plotArea(width, height, margin) leaves the margins around the plot', () => {
    expect(AREA).toEqual({ left: 50, right: 350, top: 10, bottom: 180, width: 300, height: 170 });
  });

  it('plotArea(tiny chart) keeps a plot of at least one pixel', () => {
    const area = plotArea(20, 20, { top: 10, right: 10, bottom: 40, left: 50 });
    expect(area.width).toBe(1);
    expect(area.height).toBe(1);
  });
});

describe('zeroBasedDomain', () => {
  it('zeroBasedDomain(max) rounds the top up to a nice number', () => {
    expect(zeroBasedDomain(37)).toEqual([0, 40]);
    expect(zeroBasedDomain(12)).toEqual([0, 12]);
    expect(zeroBasedDomain(0.83)).toEqual([0, 0.9]);
  });

  it('zeroBasedDomain(zero, negative or missing max) falls back so empty charts keep their axes', () => {
    expect(zeroBasedDomain(0)).toEqual([0, 1]);
    expect(zeroBasedDomain(-3, 10)).toEqual([0, 10]);
    expect(zeroBasedDomain(Number.NaN)).toEqual([0, 1]);
  });
});

describe('formatFte and formatShare', () => {
  it('formatFte(fte) writes at most one decimal', () => {
    expect(formatFte(6)).toBe('6');
    expect(formatFte(2.5)).toBe('2.5');
    expect(formatFte(2.04)).toBe('2');
  });

  it('formatShare(share) writes a whole percentage with a space', () => {
    expect(formatShare(0.637)).toBe('64 %');
    expect(formatShare(0)).toBe('0 %');
  });
});

describe('coverageSummary', () => {
  const points = [
    { fte: 12, coveredShare: 0.64 },
    { fte: 0, coveredShare: 0 },
    { fte: 6, coveredShare: 0.5 },
  ];

  it('coverageSummary(points, knee) names the range in FTE order and the knee', () => {
    expect(coverageSummary(points, { fte: 6, coveredShare: 0.5 })).toBe(
      'Coverage rises from 0 % to 64 % between 0 and 12 FTE; the knee is at 6 FTE',
    );
  });

  it('coverageSummary(points, null) says there is no clear knee', () => {
    expect(coverageSummary(points, null)).toBe('Coverage rises from 0 % to 64 % between 0 and 12 FTE; there is no clear knee');
  });

  it('coverageSummary([]) says there is nothing to draw', () => {
    expect(coverageSummary([], null)).toBe('No coverage curve: there are no points to draw');
  });
});

describe('labelBeside', () => {
  it('labelBeside(point in the open) puts the label below right of it', () => {
    expect(labelBeside(100, 50, AREA, 60)).toEqual({ x: 108, y: 66, anchor: 'start' });
  });

  it('labelBeside(point near the right edge) runs the label leftwards', () => {
    expect(labelBeside(330, 50, AREA, 60)).toEqual({ x: 322, y: 66, anchor: 'end' });
  });

  it('labelBeside(point near the bottom) puts the label above it', () => {
    expect(labelBeside(100, 175, AREA, 60)).toEqual({ x: 108, y: 167, anchor: 'start' });
  });

  it('approximateTextWidth(text) grows with the text and the font size', () => {
    expect(approximateTextWidth('knee: 6 FTE')).toBeCloseTo(11 * 11 * 0.6);
    expect(approximateTextWidth('ab', 20)).toBeGreaterThan(approximateTextWidth('ab', 10));
  });
});

describe('quadrantCorners', () => {
  it('quadrantCorners(area) puts each label in its outer corner, running inwards', () => {
    const corners = quadrantCorners(AREA);
    expect(corners['look-closer']).toEqual({ x: 56, y: 27, anchor: 'start' });
    expect(corners.deploy).toEqual({ x: 344, y: 27, anchor: 'end' });
    expect(corners['not-now']).toEqual({ x: 56, y: 174, anchor: 'start' });
    expect(corners.outreach).toEqual({ x: 344, y: 174, anchor: 'end' });
  });
});
