import { describe, expect, it } from 'vitest';
import { labelIn, languageOf, localeOf } from '../../src/i18n/language';
import { translator } from '../../src/i18n/translator';
import { districtName, wardName } from '../../src/i18n/wardName';

describe('interface language', () => {
  it('languageOf(tag) keeps the supported primary language and falls back to English', () => {
    expect(languageOf('fr-BE')).toBe('fr');
    expect(languageOf('nl')).toBe('nl');
    expect(languageOf('NL_be')).toBe('nl');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('de-BE')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('localeOf(language) is Belgian for Dutch and French, plain English otherwise', () => {
    expect([localeOf('nl'), localeOf('fr'), localeOf('en')]).toEqual(['nl-BE', 'fr-BE', 'en']);
  });

  it('labelIn(labels, language) picks the language and falls back to English when it is empty', () => {
    const labels = { nl: 'Inkomen', fr: 'Revenu', en: 'Income' };
    expect([labelIn(labels, 'nl'), labelIn(labels, 'fr'), labelIn(labels, 'en')]).toEqual(['Inkomen', 'Revenu', 'Income']);
    expect(labelIn({ nl: ' ', fr: '', en: 'Income' }, 'fr')).toBe('Income');
  });

  it('wardName(ward, language) shows the French name in French where the data has one, else the first name', () => {
    const brussels = { name: 'Sint-Gillis-centrum', nameFr: 'Saint-Gilles-centre' };
    expect(wardName(brussels, 'fr')).toBe('Saint-Gilles-centre');
    expect(wardName(brussels, 'nl')).toBe('Sint-Gillis-centrum');
    expect(wardName(brussels, 'en')).toBe('Sint-Gillis-centrum');
    expect(wardName({ name: 'Tienen-Centrum' }, 'fr')).toBe('Tienen-Centrum');
  });

  it('districtName(ward, language) shows the French municipality name in French where the data has one', () => {
    const tienen = { district: 'Tienen', districtFr: 'Tirlemont' };
    expect(districtName(tienen, 'fr')).toBe('Tirlemont');
    expect(districtName(tienen, 'nl')).toBe('Tienen');
    expect(districtName(tienen, 'en')).toBe('Tienen');
    expect(districtName({ district: 'Aartselaar' }, 'fr')).toBe('Aartselaar');
    expect(districtName({ district: null }, 'fr')).toBeNull();
  });

  it('translator(language) writes the bundled texts with their placeholders and plurals', () => {
    expect(translator('nl')('common.close')).toBe('Sluiten');
    expect(translator('fr')('table.count', { count: 1 })).toBe('1 quartier');
    expect(translator('fr')('table.count', { count: 432 })).toBe('432 quartiers');
    expect(translator('en')('table.count', { count: 432 })).toBe('432 wards');
  });

});
