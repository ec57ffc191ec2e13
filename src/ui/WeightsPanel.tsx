import type { Direction, IndicatorDef, Method } from '../model/types';
import { labelIn } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { unitLabel } from '../i18n/unitLabel';
import { numberFormat } from './formatValue';

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

const NORMALISATIONS: readonly Exclude<Method, 'expo'>[] = ['percentile', 'minmax', 'zscore'];

/** One slider per indicator, its direction, and how need values are normalised and combined. */
export function WeightsPanel(props: WeightsPanelProps) {
  const { indicators, weights, directions, method } = props;
  const { t, language, locale } = useLanguage();
  const weightFormat = numberFormat(locale, { maximumFractionDigits: 1 });
  const aggregation = method === 'expo' ? 'expo' : 'mean';
  const totalWeight = indicators.reduce((sum, d) => sum + (weights[d.id] ?? 0), 0);
  return (
    <section className="panel weights" aria-label={t('weights.label')}>
      <h2>{t('weights.title')}</h2>
      <p className="hint">{t('weights.hint')}</p>
      {totalWeight === 0 && (
        <p className="call" role="status">
          {t('weights.none')}
        </p>
      )}
      <ul className="weight-list">
        {indicators.map((d) => {
          const weight = weights[d.id] ?? 0;
          const direction = directions[d.id] ?? d.direction;
          const share = totalWeight > 0 ? Math.round((100 * weight) / totalWeight) : 0;
          const label = labelIn(d.label, language);
          const shown = weightFormat.format(weight);
          return (
            <li key={d.id} className={weight === 0 ? 'off' : undefined}>
              <label htmlFor={`w-${d.id}`} className="weight-label">
                {label}
                {d.unit && <span className="unit"> ({unitLabel(d.unit, t)})</span>}
              </label>
              <div className="weight-row">
                <input
                  id={`w-${d.id}`}
                  type="range"
                  min={0}
                  max={5}
                  step={0.5}
                  value={weight}
                  aria-label={label}
                  aria-valuetext={t('weights.valueText', { weight: shown, share })}
                  onChange={(e) => props.onWeight(d.id, Number(e.currentTarget.value))}
                />
                <output htmlFor={`w-${d.id}`} className="weight-value">
                  {shown}
                </output>
                <button
                  type="button"
                  className="direction"
                  title={t('weights.directionTitle')}
                  onClick={() => props.onToggleDirection(d.id)}
                >
                  {/* The name starts with the visible text (WCAG 2.5.3), then says which criterion it turns.
                      No aria-pressed: the text already states the direction, and a pressed state would contradict it. */}
                  {direction === 'low' ? t('weights.lower') : t('weights.higher')}
                  <span className="visually-hidden">
                    {' · '}
                    {direction === 'low' ? t('weights.directionLow', { label }) : t('weights.directionHigh', { label })}
                  </span>
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
          {t('weights.aggregation')}
          <select
            value={aggregation}
            onChange={(e) => props.onMethod(e.currentTarget.value === 'expo' ? 'expo' : 'percentile')}
          >
            <option value="mean">{t('weights.mean')}</option>
            <option value="expo">{t('weights.expo')}</option>
          </select>
        </label>
        <label>
          {t('weights.normalisation')}
          <select
            value={method === 'expo' ? 'percentile' : method}
            disabled={method === 'expo'}
            onChange={(e) => props.onMethod(e.currentTarget.value as Method)}
          >
            {NORMALISATIONS.map((n) => (
              <option key={n} value={n}>
                {t(`weights.normalisations.${n}`)}
              </option>
            ))}
          </select>
        </label>
        {method === 'expo' && <p className="hint">{t('weights.expoHint')}</p>}
      </div>
      {props.smoothing && (
        <label className="check smoothing">
          <input type="checkbox" checked={props.smoothing.on} disabled={!props.smoothing.available} onChange={props.smoothing.onToggle} />
          {t('weights.smoothing')}
        </label>
      )}
      <button type="button" onClick={props.onReset}>
        {t('weights.reset')}
      </button>
    </section>
  );
}
