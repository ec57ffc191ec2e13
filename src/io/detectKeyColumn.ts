import { normaliseCode } from '../model/normaliseCode';
// Names under which area codes travel, most specific first: a Statbel table often carries both the
// sector code and the municipality code, and the sector is the finer key. Matched against the name
// lower-cased with everything but letters and digits removed ("CD_STAT_SECTOR" -> "cdstatsector").
const KEY_NAMES: RegExp[] = [
  /^cdsector$/,
  /^cdstatsector$/,
  /^cdressector$/,
  /^(?:stat)?sector(?:code|id)?$/,
  /^(?:code|id)(?:stat)?sector$/,
  /^cdmuntyrefnis$/,
  /^cdrefnis$/,
  /^refnis/,
  /^nis\d*(?:code)?(?:\d{4})?$/,
  /^niscode/,
  /^(?:munty|municipality|gemeente|commune)nis\d*(?:code)?$/,
  /^wijkcode$/,
  /^(?:district|wijk|quartier|area|geo|gemeente|commune|municipality)(?:code|id)$/,
  /^code/,
  /^key$/,
  /^id$/,
];

/**
 * How strongly a column or property name says "area code": 0 for the most specific known key name
 * (CD_SECTOR), higher for more generic ones (code, id), Infinity when it is not a key name.
 */
export function keyNameRank(name: string): number {
  const normal = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const rank = KEY_NAMES.findIndex((re) => re.test(normal));
  return rank === -1 ? Infinity : rank;
}


/**
 * Guesses which column holds the area codes. With `candidates` (the boundary keys), the column
 * whose codes meet the most candidates wins, known key names first; without them, or when none
 * meets any, the best known key name (unique values first), then the first column whose values
 * are all present and unique and are not measurements (numbers of several widths, decimals, or
 * under three digits). Null when nothing fits.
 */
export function detectKeyColumn(columns: string[], rows: string[][], candidates?: string[]): string | null {
  const named = columns
    .map((name, index) => ({ name, index, rank: keyNameRank(name) }))
    .filter((c) => c.rank !== Infinity);

  if (candidates && candidates.length > 0) {
    const wanted = new Set(candidates.map(normaliseCode));
    const matches = (index: number) => {
      const hits = new Set<string>();
      for (const row of rows) {
        const code = normaliseCode(row[index] ?? '');
        if (wanted.has(code)) hits.add(code);
      }
      return hits.size;
    };
    // No column can meet more candidates than there are rows, or candidates.
    const ceiling = Math.min(rows.length, wanted.size);
    const best = (list: { name: string; index: number }[]) => {
      let found: string | null = null;
      let most = 0;
      for (const c of list) {
        if (most >= ceiling) break;
        const n = matches(c.index);
        if (n > most) {
          found = c.name;
          most = n;
        }
      }
      return found;
    };
    const byName = best([...named].sort((a, b) => a.rank - b.rank));
    if (byName) return byName;
    const byValue = best(columns.map((name, index) => ({ name, index })));
    if (byValue) return byValue;
  }

  if (named.length > 0) {
    named.sort((a, b) => a.rank - b.rank);
    const unique = named.find((c) => isUniqueKey(rows, c.index));
    return (unique ?? named[0]).name;
  }
  const index = columns.findIndex((_, i) => isUniqueKey(rows, i) && !isMeasure(rows, i));
  return index === -1 ? null : columns[index];
}

/**
 * Whether a column of unique values holds numbers that measure rather than name: numbers of
 * different widths or with decimals (12, 14.5, 1200). Numeric codes have one width (NIS 24107).
 */
function isMeasure(rows: string[][], index: number): boolean {
  const widths = new Set<number>();
  let marks = false;
  for (const row of rows) {
    const cell = (row[index] ?? '').trim();
    if (!/^-?\d+(?:[.,]\d+)*$/.test(cell)) return false;
    widths.add(cell.length);
    marks ||= /[.,-]/.test(cell);
  }
  return marks || widths.size > 1 || [...widths][0] < 3;
}

function isUniqueKey(rows: string[][], index: number): boolean {
  if (rows.length === 0) return false;
  const seen = new Set<string>();
  for (const row of rows) {
    const code = normaliseCode(row[index] ?? '');
    if (code === '' || seen.has(code)) return false;
    seen.add(code);
  }
  return true;
}
