import { describe, expect, it } from 'vitest';
import themesJson from '../../data/themes.json';
import { parseThemes } from '../../src/io/parseThemes';
import { suggestThemes, type Theme } from '../../src/model/suggestThemes';

const labels = (en: string) => ({ nl: en, fr: en, en });
const theme = (id: string, indicators: Theme['indicators']): Theme => ({ id, label: labels(id), indicators, action: labels(id) });

// Five reference wards. gp: median 70, Q1 60, Q3 80, IQR 20. contacts: median 4, IQR 2.
// vt: median 30, IQR 20. gmd: all 60, IQR 0.
const values = {
  gp: [50, 60, 70, 80, 90],
  contacts: [3, 2, 4, 5, 6],
  vt: [10, 20, 30, 40, 50],
  gmd: [60, 60, 60, 60, 60],
};
const city = [0, 1, 2, 3, 4];
const catalogue: Theme[] = [
  theme('find-gp', [
    { id: 'gp', direction: 'low' },
    { id: 'contacts', direction: 'low' },
  ]),
  theme('rights', [{ id: 'vt', direction: 'high' }]),
  theme('gmd', [{ id: 'gmd', direction: 'low' }]),
  theme('dental', [{ id: 'dental', direction: 'low' }]),
];

describe('suggestThemes', () => {
  it('suggestThemes(themes, values, [ward], reference) scores a theme by the mean deviation in IQRs', () => {
    // Ward 0: gp (70 - 50) / 20 = 1, contacts (4 - 3) / 2 = 0.5 -> find-gp 0.75.
    // vt (10 - 30) / 20 = -1 (not suggested); gmd IQR 0 -> 0 (not suggested); dental has no data.
    expect(suggestThemes(catalogue, values, [0], city)).toEqual([
      {
        theme: catalogue[0],
        score: 0.75,
        evidence: [
          { id: 'gp', groupValue: 50, median: 70, deviation: 1 },
          { id: 'contacts', groupValue: 3, median: 4, deviation: 0.5 },
        ],
      },
    ]);
  });
  it('suggestThemes(themes, values, wards, reference) compares the mean of a group and sorts by score', () => {
    // Wards 3, 4: gp mean 85 -> (70 - 85) / 20 = -0.75, contacts 5.5 -> -0.75: find-gp -0.75, left out.
    // vt mean 45 -> (45 - 30) / 20 = 0.75: rights 0.75.
    const themes = [theme('mixed', [{ id: 'vt', direction: 'high' }, { id: 'contacts', direction: 'high' }]), ...catalogue];
    // mixed: vt 0.75, contacts (5.5 - 4) / 2 = 0.75 -> 0.75; ties keep catalogue order: mixed before rights.
    const result = suggestThemes(themes, values, [3, 4], city);
    expect(result.map((s) => [s.theme.id, s.score])).toEqual([
      ['mixed', 0.75],
      ['rights', 0.75],
    ]);
    expect(result[1].evidence).toEqual([{ id: 'vt', groupValue: 45, median: 30, deviation: 0.75 }]);
  });
  it('suggestThemes(themes, values, wards, reference) ranks a stronger theme first', () => {
    // Ward 0 with gp 50 and a made-up vt of 90: rights (90 - 30) / 20 = 3 ahead of find-gp 0.75.
    const result = suggestThemes(catalogue, { ...values, vt: [90, 20, 30, 40, 50] }, [0], city);
    // The reference now holds 90 too: vt sorted 20 30 40 50 90 -> median 40, Q1 30, Q3 50, IQR 20 -> (90 - 40) / 20 = 2.5.
    expect(result.map((s) => [s.theme.id, s.score])).toEqual([
      ['rights', 2.5],
      ['find-gp', 0.75],
    ]);
  });
  it('suggestThemes(themes, values, wards, reference) skips indicators the group has no value on', () => {
    // Ward 1 lacks gp: find-gp rests on contacts alone, (4 - 2) / 2 = 1. The reference median of gp uses 4 wards.
    const result = suggestThemes(catalogue, { ...values, gp: [50, null, 70, 80, 90] }, [1], city);
    expect(result).toEqual([{ theme: catalogue[0], score: 1, evidence: [{ id: 'contacts', groupValue: 2, median: 4, deviation: 1 }] }]);
  });
  it('suggestThemes(themes, values, wards, reference) returns nothing for a ward at the median', () => {
    expect(suggestThemes(catalogue, values, [2], city)).toEqual([]);
  });
  it('suggestThemes(themes, values, wards, reference) works with the shipped catalogue', () => {
    const { data } = parseThemes(themesJson, 'themes.json');
    const shipped = data ?? [];
    const result = suggestThemes(
      shipped,
      { gmd_share: [40, 60, 70, 80, 90], income: [20000, 25000, 30000, 35000, 40000] },
      [0],
      city,
    );
    // gmd (70 - 40) / 20 = 1.5; income (30000 - 20000) / 10000 = 1. Oral health has no data and is skipped.
    expect(result.map((s) => [s.theme.id, s.score])).toEqual([
      ['gmd-campaign', 1.5],
      ['income-support', 1],
    ]);
  });
});
