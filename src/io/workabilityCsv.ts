import { z } from 'zod';
import { normaliseCode } from '../model/normaliseCode';
import { capProblems } from './capProblems';
import { formatCsv } from './formatCsv';
import { parseCsv } from './parseCsv';
import { parseNumber } from './parseNumber';
import { problemFrom, type Loaded, type MessagePiece, type Problem } from './problem';
import { codeColumnIndex, columnIndex, unescapeCell } from './requestsCsv';
import { missingColumns, rowDropped } from './rowProblems';

/** How workable a ward is for a CHW team: 5 = easy to work in, 1 = not workable (excluded). */
export type WorkabilityScore = 1 | 2 | 3 | 4 | 5;

/** A coordinator's judgement of one ward: logistics, reachability, local partners. */
export interface WorkabilityEntry {
  /** The ward's code as written; compared through normaliseCode. */
  code: string;
  score: WorkabilityScore;
  /** Free text, kept exactly as written ("" when none). */
  note: string;
}

/** The shape of a stored or imported entry, checked wherever entries enter from outside. */
export const workabilityEntrySchema = z.object({
  code: z.string().trim().min(1),
  score: z.literal([1, 2, 3, 4, 5]),
  note: z.string(),
});

const MAX_ROW_PROBLEMS = 20;
const SCORE_NAMES = /^(?:workability|werkbaarheid|faisabilite|praticabilite)(?:score)?$|^score$/;
const NOTE_NAMES = /^(?:notes?|opmerking(?:en)?|remarques?|comments?|commentaar|commentaires?)$/;

/**
 * Reads workability entries: a code column (code, ward, wijk, CD_SECTOR, …), a score column
 * (workability, werkbaarheid, score) holding a whole number 1–5, and an optional note column
 * (note, opmerking, remarque), read verbatim except for the `'` formatCsv puts before formula-like
 * text. A row with an empty code or a bad score is dropped with an error; when a code comes
 * twice (under normaliseCode) the last row wins, with a warning.
 */
export function parseWorkability(text: string, file: string): Loaded<WorkabilityEntry[]> {
  const parsed = parseCsv(text, file);
  if (!parsed.data) return { data: null, problems: parsed.problems };
  const problems = [...parsed.problems];
  const { columns, rows, dialect } = parsed.data;

  const code = codeColumnIndex(columns);
  const score = columnIndex(columns, SCORE_NAMES, [code]);
  const note = columnIndex(columns, NOTE_NAMES, [code, score]);
  const missing = [code === null ? 'code' : null, score === null ? 'workability' : null].filter((m) => m !== null);
  if (code === null || score === null) {
    problems.push(missingColumns(file, missing, columns));
    return { data: null, problems };
  }

  const rowProblems: Problem[] = [];
  const entries = new Map<string, { entry: WorkabilityEntry; row: number }>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    const codeText = unescapeCell(cells[code] ?? '').trim();
    if (codeText === '') {
      rowProblems.push(rowDropped(file, { key: 'wardCodeEmpty' }, row, columns[code]));
      return;
    }
    const scoreCell = cells[score] ?? '';
    const read = parseNumber(scoreCell, dialect);
    const valid = workabilityEntrySchema.shape.score.safeParse(read.kind === 'number' ? read.value : null);
    if (!valid.success) {
      const reason: MessagePiece =
        read.kind === 'missing' && read.marker === '' ? { key: 'workabilityEmpty' } : { key: 'workabilityNotScore', values: { text: scoreCell.trim() } };
      rowProblems.push(rowDropped(file, reason, row, columns[score]));
      return;
    }
    const key = normaliseCode(codeText);
    const earlier = entries.get(key);
    if (earlier) {
      rowProblems.push(
        problemFrom(file, 'workabilityRepeated', { code: codeText, row: earlier.row }, { row, column: columns[code], severity: 'warning' }),
      );
      entries.delete(key);
    }
    const noteText = note === null ? '' : unescapeCell(cells[note] ?? '');
    entries.set(key, { entry: { code: codeText, score: valid.data, note: noteText }, row });
  });
  problems.push(...capProblems(rowProblems, MAX_ROW_PROBLEMS, { key: 'moreRowProblems' }));
  if (entries.size === 0) return { data: null, problems: [...problems, problemFrom(file, 'workabilityNone')] };
  return { data: [...entries.values()].map((e) => e.entry), problems };
}

/**
 * Writes entries as CSV with columns code, workability and note, in the given format; notes with
 * separators, quotes, line breaks or formula-like starts are escaped so that parseWorkability
 * gives them back exactly.
 */
export function formatWorkability(entries: readonly WorkabilityEntry[], format: 'csv' | 'excel-be'): string {
  return formatCsv(
    ['code', 'workability', 'note'],
    // formatCsv adds a `'` before "=…"; a note that already starts with `'=` gets one more here,
    // so that the one unescapeCell takes off on import leaves the note as it was.
    entries.map((e) => [e.code, e.score, /^'+[=+\-@\t\r]/.test(e.note) ? `'${e.note}` : e.note]),
    { format, decimals: 0 },
  );
}
