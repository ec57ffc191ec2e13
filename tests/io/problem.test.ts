import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/language';
import { translator } from '../../src/i18n/translator';
import { parseCsv } from '../../src/io/parseCsv';
import { english, messageText, problem, problemFrom, type Problem, type Translate } from '../../src/io/problem';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';

/** A problem's message as the interface writes it in `language`, through i18next as the app does. */
function inLanguage(p: Problem, language: Language): string {
  const t = translator(language);
  const translate: Translate = (key, values) => String(t(`problems.messages.${key}`, values));
  return messageText(p.key!, p.values ?? {}, translate);
}

function readCsv(text: string): Problem[] {
  const parsed = parseCsv(text, 'f.csv');
  return parsed.data ? [...parsed.problems, ...readIndicatorTable(parsed.data, 'code', 'f.csv').problems] : parsed.problems;
}

describe('problem messages', () => {
  it('problemFrom(file, key, values) writes the English message from en.json, pieces and plurals included', () => {
    expect(problemFrom('a.csv', 'columnNoName', { index: 3, name: 'column 3' }, { row: 0, severity: 'warning' })).toEqual({
      file: 'a.csv',
      row: 0,
      column: null,
      severity: 'warning',
      message: 'column 3 has no name; read as "column 3"',
      key: 'columnNoName',
      values: { index: 3, name: 'column 3' },
    });
    const at = { key: 'spreadsheetRow' as const, values: { line: 7 } };
    expect(problemFrom('a.csv', 'notANumber', { at, text: 'abc' }).message).toBe(
      'spreadsheet row 7: expected a number, got "abc"; read as missing. Correct the cell, or leave it empty if there is no value',
    );
    expect(problemFrom('a.csv', 'cellsMissing', { count: 1, markers: '"-" ×1' }).message).toMatch(/^1 cell read as missing/);
    expect(problemFrom('a.csv', 'cellsMissing', { count: 2, markers: '"-" ×2' }).message).toMatch(/^2 cells read as missing/);
    expect(problemFrom('a.csv', 'keyNoWardCodes', { key: 'k', examples: ['"1"', '"2"'], sample: '"A"' }).message).toMatch(
      /^none of the values in "k" \(such as "1", "2"\) is a ward code \(such as "A"\)/,
    );
  });

  it('problem(file, message) still builds a problem without a key', () => {
    expect(problem('a.csv', 'free text')).toEqual({ file: 'a.csv', row: null, column: null, message: 'free text', severity: 'error' });
  });

  it('english(key, values) refuses an unknown key', () => {
    expect(() => english('noSuchKey' as never, {})).toThrow('invalid problem key: noSuchKey');
  });

  it('a CSV reader problem reads in English as its message, and in Dutch and French from its key', () => {
    const [empty] = readCsv('');
    expect(inLanguage(empty, 'en')).toBe(empty.message);
    expect(inLanguage(empty, 'nl')).toMatch(/^leeg bestand: verwacht werd een kopregel/);
    expect(inLanguage(empty, 'fr')).toMatch(/^fichier vide : une ligne d'en-tête/);

    const cells = readCsv('code;v\nA1;1\nA2;abc\nA3;2\nA4;3\nA5;4\nA6;5\n');
    const text = cells.find((p) => p.key === 'notANumber')!;
    expect(text.message).toBe('spreadsheet row 3: expected a number, got "abc"; read as missing. Correct the cell, or leave it empty if there is no value');
    expect(inLanguage(text, 'en')).toBe(text.message);
    expect(inLanguage(text, 'nl')).toBe('spreadsheetrij 3: een getal verwacht, maar "abc" gevonden; ingelezen als ontbrekend. Verbeter de cel, of laat ze leeg als er geen waarde is');
    expect(inLanguage(text, 'fr')).toBe(
      `ligne 3 du tableur : un nombre était attendu, trouvé "abc" ; lu comme manquant. Corrigez la cellule, ou laissez-la vide s'il n'y a pas de valeur`,
    );
  });

  it('a problem with pieces and a plural count reads the same in English, and in French with French pieces', () => {
    const found = readCsv('code\tv\tw\nA1\t1\t2\nA2\t3\n');
    const short = found.find((p) => p.key === 'rowMissingFields')!;
    expect(short.message).toBe('spreadsheet row 3: 2 fields where the header has 3; "w" read as empty. Check this row for a missing separator tab');
    expect(inLanguage(short, 'en')).toBe(short.message);
    expect(inLanguage(short, 'fr')).toBe(
      `ligne 3 du tableur : 2 champs alors que l'en-tête en a 3 ; "w" lu(s) comme vide(s). Vérifiez s'il manque un séparateur tabulation dans cette ligne`,
    );
  });

  it('structuredClone(problem) keeps its key and values, as the staging worker passes problems on', () => {
    const [p] = readCsv('code,v\nA1,1\nA1,2\n');
    expect(p.key).toBe('codeRepeatedOther');
    const cloned = structuredClone(p);
    expect(cloned).toEqual(p);
    expect(inLanguage(cloned, 'nl')).toMatch(/^spreadsheetrij 3: code "A1" staat ook op spreadsheetrij 2, met andere waarden/);
  });
});
