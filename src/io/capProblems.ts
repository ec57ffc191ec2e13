import { problem, problemFrom, type MessageValues, type Problem, type ProblemKey } from './problem';

/**
 * Keeps the first `max` problems and sums up the rest in one more, so that a file with the same
 * fault on every row yields a readable list: capProblems(list, 20, (n) => `and ${n} more`), or with
 * a message key whose `count` is the number left out: capProblems(list, 20, { key: 'moreRowProblems' }).
 */
export function capProblems(
  problems: Problem[],
  max: number,
  summary: ((hidden: number) => string) | { key: ProblemKey; values?: MessageValues },
): Problem[] {
  if (problems.length <= max) return problems;
  const first = problems[0];
  const hidden = problems.length - max;
  const opts = { column: first.column, severity: first.severity };
  return [
    ...problems.slice(0, max),
    typeof summary === 'function'
      ? problem(first.file, summary(hidden), opts)
      : problemFrom(first.file, summary.key, { ...summary.values, count: hidden }, opts),
  ];
}
