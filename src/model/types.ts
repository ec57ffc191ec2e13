/** Which way an indicator points: `high` = a higher value means more need, `low` = a lower value means more need. */
export type Direction = 'high' | 'low';

/** How raw values become need values before they are combined. */
export type Normalisation = 'percentile' | 'minmax' | 'zscore';

/** How need values are combined into a score. */
export type Aggregation = 'mean' | 'expo';

/** The scoring method as one name, as the CLI and export spell it. */
export type Method = 'percentile' | 'minmax' | 'zscore' | 'expo';

/** Labels per UI language. */
export interface Labels {
  nl: string;
  fr: string;
  en: string;
}

/** One entry of the indicator catalogue (data/indicators.json). */
export interface IndicatorDef {
  id: string;
  label: Labels;
  /** A few words for table headers and the legend; the label when absent. */
  shortLabel?: Labels;
  unit: string;
  direction: Direction;
  defaultWeight: number;
  source: string;
  year: number | null;
  /** Other column names under which this indicator is recognised in user files. */
  aliases?: string[];
  /**
   * The level the values were published at: `municipality` values (5-digit NIS) are attached to every
   * ward of the municipality and marked as such. Default `ward`.
   */
  level?: Level;
  /**
   * How ward values combine into a larger area: `sum` for counts (persons, households), `mean` for
   * shares, averages and rates (population-weighted). Default inferred from the unit and name.
   */
  aggregate?: 'sum' | 'mean';
}

/** The geographic level of a value or a view: wards (sectors), or the municipalities they make up. */
export type Level = 'ward' | 'municipality';

/** A ward (statistical sector, neighbourhood): the unit that is scored and ranked. */
export interface Ward {
  /** Position in the dataset; also the MapLibre feature id. */
  index: number;
  code: string;
  /** The name the data gives first: the Dutch one for Statbel sectors (TX_SECTOR_DESCR_NL). */
  name: string;
  /** The French name where the data has one besides `name` (TX_SECTOR_DESCR_FR); shown when the interface is in French. */
  nameFr?: string;
  district: string | null;
  /** The district's French name where the data has one besides `district` (TX_MUNTY_DESCR_FR); shown when the interface is in French. */
  districtFr?: string;
  /** The municipality (5-digit NIS code for Statbel data) the ward lies in; null when unknown. */
  municipality: string | null;
}

/** Raw indicator values, one array per indicator id, aligned with the wards; null = missing. */
export type ValueColumns = Record<string, (number | null)[]>;
