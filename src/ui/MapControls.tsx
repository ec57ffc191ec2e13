import type { PaletteName } from '../app/state';
import type { Classification } from '../model/classify';
import type { IndicatorDef } from '../model/types';

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
  onToggleCurrentAreas: () => void;
  onToggleDistricts: () => void;
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
  return (
    <div className="map-controls" role="group" aria-label="Map display">
      <label>
        Colour by
        <select value={props.colourBy} onChange={(e) => props.onColourBy(e.currentTarget.value)}>
          <option value="score">Priority score</option>
          {props.shiftName !== null && <option value="rank-shift">Rank shift ({props.shiftName})</option>}
          {props.indicators.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label.en}
            </option>
          ))}
        </select>
      </label>
      <label>
        Classes
        <select value={props.classification} onChange={(e) => props.onClassification(e.currentTarget.value as Classification)}>
          <option value="quantile">Quantiles</option>
          <option value="equal">Equal intervals</option>
          <option value="ckmeans">Natural breaks (ckmeans)</option>
        </select>
      </label>
      <label>
        Number
        <select value={props.classCount} onChange={(e) => props.onClassCount(Number(e.currentTarget.value))}>
          {[3, 4, 5, 6, 7].map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label>
        Palette
        <select value={props.palette} onChange={(e) => props.onPalette(e.currentTarget.value as PaletteName)}>
          <option value="viridis">Viridis</option>
          <option value="cividis">Cividis</option>
          <option value="magma">Magma</option>
        </select>
      </label>
      {props.hasCurrentAreas && (
        <label className="check">
          <input type="checkbox" checked={props.showCurrentAreas} onChange={props.onToggleCurrentAreas} />
          Current CHW areas
        </label>
      )}
      <label>
        Hot spots
        <select
          value={props.hotspotAlpha ?? ''}
          onChange={(e) => props.onHotspotAlpha(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
        >
          <option value="">Off</option>
          <option value="0.05">p ≤ 0.05</option>
          <option value="0.01">p ≤ 0.01</option>
          <option value="0.001">p ≤ 0.001</option>
        </select>
        {props.hotspotProgress != null && (
          <progress className="hotspot-progress" max={1} value={props.hotspotProgress} aria-label="Computing hot spots">
            {Math.round(props.hotspotProgress * 100)} %
          </progress>
        )}
      </label>
      <label className="check">
        <input type="checkbox" checked={props.showFlags} onChange={props.onToggleFlags} />
        Flags
      </label>
      {props.stabilityReady && (
        <label className="check">
          <input type="checkbox" checked={props.showBadges} onChange={props.onToggleBadges} />
          Stability badges
        </label>
      )}
      {props.hasDistricts && (
        <label className="check">
          <input type="checkbox" checked={props.showDistricts} onChange={props.onToggleDistricts} />
          Districts
        </label>
      )}
    </div>
  );
}
