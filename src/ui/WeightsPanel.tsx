import type { Direction, IndicatorDef, Method } from '../model/types';

export interface WeightsPanelProps {
  indicators: IndicatorDef[];
  weights: Record<string, number>;
  directions: Record<string, Direction>;
  method: Method;
  onWeight: (id: string, weight: number) => void;
  onToggleDirection: (id: string) => void;
  onMethod: (method: Method) => void;
  onReset: () => void;
  /** Empirical Bayes smoothing of shares: on or off, and whether a population column allows it. */
  smoothing?: { on: boolean; available: boolean; onToggle: () => void };
}

const NORMALISATIONS: { value: Exclude<Method, 'expo'>; label: string }[] = [
  { value: 'percentile', label: 'Percentile rank' },
  { value: 'minmax', label: 'Min–max' },
  { value: 'zscore', label: 'Z-score' },
];

/** One slider per indicator, its direction, and how need values are normalised and combined. */
export function WeightsPanel(props: WeightsPanelProps) {
  const { indicators, weights, directions, method } = props;
  const aggregation = method === 'expo' ? 'expo' : 'mean';
  const totalWeight = indicators.reduce((sum, d) => sum + (weights[d.id] ?? 0), 0);
  return (
    <section className="panel weights" aria-label="Weights">
      <h2>Criteria and weights</h2>
      <p className="hint">
        0 switches a criterion off. Weights are relative: only their proportions matter.
      </p>
      {totalWeight === 0 && (
        <p className="call" role="status">
          No criterion has a weight yet: move a slider (and check its direction) to score the wards.
        </p>
      )}
      <ul className="weight-list">
        {indicators.map((d) => {
          const weight = weights[d.id] ?? 0;
          const direction = directions[d.id] ?? d.direction;
          const share = totalWeight > 0 ? Math.round((100 * weight) / totalWeight) : 0;
          return (
            <li key={d.id} className={weight === 0 ? 'off' : undefined}>
              <label htmlFor={`w-${d.id}`} className="weight-label">
                {d.label.en}
                {d.unit && <span className="unit"> ({d.unit})</span>}
              </label>
              <div className="weight-row">
                <input
                  id={`w-${d.id}`}
                  type="range"
                  min={0}
                  max={5}
                  step={0.5}
                  value={weight}
                  aria-label={d.label.en}
                  aria-valuetext={`weight ${weight}, ${share} % of the score`}
                  onChange={(e) => props.onWeight(d.id, Number(e.currentTarget.value))}
                />
                <output htmlFor={`w-${d.id}`} className="weight-value">
                  {weight}
                </output>
                <button
                  type="button"
                  className="direction"
                  aria-pressed={direction === 'low'}
                  aria-label={`Direction of ${d.label.en}: ${direction === 'low' ? 'lower' : 'higher'} value means more need. Toggle.`}
                  title="Toggle which way this criterion points"
                  onClick={() => props.onToggleDirection(d.id)}
                >
                  {direction === 'low' ? '↓ lower = more need' : '↑ higher = more need'}
                </button>
              </div>
              <div className="share" aria-hidden="true">
                <span style={{ width: `${share}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="method">
        <label>
          Aggregation
          <select
            value={aggregation}
            onChange={(e) => props.onMethod(e.currentTarget.value === 'expo' ? 'expo' : 'percentile')}
          >
            <option value="mean">Weighted mean of normalised values</option>
            <option value="expo">Exponential transform (English IMD / BIMD)</option>
          </select>
        </label>
        <label>
          Normalisation
          <select
            value={method === 'expo' ? 'percentile' : method}
            disabled={method === 'expo'}
            onChange={(e) => props.onMethod(e.currentTarget.value as Method)}
          >
            {NORMALISATIONS.map((n) => (
              <option key={n.value} value={n.value}>
                {n.label}
              </option>
            ))}
          </select>
        </label>
        {method === 'expo' && <p className="hint">The exponential transform works on need ranks; normalisation does not apply.</p>}
      </div>
      {props.smoothing && (
        <label className="check smoothing">
          <input type="checkbox" checked={props.smoothing.on} disabled={!props.smoothing.available} onChange={props.smoothing.onToggle} />
          Smooth shares by population (empirical Bayes): small wards move toward the mean before ranking
        </label>
      )}
      <button type="button" onClick={props.onReset}>
        Reset weights
      </button>
    </section>
  );
}
