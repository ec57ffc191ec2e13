import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, languageOf } from './language';
import { resources } from './resources';

/**
 * Starts i18next for the app: the language is the one the user chose earlier (kept in
 * localStorage), else the browser's first supported one, else English. The texts are bundled, so
 * nothing is fetched and the first render already has them. `<html lang>` follows the language.
 */
export function startI18n(): typeof i18next {
  if (!i18next.isInitialized) {
    i18next
      .use(LanguageDetector)
      .use(initReactI18next)
      .init({
        resources,
        supportedLngs: [...LANGUAGES],
        nonExplicitSupportedLngs: true,
        load: 'languageOnly',
        fallbackLng: FALLBACK_LANGUAGE,
        initAsync: false,
        // React escapes what it renders; i18next escaping it too would show "&amp;".
        interpolation: { escapeValue: false },
        detection: {
          order: ['localStorage', 'navigator'],
          lookupLocalStorage: LANGUAGE_STORAGE_KEY,
          // Only an explicit choice in the switcher is stored (chooseLanguage), not what the browser said.
          caches: [],
        },
      })
      .catch(() => undefined);
    i18next.on('languageChanged', (lng) => {
      document.documentElement.lang = languageOf(lng);
    });
  }
  document.documentElement.lang = languageOf(i18next.resolvedLanguage ?? i18next.language);
  return i18next;
}

/** Switches the interface language and remembers the choice in this browser (best effort: storage may be full or blocked). */
export function chooseLanguage(language: string): Promise<unknown> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, languageOf(language));
  } catch {
    // The language still changes for this visit.
  }
  return i18next.changeLanguage(languageOf(language));
}
