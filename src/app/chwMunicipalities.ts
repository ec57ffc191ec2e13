import { parseCsv } from '../io/parseCsv';
import programmeAreas from '../../data/chw-current-areas.csv?raw';

/**
 * The municipalities where CHW teams work today (NIS code -> city), from the programme's list of
 * current areas; offered first in the area filter.
 */
export const CHW_MUNICIPALITIES: ReadonlyMap<string, string> = (() => {
  const parsed = parseCsv(programmeAreas, 'chw-current-areas.csv').data;
  const out = new Map<string, string>();
  if (!parsed) return out;
  const nis = parsed.columns.indexOf('municipality_nis');
  const city = parsed.columns.indexOf('city');
  for (const row of parsed.rows) if (row[nis]) out.set(row[nis].trim(), row[city]?.trim() ?? row[nis]);
  return out;
})();
