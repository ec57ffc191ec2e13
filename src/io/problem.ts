/** How serious a problem found in an input file is: errors drop the row or file, warnings keep it. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One problem found while reading a file, located as precisely as we can.
 * `row` is 1-based and counts data rows (the header is row 0); null when the problem is file-wide.
 */
export interface Problem {
  file: string;
  row: number | null;
  column: string | null;
  message: string;
  severity: Severity;
}

/** What every loader returns: the good part of the input, and what was wrong with the rest. */
export interface Loaded<T> {
  data: T | null;
  problems: Problem[];
}

/** Builds a Problem; the one place where the shape is spelled out. */
export function problem(
  file: string,
  message: string,
  opts: { row?: number | null; column?: string | null; severity?: Severity } = {},
): Problem {
  return {
    file,
    row: opts.row ?? null,
    column: opts.column ?? null,
    message,
    severity: opts.severity ?? 'error',
  };
}
