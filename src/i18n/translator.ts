import i18next, { type TFunction } from 'i18next';
import type { Language } from './language';
import { resources } from './resources';

const translators = new Map<Language, TFunction>();

/**
 * The interface texts of one language as a plain function, outside React and without the app's
 * i18next instance: for pure helpers that write sentences (themes' evidence) and for Node tests.
 * translator('nl')('common.close') -> 'Sluiten'
 */
export function translator(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    instance
      .init({ resources, lng: language, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } })
      .catch(() => undefined);
    t = instance.t;
    translators.set(language, t);
  }
  return t;
}
