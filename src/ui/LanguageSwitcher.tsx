import { LANGUAGES, type Language } from '../i18n/language';

export interface LanguageSwitcherProps {
  language: Language;
  /** The group's accessible name, in the current language ("Language", "Taal", "Langue"). */
  label: string;
  onChange: (language: Language) => void;
}

/** Each language named in itself, so that a reader who does not know the current one still finds theirs. */
const NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** NL | FR | EN: the interface language, one pressed button per language. */
export function LanguageSwitcher({ language, label, onChange }: LanguageSwitcherProps) {
  return (
    <div className="language-switcher" role="group" aria-label={label}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === language}
          title={NAMES[l]}
          onClick={() => onChange(l)}
        >
          {/* The name starts with the visible code (WCAG 2.5.3: say "NL" to a voice control), then the language. */}
          {l.toUpperCase()}
          <span className="visually-hidden"> {NAMES[l]}</span>
        </button>
      ))}
    </div>
  );
}
