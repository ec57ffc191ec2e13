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
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-label="Problems in the files" role={errors > 0 ? 'alert' : 'status'}>
      <header>
        <h2>
          {errors > 0 ? `${errors} error${errors > 1 ? 's' : ''}` : 'Notes'}
          {problems.length > errors ? ` · ${problems.length - errors} warning${problems.length - errors > 1 ? 's' : ''}/notes` : ''}
        </h2>
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
              {p.row !== null ? `, row ${p.row}` : ''}
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
