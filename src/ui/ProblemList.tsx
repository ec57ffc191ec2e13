import { useTranslation } from 'react-i18next';
import { messageText, type Problem } from '../io/problem';
import { useLanguage } from '../i18n/useLanguage';
import { writeNotice } from '../i18n/writeNotice';
import type { ShownProblem } from '../app/notice';

/**
 * A problem's message in the interface language: its notice, or its `problems.messages` key written
 * with its values when it has one the texts know, else the English message it came with.
 */
export function useProblemMessage(): (p: ShownProblem) => string {
  const { i18n, t } = useTranslation();
  return (p) => {
    if (p.notice) return writeNotice(t, p.notice);
    // Asked with a count, since a plural message exists only as its _one, _other… forms.
    return p.key && i18n.exists(`problems.messages.${p.key}`, { count: 0 })
      ? messageText(p.key, p.values ?? {}, (key, values) => String(i18n.t(`problems.messages.${key}`, values)))
      : p.message;
  };
}

export interface ProblemListProps {
  problems: ShownProblem[];
  onDismiss?: () => void;
  /** How many to show before "and N more". */
  limit?: number;
}

/** Problems found in the user's files, most serious first, each with file, row and column. */
export function ProblemList({ problems, onDismiss, limit = 50 }: ProblemListProps) {
  const { t } = useLanguage();
  const messageOf = useProblemMessage();
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const summary = [
    errors > 0 ? t('problems.errors', { count: errors }) : null,
    count('warning') > 0 ? t('problems.warnings', { count: count('warning') }) : null,
    count('info') > 0 ? t('problems.notes', { count: count('info') }) : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return (
    <section className="problems" aria-label={t('problems.label')} role={errors > 0 ? 'alert' : 'status'}>
      <header>
        <h2>{summary}</h2>
        {onDismiss && (
          <button type="button" onClick={onDismiss}>
            {t('problems.dismiss')}
          </button>
        )}
      </header>
      <ul>
        {sorted.slice(0, limit).map((p, i) => (
          <li key={i} className={p.severity}>
            <span className="where">
              {p.source ? t(`problems.source.${p.source}`) : p.file}
              {/* A message about one row of a table names it as a spreadsheet shows it; no second number. */}
              {p.row !== null && !p.message.startsWith('spreadsheet row') ? t('problems.row', { row: p.row }) : ''}
              {p.column !== null ? t('problems.column', { column: p.column }) : ''}
            </span>
            : {messageOf(p)}
          </li>
        ))}
      </ul>
      {sorted.length > limit && <p>{t('problems.more', { count: sorted.length - limit })}</p>}
    </section>
  );
}
