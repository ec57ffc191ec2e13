import { z } from 'zod';
import type { Classification } from '../model/classify';
import type { Dataset } from '../model/createDataset';
import type { Scope } from '../model/scoreInScope';
import type { Direction, Level, Method } from '../model/types';
import { notice, type Notice, type NoticeKey } from './notice';
import type { AppState, PaletteName } from './state';

/** The view a link reproduces: what matters for a coordinator's question, not the whole state. */
export interface ShareLink {
  dataset: string;
  weights: Record<string, number>;
  directions: Record<string, Direction>;
  method: Method;
  level: Level;
  areaFilter: string[];
  scope: Scope;
  colourBy: string;
  classification: Classification;
  classCount: number;
  palette: PaletteName;
  /** The selected ward's code. */
  selected: string | null;
  /** Map centre and zoom. */
  view: { lon: number; lat: number; zoom: number } | null;
}

/** The link format's version, `v=` in the fragment. */
export const LINK_VERSION = 1;

const id = z.string().regex(/^[\w.-]{1,64}$/, 'an indicator id of letters, digits, _ . -');
const pairs = <T extends z.ZodType>(value: T) =>
  z
    .string()
    .max(4000)
    .transform((text, ctx) => {
      const out: Record<string, z.output<T>> = {};
      for (const part of text === '' ? [] : text.split(',')) {
        const at = part.lastIndexOf(':');
        const key = id.safeParse(part.slice(0, at));
        const parsed = value.safeParse(part.slice(at + 1));
        if (at < 1 || !key.success || !parsed.success) {
          ctx.addIssue({ code: 'custom', message: `"${part.slice(0, 60)}" is not id:value` });
          return z.NEVER;
        }
        out[key.data] = parsed.data;
      }
      return out;
    });

/** One schema per fragment key: a bad value drops that key only, with its own message. */
const fields = {
  d: z.string().min(1).max(300),
  w: pairs(z.coerce.number().finite().nonnegative().max(1000)),
  dir: pairs(z.enum(['high', 'low'])),
  m: z.enum(['percentile', 'minmax', 'zscore', 'expo']),
  l: z.enum(['ward', 'municipality']),
  a: z
    .string()
    .max(20000)
    .transform((text) => (text === '' ? [] : text.split(',')))
    .pipe(z.array(z.string().min(1).max(40)).max(600)),
  s: z.enum(['selection', 'all']),
  c: z.string().min(1).max(64),
  k: z.enum(['quantile', 'equal', 'ckmeans']),
  n: z.coerce.number().int().min(3).max(7),
  p: z.enum(['viridis', 'cividis', 'magma']),
  sel: z.string().min(1).max(40),
  at: z
    .string()
    .transform((text) => text.split(',').map(Number))
    .pipe(z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85), z.number().min(0).max(22)])),
} as const;

/** Each fragment key's name in a notice, by its key under `notices`. */
const NAMES: Record<keyof typeof fields, NoticeKey> = {
  d: 'linkPartDataset',
  w: 'linkPartWeights',
  dir: 'linkPartDirections',
  m: 'linkPartMethod',
  l: 'linkPartLevel',
  a: 'linkPartAreaFilter',
  s: 'linkPartScope',
  c: 'linkPartColourBy',
  k: 'linkPartClassification',
  n: 'linkPartClassCount',
  p: 'linkPartPalette',
  sel: 'linkPartSelected',
  at: 'linkPartView',
};

/**
 * The fragment (`#…`, without the sign) that reproduces a view. Values are URI-encoded by
 * URLSearchParams; the ward and area codes and indicator ids are kept as they are.
 * encodeLink({ dataset: 'Demo', weights: { income: 1 }, … }) -> 'v=1&d=Demo&w=income%3A1&…'
 */
export function encodeLink(link: ShareLink): string {
  const params = new URLSearchParams({ v: String(LINK_VERSION), d: link.dataset });
  params.set('w', Object.entries(link.weights).map(([k, v]) => `${k}:${Number(v.toFixed(3))}`).join(','));
  params.set('dir', Object.entries(link.directions).map(([k, v]) => `${k}:${v}`).join(','));
  params.set('m', link.method);
  params.set('l', link.level);
  if (link.areaFilter.length > 0) params.set('a', link.areaFilter.join(','));
  params.set('s', link.scope);
  params.set('c', link.colourBy);
  params.set('k', link.classification);
  params.set('n', String(link.classCount));
  params.set('p', link.palette);
  if (link.selected !== null) params.set('sel', link.selected);
  if (link.view) params.set('at', `${link.view.lon.toFixed(5)},${link.view.lat.toFixed(5)},${link.view.zoom.toFixed(2)}`);
  return params.toString();
}

/** What decodeLink read: the valid parts of the link, and one notice per part left out (English in `text`). */
export interface DecodedLink {
  link: Partial<ShareLink> | null;
  problems: Notice[];
}

/**
 * Reads a fragment written by encodeLink, validating each part on its own with zod: a part that does
 * not fit (a tampered or truncated link) is left out with a message naming it; the others are kept.
 * A fragment without `v=` is not a link (null, no problem); another version is refused whole.
 */
