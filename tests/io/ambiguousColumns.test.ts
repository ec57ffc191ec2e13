import { describe, expect, it } from 'vitest';
import { ambiguousColumns } from '../../src/io/ambiguousColumns';
import { parseCsv } from '../../src/io/parseCsv';

const BELGIAN = { decimal: ',', thousands: '.' } as const;
const ENGLISH_GROUPED = { decimal: '.', thousands: ',' } as const;

// A ';' file read the Belgian way: "12,5" settles the share column, "1.234" and "0.123" could be
// thousands or decimals.
const SEMICOLON = 'code;aantal;aandeel;ratio\r\nA;1.234;12,5;0.123\r\nB;567;7,25;2.500\r\nC;2.345;30;1.750\r\n';

describe('ambiguousColumns', () => {
  it('ambiguousColumns(table) lists the columns whose numbers read two ways, with examples', () => {
    const table = parseCsv(SEMICOLON, 'f.csv').data!;
    expect(table.dialect).toMatchObject(BELGIAN);
    expect(ambiguousColumns(table)).toEqual([
      { column: 'aantal', reading: BELGIAN, alternative: ENGLISH_GROUPED, examples: ['1.234', '2.345'] },
      { column: 'ratio', reading: BELGIAN, alternative: ENGLISH_GROUPED, examples: ['0.123', '2.500', '1.750'] },
    ]);
  });

  it('ambiguousColumns(table) leaves out a column where one cell is a number one way only', () => {
    // "1.234" alone could be either, but "1.5" is no number with dot thousands: decimal points.
    const table = parseCsv('code;v\nA;1.234\nB;1.5\n', 'f.csv').data!;
    expect(table.dialect).toMatchObject({ decimal: '.', thousands: null });
    expect(ambiguousColumns(table)).toEqual([]);
  });

  it('ambiguousColumns(table) skips missing markers and keeps at most three distinct examples', () => {
    const text = 'code;v;w\nA;1.234;12,5\nB;<5;1\nC;-;2\nD;1.234;3\nE;2.500;4\nF;3.750;5\nG;4.125;6\n';
    const table = parseCsv(text, 'f.csv').data!;
    expect(ambiguousColumns(table)).toEqual([
      { column: 'v', reading: BELGIAN, alternative: ENGLISH_GROUPED, examples: ['1.234', '2.500', '3.750'] },
    ]);
  });

  it('ambiguousColumns(table) questions three-decimal values in a comma file too', () => {
    const table = parseCsv('code,score,decile\nA,37.174,2\nB,39.414,3\n', 'f.csv').data!;
    expect(ambiguousColumns(table)).toEqual([
      {
        column: 'score',
        reading: { decimal: '.', thousands: null },
        alternative: BELGIAN,
        examples: ['37.174', '39.414'],
      },
    ]);
  });

  it('ambiguousColumns(table) lists nothing for integers, codes and text', () => {
    const table = parseCsv('code;naam;aantal\n24107;Tienen;567\n62063;Luik;12\n', 'f.csv').data!;
    expect(ambiguousColumns(table)).toEqual([]);
  });
});
