import type { IndicatorDef, Ward } from '../model/types';
import { formatScore, formatValue, missingText } from './formatValue';

export interface WardDetailsProps {
  ward: Ward;
  rank: number | null;
  scored: number;
  score: number | null;
  decile: number | null;
  team: string | null;
  indicators: IndicatorDef[];
  weights: Record<string, number>;
  values: Record<string, (number | null)[]>;
  missing: Record<string, (string | null)[]>;
  /** When shares are smoothed, the raw ones: shown next to the smoothed value. */
  rawValues: Record<string, (number | null)[]> | null;
  /** Need value per indicator id (0–1 except z-scores), null when missing. */
  need: Record<string, number | null>;
  onClose: () => void;
  /** Marking the ward as a current CHW area by hand; absent where that does not apply. */
  currentToggle?: { marked: boolean; onToggle: () => void } | null;
  /**
   * Why the ward ranks where it does, per indicator id: its points of the score and their share,
   * the raw value's percentile, the medians of its own area and of all wards, and whether it is
   * among the 10 % neediest on that indicator.
   */
  explain: Record<
    string,
    { points: number | null; share: number | null; percentile: number | null; medianHere: number | null; medianAll: number | null; flagged: boolean }
  >;
  /** The name of the ward's own area for "median here" (its municipality or district). */
  hereLabel: string | null;
  /** Prints the ward profile (browser print to PDF); absent where printing does not apply. */
  onPrint?: () => void;
  /** Adding the ward to (or removing it from) the comparison of 2–4 wards. */
  compare?: { included: boolean; full: boolean; onToggle: () => void };
  /** Action themes whose indicators deviate most from the city median, with the numbers behind them. */
  themes: { id: string; label: string; action: string; evidence: string[] }[];
}

/** The selected ward: its score and, per criterion, the raw value and the need value it contributes. */
export function WardDetails(props: WardDetailsProps) {
  const { ward, indicators } = props;
  return (
    <aside className="ward-details" data-testid="ward-details" aria-label={`Selected ward ${ward.name}`}>
      <header>
        <h2>{ward.name}</h2>
        <button type="button" className="close" aria-label="Close ward details" onClick={props.onClose}>
          ×
        </button>
      </header>
      <p className="meta">
        {ward.code}
        {ward.district ? ` · ${ward.district}` : ''}
        {props.team ? ` · current CHW area (${props.team})` : ''}
      </p>
      {props.currentToggle && (
        <button type="button" className="mark-current" aria-pressed={props.currentToggle.marked} onClick={props.currentToggle.onToggle}>
          {props.currentToggle.marked ? 'Unmark as current CHW area' : 'Mark as current CHW area'}
        </button>
      )}
      {props.onPrint && (
        <button type="button" className="mark-current print-profile" onClick={props.onPrint}>
          Print profile
        </button>
      )}
      {props.compare && (
        <button type="button" className="mark-current" onClick={props.compare.onToggle} disabled={!props.compare.included && props.compare.full}>
          {props.compare.included ? 'Remove from comparison' : props.compare.full ? 'Comparison full (4 wards)' : 'Add to comparison'}
        </button>
      )}
      <p className="headline">
        Score <strong>{formatScore(props.score)}</strong> · rank <strong>{props.rank ?? '–'}</strong> of {props.scored}
        {props.decile !== null && <> · decile {props.decile}</>}
      </p>
      <table className="details">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col" className="num" title="Percentile of the value among the scored wards (0 = lowest)">
              Pctl
            </th>
            <th scope="col" className="num" title={`Median in ${props.hereLabel ?? 'its area'} / among all wards`}>
              Median here / all
            </th>
            <th scope="col" className="num" title="Points of the score this criterion gives, and its share of the score">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((d) => {
            const e = props.explain[d.id];
            const weight = props.weights[d.id] ?? 0;
            return (
              <tr key={d.id} className={weight === 0 ? 'off' : undefined}>
                <th scope="row">
                  {e?.flagged && (
                    <span className="flag" title="Among the 10 % of wards with most need on this criterion" aria-label="flagged: top 10 % need">
                      ⚑{' '}
                    </span>
                  )}
                  {(d.shortLabel ?? d.label).en}
                  <span className="weight"> ×{weight}</span>
                </th>
                <td className="num">
                  {props.values[d.id][ward.index] === null
                    ? missingText(props.missing[d.id]?.[ward.index])
                    : formatValue(props.values[d.id][ward.index], d.unit)}
                  {props.rawValues?.[d.id] && <span className="raw"> (raw {formatValue(props.rawValues[d.id][ward.index], d.unit)})</span>}
                </td>
                <td className="num">{e?.percentile === null || e === undefined ? '–' : Math.round(e.percentile * 100)}</td>
                <td className="num">
                  {formatValue(e?.medianHere, d.unit)} / {formatValue(e?.medianAll, d.unit)}
                </td>
                <td className="num">
                  {e?.points === null || e === undefined || weight === 0
                    ? '–'
                    : `${e.points.toFixed(1)} (${Math.round((e.share ?? 0) * 100)} %)`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.themes.length > 0 && (
        <section className="themes" aria-label="Suggested themes">
          <h3>Suggested themes for field work</h3>
          <ul>
            {props.themes.map((t) => (
              <li key={t.id}>
                <strong>{t.label}</strong>: {t.action}
                <span className="evidence">{t.evidence.join('; ')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}
