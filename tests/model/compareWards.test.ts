import { describe, expect, it } from 'vitest';
import { compareWards, comparisonTable, type ComparisonInput } from '../../src/model/compareWards';

const input: ComparisonInput = {
  wards: [
    { index: 0, code: 'W0', name: 'Anker' },
    { index: 1, code: 'W1', name: 'Berg' },
    { index: 2, code: 'W2', name: 'Dijk' },
    { index: 3, code: 'W3', name: 'Eik' },
    { index: 4, code: 'W4', name: 'Veld' },
  ],
  indicators: [
    { id: 'income', label: 'Median income', unit: 'EUR' },
    { id: 'elderly', label: 'Aged 75+', unit: '%' },
  ],
  values: { income: [21000, 30000, null, 25000, 18000], elderly: [12.5, 8, 20, 10, 15] },
  percentiles: { income: [0.375, 0.875, null, 0.625, 0.125], elderly: [0.5, 0.1, 0.9, 0.3, 0.7] },
  points: { income: [30, 5, null, 15, 40], elderly: [20, 2, 60, 10, 35] },
  scores: [50, 7, 60, 25, null],
  ranks: [2, 4, 1, 3, null],
};

describe('compareWards', () => {
  it('compareWards(input, selected) lines the selected wards up in selection order', () => {
    const c = compareWards(input, [2, 0]);
    expect(c.wards).toEqual([
      { index: 2, code: 'W2', name: 'Dijk', score: 60, rank: 1 },
      { index: 0, code: 'W0', name: 'Anker', score: 50, rank: 2 },
    ]);
    expect(c.rows).toEqual([
      { id: 'income', label: 'Median income', unit: 'EUR', values: [null, 21000], percentiles: [null, 0.375], points: [null, 30] },
      { id: 'elderly', label: 'Aged 75+', unit: '%', values: [20, 12.5], percentiles: [0.9, 0.5], points: [60, 20] },
    ]);
  });
  it('compareWards(input, selected) keeps a missing score, rank or column null', () => {
    const c = compareWards({ ...input, points: { income: input.points.income } }, [4, 1, 3, 0]);
    expect(c.wards.map((w) => [w.score, w.rank])).toEqual([[null, null], [7, 4], [25, 3], [50, 2]]);
    expect(c.rows[1].points).toEqual([null, null, null, null]);
    expect(c.rows[0].points).toEqual([40, 5, 15, 30]);
  });
  it('compareWards(input, selected) finds wards by their index, not their position', () => {
    const shuffled = { ...input, wards: [...input.wards].reverse() };
    expect(compareWards(shuffled, [1, 3]).wards.map((w) => w.code)).toEqual(['W1', 'W3']);
  });
  it('compareWards(input, selected) throws for fewer than 2 or more than 4 wards, repeats and unknown wards', () => {
    expect(() => compareWards(input, [1])).toThrow('invalid selection: 1 wards');
    expect(() => compareWards(input, [])).toThrow('invalid selection: 0 wards');
    expect(() => compareWards(input, [0, 1, 2, 3, 4])).toThrow('invalid selection: 5 wards');
    expect(() => compareWards(input, [1, 1])).toThrow('invalid selection: 1, 1 repeats a ward');
    expect(() => compareWards(input, [1, 9])).toThrow('invalid selection: no ward 9');
  });
});

describe('comparisonTable', () => {
  it('comparisonTable(comparison) gives score and rank rows, then value, percentile and points per indicator', () => {
    expect(comparisonTable(compareWards(input, [2, 0]))).toEqual({
      header: ['indicator', 'measure', 'W2', 'W0'],
      rows: [
        ['overall', 'score', 60, 50],
        ['overall', 'rank', 1, 2],
        ['income', 'value', null, 21000],
        ['income', 'percentile', null, 0.375],
        ['income', 'points', null, 30],
        ['elderly', 'value', 20, 12.5],
        ['elderly', 'percentile', 0.9, 0.5],
        ['elderly', 'points', 60, 20],
      ],
    });
  });
  it('comparisonTable(comparison) has only the score and rank rows without indicators', () => {
    const t = comparisonTable(compareWards({ ...input, indicators: [] }, [0, 1, 3]));
    expect(t.header).toEqual(['indicator', 'measure', 'W0', 'W1', 'W3']);
    expect(t.rows).toEqual([
      ['overall', 'score', 50, 7, 25],
      ['overall', 'rank', 2, 4, 3],
    ]);
  });
});
