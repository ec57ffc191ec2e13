import { useTranslation } from 'react-i18next';
import { languageOf, localeOf, type Language } from './language';

/** The interface language in a component: `t` for texts, `language` for catalogue labels, `locale` for Intl. */
export function useLanguage() {
  const { t, i18n } = useTranslation();
  const language: Language = languageOf(i18n.resolvedLanguage ?? i18n.language);
  return { t, language, locale: localeOf(language) };
}
