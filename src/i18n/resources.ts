import en from './locales/en.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';

/** The interface texts per language, bundled with the app (no network). English is the reference. */
export const resources = {
  en: { translation: en },
  nl: { translation: nl },
  fr: { translation: fr },
} as const;
