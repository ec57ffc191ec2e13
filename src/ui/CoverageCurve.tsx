import { line, scaleLinear } from 'd3';
import { useId, useMemo } from 'react';
import type { CoveragePoint } from '../model/plan';
import { useLanguage } from '../i18n/useLanguage';
import { approximateTextWidth, coverageSummary, formatFte, formatShare, labelBeside, plotArea, zeroBasedDomain } from './chartScales';

export interface CoverageCurveProps {
  /** The curve: FTE deployed against the share (0–1) of vulnerable persons in covered wards. */
  points: CoveragePoint[];
  /** Where adding CHWs starts to pay off less; null when the curve has no clear bend. */
  knee: CoveragePoint | null;
  /** The FTE now chosen in the planner, drawn as a vertical line. */
  current?: number;
  /** Chart size in pixels (the SVG scales to its container's width). */
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 14, bottom: 38, left: 46 };
const FONT_SIZE = 11;

/** How coverage grows with the number of CHWs: a line chart with the knee and the current choice. */
export function CoverageCurve(props: CoverageCurveProps) {
  const { knee, current, width = 360, height = 220 } = props;
  const titleId = useId();
  const { t, locale } = useLanguage();
  const fte = (value: number) => formatFte(value, locale);
  const points = useMemo(() => [...props.points].sort((a, b) => a.fte - b.fte), [props.points]);
  const area = plotArea(width, height, MARGIN);
  const maxFte = Math.max(0, ...points.map((p) => p.fte), current ?? 0);
  // Without points the axis still counts whole CHWs.
  const x = scaleLinear().domain(zeroBasedDomain(maxFte, 10)).range([area.left, area.right]);
  const y = scaleLinear().domain([0, 100]).range([area.bottom, area.top]);
  const path = line<CoveragePoint>()
    .x((p) => x(p.fte))
    .y((p) => y(p.coveredShare * 100))(points);
  const summary = coverageSummary(
    points,
    knee,
    { empty: () => t('coverage.summaryEmpty'), knee: (v) => t('coverage.summaryKnee', v), noKnee: (v) => t('coverage.summaryNoKnee', v) },
    locale,
  );
  const kneeText = knee ? t('coverage.knee', { fte: fte(knee.fte) }) : '';
  const kneeLabel = knee ? labelBeside(x(knee.fte), y(knee.coveredShare * 100), area, approximateTextWidth(kneeText, FONT_SIZE)) : null;
  const currentText = current === undefined ? '' : t('coverage.chosen', { fte: fte(current) });
  const currentX = current === undefined ? 0 : x(current);
  const currentAnchor = currentX + 4 + approximateTextWidth(currentText, FONT_SIZE) > area.right ? 'end' : 'start';

  return (
    <figure className="coverage-curve" aria-labelledby={titleId}>
      <figcaption id={titleId}>{t('coverage.title')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={summary}>
        <g className="grid">
          {y.ticks(5).map((tick) => (
            <line key={tick} x1={area.left} x2={area.right} y1={y(tick)} y2={y(tick)} />
          ))}
        </g>
        <g className="axis x-axis">
          <line x1={area.left} x2={area.right} y1={area.bottom} y2={area.bottom} />
          {x.ticks(6).map((tick) => (
            <g key={tick} transform={`translate(${x(tick)},${area.bottom})`}>
              <line y2={4} />
              <text y={16} textAnchor="middle">
                {fte(tick)}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(area.left + area.right) / 2} y={height - 4} textAnchor="middle">
            {t('coverage.xAxis')}
          </text>
        </g>
        <g className="axis y-axis">
          <line x1={area.left} x2={area.left} y1={area.top} y2={area.bottom} />
          {y.ticks(5).map((tick) => (
            <g key={tick} transform={`translate(${area.left},${y(tick)})`}>
              <line x2={-4} />
              <text x={-7} dy="0.32em" textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          <text
            className="axis-label"
            transform={`translate(12,${(area.top + area.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {t('coverage.yAxis')}
          </text>
        </g>
        {current !== undefined && (
          <g className="current-fte">
            <line x1={currentX} x2={currentX} y1={area.top} y2={area.bottom} />
            <text x={currentAnchor === 'start' ? currentX + 4 : currentX - 4} y={area.top + FONT_SIZE} textAnchor={currentAnchor}>
              {currentText}
            </text>
          </g>
        )}
        {path && <path className="curve" d={path} />}
        {points.length === 0 && (
          <text className="no-data" x={(area.left + area.right) / 2} y={(area.top + area.bottom) / 2} textAnchor="middle">
            {t('coverage.nothing')}
          </text>
        )}
        {knee && kneeLabel && (
          <g className="knee">
            <circle cx={x(knee.fte)} cy={y(knee.coveredShare * 100)} r={5} />
            <text x={kneeLabel.x} y={kneeLabel.y} textAnchor={kneeLabel.anchor}>
              {kneeText}
            </text>
          </g>
        )}
      </svg>
      <table className="visually-hidden">
        <caption>{t('coverage.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.xAxis')}</th>
            <th scope="col">{t('coverage.covered')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.fte}>
              <td>{fte(p.fte)}</td>
              <td>
                {formatShare(p.coveredShare)}
                {knee && p.fte === knee.fte ? ` (${t('coverage.kneeWord')})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
