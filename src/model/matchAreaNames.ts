import { municipalityOfSector } from './createDataset';
import { normaliseCode } from './normaliseCode';

/** A statistical sector that a programme area may be matched to: its names in each language, and its municipality. */
export interface SectorCandidate {
  /** The ward index in the dataset. */
  index: number;
  code: string;
  /** Its names (Statbel's NL and FR descriptions, …); empty ones are ignored. */
  names: readonly string[];
  /** NIS code of its municipality ("71016"), or null when unknown. */
  municipality: string | null;
}

/** One sector proposed for a programme area, with a 0–1 score and the reason in words. */
export interface Suggestion {
  index: number;
  code: string;
  /** The name of the sector that matched best. */
  name: string;
  score: number;
  reason: string;
}

/** The part of a programme area that matching needs. */
export interface AreaToMatch {
  area: string;
  municipality: string | null;
}

export interface SuggestOptions {
  /** Only sectors of this municipality; all candidates when null or absent. */
  municipality?: string | null;
  /** At most this many suggestions; 5 by default. */
  limit?: number;
  /** Suggestions below this score are left out; 0.35 by default. */
  minScore?: number;
}

const DEFAULT_LIMIT = 5;
const DEFAULT_MIN_SCORE = 0.35;

// Articles, prepositions and generic words for "neighbourhood": they carry no identity.
const NOISE = new Set([
  'de', 'het', 'den', 'der', 't', 'van', 'en', 'op', 'ter', 'te',
  'la', 'le', 'les', 'l', 'd', 'du', 'des', 'a', 'au', 'aux', 'et', 'sur',
  'wijk', 'quartier', 'cite', 'kwartier', 'buurt',
]);

// Dutch and French saints are spelled four ways; one form makes them compare equal.
const SAINT = new Set(['sint', 'saint', 'sainte', 'st', 'ste', 'sinte']);

// Street and neighbourhood words that Dutch glues to the name: "Anneessensplein", "Hospitaalwijk".
const COMPOUND_SUFFIXES = ['steenweg', 'kwartier', 'straat', 'square', 'plein', 'dreef', 'laan', 'park', 'wijk', 'kaai'];
const MIN_CORE = 4;

/** A name taken apart for comparison. */
interface NameForm {
  /** Significant words, lower case, without accents or noise words. */
  words: string[];
  /** The same words without a glued street suffix or plural s: "anneessensplein" -> "anneessen". */
  cores: string[];
  /** Trigrams of each core, for fuzzy word comparison. */
  coreGrams: Set<string>[];
  /** The words joined without spaces, for "same name" ("Waterschei Noord" = "WATERSCHEI-NOORD"). */
  joined: string;
  joinedCores: string;
  /** Trigrams of the whole name. */
  grams: Set<string>;
}

interface PreparedCandidate {
  candidate: SectorCandidate;
  names: { name: string; form: NameForm }[];
}

interface Scored {
  score: number;
  reason: string;
}

/**
 * Lower case, accents stripped, punctuation and hyphens read as spaces:
 * foldName("Saint-Léonard (Liège)") === "saint leonard liege".
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function formOf(name: string): NameForm {
  const words = foldName(name)
    .split(' ')
    .filter((w) => w !== '' && !NOISE.has(w))
    .map((w) => (SAINT.has(w) ? 'st' : w));
  const cores = words.map(coreOf);
  return {
    words,
    cores,
    coreGrams: cores.map(trigrams),
    joined: words.join(''),
    joinedCores: cores.join(''),
    grams: trigrams(words.join(' ')),
  };
}

function coreOf(word: string): string {
  let core = word;
  for (const suffix of COMPOUND_SUFFIXES) {
    if (core.endsWith(suffix) && core.length - suffix.length >= MIN_CORE) {
      core = core.slice(0, -suffix.length);
      break;
    }
  }
  // A plural or a Dutch linking s: "klaverswijk" and "KLAVER", "Pré Javais" and "PRES JAVAIS".
  return core.length >= MIN_CORE && core.endsWith('s') && !core.endsWith('ss') ? core.slice(0, -1) : core;
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of two trigram sets: 2|A∩B| / (|A|+|B|). */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Character-trigram similarity (Dice, 0–1) of two names after folding:
 * nameSimilarity("Essegem", "ESSEGHEM") is about 0.7.
 */
export function nameSimilarity(a: string, b: string): number {
  return dice(formOf(a).grams, formOf(b).grams);
}

// How well one word of the area name is found among the sector's words: 1 the same word, 0.9 the
// same core, below that a close spelling; 0 not found.
const SAME_CORE = 0.9;
const FUZZY_WORD = 0.75;

