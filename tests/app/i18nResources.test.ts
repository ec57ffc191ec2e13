import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/language';
import { resources } from '../../src/i18n/resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a resource tree as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys without their plural suffix, each once: what the code asks t() for. */
function baseKeys(language: (typeof LANGUAGES)[number]): Set<string> {
  return new Set(leaves(resources[language].translation as Tree).map(([key]) => key.replace(PLURAL, '')));
}

/** The {{placeholders}} of a text, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
}

describe('interface texts', () => {
  it('resources(en, nl, fr) have exactly the same keys', () => {
    const english = [...baseKeys('en')].sort();
    for (const language of LANGUAGES) expect([...baseKeys(language)].sort(), language).toEqual(english);
  });

  it('resources(language) have no empty text', () => {
    for (const language of LANGUAGES) {
      const empty = leaves(resources[language].translation as Tree).filter(([, text]) => text.trim() === '');
      expect(empty, language).toEqual([]);
    }
  });

  it('resources(language) give every plural key the forms the language needs (Intl.PluralRules)', () => {
    for (const language of LANGUAGES) {
      const keys = new Set(leaves(resources[language].translation as Tree).map(([key]) => key));
      const plurals = [...keys].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, ''));
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const missing = [...new Set(plurals)].flatMap((base) => forms.filter((form) => !keys.has(`${base}_${form}`)).map((form) => `${base}_${form}`));
      expect(missing, language).toEqual([]);
    }
  });

  it('resources(nl, fr) use the same {{placeholders}} as the English text', () => {
    const english = new Map(leaves(resources.en.translation as Tree).map(([key, text]) => [key.replace(PLURAL, ''), placeholders(text)]));
    for (const language of ['nl', 'fr'] as const) {
      const differing = leaves(resources[language].translation as Tree)
        .filter(([key, text]) => {
          const expected = english.get(key.replace(PLURAL, '')) ?? [];
          // A plural form may leave out {{count}} ("one request"), but must not bring a placeholder English lacks.
          return placeholders(text).some((p) => !expected.includes(p)) || expected.filter((p) => p !== 'count').some((p) => !placeholders(text).includes(p));
        })
        .map(([key]) => key);
      expect(differing, language).toEqual([]);
    }
  });
});
