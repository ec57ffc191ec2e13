import { NO_DATA_COLOUR, OUTSIDE_COLOUR } from '../map/palette';

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
  return (
    <figure className="legend" aria-label="Legend">
      <figcaption>{title}</figcaption>
      <ul>
        {[...entries].reverse().map((e) => (
          <li key={e.label + e.colour}>
            <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
          No data{noDataCount > 0 ? ` (${noDataCount})` : ''}
        </li>
        {showOutside && (
          <li>
            <span className="swatch" style={{ background: OUTSIDE_COLOUR }} aria-hidden="true" />
            Outside the selection
          </li>
        )}
        {hotspots !== null && (
          <li>
            <span className="swatch hotspot" aria-hidden="true" />
            Hot spot, high-high ({hotspots})
          </li>
        )}
        {flags && (
          <>
            <li>
              <span className="swatch flag1" aria-hidden="true" />
              Hatched: 1 criterion in the neediest 10 %
            </li>
            <li>
              <span className="swatch flag2" aria-hidden="true" />
              Cross-hatched: 2 or more
            </li>
          </>
        )}
        {topChange && (
          <>
            <li>
              <span className="swatch entered" aria-hidden="true" />
              Enters the top {topChange.k} ({topChange.entered})
            </li>
            <li>
              <span className="swatch left" aria-hidden="true" />
              Leaves the top {topChange.k} ({topChange.left})
            </li>
          </>
        )}
        {badges && (
          <>
            <li>
              <span className="badge level3" aria-hidden="true" />
              Top {badges.k} in 90 % or more of draws ({badges.counts[2]})
            </li>
            <li>
              <span className="badge level2" aria-hidden="true" />
              Top {badges.k} in 50–90 % ({badges.counts[1]})
            </li>
            <li>
              <span className="badge level1" aria-hidden="true" />
              Top {badges.k} in 10–50 % ({badges.counts[0]})
            </li>
          </>
        )}
        {showTeams && (
          <li>
            <span className="swatch team" aria-hidden="true" />
            Proposed team
          </li>
        )}
        {rings >= 1 && (
          <li>
            <span className="swatch ring1" aria-hidden="true" />
            Ring 1: borders a current area
          </li>
        )}
        {rings >= 2 && (
          <li>
            <span className="swatch ring2" aria-hidden="true" />
            Ring 2: one ward further
          </li>
        )}
        {showCurrentAreas && (
          <li>
            <span className="swatch current" aria-hidden="true" />
            Current CHW area
          </li>
        )}
      </ul>
    </figure>
  );
}
