import { scaleLinear, scaleSqrt } from 'd3';
import { useId, type KeyboardEvent } from 'react';
import { quadrant, type Quadrant } from '../model/fieldSignals';
import { plotArea, quadrantCorners, QUADRANTS, zeroBasedDomain } from './chartScales';
import { useLanguage } from '../i18n/useLanguage';
import { numberFormat } from './formatValue';

export interface NeedVsFieldScatterProps {
  /** Need score (0–100) per ward index; null without a score. */
  need: (number | null)[];
  /** Help requests received in the field per ward index (may be fractional when weighted by age); null without data. */
  requests: (number | null)[];
  /** Ward names per ward index. */
  names: string[];
  /** Need score at and above which a ward counts as high need. */
  needCut: number;
  /** Requests at and above which a ward counts as having many requests. */
  requestCut: number;
  selected: number | null;
  onSelect: (index: number) => void;
  /** A ward's quadrant when the caller classifies otherwise; by default the model's quadrant(need, requests, needCut, requestCut). */
  quadrantOf?: (index: number) => Quadrant | null;
  /** Chart size in pixels (the SVG scales to its container's width). */
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 14, bottom: 38, left: 46 };

/**
 * The need score against help requests seen in the field, cut into four quadrants: where the numbers
 * and the field agree (deploy, not now) and where they disagree (outreach, look closer).
 */
export function NeedVsFieldScatter(props: NeedVsFieldScatterProps) {
  const { need, requests, names, needCut, requestCut, selected, width = 360, height = 260 } = props;
  const titleId = useId();
  const { t, locale } = useLanguage();
  // Requests weighted by age are fractional: one decimal says so without noise.
  const count = numberFormat(locale, { maximumFractionDigits: 1 });
  /** "<name>: need 72, 14 requests": a point's accessible name and tooltip. */
  const describe = (name: string, needScore: number, requestCount: number) =>
    t('scatter.point', { name, need: Math.round(needScore), requests: count.format(requestCount), count: requestCount });
  const area = plotArea(width, height, MARGIN);
  const drawn: number[] = [];
  for (let i = 0; i < need.length; i++) {
    const n = need[i];
    const r = requests[i];
    if (n !== null && r !== null && n !== undefined && r !== undefined && Number.isFinite(n) && Number.isFinite(r)) drawn.push(i);
  }
  const withoutData = need.length - drawn.length;
  // The selected point last, so that it is drawn on top of its neighbours.
  const order = selected !== null && drawn.includes(selected) ? [...drawn.filter((i) => i !== selected), selected] : drawn;
  const maxRequests = Math.max(0, requestCut, ...drawn.map((i) => requests[i] as number));
  const x = scaleLinear().domain([0, 100]).range([area.left, area.right]);
  // Headroom above the highest point for the top quadrant labels.
  // A square-root scale: most wards have a handful of requests, a few (where teams work) very many.
  const y = scaleSqrt().domain(zeroBasedDomain(maxRequests * 1.15)).range([area.bottom, area.top]);
  const quadrantOf = (i: number) => (props.quadrantOf ? props.quadrantOf(i) : quadrant(need[i], requests[i], needCut, requestCut));
  const counts: Record<Quadrant, number> = { deploy: 0, outreach: 0, 'look-closer': 0, 'not-now': 0 };
  for (const i of drawn) {
    const q = quadrantOf(i);
    if (q) counts[q] += 1;
  }
  const corners = quadrantCorners(area);
  const cutX = x(Math.min(100, Math.max(0, needCut)));
  const cutY = y(Math.max(0, requestCut));
  const onKey = (index: number) => (e: KeyboardEvent<SVGCircleElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onSelect(index);
    }
  };

  return (
    <figure className="need-field" aria-labelledby={titleId}>
      <figcaption id={titleId}>{t('scatter.title')}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={
          t('scatter.summary', { n: drawn.length, needCut: count.format(needCut), requestCut: count.format(requestCut) }) +
          QUADRANTS.map((q) => `${t(`scatter.quadrants.${q}`)} ${counts[q]}`).join(', ')
        }
      >
        <g className="axis x-axis" aria-hidden="true">
          <line x1={area.left} x2={area.right} y1={area.bottom} y2={area.bottom} />
          {x.ticks(5).map((tick) => (
            <g key={tick} transform={`translate(${x(tick)},${area.bottom})`}>
              <line y2={4} />
              <text y={16} textAnchor="middle">
                {tick}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(area.left + area.right) / 2} y={height - 4} textAnchor="middle">
            {t('scatter.xAxis')}
          </text>
        </g>
        <g className="axis y-axis" aria-hidden="true">
          <line x1={area.left} x2={area.left} y1={area.top} y2={area.bottom} />
          {y.ticks(5).map((tick) => (
            <g key={tick} transform={`translate(${area.left},${y(tick)})`}>
              <line x2={-4} />
              <text x={-7} dy="0.32em" textAnchor="end">
                {count.format(tick)}
              </text>
            </g>
          ))}
          <text className="axis-label" transform={`translate(12,${(area.top + area.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            {t('scatter.yAxis')}
          </text>
        </g>
        <g className="cuts" aria-hidden="true">
          <line x1={cutX} x2={cutX} y1={area.top} y2={area.bottom} />
          <line x1={area.left} x2={area.right} y1={cutY} y2={cutY} />
        </g>
        <g className="points">
          {order.map((i) => {
            const label = describe(names[i] ?? t('scatter.ward', { n: i + 1 }), need[i] as number, requests[i] as number);
            const q = quadrantOf(i);
            const isSelected = i === selected;
            return (
              <circle
                key={i}
                className={`point${q ? ` q-${q}` : ''}${isSelected ? ' selected' : ''}`}
                cx={x(need[i] as number)}
                cy={y(requests[i] as number)}
                r={isSelected ? 7 : 4}
                tabIndex={0}
                role="button"
                aria-label={label}
                aria-pressed={isSelected}
                onClick={() => props.onSelect(i)}
                onKeyDown={onKey(i)}
              >
                <title>{label}</title>
              </circle>
            );
          })}
        </g>
        <g className="quadrant-labels" aria-hidden="true" pointerEvents="none">
          {QUADRANTS.map((q) => (
            <text key={q} className={`q-${q}`} x={corners[q].x} y={corners[q].y} textAnchor={corners[q].anchor}>
              {t(`scatter.quadrants.${q}`)}
              <tspan className="count" dx="0.3em">
                ({counts[q]})
              </tspan>
            </text>
          ))}
        </g>
      </svg>
      {withoutData > 0 && (
        <p className="hint">
          {t('scatter.withoutData', { count: withoutData })}
        </p>
      )}
    </figure>
  );
}
