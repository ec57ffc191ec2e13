import { describe, expect, it } from 'vitest';
import { capProblems } from '../../src/io/capProblems';
import { problem } from '../../src/io/problem';

describe('capProblems', () => {
  const list = [1, 2, 3, 4].map((row) => problem('f.csv', `bad cell`, { row, column: 'v', severity: 'warning' }));

  it('capProblems(problems, max, summary) keeps a short list as it is', () => {
    expect(capProblems(list, 4, (n) => `and ${n} more`)).toBe(list);
  });

  it('capProblems(problems, max, summary) keeps the first max and sums up the rest', () => {
    expect(capProblems(list, 2, (n) => `and ${n} more`)).toEqual([
      list[0],
      list[1],
      { file: 'f.csv', row: null, column: 'v', message: 'and 2 more', severity: 'warning' },
    ]);
  });
});