function wordMatch(area: NameForm, i: number, sector: NameForm): { weight: number; at: number } {
  let best = { weight: 0, at: -1 };
  for (let j = 0; j < sector.words.length; j++) {
    if (area.words[i] === sector.words[j]) return { weight: 1, at: j };
    if (area.cores[i] === sector.cores[j]) {
      if (best.weight < SAME_CORE) best = { weight: SAME_CORE, at: j };
      continue;
    }
    const la = area.cores[i].length;
    const lb = sector.cores[j].length;
    if (la < MIN_CORE || lb < MIN_CORE || Math.abs(la - lb) > Math.max(la, lb) / 3) continue;
    const similarity = dice(area.coreGrams[i], sector.coreGrams[j]);
    const weight = similarity >= FUZZY_WORD ? SAME_CORE * similarity : 0;
    if (weight > best.weight) best = { weight, at: j };
  }
  return best;
}

/**
 * The score of one sector name for an area name, in bands that rank as the reasons read: same name
 * (1) > nearly the same name (0.95) > all words of the area name (0.76–0.95) > the sector name
 * inside a longer area name (0.6–0.8) > some words or a similar spelling (at most 0.75).
 */
function scoreName(area: NameForm, sector: NameForm): Scored {
  if (area.words.length === 0 || sector.words.length === 0) return { score: 0, reason: '' };
  if (area.joined === sector.joined) return { score: 1, reason: 'same name' };
  if (area.joinedCores === sector.joinedCores) return { score: 0.95, reason: 'nearly the same name' };

  const matches = area.words.map((_, i) => wordMatch(area, i, sector));
  const weightSum = matches.reduce((sum, m) => sum + m.weight, 0);
  const covered = new Set(matches.filter((m) => m.weight > 0).map((m) => m.at)).size;

  if (matches.every((m) => m.weight > 0)) {
    const quality = weightSum / matches.length;
    const coverage = covered / sector.words.length;
    return { score: 0.55 + 0.3 * quality + 0.1 * coverage, reason: 'all words of the area name' };
  }
  if (covered === sector.words.length) {
    // Every word of the sector is in the longer area name ("Surdents haute crotte couvalle" and "HAUTE-CROTTE").
    return { score: 0.6 + 0.2 * (covered / area.words.length), reason: 'the sector name is part of the area name' };
  }
  const wordDice = (2 * weightSum) / (area.words.length + sector.words.length);
  const spelling = dice(area.grams, sector.grams);
  if (wordDice >= spelling && covered > 0) {
    const found = matches.filter((m) => m.weight > 0).length;
    return { score: 0.75 * wordDice, reason: `${found} of ${area.words.length} words of the area name` };
  }
  return { score: 0.75 * spelling, reason: `similar spelling ${spelling.toFixed(2)}` };
}

/**
 * The part of a programme name that must match, and the qualifier that may: "Laken: Houba" ->
 * "Houba" (in Laken); "Borgerhout (intramuros)" -> "Borgerhout". A name that is all parentheses,
 * "(city-wide, …)", is a note and matches nothing.
 */
function areaForm(areaName: string): { form: NameForm; qualifier: NameForm | null } | null {
  const trimmed = areaName.trim();
  if (/^\(.*\)$/s.test(trimmed)) return null;
  let main = trimmed;
  const qualifiers: string[] = [];
  const colon = main.indexOf(':');
  if (colon > 0 && colon < main.length - 1) {
    qualifiers.push(main.slice(0, colon));
    main = main.slice(colon + 1);
  }
  main = main.replace(/\(([^)]*)\)/g, (_, inside: string) => {
    qualifiers.push(inside);
    return ' ';
  });
  const form = formOf(main);
  if (form.words.length === 0) return null;
  return { form, qualifier: qualifiers.length > 0 ? formOf(qualifiers.join(' ')) : null };
}

// A qualifier word found in the sector name ("Laken" in "O.L.V. VAN LAKEN") breaks ties.
const QUALIFIER_BONUS = 0.02;

function scoreCandidate(area: { form: NameForm; qualifier: NameForm | null }, prepared: PreparedCandidate): Scored & { name: string } {
  let best: Scored & { name: string } = { score: 0, reason: '', name: prepared.names[0]?.name ?? '' };
  for (const { name, form } of prepared.names) {
    const scored = scoreName(area.form, form);
    if (scored.score > 0 && area.qualifier) {
      const q = area.qualifier;
      const found = q.words.filter((_, i) => wordMatch(q, i, form).weight > 0).length;
      scored.score = Math.min(1, scored.score + QUALIFIER_BONUS * found);
    }
    if (scored.score > best.score) best = { ...scored, name };
  }
  return best;
}

// Preparing a city's 300 sectors costs more than scoring one area against them, so the forms are
// kept per candidates array: repeated calls with the same array (one per area) reuse them.
const preparedCache = new WeakMap<readonly SectorCandidate[], PreparedCandidate[]>();

