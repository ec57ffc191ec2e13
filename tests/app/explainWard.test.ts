import { describe, expect, it } from 'vitest';
import { comparisonOf, explainWard, themesFor, themesForGroup } from '../../src/app/explainWard';
import { comparisonTable } from '../../src/model/compareWards';
import { rank } from '../../src/model/rank';
import { prepare } from '../../src/model/prepare';
import { score } from '../../src/model/score';
import { square } from './tinyCity';
import { createDataset } from '../../src/model/createDataset';
import { CATALOGUE } from '../../src/app/catalogue';

// Five wards of one district; W5 has the lowest GMD share and the highest VT share.
const dataset = createDataset({
  name: 'd',
  features: ['W1', 'W2', 'W3', 'W4', 'W5'].map((code, i) => ({
    type: 'Feature' as const,
    properties: { code, district: 'Oost' },
    geometry: square(i, 0),
  })),
  fields: { key: 'code', name: null, district: 'district' },
  tables: [{ file: 'x.csv', keys: ['W1', 'W2', 'W3', 'W4', 'W5'], values: { gmd_share: [80, 75, 70, 65, 40], vt_share: [10, 12, 14, 16, 40] } }],
  catalogue: CATALOGUE,
});

describe('explainWard', () => {
  it('explainWard(view, scored, weights, flags, ward) gives points summing to the score, percentiles and medians', () => {
    const prepared = prepare(dataset.values, { gmd_share: 'low', vt_share: 'high' }, 'percentile', 5);
    const scored = { prepared, scores: score(prepared, { gmd_share: 1, vt_share: 1 }) };
    const e = explainWard(dataset, scored, { gmd_share: 1, vt_share: 1 }, { vt_share: [0, 0, 0, 0, 1] }, 4);
    // W5 is the neediest on both: p = 1 each, 50 points each, score 100.
    expect(e.gmd_share).toEqual({ points: 50, share: 0.5, percentile: 0, medianHere: 70, medianAll: 70, flagged: false });
    expect(e.vt_share).toEqual({ points: 50, share: 0.5, percentile: 1, medianHere: 14, medianAll: 14, flagged: true });
  });
});

describe('themesFor', () => {
  it('themesFor(view, ward) suggests the themes whose indicators deviate most from the city median, with the numbers', () => {
    const themes = themesFor(dataset, 4);
    // No municipalities, so the city is all five wards.
    // GMD 40 vs median 70 (IQR 10): deviation 3; VT 40 vs median 14 (IQR 4): deviation 6.5.
    expect(themes.map((t) => t.id)).toEqual(['increased-reimbursement', 'gmd-campaign']);
    expect(themes[1].evidence).toEqual(['GMD 40.0 % vs city median 70.0 %']);
  });
  it('themesFor(view, ward) suggests nothing for a ward at the medians', () => {
    expect(themesFor(dataset, 2)).toEqual([]);
  });
});

// Three districts and no municipalities, so one city of all eight wards: Oost W1–W5 as above,
// West W6–W7 (W7 has no VT share), Zuid W8 far off on both; a district reference would move the medians.
// City GMD: 10 40 45 50 65 70 75 80, median 57.5, Q1 43.75, Q3 71.25, IQR 27.5.
// City VT: 10 12 14 16 30 40 90, median 16, Q1 13, Q3 35, IQR 22.
const city = createDataset({
  name: 'c',
  features: ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'].map((code, i) => ({
    type: 'Feature' as const,
    properties: { code, district: i < 5 ? 'Oost' : i < 7 ? 'West' : 'Zuid' },
    geometry: square(i, 0),
  })),
  fields: { key: 'code', name: null, district: 'district' },
  tables: [
    {
      file: 'x.csv',
      keys: ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'],
      values: { gmd_share: [80, 75, 70, 65, 40, 50, 45, 10], vt_share: [10, 12, 14, 16, 40, 30, null, 90] },
    },
  ],
  catalogue: CATALOGUE,
});

