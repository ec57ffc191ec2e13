import en from '../i18n/locales/en.json';
import { english, fillIn, messageText, type Problem, type Severity, type Translate } from '../io/problem';

/** A notice's key under `notices` in the locale files. */
export type NoticeKey = keyof typeof en.notices;

/**
 * A value a notice names: text or a number as it is, a piece of text of its own (a link part's name),
 * or file problems (why saved scenarios could not be read), written one after the other, separated by "; ".
 */
export type NoticeValue = string | number | NoticePiece | ProblemList;

/** File problems named in a notice: each written from its key in the reader's language, else its English message. */
export interface ProblemList {
  problems: Pick<Problem, 'message' | 'key' | 'values'>[];
}

/** A piece of a notice with its own key and values, written in the reader's language too. */
export interface NoticePiece {
  key: NoticeKey;
  values?: Record<string, NoticeValue>;
}

/**
 * A sentence an app module tells the user (a share link that does not fit, storage that is full),
 * as plain data: `text` in English (for tests, logs and exports) and the same as a key and values
 * the interface writes in its language with noticeText.
 */
export interface Notice extends NoticePiece {
  text: string;
  values: Record<string, NoticeValue>;
}

/**
 * A notice from its key and values, its English text written from en.json.
 * notice('storageFull') -> { key: 'storageFull', values: {}, text: "the browser's storage is full: …" }
 */
export function notice(key: NoticeKey, values: Record<string, NoticeValue> = {}): Notice {
  return { key, values, text: noticeText({ key, values }, (k, plain) => fillIn(en.notices[k], plain), english) };
}

/** Writes one notice text in some language: `notices.<key>` with plain values filled in. */
export type NoticeTranslate = (key: NoticeKey, values: Record<string, string | number>) => string;

/**
 * A notice (or a piece of one) written by `translate`, its pieces written first; file problems it
 * names are written by `translateProblem` (English when not given).
 */
export function noticeText(piece: NoticePiece, translate: NoticeTranslate, translateProblem: Translate = english): string {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(piece.values ?? {})) plain[name] = valueText(value, translate, translateProblem);
  return translate(piece.key, plain);
}

function valueText(value: NoticeValue, translate: NoticeTranslate, translateProblem: Translate): string | number {
  if (typeof value !== 'object') return value;
  if ('problems' in value) {
    return value.problems.map((p) => (p.key ? messageText(p.key, p.values ?? {}, translateProblem) : p.message)).join('; ');
  }
  return noticeText(value, translate, translateProblem);
}

/** Where a problem the app itself reports comes from ("shared link", "saved scenarios"): a key under `problems.source`. */
export type ProblemSource = keyof typeof en.problems.source;

/**
 * A problem the app reports that is about no line of a file (a share link that does not fit, a
 * saved entry that is damaged): its source and notice are kept as keys, so the problem list writes
 * them in the language of the moment, also after the user switches language. `file` and `message`
 * hold the same in English.
 */
export interface ShownProblem extends Problem {
  source?: ProblemSource;
  notice?: NoticePiece;
}

/**
 * A problem from a notice.
 * noticeProblem('sharedLink', notice('linkWard', { code: 'X' })) -> { file: 'shared link', message: 'the link selects ward "X", …', … }
 */
export function noticeProblem(source: ProblemSource, told: Notice, severity: Severity = 'warning'): ShownProblem {
  return { file: en.problems.source[source], row: null, column: null, message: told.text, severity, source, notice: { key: told.key, values: told.values } };
}
