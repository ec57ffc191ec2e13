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
  /** Need value per indicator id (0–1 except z-scores), null when missing. */
  need: Record<string, number | null>;
  onClose: () => void;
  /** Marking the ward as a current CHW area by hand; absent where that does not apply. */
  currentToggle?: { marked: boolean; onToggle: () => void } | null;
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
            <th scope="col" className="num">
              Need
            </th>
            <th scope="col" className="num">
              Weight
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((d) => {
            const need = props.need[d.id];
            return (
              <tr key={d.id} className={(props.weights[d.id] ?? 0) === 0 ? 'off' : undefined}>
                <th scope="row">{d.label.en}</th>
                <td className="num">
                  {props.values[d.id][ward.index] === null
                    ? missingText(props.missing[d.id]?.[ward.index])
                    : formatValue(props.values[d.id][ward.index], d.unit)}
                </td>
                <td className="num">{need === null ? '–' : need.toFixed(2)}</td>
                <td className="num">{props.weights[d.id] ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </aside>
  );
}