// Three municipalities: Aarde A1–A5 (the values of W1–W5), Berg B1–B3, and Dal D1 whose values are
// given, so a test can make them extreme. The districts cut across the municipalities (Noord A1–A3,
// Zuid the rest), so a district reference would move the medians too.
function towns(dal: { gmd: number; vt: number }) {
  const codes = ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'D1'];
  return createDataset({
    name: 't',
    features: codes.map((code, i) => ({
      type: 'Feature' as const,
      properties: { code, district: i < 3 ? 'Noord' : 'Zuid', municipality: { A: 'Aarde', B: 'Berg', D: 'Dal' }[code[0]] },
      geometry: square(i, 0),
    })),
    fields: { key: 'code', name: null, district: 'district', municipality: 'municipality' },
    tables: [
      {
        file: 'x.csv',
        keys: codes,
        values: { gmd_share: [80, 75, 70, 65, 40, 60, 50, 55, dal.gmd], vt_share: [10, 12, 14, 16, 40, 20, 30, 25, dal.vt] },
      },
    ],
    catalogue: CATALOGUE,
  });
}

describe('themesForGroup', () => {
  it('themesForGroup(view, wards) compares the mean of the group with the city median', () => {
    const themes = themesForGroup(city, [3, 4]);
    // GMD: mean (65 + 40) / 2 = 52.5 vs 57.5: deviation 5 / 27.5 = 0.18.
    // VT: mean (16 + 40) / 2 = 28 vs 16: deviation 12 / 22 = 0.55.
    // With W4's value instead of the mean (GMD 65, VT 16) neither would deviate above 0: no theme.
    expect(themes.map((t) => t.id)).toEqual(['increased-reimbursement', 'gmd-campaign']);
    expect(themes.map((t) => t.evidence)).toEqual([
      ['VT share 28.0 % (mean of 2 wards) vs city median 16.0 %'],
      ['GMD 52.5 % (mean of 2 wards) vs city median 57.5 %'],
    ]);
    expect(themes[0].label).toBe('Increased reimbursement and social rights');
    expect(themes[0].action).toBe('Check entitlement to increased reimbursement (VT/BIM) and other rights');
  });
  it('themesForGroup(view, wards, language) writes labels, actions and evidence in that language, numbers with its decimal sign', () => {
    const themes = themesForGroup(city, [3, 4], 'fr');
    expect(themes.map((t) => t.id)).toEqual(['increased-reimbursement', 'gmd-campaign']);
    expect(themes.map((t) => t.evidence)).toEqual([
      ['BIM 28,0 % (moyenne de 2 quartiers) par rapport à la médiane de la ville 16,0 %'],
      ['DMG 52,5 % (moyenne de 2 quartiers) par rapport à la médiane de la ville 57,5 %'],
    ]);
    expect(themes[1].label).toBe('Dossier médical global (DMG)');
  });

  it('themesForGroup(view, wards) compares with all wards when the wards have districts but no municipality', () => {
    const themes = themesForGroup(city, [4, 5]);
    // All of W1–W8, not Oost and West (which would give medians 65 and 15).
    // GMD: mean (40 + 50) / 2 = 45 vs 57.5: deviation 12.5 / 27.5 = 0.45.
    // VT: mean (40 + 30) / 2 = 35 vs 16: deviation 19 / 22 = 0.86.
    expect(themes.map((t) => t.id)).toEqual(['increased-reimbursement', 'gmd-campaign']);
    expect(themes.map((t) => t.evidence)).toEqual([
      ['VT share 35.0 % (mean of 2 wards) vs city median 16.0 %'],
      ['GMD 45.0 % (mean of 2 wards) vs city median 57.5 %'],
    ]);
  });
  it('themesForGroup(view, wards) compares with the wards of the group’s municipality only', () => {
    const themes = themesForGroup(towns({ gmd: 5, vt: 95 }), [3, 4]);
    // Aarde A1–A5. GMD: 40 65 70 75 80, median 70, Q1 65, Q3 75, IQR 10; mean (65 + 40) / 2 = 52.5:
    // deviation 1.75. VT: 10 12 14 16 40, median 14, Q1 12, Q3 16, IQR 4; mean (16 + 40) / 2 = 28:
    // deviation 3.5. All nine wards would give medians 60 and 20; district Zuid 52.5 and 27.5.
    expect(themes.map((t) => t.evidence)).toEqual([
      ['VT share 28.0 % (mean of 2 wards) vs city median 14.0 %'],
      ['GMD 52.5 % (mean of 2 wards) vs city median 70.0 %'],
    ]);
    // Dal's ward, however extreme, is another city.
    expect(themesForGroup(towns({ gmd: 100, vt: 0 }), [3, 4])).toEqual(themes);
  });
  it('themesForGroup(view, wards) compares with every ward of all the municipalities the group lies in', () => {
    const themes = themesForGroup(towns({ gmd: 5, vt: 95 }), [4, 5]);
    // Aarde and Berg (A1–B3), not Dal. GMD: 40 50 55 60 65 70 75 80, median 62.5, Q1 53.75, Q3 71.25,
    // IQR 17.5; mean (40 + 60) / 2 = 50: deviation 12.5 / 17.5 = 0.71. VT: 10 12 14 16 20 25 30 40,
    // median 18, Q1 13.5, Q3 26.25, IQR 12.75; mean (40 + 20) / 2 = 30: deviation 12 / 12.75 = 0.94.
    // With D1 the medians would be 60 and 20; with Aarde alone 70 and 14.
    expect(themes.map((t) => t.evidence)).toEqual([
      ['VT share 30.0 % (mean of 2 wards) vs city median 18.0 %'],
      ['GMD 50.0 % (mean of 2 wards) vs city median 62.5 %'],
    ]);
    expect(themesForGroup(towns({ gmd: 100, vt: 0 }), [4, 5])).toEqual(themes);
  });
  it('themesForGroup(view, wards) says how many wards the mean is over when one has no value', () => {
    const themes = themesForGroup(city, [4, 6]);
    // VT: only W5's 40 vs 16: deviation 24 / 22 = 1.09. GMD: mean (40 + 45) / 2 = 42.5 vs 57.5:
    // deviation 15 / 27.5 = 0.55.
    expect(themes.map((t) => t.evidence)).toEqual([
      ['VT share 40.0 % (mean of 1 of 2 wards) vs city median 16.0 %'],
      ['GMD 42.5 % (mean of 2 wards) vs city median 57.5 %'],
    ]);
  });
  it('themesForGroup(view, [ward]) is themesFor(view, ward), without "mean of"', () => {
    expect(themesForGroup(city, [4])).toEqual(themesFor(city, 4));
    // VT 40 vs 16: deviation 24 / 22 = 1.09; GMD 40 vs 57.5: deviation 17.5 / 27.5 = 0.64.
    expect(themesFor(city, 4).flatMap((t) => t.evidence)).toEqual(['VT share 40.0 % vs city median 16.0 %', 'GMD 40.0 % vs city median 57.5 %']);
  });
  it('themesForGroup(view, []) suggests nothing', () => {
    expect(themesForGroup(city, [])).toEqual([]);
  });
  it('comparisonTable(comparisonOf(…), themesForGroup(view, compared)) ends with one row per theme, its text in the first ward column', () => {
    const prepared = prepare(city.values, { gmd_share: 'low', vt_share: 'high' }, 'percentile', 8);
    const scores = score(prepared, { gmd_share: 1, vt_share: 1 });
    const scored = { prepared, scores, ranking: rank(scores.score, city.wards.map((w) => w.code)) };
    const table = comparisonTable(comparisonOf(city, scored, { gmd_share: 1, vt_share: 1 }, [3, 4]), themesForGroup(city, [3, 4]));
    // The themes of the first test: VT 28 vs 16, GMD 52.5 vs 57.5.
    expect(table.rows.slice(0, -2).every((r) => r[0] !== 'theme')).toBe(true);
    expect(table.rows.slice(-2)).toEqual([
      [
        'theme',
        'Increased reimbursement and social rights',
        'Check entitlement to increased reimbursement (VT/BIM) and other rights (VT share 28.0 % (mean of 2 wards) vs city median 16.0 %)',
        null,
      ],
      ['theme', 'Global medical record (GMD)', 'GMD campaign with local GPs (GMD 52.5 % (mean of 2 wards) vs city median 57.5 %)', null],
    ]);
  });
});
