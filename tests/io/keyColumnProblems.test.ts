import { describe, expect, it } from 'vitest';
import { keyColumnProblems } from '../../src/io/keyColumnProblems';
import { parseCsv } from '../../src/io/parseCsv';

const table = (text: string) => parseCsv(text, 'f.csv').data!;
const WARDS = ['24107A00-', '24107A01-'];

describe('keyColumnProblems', () => {
  it('keyColumnProblems(table, key, wards) is empty when some codes match a ward or a municipality', () => {
    expect(keyColumnProblems(table('code;v\n24107A00;1\nTotaal;2\n'), 'code', WARDS, 'f.csv')).toEqual([]);
    expect(keyColumnProblems(table('nis;v\n24107;1\n'), 'nis', WARDS, 'f.csv')).toEqual([]);
  });

  it('keyColumnProblems(table, null, wards) says no column holds the codes', () => {
    expect(keyColumnProblems(table('a;b\nx;1\n'), null, WARDS, 'f.csv')).toMatchObject([
      {
        file: 'f.csv',
        row: null,
        column: null,
        message:
          'no column holds the area codes: none of "a", "b" has values like the ward codes (such as "24107A00-", "24107A01-"); nothing can be joined. Choose the column with the codes, or add one (CD_SECTOR, CD_REFNIS or code) to the file',
        severity: 'error',
      },
    ]);
  });

  it('keyColumnProblems(table, key, wards) warns when no code in the column matches', () => {
    const problems = keyColumnProblems(table('naam;v\nNoord;1\nZuid;2\n'), 'naam', WARDS, 'f.csv');
    expect(problems.map((p) => [p.severity, p.column])).toEqual([['warning', 'naam']]);
  });

  it('keyColumnProblems(table, key, wards) points out codes that lost their leading zeros, without matching them', () => {
    const problems = keyColumnProblems(table('# note\nnis;v\n01001;0\n1002;1\n'), 'nis', ['01001', '01002'], 'f.csv');
    expect(problems).toMatchObject([
      {
        file: 'f.csv',
        row: 2,
        column: 'nis',
        message:
          'spreadsheet row 4: 1 code matches a ward only with leading zeros added ("1002" for "01002"): Excel drops the leading zeros of numbers, and these rows are not joined. Format the column as text in Excel and export again',
        severity: 'warning',
      },
    ]);
  });

  it('keyColumnProblems(table, key, no wards) says nothing: there is nothing to compare with', () => {
    expect(keyColumnProblems(table('naam;v\nNoord;1\n'), 'naam', [], 'f.csv')).toEqual([]);
  });
});
