import { describe, expect, it } from 'vitest';
import catalogueJson from '../../data/indicators.json';
import { parseCatalogue } from '../../src/io/parseCatalogue';
import { createDataset } from '../../src/model/createDataset';
import { withFieldColumns } from '../../src/model/withFieldColumns';

const catalogue = parseCatalogue(catalogueJson, 'indicators.json').data!;
const dataset = createDataset({
  name: 'd',
  features: ['A1', 'A2-', 'A3'].map((code) => ({ type: 'Feature' as const, properties: { code }, geometry: null })),
  fields: { key: 'code', name: null, district: null },
  tables: [],
  catalogue,
});

describe('withFieldColumns', () => {
  it('withFieldColumns(dataset, workability, requests) adds both field indicators aligned with the wards', () => {
    const result = withFieldColumns(dataset, new Map([['A2', 4], ['A3', 1]]), [0, 3, 0], catalogue);
    expect(result.values.workability).toEqual([null, 4, 1]);
    expect(result.values.help_requests).toEqual([0, 3, 0]);
    expect(result.indicators.map((d) => [d.id, d.direction, d.defaultWeight])).toEqual([
      ['workability', 'high', 0],
      ['help_requests', 'high', 0],
    ]);
  });
  it('withFieldColumns(dataset, nothing entered) still has both indicators, empty', () => {
    const result = withFieldColumns(dataset, new Map(), null, catalogue);
    expect(result.values).toEqual({ workability: [null, null, null], help_requests: [null, null, null] });
  });
});
