import { normaliseCode } from '../model/normaliseCode';
import { rowPrefix, type CsvTable } from './parseCsv';
import { problemFrom, type Problem } from './problem';

const EXAMPLES = 3;
const DIGITS5 = /^\d{5}/;
const DIGITS = /^\d+$/;

/**
 * What is wrong with a table's key column against the ward codes it will join to: no key column at
 * all (`key` null, as detectKeyColumn gives when nothing fits), a column none of whose codes is a
 * ward or municipality code, or numeric codes that match only once the leading zeros Excel drops are
 * put back ("1002" for "01002"; not matched, only pointed out). Empty when the key looks right,
 * when there are no ward codes to compare with, or when the table has one column only.
 */
export function keyColumnProblems(table: CsvTable, key: string | null, wardCodes: readonly string[], file: string): Problem[] {
  // The ward codes as joins compare them, and what they say about municipality codes and widths.
  const wardSet = new Set<string>();
  const municipalities = new Set<string>();
  const numericWidths = new Set<number>();
  for (const ward of wardCodes) {
    const code = normaliseCode(ward);
    if (code === '' || wardSet.has(code)) continue;
    wardSet.add(code);
    if (DIGITS5.test(code)) municipalities.add(code.slice(0, 5));
    if (DIGITS.test(code)) numericWidths.add(code.length);
  }
  const sample = wardCodes.slice(0, 2).map((c) => `"${c}"`).join(', ');
  if (key === null) {
    const columns = table.columns.map((c) => `"${c}"`).join(', ');
    return [
      problemFrom(file, 'noKeyColumn', { columns, such: sample ? { key: 'suchAs', values: { examples: sample } } : '' }),
    ];
  }
  const index = table.columns.indexOf(key);
  // A table of one column has a separator problem, which readIndicatorTable names.
  if (index === -1 || wardSet.size === 0 || table.columns.length === 1) return [];

  let matched = 0;
  const unmatched: { code: string; row: number }[] = [];
  const padded: { code: string; ward: string; row: number; line?: number }[] = [];
  const seen = new Set<string>();
  table.rows.forEach((cells, i) => {
    const code = normaliseCode(cells[index] ?? '');
    if (code === '' || seen.has(code)) return;
    seen.add(code);
    const row = i + 1;
    if (wardSet.has(code) || (/^\d{5}$/.test(code) && municipalities.has(code))) {
      matched += 1;
      return;
    }
    unmatched.push({ code: (cells[index] ?? '').trim(), row });
    if (/^\d+$/.test(code)) {
      for (const width of numericWidths) {
        const ward = code.padStart(width, '0');
        if (width > code.length && wardSet.has(ward) && !seen.has(ward)) {
          padded.push({ code: (cells[index] ?? '').trim(), ward, row, line: table.sourceRows?.[i] });
          break;
        }
      }
    }
  });

  if (padded.length > 0) {
    const examples = padded.slice(0, EXAMPLES).map((p) => ({ key: 'codeFor' as const, values: { code: p.code, ward: p.ward } }));
    return [
      problemFrom(
        file,
        'leadingZeros',
        { at: rowPrefix(padded[0].line), count: padded.length, examples },
        { row: padded[0].row, column: key, severity: 'warning' },
      ),
    ];
  }
  if (matched === 0 && unmatched.length > 0) {
    const examples = unmatched.slice(0, EXAMPLES).map((u) => `"${u.code}"`).join(', ');
    return [
      problemFrom(file, 'keyNoWardCodes', { key, examples, sample }, { column: key, severity: 'warning' }),
    ];
  }
  return [];
}
