import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en.json';
import { translator } from '../../src/i18n/translator';
import { writeMatchReason } from '../../src/i18n/writeMatchReason';
import { PLAN_PROBLEMS } from '../../src/model/computePlan';
import { MATCH_REASONS, suggestSectors, type SectorCandidate } from '../../src/model/matchAreaNames';

const sector = (index: number, code: string, name: string): SectorCandidate => ({ index, code, names: [name], municipality: code.slice(0, 5) });
const GENK = [sector(0, '71016D20-', 'WATERSCHEI-NOORD'), sector(1, '71016D21-', 'WATERSCHEI - NOORD-OOST'), sector(2, '71016E00-', 'NIEUW-TEXAS')];

describe('the planner and area matcher in the interface language', () => {
  it('en.json matcher.reasons and planner.problems are word for word the English texts of the model', () => {
    expect(en.matcher.reasons).toEqual(MATCH_REASONS);
    expect(en.planner.problems).toEqual(PLAN_PROBLEMS);
  });

  it('writeMatchReason(t, suggestion, locale) writes what suggestSectors gives in English as the model does', () => {
    for (const s of [...suggestSectors('Waterschei Noord', GENK), ...suggestSectors('Gérardchamps Besme', [sector(3, '63079A50-', 'GERARD-CHAMPS')])]) {
      expect(writeMatchReason(translator('en'), s, 'en')).toBe(s.reason);
    }
  });

  it('writeMatchReason(t, suggestion, locale) writes the reasons in French and Dutch, a similarity with a decimal comma', () => {
    const [same, allWords] = suggestSectors('Waterschei Noord', GENK);
    expect(writeMatchReason(translator('fr'), same, 'fr-BE')).toBe('même nom');
    expect(writeMatchReason(translator('nl'), same, 'nl-BE')).toBe('dezelfde naam');
    expect(writeMatchReason(translator('fr'), allWords, 'fr-BE')).toBe('tous les mots du nom de la zone');
    expect(writeMatchReason(translator('nl'), allWords, 'nl-BE')).toBe('alle woorden van de gebiedsnaam');
    const spelled = { reasonKey: 'similarSpelling', reasonValues: { similarity: 0.724 } } as const;
    expect(writeMatchReason(translator('fr'), spelled, 'fr-BE')).toBe('orthographe proche 0,72');
    expect(writeMatchReason(translator('nl'), spelled, 'nl-BE')).toBe('gelijkaardige schrijfwijze 0,72');
    const some = { reasonKey: 'someWords', reasonValues: { found: 2, total: 3 } } as const;
    expect(writeMatchReason(translator('fr'), some, 'fr-BE')).toBe('2 des 3 mots du nom de la zone');
    expect(writeMatchReason(translator('nl'), some, 'nl-BE')).toBe('2 van de 3 woorden van de gebiedsnaam');
  });

  it('planner.problems.noVulnerablePersons names the columns the planner needs in every language', () => {
    for (const language of ['en', 'nl', 'fr'] as const) {
      const text = translator(language)('planner.problems.noVulnerablePersons');
      expect(text, language).toContain('vulnerable_persons');
      expect(text, language).toContain('vt_share');
    }
    expect(translator('fr')('planner.problems.noVulnerablePersons')).toMatch(/^Le planificateur a besoin du nombre de personnes vulnérables par quartier/);
    expect(translator('nl')('planner.problems.noVulnerablePersons')).toMatch(/^De planner heeft het aantal kwetsbare personen per wijk nodig/);
  });
});
