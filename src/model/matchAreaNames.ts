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

/** Why a sector is suggested for an area: its key under `matcher.reasons` in the locale files. */
export type MatchReason = 'sameName' | 'nearlySameName' | 'allWords' | 'sectorInArea' | 'someWords' | 'similarSpelling' | 'genericOnly';

/**
 * Each reason in English, with the {{placeholders}} its values fill in; the locale files hold the
 * same texts under `matcher.reasons` (en.json word for word) for the interface language.
 */
export const MATCH_REASONS: Record<MatchReason, string> = {
  sameName: 'same name',
  nearlySameName: 'nearly the same name',
  allWords: 'all words of the area name',
  sectorInArea: 'the sector name is part of the area name',
  someWords: '{{found}} of {{total}} words of the area name',
  similarSpelling: 'similar spelling {{similarity}}',
  genericOnly: 'only a generic word in common',
};

/** One sector proposed for a programme area, with a 0–1 score and the reason in words. */
export interface Suggestion {
  index: number;
  code: string;
  /** The name of the sector that matched best. */
  name: string;
  score: number;
  /** The reason in English ("same name", "similar spelling 0.72"): for tests and logs. */
  reason: string;
  /** The same reason as plain data, for the interface to write in its language: `matcher.reasons.<key>`. */
  reasonKey: MatchReason;
  /** The numbers the reason names: `found` and `total` words, or the spelling's `similarity` (0–1). */
  reasonValues: Record<string, number>;
}

/** The part of a programme area that matching needs. */
export interface AreaToMatch {
  area: string;
  municipality: string | null;
  /** The city as the programme writes it; its name inside a sector name ("OOSTENDE-CENTRUM") counts for the area. */
  city?: string | null;
}

export interface SuggestOptions {
  /** Only sectors of this municipality; all candidates when null or absent. */
  municipality?: string | null;
  /** The city's name, as for AreaToMatch.city. */
  city?: string | null;
  /** At most this many suggestions; 5 by default. */
  limit?: number;
  /** Suggestions below this score are left out; 0.35 by default. */
  minScore?: number;
}

const DEFAULT_LIMIT = 5;
const DEFAULT_MIN_SCORE = 0.35;

// Articles, prepositions and the words for "neighbourhood": they carry no identity.
const NOISE = new Set([
  'de', 'het', 'den', 'der', 't', 'van', 'en', 'op', 'ter', 'te',
  'la', 'le', 'les', 'l', 'd', 'du', 'des', 'a', 'au', 'aux', 'et', 'sur',
  'wijk', 'quartier', 'cite', 'kwartier', 'buurt',
]);

// Dutch and French saints are spelled six ways; one form makes them compare equal.
const SAINT = new Set(['sint', 'saint', 'sainte', 'st', 'ste', 'sinte']);

// Words that many sector names share ("-CENTRE", "-NOORD", "OUD …"): they count for less than a
// place name, and a match on them alone is no match.
const GENERIC = new Set([
  'st', 'centre', 'centrum', 'center', 'kern', 'dorp', 'village', 'station', 'gare',
  'noord', 'nord', 'zuid', 'sud', 'oost', 'est', 'west', 'ouest',
  'oud', 'oude', 'nieuw', 'nieuwe', 'new', 'neuf', 'vieux', 'vieille', 'nouveau',
  'haut', 'haute', 'hauts', 'bas', 'basse', 'groot', 'grote', 'klein', 'kleine', 'grand', 'grande', 'petit', 'petite',
]);
const GENERIC_WEIGHT = 0.3;
// A word in the names of several sectors of the city ("MARCHIENNE-…") tells them apart less well.
const COMMON_WEIGHT = 0.6;
const COMMON_IN = 3;

// Street and neighbourhood words that Dutch glues to the name: "Anneessensplein", "Hospitaalwijk".
const COMPOUND_SUFFIXES = ['steenweg', 'kwartier', 'straat', 'square', 'plein', 'dreef', 'laan', 'park', 'wijk', 'kaai'];
const MIN_CORE = 4;

