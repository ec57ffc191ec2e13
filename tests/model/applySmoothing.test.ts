import { describe, expect, it } from 'vitest';
import { applySmoothing } from '../../src/model/applySmoothing';
import { createDataset } from '../../src/model/createDataset';
import type { IndicatorDef } from '../../src/model/types';

const def = (id: string, unit: string): IndicatorDef => ({ id, label: { nl: id, fr: id, en: id }, unit, direction: 'high', defaultWeight: 1, source: '', year: null });
const dataset = createDataset({
  name: 'd',
  features: ['A', 'B', 'C', 'D'].map((code) => ({ type: 'Feature' as const, properties: { code }, geometry: null })),
  fields: { key: 'code', name: null, district: null },
  tables: [{ file: 't.csv', keys: ['A', 'B', 'C', 'D'], values: { vt: [10, 20, 30, 40], pop: [100, 100, 100, 100], income: [1, 2, 3, 4] } }],
  catalogue: [def('vt', '%'), def('pop', 'persons'), def('income', 'EUR')],
});

describe('applySmoothing', () => {
  it('applySmoothing(dataset, population) smooths the shares, keeps the raw ones and leaves other units alone', () => {
    const smoothed = applySmoothing(dataset, 'pop');
    // As in smoothShares' hand-computed case: 10, 20, 30, 40 % with n = 100 become 13, 21, 29, 37 %.
    (smoothed.values.vt as number[]).forEach((v, i) => expect(v).toBeCloseTo([13, 21, 29, 37][i], 6));
    expect(smoothed.rawValues).toEqual({ vt: [10, 20, 30, 40] });
    expect(smoothed.values.income).toBe(dataset.values.income);
  });
  it('applySmoothing(dataset, null) returns the dataset itself', () => {
    expect(applySmoothing(dataset, null)).toBe(dataset);
  });
});
