/** The text encodings we can tell apart in the files Belgian users export. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A file's bytes as text, with the encoding they were read in and whether a byte order mark led them. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

// How many leading bytes the BOM-less UTF-16 guess looks at.
const UTF16_SAMPLE = 512;

// Windows-1252 bytes 0x80-0x9F (€, curly quotes, dashes, Œ, Ÿ ...). Node's TextDecoder reads that
// label as Latin-1 and turns them into control characters, so we map them ourselves; the five
// bytes 1252 leaves undefined stay the controls WHATWG maps them to.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Turns a file's bytes into text: a BOM decides (UTF-8, or UTF-16 as Excel's "Unicode text"
 * export writes it); without one, valid UTF-8 is UTF-8 and anything else is Windows-1252, the
 * encoding of older Belgian Excel CSV exports. The BOM is not part of the text.
 * decodeText(new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65])).text === "Liège"
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decode('windows-1252', bytes), encoding: 'windows-1252', bom: false };
  }
}

function decode(encoding: TextEncoding, bytes: Uint8Array): string {
  // ignoreBOM keeps a second BOM (after the one we stripped) as text rather than eating it silently.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/**
 * UTF-16 written without a BOM: in a table of mostly ASCII text every other byte is zero, and
 * neither UTF-8 nor Windows-1252 text contains zero bytes.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = n / 2;
  if (oddZeros >= 0.6 * pairs && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= 0.6 * pairs && oddZeros === 0) return 'utf-16be';
  return null;
}
