/** The number convention of a file: which character separates decimals, and which groups thousands. */
export interface NumberFormat {
  decimal: '.' | ',';
  thousands: '.' | ',' | ' ' | null;
}

/**
 * What one cell holds: a number, a deliberate gap (`marker` is the text as written, "" for a blank
 * cell; `suppressed` for small-count markers such as "<5"), or text that is not a number.
 */
export type ParsedNumber =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; marker: string; suppressed: boolean }
  | { kind: 'invalid'; reason: string };

// Compared after trimming and lower-casing. Statbel, IMA and Excel each have their own way to
// write "no value"; all of them mean missing, none of them means 0.
const MISSING_MARKERS = new Set([
  '', '-', '–', '—', '.', '..', '...', '…', '?', 'x',
  'na', 'n.a.', 'n.a', 'n/a', '#n/a', 'nan', 'null', 'nvt', 'n.v.t.', 'nd', 'n.d.', 'nb', 'n.b.',
]);

// Small counts hidden for privacy ("<5", "≤ 3"), and Statbel's "*" for confidential values.
const SUPPRESSED = /^(?:[<≤]\s*=?\s*\d+(?:[.,]\d+)?|\*)$/;
const SPACES = /[\s\u00a0\u202f\u2009]/g;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d*)?$/;
const WHITE_SPACE = /\s/;

const patterns = new Map<string, RegExp>();

/** The pattern of an unsigned number in one convention; thousands groups are optional. */
function numberPattern(format: NumberFormat): RegExp {
  const id = `${format.decimal}${format.thousands ?? ''}`;
  let pattern = patterns.get(id);
  if (!pattern) {
    const dec = escape(format.decimal);
    const grouped =
      format.thousands === '.' || format.thousands === ','
        ? `|\\d{1,3}(?:${escape(format.thousands)}\\d{3})+`
        : '';
    pattern = new RegExp(`^(?:\\d+${grouped})?(?:${dec}\\d*)?(?:[eE][+-]?\\d+)?$`);
    patterns.set(id, pattern);
  }
  return pattern;
}

function escape(char: string): string {
  return char === '.' ? '\\.' : char;
}

/**
 * Reads one cell as a number in the given convention: parseNumber("1.234,5", {decimal: ",",
 * thousands: "."}) is 1234.5. Blank cells and markers such as "n.a." or "<5" are missing;
 * spaces group thousands in any convention; a leading "+" and a trailing "%" are allowed
 * ("35%" reads as 35, the value as written).
 */
export function parseNumber(cell: string, format: NumberFormat): ParsedNumber {
  const value = valueOf(cell, format);
  if (Number.isFinite(value)) return { kind: 'number', value };
  const trimmed = cell.trim();
  if (MISSING_MARKERS.has(trimmed.toLowerCase())) return { kind: 'missing', marker: trimmed, suppressed: false };
  if (SUPPRESSED.test(trimmed)) return { kind: 'missing', marker: trimmed, suppressed: true };
  if (Number.isNaN(value)) return { kind: 'invalid', reason: `"${trimmed}" is not a number` };
  return { kind: 'invalid', reason: `"${trimmed}" is out of range` };
}

/**
 * parseNumber's value for a cell it reads as a number, NaN for any other cell: the same reading
 * without an object per cell, for whole columns. numberValue("12,5", {decimal: ",", thousands: null}) is 12.5.
 */
export function numberValue(cell: string, format: NumberFormat): number {
  const value = valueOf(cell, format);
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Whether parseNumber reads the cell as missing (blank, a marker such as "n.a.", a suppressed
 * "<5"). No marker reads as a number, so this does not depend on the convention.
 */
export function isMissing(cell: string): boolean {
  const trimmed = cell.trim();
  return MISSING_MARKERS.has(trimmed.toLowerCase()) || SUPPRESSED.test(trimmed);
}

/** The cell's value: finite for a number, infinite for one out of range, NaN for anything else. */
function valueOf(cell: string, format: NumberFormat): number {
  // Most cells of a large file are plain integers or decimals: read those without the general path.
  const shape = plainShape(cell, format.decimal);
  if (shape === PLAIN_INTEGER || (shape === PLAIN_DECIMAL && format.decimal === '.')) return withoutNegativeZero(Number(cell));
  if (shape === PLAIN_DECIMAL) return withoutNegativeZero(Number(cell.replace(',', '.')));
  const trimmed = cell.trim();
  // Codes and names stop here, before the regular expressions.
  if (!mayBeNumber(trimmed)) return NaN;

  let text = trimmed.endsWith('%') ? trimmed.replace(/\s*%$/, '') : trimmed;
  if (text.startsWith('−') || text.startsWith('–')) text = `-${text.slice(1)}`;
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trimStart();
  }
  const spaced = text.replace(SPACES, ' ');
  if (spaced.includes(' ')) {
    if (!SPACE_GROUPED.test(spaced)) return NaN;
    text = spaced.replace(/ /g, '');
  }
  if (!/\d/.test(text) || !numberPattern(format).test(text)) return NaN;

  const plain =
    format.thousands === '.' || format.thousands === ','
      ? text.split(format.thousands).join('')
      : text;
  return withoutNegativeZero(sign * Number(format.decimal === ',' ? plain.replace(',', '.') : plain));
}

function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

const PLAIN_OTHER = 0;
const PLAIN_INTEGER = 1;
const PLAIN_DECIMAL = 2;

/**
 * The fast path's shapes, tested character by character (cheaper than a pattern for the hundreds
 * of thousands of cells of a large table): PLAIN_INTEGER for -?\d{1,15}, PLAIN_DECIMAL for
 * -?\d{1,15} `decimal` \d{1,15}. Longer or other numbers take the general path, which reads them the same.
 */
function plainShape(cell: string, decimal: NumberFormat['decimal']): number {
  const separator = decimal.charCodeAt(0);
  const n = cell.length;
  let i = n > 0 && cell.charCodeAt(0) === 45 ? 1 : 0; // "-"
  const start = i;
  while (i < n && isDigit(cell.charCodeAt(i))) i++;
  const whole = i - start;
  if (whole < 1 || whole > 15) return PLAIN_OTHER;
  if (i === n) return PLAIN_INTEGER;
  if (cell.charCodeAt(i) !== separator) return PLAIN_OTHER;
  const point = ++i;
  while (i < n && isDigit(cell.charCodeAt(i))) i++;
  const fraction = i - point;
  return i === n && fraction >= 1 && fraction <= 15 ? PLAIN_DECIMAL : PLAIN_OTHER;
}

/**
 * False for trimmed text the general path cannot read: a number starts with a digit, a decimal
 * separator or a sign, and holds nothing but those, an exponent, white space and "%".
 */
function mayBeNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  // . , + - − –
  if (!(isDigit(first) || first === 46 || first === 44 || first === 43 || first === 45 || first === 0x2212 || first === 0x2013)) return false;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // . , e E + - − – %
    if (isDigit(c) || c === 46 || c === 44 || c === 101 || c === 69 || c === 43 || c === 45 || c === 0x2212 || c === 0x2013 || c === 37) continue;
    if (c < 128 ? !(c === 32 || (c >= 9 && c <= 13)) : !WHITE_SPACE.test(text[i])) return false;
  }
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
