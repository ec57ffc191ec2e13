import { describe, expect, it } from 'vitest';
import { explainWard, themesFor } from '../../src/app/explainWard';
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
  it('themesFor(view, ward) suggests the themes whose indicators deviate most from the area median, with the numbers', () => {
    const themes = themesFor(dataset, 4);
    // GMD 40 vs median 70 (IQR 10): deviation 3; VT 40 vs median 14 (IQR 4): deviation 6.5.
    expect(themes.map((t) => t.id)).toEqual(['increased-reimbursement', 'gmd-campaign']);
    expect(themes[1].evidence).toEqual(['GMD 40.0 % vs median 70.0 %']);
  });
  it('themesFor(view, ward) suggests nothing for a ward at the medians', () => {
    expect(themesFor(dataset, 2)).toEqual([]);
  });
});
