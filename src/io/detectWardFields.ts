import { normaliseCode } from '../model/normaliseCode';
import { keyNameRank } from './detectKeyColumn';

/** Which boundary properties hold a ward's code, its name, and the larger area it belongs to. */
export interface WardFields {
  key: string | null;
  name: string | null;
  district: string | null;
  /** The property with the municipality code (5-digit NIS), when there is one other than the key. */
  municipality?: string | null;
  /** The property with the ward's French name when `name` holds the Dutch one (TX_SECTOR_DESCR_NL -> TX_SECTOR_DESCR_FR). */
  nameFr?: string | null;
}

// Matched against names lower-cased without separators ("TX_SECTOR_DESCR_NL" -> "txsectordescrnl"),
// preferred in this order. Municipality names come last: they name the ward only in a municipality file.
const NAME_NAMES = [
  'txsectordescrnl', 'txsectordescrfr', 'txsectordescrde', 'txsectordescr',
  'name', 'naam', 'nom', 'namenl', 'naamnl', 'nomnl', 'namefr', 'nomfr', 'naamfr', 'nameen',
  'sectorname', 'sectornaam', 'nomsecteur', 'wijknaam', 'wijkname', 'nomquartier', 'districtname', 'label',
  'txmuntydescrnl', 'txmuntydescrfr', 'txmuntydescrde', 'gemeentenaam', 'nomcommune', 'municipalityname',
];

const DISTRICT_NAMES = [
  'district', 'wijk', 'quartier', 'deelgemeente', 'districtname',
  'txmuntydescrnl', 'txmuntydescrfr', 'txmuntydescrde', 'municipality', 'municipalityname',
  'gemeente', 'gemeentenaam', 'commune', 'nomcommune', 'city', 'stad', 'ville',
];

type Properties = Record<string, unknown> | null;

function normalName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** Whether every feature has a value for `name` and no two share it. */
function isUnique(features: readonly { properties: Properties }[], name: string): boolean {
  if (features.length === 0) return false;
  const seen = new Set<string>();
  for (const f of features) {
    const code = normaliseCode(text(f.properties?.[name]));
    if (code === '' || seen.has(code)) return false;
    seen.add(code);
  }
  return true;
}

function filledShare(features: readonly { properties: Properties }[], name: string): number {
  if (features.length === 0) return 0;
  let filled = 0;
  for (const f of features) if (text(f.properties?.[name]) !== '') filled += 1;
  return filled / features.length;
}

function distinctCount(features: readonly { properties: Properties }[], name: string): number {
  const values = new Set<string>();
  for (const f of features) {
    const value = text(f.properties?.[name]);
    if (value !== '') values.add(value);
  }
  return values.size;
}

/** The property names matching `known`, in the order of `known`. */
function byKnownName(propertyNames: string[], known: string[]): string[] {
  return propertyNames
    .map((name) => ({ name, rank: known.indexOf(normalName(name)) }))
    .filter((c) => c.rank !== -1)
    .sort((a, b) => a.rank - b.rank)
    .map((c) => c.name);
}

/**
 * Guesses the code, name and district properties of ward boundaries from their names (CD_SECTOR,
 * TX_SECTOR_DESCR_NL, TX_MUNTY_DESCR_NL, naam, district, ...) and values: the code must be
 * unique if possible, the name mostly filled in, the district shared by several wards.
 */
export function detectWardFields(
  propertyNames: string[],
  features: readonly { properties: Properties }[],
): WardFields {
  const keyed = propertyNames
    .map((name) => ({ name, rank: keyNameRank(name) }))
    .filter((c) => c.rank !== Infinity)
    .sort((a, b) => a.rank - b.rank)
    .map((c) => c.name);
  const key =
    keyed.find((name) => isUnique(features, name)) ??
    keyed[0] ??
    propertyNames.find((name) => isUnique(features, name)) ??
    null;

  const rest = propertyNames.filter((name) => name !== key);
  const name =
    byKnownName(rest, NAME_NAMES).find((n) => filledShare(features, n) >= 0.5) ??
    rest.find(
      (n) =>
        features.every((f) => typeof (f.properties?.[n] ?? '') === 'string') &&
        filledShare(features, n) >= 0.5 &&
        distinctCount(features, n) >= 0.8 * features.length,
    ) ??
    null;

  // A district groups wards: a property with a distinct value on (nearly) every ward is another
  // name of the ward itself, such as the French name in a municipality file.
  const district =
    byKnownName(
      rest.filter((n) => n !== name),
      DISTRICT_NAMES,
    ).find((n) => filledShare(features, n) >= 0.5 && (features.length < 2 || distinctCount(features, n) < 0.8 * features.length)) ??
    null;

  // The municipality code: a known name whose values look like 5-digit NIS codes.
  const municipality =
    rest.find(
      (n) =>
        MUNICIPALITY_CODE_NAMES.includes(n.toLowerCase().replace(/[^a-z0-9]/g, '')) &&
        features.every((f) => /^\d{5}$/.test(String(f.properties?.[n] ?? '').trim())),
    ) ?? null;

  // Only where there is one: most files name their wards in one language.
  const nameFr = frenchNameOf(name, rest, features);
  return nameFr ? { key, name, district, municipality, nameFr } : { key, name, district, municipality };
}

/**
 * The French counterpart of a Dutch name property: the same name with FR for NL at its end
 * ("TX_SECTOR_DESCR_NL" -> "TX_SECTOR_DESCR_FR", "naam_nl" -> "naam_fr"), when it is mostly filled in.
 * frenchNameOf('TX_SECTOR_DESCR_NL', ['CD_SECTOR', 'TX_SECTOR_DESCR_FR'], features) -> 'TX_SECTOR_DESCR_FR'
 */
export function frenchNameOf(name: string | null, names: readonly string[], features: readonly { properties: Properties }[]): string | null {
  if (name === null || !normalName(name).endsWith('nl')) return null;
  const wanted = `${normalName(name).slice(0, -2)}fr`;
  return names.find((n) => n !== name && normalName(n) === wanted && filledShare(features, n) >= 0.5) ?? null;
}

// Matched against names lower-cased with everything but letters and digits removed.
const MUNICIPALITY_CODE_NAMES = ['cdmuntyrefnis', 'cdrefnis', 'municipalitynis', 'municipality', 'nis', 'niscode', 'nis5', 'cdmunty', 'gemeentenis', 'codeins', 'ins'];
