/** The languages of the interface, in the order the switcher shows them. */
export const LANGUAGES = ['nl', 'fr', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

/** Where the user's explicit choice is kept; without one the browser's languages decide. */
export const LANGUAGE_STORAGE_KEY = 'chw-planner:language';

/** The language used when neither the stored choice nor the browser names a supported one. */
export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * The interface language for a language tag: its primary subtag when supported, else English.
 * languageOf('fr-BE') -> 'fr'; languageOf('de') -> 'en'
 */
export function languageOf(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : FALLBACK_LANGUAGE;
}

/**
 * The Intl locale numbers and dates are written in: Belgian Dutch and French (decimal comma), and
 * plain English (decimal point), which is what the app wrote before it had languages.
 * localeOf('fr') -> 'fr-BE'
 */
export function localeOf(language: Language): string {
  return language === 'nl' ? 'nl-BE' : language === 'fr' ? 'fr-BE' : 'en';
}

/**
 * A label in the interface language, from a catalogue entry's labels per language; the English
 * one when that language's is missing or empty.
 * labelIn({ nl: 'Inkomen', fr: 'Revenu', en: 'Income' }, 'fr') -> 'Revenu'
 */
export function labelIn(labels: { nl?: string; fr?: string; en: string }, language: Language): string {
  const text = labels[language];
  return text && text.trim() !== '' ? text : labels.en;
}