/** A name taken apart for comparison. */
interface NameForm {
  /** Significant words: lower case, no accents, no noise words, saints as "st". */
  words: string[];
  /** 1 for a place word, GENERIC_WEIGHT for a generic one (before COMMON_WEIGHT, which depends on the city). */
  weights: number[];
  /** The words without a glued street suffix, plural s or old spelling: "anneessensplein" and "anneessens" -> "annesen". */
  cores: string[];
  coreGrams: number[][];
  /** The words joined without spaces, so "Waterschei Noord" is the same name as "WATERSCHEI-NOORD". */
  joined: string;
  joinedCores: string;
  /** Trigrams of the whole name. */
  grams: number[];
}

/** A name split into what must match and what only helps: "ATHENEUM (STATIONSWIJK)", "Laken: Houba". */
interface SplitName {
  main: NameForm;
  /** The main words and the qualifier's together; null without a qualifier. */
  full: NameForm | null;
  qualifier: NameForm | null;
}

interface PreparedCandidate {
  candidate: SectorCandidate;
  names: { name: string; split: SplitName }[];
}

interface Scored {
  score: number;
  /** Null only for no match (score 0). */
  reason: MatchReason | null;
  /** The numbers the reason names: words found of the area's, or the trigram similarity. */
  values?: Record<string, number>;
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
    weights: words.map((w) => (GENERIC.has(w) ? GENERIC_WEIGHT : 1)),
    cores,
    coreGrams: cores.map(trigrams),
    joined: words.join(''),
    joinedCores: cores.join(''),
    grams: trigrams(words.join(' ')),
  };
}

/** Cuts a name into its words outside and inside parentheses (and, for areas, before a colon). */
function splitName(name: string, colonQualifies: boolean): SplitName {
  let main = name.trim();
  const colon = colonQualifies ? main.indexOf(':') : -1;
  const qualified = (colon > 0 && colon < main.length - 1) || main.includes('(');
  if (!qualified) return { main: formOf(main), full: null, qualifier: null };
  const qualifiers: string[] = [];
  if (colon > 0 && colon < main.length - 1) {
    qualifiers.push(main.slice(0, colon));
    main = main.slice(colon + 1);
  }
  main = main.replace(/\(([^)]*)\)?/g, (_, inside: string) => {
    qualifiers.push(inside);
    return ' ';
  });
  const mainForm = formOf(main);
  const qualifier = qualifiers.length > 0 ? formOf(qualifiers.join(' ')) : null;
  if (qualifier === null || qualifier.words.length === 0) return { main: formOf(name), full: null, qualifier: null };
  if (mainForm.words.length === 0) return { main: qualifier, full: null, qualifier: null };
  return { main: mainForm, full: formOf(`${main} ${qualifiers.join(' ')}`), qualifier };
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
  if (core.length >= MIN_CORE && core.endsWith('s') && !core.endsWith('ss')) core = core.slice(0, -1);
  // Old and new Belgian spellings of one name: Esseghem/Essegem, Veeweyde/Veewijde, Scherdemael/Scherdemaal;
  // short words keep their long vowels ("Rad" is not "Raad").
  core = core.replace(/gh/g, 'g').replace(/ae/g, 'a').replace(/ij|ey|y/g, 'ei');
  return core.length > 5 ? core.replace(/([aeou])\1/g, '$1') : core;
}

/**
 * The distinct character trigrams of a folded name, as sorted numbers: folded text has only a–z, 0–9
 * and spaces, so a trigram is three base-37 digits. Numbers compare without allocating strings.
 */
