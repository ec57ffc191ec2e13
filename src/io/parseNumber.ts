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
// The fast path's shapes; longer or other numbers take the general path, which reads them the same.
const PLAIN_INTEGER = /^-?\d{1,15}$/;
const PLAIN_POINT = /^-?\d{1,15}\.\d{1,15}$/;
const PLAIN_COMMA = /^-?\d{1,15},\d{1,15}$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:[.,]\d*)?$/;

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
  // Most cells of a large file are plain integers or decimals: read those without the general path.
  if (PLAIN_INTEGER.test(cell)) return number(Number(cell));
  if (format.decimal === '.' ? PLAIN_POINT.test(cell) : PLAIN_COMMA.test(cell)) {
    return number(Number(format.decimal === '.' ? cell : cell.replace(',', '.')));
  }
  const trimmed = cell.trim();
  const lower = trimmed.toLowerCase();
  if (MISSING_MARKERS.has(lower)) return { kind: 'missing', marker: trimmed, suppressed: false };
  if (SUPPRESSED.test(trimmed)) return { kind: 'missing', marker: trimmed, suppressed: true };

  let text = trimmed.replace(/\s*%$/, '').replace(/^[−–]/, '-');
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trimStart();
  }
  const spaced = text.replace(SPACES, ' ');
  if (spaced.includes(' ')) {
    if (!SPACE_GROUPED.test(spaced)) return invalid(trimmed);
    text = spaced.replace(/ /g, '');
  }
  if (!/\d/.test(text) || !numberPattern(format).test(text)) return invalid(trimmed);

  const plain =
    format.thousands === '.' || format.thousands === ','
      ? text.split(format.thousands).join('')
      : text;
  const value = sign * Number(format.decimal === ',' ? plain.replace(',', '.') : plain);
  if (Number.isNaN(value)) return invalid(trimmed);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: `"${trimmed}" is out of range` };
  return { kind: 'number', value: value === 0 ? 0 : value };
}

function number(value: number): ParsedNumber {
  return { kind: 'number', value: value === 0 ? 0 : value };
}

function invalid(text: string): ParsedNumber {
  return { kind: 'invalid', reason: `"${text}" is not a number` };
}
