import { scaleBand, scaleLinear } from 'd3';
import { useId } from 'react';
import { MIN_COMPARED, type Comparison, type ComparedWard, type ComparisonRow } from '../model/compareWards';
import { formatScore, formatValue } from './formatValue';
import { useLanguage } from '../i18n/useLanguage';

export interface WardComparisonProps {
  comparison: Comparison;
  /** Takes a ward (by ward index) out of the comparison; offered while more than two are compared. */
  onRemove(index: number): void;
  onExport(): void;
  onClose(): void;
  /** Action themes for the compared wards as a group (their mean against their areas' medians), with the numbers behind them. */
  themes?: { id: string; label: string; action: string; evidence: string[] }[];
}

/** One hue per compared ward, in selection order: Okabe–Ito blue, orange, bluish green, reddish purple. */
export const WARD_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

const WIDTH = 320;
const BAND = 18;
const MARGIN = { top: 4, right: 12, bottom: 18, left: 30 };

/**
 * Short marks that tell the compared wards apart without colour: each name's initial, numbered
 * when two wards share one. wardMarks([{ name: 'Berg' }, { name: 'bos' }, { name: 'Dijk' }]) -> ['B1', 'B2', 'D']
 */
export function wardMarks(wards: readonly Pick<ComparedWard, 'name'>[]): string[] {
  const initials = wards.map((w) => (w.name.trim()[0] ?? '?').toUpperCase());
  const seen = new Map<string, number>();
  return initials.map((c) => {
    if (initials.filter((d) => d === c).length === 1) return c;
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return `${c}${n}`;
  });
}

function percentileCell(p: number | null): string {
  return p === null ? '–' : String(Math.round(p * 100));
}

/** Two to four wards side by side: scores and ranks, then per indicator the percentiles as bars, the values and points as text. */
export function WardComparison(props: WardComparisonProps) {
  const { comparison, themes, onRemove, onExport, onClose } = props;
  const { wards, rows } = comparison;
  const titleId = useId();
  const themesId = useId();
  const marks = wardMarks(wards);
  const canRemove = wards.length > MIN_COMPARED;
  const { t, locale } = useLanguage();

  return (
    <section className="ward-comparison" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('comparison.title')}</h2>
      <div className="cmp-actions">
        <button type="button" onClick={onExport}>
          {t('comparison.export')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ul className="cmp-header">
        {wards.map((w, k) => (
          <li key={w.index} className="cmp-ward">
            <svg width={14} height={14} aria-hidden="true" focusable="false">
              <rect width={14} height={14} fill={WARD_COLOURS[k]} />
            </svg>
            <span className="cmp-mark">{marks[k]}</span> <strong className="cmp-name">{w.name}</strong>{' '}
            <span className="cmp-score">{t('comparison.score', { score: formatScore(w.score, locale) })}</span>,{' '}
            <span className="cmp-rank">{w.rank === null ? t('comparison.unranked') : t('comparison.rank', { rank: w.rank })}</span>
            {canRemove && (
              <button type="button" onClick={() => onRemove(w.index)}>
                {t('comparison.remove', { name: w.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {themes && (
        // Inline sizes mirror the ward details' themes (app.css, .ward-details .themes).
        <section className="themes cmp-themes" aria-labelledby={themesId}>
          <h3 id={themesId}>
            {t('comparison.themes')}
          </h3>
          {themes.length === 0 ? (
            <p>{t('comparison.noTheme')}</p>
          ) : (
            <ul>
              {themes.map((t) => (
                <li key={t.id}>
                  <strong>{t.label}</strong>: {t.action}
                  <ul className="evidence">
                    {t.evidence.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {rows.map((row) => (
        <IndicatorBars key={row.id} row={row} wards={wards} marks={marks} />
      ))}
    </section>
  );
}

function IndicatorBars(props: { row: ComparisonRow; wards: ComparedWard[]; marks: string[] }) {
  const { row, wards, marks } = props;
  const headingId = useId();
  const { t, locale } = useLanguage();
  /** A percentile (0–1) as text: 0.375 -> "percentile 38"; missing "no data". */
  const percentileText = (p: number | null) => (p === null ? t('comparison.noData') : t('comparison.percentileOf', { n: Math.round(p * 100) }));
  const height = MARGIN.top + wards.length * BAND + MARGIN.bottom;
  const x = scaleLinear().domain([0, 100]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleBand<number>()
    .domain(wards.map((_, k) => k))
    .range([MARGIN.top, height - MARGIN.bottom])
    .padding(0.2);
  const summary = t('comparison.summary', { label: row.label, list: wards.map((w, k) => `${w.name} ${percentileText(row.percentiles[k])}`).join('; ') });

  return (
    <div className="cmp-indicator" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{row.label}</h3>
      <svg className="cmp-bars" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={summary}>
        <g className="grid">
          {[0, 50, 100].map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={MARGIN.top} y2={height - MARGIN.bottom} />
              <text y={height - 5} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
        </g>
        {wards.map((w, k) => {
          const p = row.percentiles[k];
          const top = y(k) ?? 0;
          const middle = top + y.bandwidth() / 2;
          return (
            <g key={w.index} className="cmp-bar">
              <text x={MARGIN.left - 6} y={middle} dy="0.32em" textAnchor="end">
                {marks[k]}
              </text>
              {p === null ? (
                <text className="no-data" x={x(0) + 4} y={middle} dy="0.32em">
                  {t('comparison.noData')}
                </text>
              ) : (
                <rect x={x(0)} y={top} width={Math.max(0, x(p * 100) - x(0))} height={y.bandwidth()} fill={WARD_COLOURS[k]} />
              )}
            </g>
          );
        })}
      </svg>
      <table className="cmp-values">
        <thead>
          <tr>
            <th scope="col">{t('comparison.ward')}</th>
            <th scope="col">{t('comparison.value')}</th>
            <th scope="col">{t('comparison.percentile')}</th>
            <th scope="col">{t('comparison.points')}</th>
          </tr>
        </thead>
        <tbody>
          {wards.map((w, k) => (
            <tr key={w.index}>
              <th scope="row">
                {marks[k]} {w.name}
              </th>
              <td>{formatValue(row.values[k], row.unit, false, locale)}</td>
              <td>{percentileCell(row.percentiles[k])}</td>
              <td>{formatScore(row.points[k], locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
