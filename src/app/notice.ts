import en from '../i18n/locales/en.json';

/** A notice's key under `notices` in the locale files. */
export type NoticeKey = keyof typeof en.notices;

/** A value a notice names: text or a number as it is, or a piece of text of its own (a link part's name). */
export type NoticeValue = string | number | NoticePiece;

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
  return { key, values, text: noticeText({ key, values }, (k, plain) => fillIn(en.notices[k], plain)) };
}

/** Writes one notice text in some language: `notices.<key>` with plain values filled in. */
export type NoticeTranslate = (key: NoticeKey, values: Record<string, string | number>) => string;

/** A notice (or a piece of one) written by `translate`, its pieces written first. */
export function noticeText(piece: NoticePiece, translate: NoticeTranslate): string {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(piece.values ?? {})) plain[name] = typeof value === 'object' ? noticeText(value, translate) : value;
  return translate(piece.key, plain);
}

/** A text with its {{name}} placeholders replaced by the values, as i18next does without formatting. */
function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
