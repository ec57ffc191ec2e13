import { z } from 'zod';
import { basemapOrigin, BASEMAP_STORAGE_KEY, policyAllows } from './contentSecurityPolicy';

/**
 * A basemap the user chose: raster tiles from a URL template (https://…/{z}/{x}/{y}.png) or a
 * MapLibre style (a JSON URL). Off by default; while enabled, the page's policy allows its one origin
 * (src/app/contentSecurityPolicy.ts), so enabling or disabling it reloads the page.
 */
export interface Basemap {
  kind: 'tiles' | 'style';
  url: string;
  /** scheme://host[:port]: the one origin the page may then reach. */
  origin: string;
  /** Shown in the map's attribution, as plain text. */
  attribution: string;
  enabled: boolean;
}

const TEMPLATE_PARTS = ['{z}', '{x}', '{y}'] as const;

const urlSchema = z
  .string()
  .trim()
  .min(1, 'paste a tile URL template or a style URL')
  .max(2000, 'the URL is longer than 2,000 characters')
  .refine((url) => basemapOrigin(url) !== null, {
    message: 'use an https:// URL (plain http:// only for 127.0.0.1 or localhost), without a user name or password',
  })
  .refine((url) => !/\{(?![zxy]\})/.test(url), { message: 'a tile template may hold only {z}, {x} and {y}; {s}, {r} and the like are not supported' })
  .refine((url) => !TEMPLATE_PARTS.some((part) => url.includes(part)) || TEMPLATE_PARTS.every((part) => url.includes(part)), {
    message: 'a tile URL template needs all of {z}, {x} and {y}',
  });

/** What the settings form submits, and what is stored (with `enabled`). */
export const basemapSchema = z.object({
  url: urlSchema,
  attribution: z
    .string()
    .trim()
    .max(300, 'the attribution is longer than 300 characters')
    .refine((text) => !/[<>]/.test(text), { message: 'the attribution is plain text: no < or >' }),
  enabled: z.boolean(),
});

export type BasemapSettings = z.infer<typeof basemapSchema>;

/** The settings checked, as a Basemap, or the first problem in words. */
export function parseBasemap(input: unknown): { basemap: Basemap } | { error: string } {
  const parsed = basemapSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'invalid basemap settings' };
  const { url, attribution, enabled } = parsed.data;
  const origin = basemapOrigin(url);
  if (!origin) return { error: 'invalid basemap URL' };
  return { basemap: { kind: url.includes('{z}') ? 'tiles' : 'style', url, origin, attribution, enabled } };
}

/** The stored basemap (enabled or not), or null when none is stored or the entry is damaged. */
export function loadBasemap(storage: Pick<Storage, 'getItem'> | null): Basemap | null {
  try {
    const text = storage?.getItem(BASEMAP_STORAGE_KEY);
    if (!text) return null;
    const parsed = parseBasemap(JSON.parse(text));
    return 'basemap' in parsed ? parsed.basemap : null;
  } catch {
    return null;
  }
}

/** Stores the settings; returns the problem in words when they are invalid or storage refuses them. */
export function saveBasemap(storage: Pick<Storage, 'setItem'>, settings: BasemapSettings): string | null {
  const parsed = parseBasemap(settings);
  if ('error' in parsed) return parsed.error;
  const { url, attribution, enabled } = parsed.basemap;
  try {
    storage.setItem(BASEMAP_STORAGE_KEY, JSON.stringify({ url, attribution, enabled }));
    return null;
  } catch {
    return "the browser's storage refused the basemap settings";
  }
}

/**
 * Turns the stored basemap off, keeping its URL and attribution for the next time (or removing an
 * entry that no longer reads). Returns the problem in words when storage refuses.
 */
export function disableBasemap(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): string | null {
  const stored = loadBasemap(storage);
  try {
    if (stored) storage.setItem(BASEMAP_STORAGE_KEY, JSON.stringify({ url: stored.url, attribution: stored.attribution, enabled: false }));
    else storage.removeItem(BASEMAP_STORAGE_KEY);
    return null;
  } catch {
    return "the browser's storage refused the basemap settings";
  }
}

/**
 * The basemap the map may draw: the stored one when it is enabled and the policy in force lets the
 * page reach its origin (the bootstrap script read the same entry when the page loaded); else null.
 */
export function activeBasemap(): Basemap | null {
  const stored = loadBasemap(basemapStorage());
  return stored?.enabled && policyAllows(stored.origin) ? stored : null;
}

/** The browser's localStorage, or null where it cannot be reached. */
export function basemapStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
