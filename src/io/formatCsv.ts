/** How formatCsv writes: plain CSV, or what Excel in a Belgian locale opens directly. */
export interface CsvFormatOptions {
  /** `csv`: `,` separated, decimal point, LF. `excel-be`: BOM, `;` separated, decimal comma, CRLF. */
  format: 'csv' | 'excel-be';
  /** Lines written before the header as `# line`; parseCsv skips them on re-import. */
  comments?: string[];
  /** Decimals to round numbers to, for all columns or per header name; 4 by default. */
  decimals?: number | Record<string, number>;
}

const DEFAULT_DECIMALS = 4;

// OWASP CSV injection: a spreadsheet runs a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes a table as CSV text. Numbers are rounded and written without thousands separators, null
 * is an empty cell, and text cells that a spreadsheet would run as a formula ("=SUM(A1)", "-x")
 * get a leading `'`, which a re-import keeps. Numbers are never escaped: -3.5 stays a number.
 */
export function formatCsv(
  header: string[],
  rows: (string | number | null)[][],
  options: CsvFormatOptions,
): string {
  const excel = options.format === 'excel-be';
  const delimiter = excel ? ';' : ',';
  const eol = excel ? '\r\n' : '\n';
  const decimalsOf = header.map((name) => {
    const d = typeof options.decimals === 'number' ? options.decimals : (options.decimals?.[name] ?? DEFAULT_DECIMALS);
    if (!Number.isInteger(d) || d < 0 || d > 20) throw new Error(`invalid decimals: ${d}`);
    return d;
  });

  const cell = (value: string | number | null, column: number): string => {
    if (value === null) return '';
    if (typeof value === 'number') {
      const written = formatNumber(value, decimalsOf[column] ?? DEFAULT_DECIMALS);
      return excel ? written.replace('.', ',') : written;
    }
    return quote(FORMULA_START.test(value) ? `'${value}` : value);
  };

  const lines = [
    // A comment is one line per line of text, so it cannot slip a data row into the file.
    ...(options.comments ?? []).flatMap((c) => c.split(/\r\n|\r|\n/)).map((c) => `# ${c}`),
    header.map((name, i) => cell(name, i)).join(delimiter),
    ...rows.map((row) => row.map(cell).join(delimiter)),
  ];
  return (excel ? '\uFEFF' : '') + lines.join(eol) + eol;
}

/** Rounds to `decimals` and drops trailing zeros: 2.50004 -> "2.5"; not-finite numbers are empty. */
function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') && !fixed.includes('e') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * Quotes a cell that holds a quote, a line break or any separator parseCsv recognises (`,` `;` tab
 * `|`: outside quotes they could sway its guess of the file's separator), or starts with the
 * comment `#`.
 */
function quote(text: string): string {
  if (/[",;|\r\n\t]/.test(text) || text.startsWith('#')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}