function trigrams(text: string): number[] {
  const padded = `  ${text} `;
  const digit = (i: number): number => {
    const c = padded.charCodeAt(i);
    return c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : 0;
  };
  const grams: number[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = digit(i) * 1369 + digit(i + 1) * 37 + digit(i + 2);
    // Insertion into a short sorted list, skipping repeats.
    let at = grams.length;
    while (at > 0 && grams[at - 1] > g) at -= 1;
    if (at > 0 && grams[at - 1] === g) continue;
    grams.splice(at, 0, g);
  }
  return grams;
}

/** Dice coefficient of two sorted trigram lists: 2|A∩B| / (|A|+|B|). */
function dice(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Character-trigram similarity (Dice, 0–1) of two names after folding and dropping noise words:
 * nameSimilarity("Waterschei Noord", "WATERSCHEI-NOORD") === 1.
 */
export function nameSimilarity(a: string, b: string): number {
  return dice(formOf(a).grams, formOf(b).grams);
}

// How well a word is found among another name's words: 1 the same word, 0.9 the same core
// ("Hospitaalwijk", "HOSPITAAL"), SAME_CORE × similarity for a close spelling, else 0.
const SAME_CORE = 0.9;
const FUZZY_WORD = 0.8;

// Which word of the other name wordMatch found; a variable rather than a returned object because
// scoring a city's sectors calls it a hundred thousand times.
let matchedAt = -1;

function wordMatch(form: NameForm, i: number, other: NameForm): number {
  const word = form.words[i];
  const core = form.cores[i];
  let best = 0;
  matchedAt = -1;
  for (let j = 0; j < other.words.length; j++) {
    if (word === other.words[j]) {
      matchedAt = j;
      return 1;
    }
    if (core === other.cores[j]) {
      if (best < SAME_CORE) {
        best = SAME_CORE;
        matchedAt = j;
      }
      continue;
    }
    const la = core.length;
    const lb = other.cores[j].length;
    if (la < MIN_CORE || lb < MIN_CORE || Math.abs(la - lb) > Math.max(la, lb) / 3) continue;
    const similarity = dice(form.coreGrams[i], other.coreGrams[j]);
    const weight = similarity >= FUZZY_WORD ? SAME_CORE * similarity : 0;
    if (weight > best) {
      best = weight;
      matchedAt = j;
    }
  }
  return best;
}

function found(form: NameForm, i: number, other: NameForm | null): boolean {
  return other !== null && wordMatch(form, i, other) > 0;
}

/** A name with the weights of its words in one city: place word 1, common COMMON_WEIGHT, generic GENERIC_WEIGHT. */
interface Weighted {
  form: NameForm;
  weights: number[];
  total: number;
}

function weigh(form: NameForm, common: ReadonlySet<string>): Weighted {
  const weights = form.weights.map((w, i) => (w > COMMON_WEIGHT && common.has(form.cores[i]) ? COMMON_WEIGHT : w));
  let total = 0;
  for (const w of weights) total += w;
  return { form, weights, total };
}

/**
 * The score of one sector name for an area name, in bands that rank as the reasons read: same name
 * (1) > nearly the same name (0.95) > all words of the area name (0.7–0.95) > the sector name inside
 * a longer area name (0.6–0.8) > some words or a similar spelling (at most 0.75). `context` holds the
 * words that may stand beside the area's own (its city, its qualifier).
 */
function scoreName(areaW: Weighted, sectorW: Weighted, context: NameForm | null): Scored {
  const area = areaW.form;
  const sector = sectorW.form;
  if (area.words.length === 0 || sector.words.length === 0) return NO_MATCH;
  if (area.joined === sector.joined) return SAME_NAME;
  if (area.joinedCores === sector.joinedCores) return NEARLY_SAME_NAME;

  // Bit j set: the sector's word j was found (names have far fewer than 31 words).
  let hit = 0;
  let matchedWeight = 0;
  let foundWeight = 0;
  let foundWords = 0;
  let placeFound = false;
  let allFound = true;
  for (let i = 0; i < area.words.length; i++) {
    const weight = wordMatch(area, i, sector);
    if (weight > 0) {
      hit |= 1 << Math.min(matchedAt, 30);
      matchedWeight += weight * areaW.weights[i];
      foundWeight += areaW.weights[i];
      foundWords += 1;
      if (areaW.weights[i] > GENERIC_WEIGHT) placeFound = true;
    } else if (area.words[i] !== 'st') {
      // A saint may go unnamed: "Amandus" is ST.-AMANDUS.
      allFound = false;
    }
  }
  if (foundWords === 0) return spelled(dice(area.grams, sector.grams));

  let hitWeight = 0;
  let sectorAllHit = true;
  let strangers = 0;
  for (let j = 0; j < sector.words.length; j++) {
    if (hit & (1 << Math.min(j, 30))) hitWeight += sectorW.weights[j];
    else {
      if (sector.words[j] !== 'st') sectorAllHit = false;
      if (sectorW.weights[j] > GENERIC_WEIGHT && !found(sector, j, context)) strangers += 1;
    }
  }

  if (allFound) {
    // "Centre" in Liège is not ANGLEUR-CENTRE; "Centrum" in Oostende is OOSTENDE-CENTRUM.
    const placeWordsOfArea = areaW.weights.some((w) => w > GENERIC_WEIGHT);
    if (!placeWordsOfArea && strangers > 0) return { score: 0.3, reason: 'genericOnly' };
    const quality = matchedWeight / foundWeight;
    const precision = hitWeight / sectorW.total;
    return { score: 0.55 + 0.3 * quality + 0.1 * precision, reason: 'allWords' };
  }
  if (sectorAllHit && sectorW.weights.some((w) => w > GENERIC_WEIGHT)) {
    // Every word of the sector is in the longer area name ("Surdents haute crotte couvalle", "HAUTE-CROTTE").
    return { score: 0.6 + 0.2 * (matchedWeight / areaW.total), reason: 'sectorInArea' };
  }
  if (!placeFound) {
    // Only generic words in common ("Dison Fyon", "DISON-CENTRE"): compare the spelling of the rest.
    const rest = (form: NameForm, used: (i: number) => boolean) => trigrams(form.words.filter((_, i) => !used(i)).join(' '));
    const areaRest = rest(area, (i) => wordMatch(area, i, sector) > 0);
    return spelled(dice(areaRest, rest(sector, (j) => (hit & (1 << Math.min(j, 30))) !== 0)));
  }
  const wordDice = (2 * matchedWeight) / (areaW.total + sectorW.total);
  return { score: 0.75 * wordDice, reason: 'someWords', values: { found: foundWords, total: area.words.length } };
}

const NO_MATCH: Scored = { score: 0, reason: null };
const SAME_NAME: Scored = { score: 1, reason: 'sameName' };
const NEARLY_SAME_NAME: Scored = { score: 0.95, reason: 'nearlySameName' };

/**
 * For names without a place word in common: how alike they are spelled ("Gérardchamps",
 * "GERARD-CHAMPS"). The similarity is written into the reason's text only for the suggestions kept.
 */
function spelled(similarity: number): Scored {
  return { score: 0.75 * similarity, reason: 'similarSpelling', values: { similarity } };
}

// A qualifier or city word found in the sector name ("Laken" in "O.L.V. VAN LAKEN") breaks ties.
const CONTEXT_BONUS = 0.02;
// A match that needs the words in a sector's parentheses ("Noordwijk" in "ST.-AMANDUS (NOORDWIJK)").
const QUALIFIER_ONLY = 0.9;

interface PreparedArea {
  split: SplitName;
  /** The qualifier's words and the city's: they may stand beside the area's own in a sector name. */
  context: NameForm | null;
}

/** The sectors of one municipality (or all), with the word cores that several of them share. */
interface Pool {
  items: PreparedCandidate[];
  common: Set<string>;
  /** The sector names weighed for this pool, made when first scored. */
  weighed: Map<NameForm, Weighted>;
}

function weighedIn(pool: Pool, form: NameForm): Weighted {
  let w = pool.weighed.get(form);
  if (!w) {
    w = weigh(form, pool.common);
    pool.weighed.set(form, w);
  }
  return w;
}

function scoreCandidate(area: PreparedArea, areaW: Weighted, prepared: PreparedCandidate, pool: Pool): Scored & { name: string } {
  let best: Scored & { name: string } = { score: 0, reason: null, name: '' };
  for (const { name, split } of prepared.names) {
    const scored = scoreName(areaW, weighedIn(pool, split.main), area.context);
    let score = scored.score;
    let reason = scored;
    if (split.full) {
      const withQualifier = scoreName(areaW, weighedIn(pool, split.full), area.context);
      if (QUALIFIER_ONLY * withQualifier.score > score) {
        score = QUALIFIER_ONLY * withQualifier.score;
        reason = withQualifier;
      }
    }
    if (score > 0 && area.context) {
      const context = area.context;
      const sectorWords = split.full ?? split.main;
      let hits = 0;
      for (let i = 0; i < context.words.length; i++) if (found(context, i, sectorWords)) hits += 1;
      score = Math.min(1, score + CONTEXT_BONUS * hits);
    }
    if (score > best.score) best = { score, reason: reason.reason, values: reason.values, name };
  }
  return best;
}

/** A programme name prepared once; null for a note such as "(city-wide, …)", which matches nothing. */
function prepareArea(areaName: string, city: string | null | undefined): PreparedArea | null {
  const trimmed = areaName.trim();
  // Programme names never start with a parenthesis; notes do, even when a stray comma cut them short.
  if (trimmed.startsWith('(')) return null;
  const split = splitName(trimmed, true);
  if (split.main.words.length === 0) return null;
  const cityForm = formOf(city ?? '');
  // The city's own name in an area name ("Dison Fyon", "Charleroi Centre") says little about where in it.
  const main = {
    ...split.main,
    weights: split.main.weights.map((w, i) => (cityForm.words.includes(split.main.words[i]) ? GENERIC_WEIGHT : w)),
  };
  const context = formOf([...(split.qualifier?.words ?? []), ...cityForm.words].join(' '));
  return { split: { ...split, main }, context: context.words.length > 0 ? context : null };
}

// Preparing a sector's names costs more than scoring one area against it, and a dataset may hold all
// 19,478 sectors of which the areas need a few hundred: each candidate is prepared when first needed,
// and kept for the next call.
const preparedCache = new WeakMap<SectorCandidate, PreparedCandidate>();
const poolCache = new WeakMap<readonly SectorCandidate[], Map<string | null, Pool>>();

function prepareCandidate(candidate: SectorCandidate): PreparedCandidate {
  const cached = preparedCache.get(candidate);
  if (cached) return cached;
  const names = [...new Set(candidate.names.map((n) => (n ?? '').trim()).filter((n) => n !== ''))];
  const prepared = { candidate, names: names.map((name) => ({ name, split: splitName(name, false) })) };
  preparedCache.set(candidate, prepared);
  return prepared;
}

/** The candidates of a municipality (all of them for null), prepared, with their common words. */
function poolOf(candidates: readonly SectorCandidate[], municipality: string | null): Pool {
  let pools = poolCache.get(candidates);
  if (!pools) {
    pools = new Map();
    poolCache.set(candidates, pools);
  }
  const key = municipality === null ? null : municipality.trim();
  const cached = pools.get(key);
  if (cached) return cached;
  const items = candidates.filter((c) => key === null || c.municipality?.trim() === key).map(prepareCandidate);
  const counts = new Map<string, number>();
  for (const item of items) {
    const cores = new Set(item.names.flatMap(({ split }) => (split.full ?? split.main).cores));
    for (const core of cores) counts.set(core, (counts.get(core) ?? 0) + 1);
  }
  const common = new Set([...counts].filter(([, n]) => n >= COMMON_IN).map(([core]) => core));
  const pool = { items, common, weighed: new Map<NameForm, Weighted>() };
  pools.set(key, pool);
  return pool;
}

function rankSuggestions(areaName: string, pool: Pool, options: SuggestOptions): Suggestion[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`invalid limit: ${limit}`);
  const area = prepareArea(areaName, options.city);
  if (area === null || limit === 0) return [];
  const areaW = weigh(area.split.main, pool.common);
  const out: Suggestion[] = [];
  for (const p of pool.items) {
    const { score, reason, values = {}, name } = scoreCandidate(area, areaW, p, pool);
    if (score > 0 && score >= minScore && reason !== null) {
      out.push({ index: p.candidate.index, code: p.candidate.code, name, score, reason: reasonText(reason, values), reasonKey: reason, reasonValues: values });
    }
  }
  out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.index - b.index);
  return out.slice(0, limit);
}

