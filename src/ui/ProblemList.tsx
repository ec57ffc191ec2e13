import type { Problem } from '../io/problem';

export interface ProblemListProps {
  problems: Problem[];
  onDismiss?: () => void;
  /** How many to show before "and N more". */
  limit?: number;
}

/** Problems found in the user's files, most serious first, each with file, row and column. */
export function ProblemList({ problems, onDismiss, limit = 50 }: ProblemListProps) {
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const summary = [
    [errors, 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'note'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}${(n as number) > 1 ? 's' : ''}`)
    .join(' · ');
  return (
    <section className="problems" aria-label="Problems in the files" role={errors > 0 ? 'alert' : 'status'}>
      <header>
        <h2>{summary}</h2>
        {onDismiss && (
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </header>
      <ul>
        {sorted.slice(0, limit).map((p, i) => (
          <li key={i} className={p.severity}>
            <span className="where">
              {p.file}
              {/* A message about one row of a table names it as a spreadsheet shows it; no second number. */}
              {p.row !== null && !p.message.startsWith('spreadsheet row') ? `, row ${p.row}` : ''}
              {p.column !== null ? `, column "${p.column}"` : ''}
            </span>
            : {p.message}
          </li>
        ))}
      </ul>
      {sorted.length > limit && <p>and {sorted.length - limit} more</p>}
    </section>
  );
}
