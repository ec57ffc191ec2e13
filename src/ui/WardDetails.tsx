import type { IndicatorDef, Ward } from '../model/types';
import { formatNumber, formatScore, formatValue, missingText } from './formatValue';
import { labelIn } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { districtName } from '../i18n/wardName';

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
  /** The ward's name in the interface language (wardName); its `name` when absent. */
  name?: string;
  /** Action themes whose indicators deviate most from the city median, with the numbers behind them. */
  themes: { id: string; label: string; action: string; evidence: string[] }[];
}

/** The selected ward: its score and, per criterion, the raw value and the need value it contributes. */
export function WardDetails(props: WardDetailsProps) {
  const { ward, indicators } = props;
  const { t, language, locale } = useLanguage();
  const name = props.name ?? ward.name;
  return (
    <aside className="ward-details" data-testid="ward-details" aria-label={t('ward.selected', { name })}>
      <header>
        <h2>{name}</h2>
        <button type="button" className="close" aria-label={t('ward.close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      <p className="meta">
        {ward.code}
        {ward.district ? ` · ${districtName(ward, language)}` : ''}
        {props.team ? ` · ${t('ward.currentArea', { team: props.team })}` : ''}
      </p>
      {props.currentToggle && (
        <button type="button" className="mark-current" aria-pressed={props.currentToggle.marked} onClick={props.currentToggle.onToggle}>
          {props.currentToggle.marked ? t('ward.unmark') : t('ward.mark')}
        </button>
      )}
      {props.onPrint && (
        <button type="button" className="mark-current print-profile" onClick={props.onPrint}>
          {t('ward.print')}
        </button>
      )}
      {props.compare && (
        <button type="button" className="mark-current" onClick={props.compare.onToggle} disabled={!props.compare.included && props.compare.full}>
          {props.compare.included ? t('ward.removeCompare') : props.compare.full ? t('ward.compareFull') : t('ward.addCompare')}
        </button>
      )}
      <p className="headline">
        {t('ward.score')} <strong>{formatScore(props.score, locale)}</strong> · {t('ward.rank')} <strong>{props.rank ?? '–'}</strong>{' '}
        {t('ward.of', { n: props.scored })}
        {props.decile !== null && <> · {t('ward.decile', { n: props.decile })}</>}
      </p>
      <table className="details">
        <thead>
          <tr>
            <th scope="col">{t('ward.criterion')}</th>
            <th scope="col" className="num">
              {t('ward.value')}
            </th>
            <th scope="col" className="num" title={t('ward.pctlTitle')}>
              {t('ward.pctl')}
            </th>
            <th scope="col" className="num" title={t('ward.medianTitle', { area: props.hereLabel ?? t('ward.itsArea') })}>
              {t('ward.median')}
            </th>
            <th scope="col" className="num" title={t('ward.pointsTitle')}>
              {t('ward.points')}
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
                    <span className="flag" role="img" title={t('ward.flagTitle')} aria-label={t('ward.flagLabel')}>
                      ⚑{' '}
                    </span>
                  )}
                  {labelIn(d.shortLabel ?? d.label, language)}
                  <span className="weight"> ×{weight}</span>
                </th>
                <td className="num">
                  {props.values[d.id][ward.index] === null
                    ? missingText(props.missing[d.id]?.[ward.index])
                    : formatValue(props.values[d.id][ward.index], d.unit, false, locale)}
                  {props.rawValues?.[d.id] && (
                    <span className="raw"> ({t('ward.raw', { value: formatValue(props.rawValues[d.id][ward.index], d.unit, false, locale) })})</span>
                  )}
                </td>
                <td className="num">{e?.percentile === null || e === undefined ? '–' : Math.round(e.percentile * 100)}</td>
                <td className="num">
                  {formatValue(e?.medianHere, d.unit, false, locale)} / {formatValue(e?.medianAll, d.unit, false, locale)}
                </td>
                <td className="num">
                  {e?.points === null || e === undefined || weight === 0
                    ? '–'
                    : `${formatNumber(e.points, 1, locale)} (${Math.round((e.share ?? 0) * 100)} %)`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.themes.length > 0 && (
        <section className="themes" aria-label={t('ward.themes')}>
          <h3>{t('ward.themesTitle')}</h3>
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