/**
 * A reason in English, its numbers filled in (a similarity with two decimals):
 * reasonText('someWords', { found: 1, total: 2 }) === "1 of 2 words of the area name".
 */
function reasonText(reason: MatchReason, values: Record<string, number>): string {
  return MATCH_REASONS[reason].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return name === 'similarity' ? value.toFixed(2) : String(value);
  });
}

/**
 * Sectors whose names resemble a programme area's name, best first, scored 0–1 with the reason in
 * words ("same name", "all words of the area name", "similar spelling 0.72"); only the sectors of
 * `options.municipality` when given. Names are compared without case, accents, punctuation or noise
 * words ("wijk", "de", "la", …), by words and by character trigrams (Dice).
 * suggestSectors("Waterschei Noord", genk)[0] is WATERSCHEI-NOORD with score 1, "same name".
 * A name in parentheses ("(city-wide, …)", "(municipality)") is a note and gets no suggestions.
 */
export function suggestSectors(
  areaName: string,
  candidates: readonly SectorCandidate[],
  options: SuggestOptions = {},
): Suggestion[] {
  return rankSuggestions(areaName, poolOf(candidates, options.municipality ?? null), options);
}

/**
 * The top suggestions (3 by default) for each programme area among the sectors of its municipality
 * (all candidates when it has none), in the order of `areas`. The 95 areas of the programme against
 * the sectors of their cities take a few tens of milliseconds.
 */