function prepare(candidates: readonly SectorCandidate[]): PreparedCandidate[] {
  const cached = preparedCache.get(candidates);
  if (cached) return cached;
  const prepared = candidates.map((candidate) => ({
    candidate,
    names: [...new Set(candidate.names.map((n) => n.trim()).filter((n) => n !== ''))].map((name) => ({ name, form: formOf(name) })),
  }));
  preparedCache.set(candidates, prepared);
  return prepared;
}

function sameMunicipality(candidate: SectorCandidate, municipality: string | null | undefined): boolean {
  return municipality === null || municipality === undefined || candidate.municipality?.trim() === municipality.trim();
}

function rankSuggestions(
  areaName: string,
  prepared: readonly PreparedCandidate[],
  options: SuggestOptions,
): Suggestion[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`invalid limit: ${limit}`);
  const area = areaForm(areaName);
  if (area === null || limit === 0) return [];
  const out: Suggestion[] = [];
  for (const p of prepared) {
    if (!sameMunicipality(p.candidate, options.municipality)) continue;
    const { score, reason, name } = scoreCandidate(area, p);
    if (score >= minScore) out.push({ index: p.candidate.index, code: p.candidate.code, name, score, reason });
  }
  out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.index - b.index);
  return out.slice(0, limit);
}

/**
 * Sectors whose names resemble a programme area's name, best first, scored 0–1 with the reason in
 * words; only the sectors of `options.municipality` when given. Names are compared without case,
 * accents, punctuation or noise words ("wijk", "de", "la", …), by words and by character trigrams.
 * suggestSectors("Waterschei Noord", genk)[0] is WATERSCHEI-NOORD, score 1, reason "same name".
 * A name that is all parentheses ("(city-wide, …)") is a note and gets no suggestions.
 */
export function suggestSectors(
  areaName: string,
  candidates: readonly SectorCandidate[],
  options: SuggestOptions = {},
): Suggestion[] {
  return rankSuggestions(areaName, prepare(candidates), options);
}

/**
 * The top suggestions (3 by default) for each programme area among the sectors of its municipality,
 * in the order of `areas`. 95 areas against a city's 300 sectors take a few milliseconds.
 */
export function matchAllAreas<A extends AreaToMatch>(
  areas: readonly A[],
  candidates: readonly SectorCandidate[],
  options: { limit?: number; minScore?: number } = {},
): { area: A; suggestions: Suggestion[] }[] {
  const prepared = prepare(candidates);
  const byMunicipality = new Map<string, PreparedCandidate[]>();
  for (const p of prepared) {
    const key = p.candidate.municipality?.trim() ?? '';
    const list = byMunicipality.get(key);
    if (list) list.push(p);
    else byMunicipality.set(key, [p]);
  }
  return areas.map((area) => {
    const pool = area.municipality === null ? prepared : (byMunicipality.get(area.municipality.trim()) ?? []);
    return { area, suggestions: rankSuggestions(area.area, pool, { limit: options.limit ?? 3, minScore: options.minScore }) };
  });
}

/**
 * Sectors whose name contains what the user typed, for a search box: names starting with the
 * query first, then names with a word starting with it, then the rest, each alphabetically.
 * Case, accents and punctuation are ignored; an empty query finds nothing.
 * searchSectors("sled", genk) lists NIEUW SLEDDERLO and OUD SLEDDERLO.
 */
export function searchSectors(
  query: string,
  candidates: readonly SectorCandidate[],
  options: {
    municipality?: string | null;
    limit?: number;
    /** Codes to leave out (already confirmed), in normaliseCode form. */
    exclude?: ReadonlySet<string>;
  } = {},
): { index: number; code: string; name: string }[] {
  const q = foldName(query);
  if (q === '') return [];
  const limit = options.limit ?? 8;
  const hits: { index: number; code: string; name: string; rank: number }[] = [];
  for (const candidate of candidates) {
    if (!sameMunicipality(candidate, options.municipality) || options.exclude?.has(normaliseCode(candidate.code))) continue;
    let best: { name: string; rank: number } | null = null;
    for (const name of candidate.names) {
      const folded = foldName(name);
      const at = folded.indexOf(q);
      if (at < 0) continue;
      const rank = at === 0 ? 0 : folded[at - 1] === ' ' ? 1 : 2;
      if (best === null || rank < best.rank) best = { name: name.trim(), rank };
    }
    if (best) hits.push({ index: candidate.index, code: candidate.code, ...best });
  }
  hits.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name) || a.index - b.index);
  return hits.slice(0, limit).map(({ index, code, name }) => ({ index, code, name }));
}

/**
 * Candidates from a dataset's wards: the ward's name, and the municipality from its Statbel sector
 * code ("71016A00-" -> "71016") unless `municipalityOf` says otherwise.
 */
export function candidatesFromWards(
  wards: readonly { index: number; code: string; name: string }[],
  municipalityOf: (code: string) => string | null = municipalityOfSector,
): SectorCandidate[] {
  return wards.map((w) => ({ index: w.index, code: w.code, names: [w.name], municipality: municipalityOf(w.code) }));
}
