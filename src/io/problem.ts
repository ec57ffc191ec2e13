import en from '../i18n/locales/en.json';

/** How serious a problem found in an input file is: errors drop the row or file, warnings keep it. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem message's key under `problems.messages` in the locale files, without a plural suffix. */
export type ProblemKey = keyof typeof en.problems.messages extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K & string
  : never;

/**
 * A value a problem message names: text and numbers as they are, a piece of text of its own
 * (a "spreadsheet row 7: " prefix, the word "tab") written in the reader's language too, or a
 * list of values written one after the other, separated by ", ".
 */
export type MessageValue = string | number | MessagePiece | MessageValue[];

/** A piece of a message with its own key and values, e.g. { key: 'spreadsheetRow', values: { line: 7 } }. */
export interface MessagePiece {
  key: ProblemKey;
  values?: Record<string, MessageValue>;
}

/** The values a problem message names, by placeholder. */
export type MessageValues = Record<string, MessageValue>;

/**
 * One problem found while reading a file, located as precisely as we can.
 * `row` is 1-based and counts data rows (the header is row 0); null when the problem is file-wide.
 * `message` is English; when `key` is set, the interface writes `problems.messages.<key>` with
 * `values` in its own language instead (plain data, so it survives the staging worker's cloning).
 */
export interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  message: string;
  severity: Severity;
  key?: ProblemKey;
  values?: MessageValues;
}

/** What every loader returns: the good part of the input, and what was wrong with the rest. */
export interface Loaded<T> {
  data: T | null;
  problems: Problem[];
}

type ProblemOptions = { row?: number | null; column?: string | null; severity?: Severity };

/** Builds a Problem; the one place where the shape is spelled out. */
export function problem(file: string, message: string, opts: ProblemOptions = {}): Problem {
  return {
    file,
    row: opts.row ?? null,
    column: opts.column ?? null,
    message,
    severity: opts.severity ?? 'error',
  };
}

/**
 * Builds a Problem from its message key, the English message written from en.json:
 * problemFrom('a.csv', 'columnNoName', { column: 3, name: 'column_3' }) -> message 'column 3 has no name; read as "column_3"'.
 */
export function problemFrom(file: string, key: ProblemKey, values: MessageValues = {}, opts: ProblemOptions = {}): Problem {
  return { ...problem(file, messageText(key, values, english), opts), key, values };
}

/** Writes one message text in some language: `problems.messages.<key>` with plain values filled in. */
export type Translate = (key: ProblemKey, values: Record<string, string | number>) => string;

/** A message (or a piece of one) written by `translate`, its pieces written first. */
export function messageText(key: ProblemKey, values: MessageValues, translate: Translate): string {
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) plain[name] = valueText(value, translate);
  return translate(key, plain);
}

function valueText(value: MessageValue, translate: Translate): string | number {
  if (Array.isArray(value)) return value.map((v) => valueText(v, translate)).join(', ');
  return typeof value === 'object' ? messageText(value.key, value.values ?? {}, translate) : value;
}

/** The English template of a key, plural form chosen by `count` as i18next does, placeholders filled in. */
export const english: Translate = (key, values) => {
  const templates = en.problems.messages as Record<string, string>;
  const count = values.count;
  const plural = typeof count === 'number' ? templates[`${key}_${ENGLISH_PLURALS.select(count)}`] : undefined;
  const template = plural ?? templates[key];
  if (template === undefined) throw new Error(`invalid problem key: ${key}`);
  return fillIn(template, values);
};

/**
 * A text with its {{name}} placeholders replaced by the values, as i18next does without formatting;
 * a placeholder without a value stays as it is. fillIn('row {{row}}', { row: 3 }) -> 'row 3'
 */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const ENGLISH_PLURALS = new Intl.PluralRules('en');
