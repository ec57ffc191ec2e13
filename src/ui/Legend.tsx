import { NO_DATA_COLOUR, OUTSIDE_COLOUR } from '../map/palette';
import { swatchEdge } from './contrast';
import { useLanguage } from '../i18n/useLanguage';

export interface LegendProps {
  title: string;
  /** One entry per class, from least to most need. */
  entries: { colour: string; label: string }[];
  noDataCount: number;
  /** Whether the map shows current CHW areas, so the legend explains their outline. */
  showCurrentAreas: boolean;
  /** Whether some wards are drawn as outside the area filter. */
  showOutside: boolean;
  /** Whether proposed teams are outlined on the map. */
  showTeams?: boolean;
  /** Expansion rings drawn: 0 = none, 1 = ring 1, 2 = rings 1 and 2. */
  rings?: 0 | 1 | 2;
  /** Whether hot spots are outlined, and how many wards. */
  hotspots?: number | null;
  /** Whether flags are drawn as hatching. */
  flags?: boolean;
  /** Scenario comparison outlines: the top k and how many wards enter and leave it. */
  topChange?: { k: number; entered: number; left: number } | null;
  /** Rank-stability badges: the top k they refer to and how many wards have each level (1, 2, 3). */
  badges?: { k: number; counts: [number, number, number] } | null;
}

/** The map legend: classes from most to least need, then the no-data colour. */
export function Legend(props: LegendProps) {
  const { title, entries, noDataCount, showCurrentAreas, showOutside, showTeams = false, rings = 0, hotspots = null } = props;
  const { flags = false, topChange = null, badges = null } = props;
  const { t } = useLanguage();
  return (
    <figure className="legend" aria-label={t('legend.label')}>
      <figcaption>{title}</figcaption>
      <ul>
        {[...entries].reverse().map((e) => (
          <li key={e.label + e.colour}>
            <span className="swatch" style={{ background: e.colour, borderColor: swatchEdge(e.colour) }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOUR, borderColor: swatchEdge(NO_DATA_COLOUR) }} aria-hidden="true" />
          {t('legend.noData')}
          {noDataCount > 0 ? ` (${noDataCount})` : ''}
        </li>
        {showOutside && (
          <li>
            <span className="swatch" style={{ background: OUTSIDE_COLOUR, borderColor: swatchEdge(OUTSIDE_COLOUR) }} aria-hidden="true" />
            {t('legend.outside')}
          </li>
        )}
        {hotspots !== null && (
          <li>
            <span className="swatch hotspot" aria-hidden="true" />
            {t('legend.hotspot', { n: hotspots })}
          </li>
        )}
        {flags && (
          <>
            <li>
              <span className="swatch flag1" aria-hidden="true" />
              {t('legend.flag1')}
            </li>
            <li>
              <span className="swatch flag2" aria-hidden="true" />
              {t('legend.flag2')}
            </li>
          </>
        )}
        {topChange && (
          <>
            <li>
              <span className="swatch entered" aria-hidden="true" />
              {t('legend.enters', { k: topChange.k, n: topChange.entered })}
            </li>
            <li>
              <span className="swatch left" aria-hidden="true" />
              {t('legend.leaves', { k: topChange.k, n: topChange.left })}
            </li>
          </>
        )}
        {badges && (
          <>
            <li>
              <span className="badge level3" aria-hidden="true" />
              {t('legend.badge3', { k: badges.k, n: badges.counts[2] })}
            </li>
            <li>
              <span className="badge level2" aria-hidden="true" />
              {t('legend.badge2', { k: badges.k, n: badges.counts[1] })}
            </li>
            <li>
              <span className="badge level1" aria-hidden="true" />
              {t('legend.badge1', { k: badges.k, n: badges.counts[0] })}
            </li>
          </>
        )}
        {showTeams && (
          <li>
            <span className="swatch team" aria-hidden="true" />
            {t('legend.team')}
          </li>
        )}
        {rings >= 1 && (
          <li>
            <span className="swatch ring1" aria-hidden="true" />
            {t('legend.ring1')}
          </li>
        )}
        {rings >= 2 && (
          <li>
            <span className="swatch ring2" aria-hidden="true" />
            {t('legend.ring2')}
          </li>
        )}
        {showCurrentAreas && (
          <li>
            <span className="swatch current" aria-hidden="true" />
            {t('legend.current')}
          </li>
        )}
      </ul>
    </figure>
  );
}
