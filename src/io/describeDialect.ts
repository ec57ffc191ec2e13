import type { DecodedText, TextEncoding } from './decodeText';
import type { CsvDialect } from './parseCsv';

const SEPARATORS = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': '"|"' } as const;
const ENCODINGS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Latin-1)',
};

/**
 * How a CSV file was read, in words, so that a file read with a separator or number convention the
 * user did not expect says so. `decoded` (from decodeText) adds the encoding and its BOM:
 * describeDialect({delimiter: ";", decimal: ",", thousands: ".", bom: false}, {encoding: "utf-8",
 * bom: true}) is 'semicolon separated, decimal comma, "." between thousands, UTF-8 with BOM'.
 */
export function describeDialect(dialect: CsvDialect, decoded?: Pick<DecodedText, 'encoding' | 'bom'> | null): string {
  const parts = [`${SEPARATORS[dialect.delimiter]} separated`, `decimal ${dialect.decimal === ',' ? 'comma' : 'point'}`];
  if (dialect.thousands === ' ') parts.push('spaces between thousands');
  else if (dialect.thousands) parts.push(`"${dialect.thousands}" between thousands`);
  const bom = dialect.bom || (decoded?.bom ?? false);
  if (decoded) parts.push(`${ENCODINGS[decoded.encoding]}${bom ? ' with BOM' : ''}`);
  else if (bom) parts.push('with BOM');
  return parts.join(', ');
}