export function matchAllAreas<A extends AreaToMatch>(
  areas: readonly A[],
  candidates: readonly SectorCandidate[],
  options: { limit?: number; minScore?: number } = {},
): { area: A; suggestions: Suggestion[] }[] {
  return areas.map((area) => ({
    area,
    suggestions: rankSuggestions(area.area, poolOf(candidates, area.municipality), {
      city: area.city,
      limit: options.limit ?? 3,
      minScore: options.minScore,
    }),
  }));
}

function sameMunicipality(candidate: SectorCandidate, municipality: string | null | undefined): boolean {
  return municipality === null || municipality === undefined || candidate.municipality?.trim() === municipality.trim();
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
    /** At most this many; 8 by default. */
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
      const folded = foldName(name ?? '');
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
 * Candidates from a dataset's wards: the ward's name and municipality, the municipality taken from
 * the Statbel sector code ("71016A00-" -> "71016") where the ward has none.
 */
export function candidatesFromWards(
  wards: readonly { index: number; code: string; name: string; nameFr?: string; municipality?: string | null }[],
  municipalityOf: (code: string) => string | null = municipalityOfSector,
): SectorCandidate[] {
  // A Brussels sector is found by its Dutch or its French name.
  return wards.map((w) => ({
    index: w.index,
    code: w.code,
    names: w.nameFr && w.nameFr !== w.name ? [w.name, w.nameFr] : [w.name],
    municipality: w.municipality ?? municipalityOf(w.code),
  }));
}
