import type { PaletteName } from '../app/state';
import type { Classification } from '../model/classify';
import type { IndicatorDef } from '../model/types';
import { BasemapSettings } from './BasemapSettings';
import { labelIn } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { numberFormat } from './formatValue';

export interface MapControlsProps {
  indicators: IndicatorDef[];
  colourBy: string;
  classification: Classification;
  classCount: number;
  palette: PaletteName;
  showCurrentAreas: boolean;
  showDistricts: boolean;
  hasCurrentAreas: boolean;
  hasDistricts: boolean;
  onColourBy: (value: string) => void;
  onClassification: (value: Classification) => void;
  onClassCount: (value: number) => void;
  onPalette: (value: PaletteName) => void;
  /** High contrast: black outlines and text, cividis (the palette choice waits while it is on). */
  highContrast: boolean;
  onToggleHighContrast: () => void;
  onToggleCurrentAreas: () => void;
  onToggleDistricts: () => void;
  /** Ward names on the map (src/map/labels.ts). */
  showLabels: boolean;
  onToggleLabels: () => void;
  /** Hot spots of the score (local Moran's I): off, or the p-value threshold. */
  hotspotAlpha: number | null;
  /** Share (0–1) of the hot-spot computation done while it runs, else null. */
  hotspotProgress?: number | null;
  /** The scenario comparison the map can be coloured by ("from → to"), or null when none is open. */
  shiftName: string | null;
  showFlags: boolean;
  onToggleFlags: () => void;
  /** Whether a rank-stability result exists for the current weights. */
  stabilityReady: boolean;
  showBadges: boolean;
  onToggleBadges: () => void;
  onHotspotAlpha: (alpha: number | null) => void;
}

/** What the map shows and how it is classed and coloured. */
export function MapControls(props: MapControlsProps) {
  const { t, language, locale } = useLanguage();
  return (
    <div className="map-controls" role="group" aria-label={t('mapControls.label')}>
      <label>
        {t('mapControls.colourBy')}
        <select value={props.colourBy} onChange={(e) => props.onColourBy(e.currentTarget.value)}>
          <option value="score">{t('mapControls.score')}</option>
          {props.shiftName !== null && <option value="rank-shift">{t('mapControls.rankShift', { name: props.shiftName })}</option>}
          {props.indicators.map((d) => (
            <option key={d.id} value={d.id}>
              {labelIn(d.label, language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mapControls.classes')}
        <select value={props.classification} onChange={(e) => props.onClassification(e.currentTarget.value as Classification)}>
          <option value="quantile">{t('mapControls.quantile')}</option>
          <option value="equal">{t('mapControls.equal')}</option>
          <option value="ckmeans">{t('mapControls.ckmeans')}</option>
        </select>
      </label>
      <label>
        {t('mapControls.number')}
        <select value={props.classCount} onChange={(e) => props.onClassCount(Number(e.currentTarget.value))}>
          {[3, 4, 5, 6, 7].map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mapControls.palette')}
        <select
          value={props.palette}
          disabled={props.highContrast}
          title={props.highContrast ? t('mapControls.highContrastPalette') : undefined}
          onChange={(e) => props.onPalette(e.currentTarget.value as PaletteName)}
        >
          <option value="viridis">Viridis</option>
          <option value="cividis">Cividis</option>
          <option value="magma">Magma</option>
        </select>
      </label>
      {props.hasCurrentAreas && (
        <label className="check">
          <input type="checkbox" checked={props.showCurrentAreas} onChange={props.onToggleCurrentAreas} />
          {t('mapControls.currentAreas')}
        </label>
      )}
      <label>
        {t('mapControls.hotspots')}
        <select
          value={props.hotspotAlpha ?? ''}
          onChange={(e) => props.onHotspotAlpha(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
        >
          <option value="">{t('mapControls.off')}</option>
          <option value="0.05">p ≤ {numberFormat(locale, { maximumFractionDigits: 3 }).format(0.05)}</option>
          <option value="0.01">p ≤ {numberFormat(locale, { maximumFractionDigits: 3 }).format(0.01)}</option>
          <option value="0.001">p ≤ {numberFormat(locale, { maximumFractionDigits: 3 }).format(0.001)}</option>
        </select>
        {props.hotspotProgress != null && (
          <progress className="hotspot-progress" max={1} value={props.hotspotProgress} aria-label={t('mapControls.computingHotspots')}>
            {Math.round(props.hotspotProgress * 100)} %
          </progress>
        )}
      </label>
      <label className="check">
        <input type="checkbox" checked={props.highContrast} onChange={props.onToggleHighContrast} />
        {t('mapControls.highContrast')}
      </label>
      <label className="check">
        <input type="checkbox" checked={props.showFlags} onChange={props.onToggleFlags} />
        {t('mapControls.flags')}
      </label>
      {props.stabilityReady && (
        <label className="check">
          <input type="checkbox" checked={props.showBadges} onChange={props.onToggleBadges} />
          {t('mapControls.badges')}
        </label>
      )}
      {props.hasDistricts && (
        <label className="check">
          <input type="checkbox" checked={props.showDistricts} onChange={props.onToggleDistricts} />
          {t('mapControls.districts')}
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={props.showLabels} onChange={props.onToggleLabels} />
        {t('mapControls.wardNames')}
      </label>
      <BasemapSettings />
    </div>
  );
}
