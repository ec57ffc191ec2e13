import { describe, expect, it } from 'vitest';
import { notice, noticeProblem } from '../../src/app/notice';
import { problemFrom } from '../../src/io/problem';
import { translator } from '../../src/i18n/translator';
import { writeNotice } from '../../src/i18n/writeNotice';

describe('notices', () => {
  it('noticeProblem(…) keeps the source and notice as keys, English in file and message', () => {
    const shown = noticeProblem('sharedLink', notice('linkWard', { code: 'X-1' }));
    expect(shown).toEqual({
      file: 'shared link',
      row: null,
      column: null,
      message: 'the link selects ward "X-1", which is not shown here',
      severity: 'warning',
      source: 'sharedLink',
      notice: { key: 'linkWard', values: { code: 'X-1' } },
    });
    expect(writeNotice(translator('fr'), shown.notice!)).toBe("le lien sélectionne le quartier « X-1 », qui n'est pas affiché ici");
  });

  it('file problems named in a notice are written in the reader language, joined by "; "', () => {
    const reasons = { problems: [problemFrom('f', 'scenarioEntry'), { message: 'plain English' }] };
    const told = notice('scenariosDamaged', { reasons, kept: notice('scenariosUnreadableReason') });
    expect(told.text).toBe('saved scenarios are damaged (entry; plain English) and were not loaded; unreadable');
    expect(writeNotice(translator('fr'), told)).toBe("les scénarios enregistrés sont endommagés (entrée; plain English) et n'ont pas été chargés ; illisible");
  });
});