export function decodeLink(fragment: string): DecodedLink {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const version = params.get('v');
  if (version === null) return { link: null, problems: [] };
  if (version !== String(LINK_VERSION)) {
    return { link: null, problems: [notice('linkVersion', { version: version.slice(0, 20), current: LINK_VERSION })] };
  }
  const problems: Notice[] = [];
  const read: Partial<Record<keyof typeof fields, unknown>> = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const raw = params.get(key);
    if (raw === null) continue;
    const parsed = fields[key].safeParse(raw);
    if (parsed.success) read[key] = parsed.data;
    else problems.push(notice('linkPartInvalid', { part: { key: NAMES[key] }, raw: raw.slice(0, 60), reason: parsed.error.issues[0]?.message ?? 'unreadable' }));
  }
  const link: Partial<ShareLink> = {};
  if (read.d !== undefined) link.dataset = read.d as string;
  if (read.w !== undefined) link.weights = read.w as Record<string, number>;
  if (read.dir !== undefined) link.directions = read.dir as Record<string, Direction>;
  if (read.m !== undefined) link.method = read.m as Method;
  if (read.l !== undefined) link.level = read.l as Level;
  if (read.a !== undefined) link.areaFilter = read.a as string[];
  if (read.s !== undefined) link.scope = read.s as Scope;
  if (read.c !== undefined) link.colourBy = read.c as string;
  if (read.k !== undefined) link.classification = read.k as Classification;
  if (read.n !== undefined) link.classCount = read.n as number;
  if (read.p !== undefined) link.palette = read.p as PaletteName;
  if (read.sel !== undefined) link.selected = read.sel as string;
  if (read.at !== undefined) {
    const [lon, lat, zoom] = read.at as [number, number, number];
    link.view = { lon, lat, zoom };
  }
  return { link, problems };
}

/** The state a link sets, after checking it against the loaded dataset, and what did not fit. */
export interface FittedLink {
  settings: Partial<Pick<AppState, 'weights' | 'directions' | 'method' | 'level' | 'areaFilter' | 'scope' | 'colourBy' | 'classification' | 'classCount' | 'palette'>>;
  /** The selected ward's code, found in the wards shown once the link's level applies; null = none. */
  selected: string | null;
  view: ShareLink['view'];
  problems: Notice[];
}

/**
 * Checks a decoded link against the loaded dataset: a link made for another dataset applies nothing;
 * indicators and areas the dataset lacks are left out, each with a message. The selected ward is
 * looked up later, in the wards shown at the link's level.
 */
export function fitLink(link: Partial<ShareLink>, dataset: Dataset, areaCodes: ReadonlySet<string>): FittedLink {
  const none: FittedLink = { settings: {}, selected: null, view: null, problems: [] };
  if (link.dataset !== undefined && link.dataset !== dataset.name) {
    return { ...none, problems: [notice('linkOtherDataset', { link: link.dataset, loaded: dataset.name })] };
  }
  const problems: Notice[] = [];
  const known = new Set([...dataset.indicators.map((d) => d.id), 'workability', 'help_requests']);
  const keep = <T>(record: Record<string, T> | undefined, what: NoticeKey): Record<string, T> | undefined => {
    if (!record) return undefined;
    const unknown = Object.keys(record).filter((k) => !known.has(k));
    if (unknown.length > 0) problems.push(notice('linkUnknownIndicators', { part: { key: what }, ids: unknown.join(', ') }));
    return Object.fromEntries(Object.entries(record).filter(([k]) => known.has(k)));
  };
  const settings: FittedLink['settings'] = {};
  const weights = keep(link.weights, 'linkPartWeights');
  if (weights) settings.weights = weights;
  const directions = keep(link.directions, 'linkPartDirections');
  if (directions) settings.directions = directions;
  if (link.method) settings.method = link.method;
  if (link.level) settings.level = link.level;
  if (link.scope) settings.scope = link.scope;
  if (link.classification) settings.classification = link.classification;
  if (link.classCount !== undefined) settings.classCount = link.classCount;
  if (link.palette) settings.palette = link.palette;
  if (link.areaFilter) {
    const missing = link.areaFilter.filter((c) => !areaCodes.has(c));
    if (missing.length > 0) problems.push(notice('linkUnknownAreas', { codes: `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}` }));
    settings.areaFilter = link.areaFilter.filter((c) => areaCodes.has(c));
  }
  if (link.colourBy !== undefined) {
    if (link.colourBy === 'score' || known.has(link.colourBy)) settings.colourBy = link.colourBy;
    else problems.push(notice('linkUnknownColour', { id: link.colourBy }));
  }
  return { settings, selected: link.selected ?? null, view: link.view ?? null, problems };
}

/** The link of the current state; `selected` is the selected ward's code in the wards shown. */
export function linkOf(state: AppState, selected: string | null, view: ShareLink['view']): ShareLink | null {
  if (!state.dataset) return null;
  return {
    dataset: state.dataset.name,
    weights: state.weights,
    directions: state.directions,
    method: state.method,
    level: state.level,
    areaFilter: state.areaFilter,
    scope: state.scope,
    colourBy: state.colourBy === 'rank-shift' ? 'score' : state.colourBy,
    classification: state.classification,
    classCount: state.classCount,
    palette: state.palette,
    selected,
    view,
  };
}
