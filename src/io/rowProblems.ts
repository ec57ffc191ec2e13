import { problemFrom, type MessagePiece, type Problem } from './problem';

/** Names as the problem messages quote them: quoteList(["code", "note"]) is '"code", "note"'. */
export function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/**
 * The header-row error for required columns a file lacks, naming the columns it has:
 * missingColumns('w.csv', ['workability'], ['code', 'note']).message is
 * 'missing column "workability"; the file has "code", "note"'.
 */
export function missingColumns(file: string, missing: readonly string[], columns: readonly string[]): Problem {
  return problemFrom(file, 'columnsMissing', { count: missing.length, missing: quoteList(missing), columns: quoteList(columns) }, { row: 0, column: missing[0] });
}

/** The error for a data row left out, and why: rowDropped('r.csv', { key: 'countEmpty' }, 3, 'count').message is 'empty count; row dropped'. */
export function rowDropped(file: string, reason: MessagePiece, row: number, column: string): Problem {
  return problemFrom(file, 'rowDropped', { reason }, { row, column });
}
