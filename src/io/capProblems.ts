import { problem, type Problem } from './problem';

/**
 * Keeps the first `max` problems and sums up the rest in one more, so that a file with the same
 * fault on every row yields a readable list: capProblems(list, 20, (n) => `and ${n} more`).
 */
export function capProblems(problems: Problem[], max: number, summary: (hidden: number) => string): Problem[] {
  if (problems.length <= max) return problems;
  const first = problems[0];
  const hidden = problems.length - max;
  return [
    ...problems.slice(0, max),
    problem(first.file, summary(hidden), { column: first.column, severity: first.severity }),
  ];
}
