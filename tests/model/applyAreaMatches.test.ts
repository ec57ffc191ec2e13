import { describe, expect, it } from 'vitest';
import { applyAreaMatches } from '../../src/model/applyAreaMatches';
import { createDataset } from '../../src/model/createDataset';

const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const dataset = createDataset({
  name: 'd',
  features: ['71016A00-', '71016A01-', '71016B10-'].map((code, i) => ({ type: 'Feature' as const, properties: { code }, geometry: square(i) })),
  fields: { key: 'code', name: null, district: null },
  tables: [],
  catalogue: [],
  currentAreas: [{ code: '71016A00-', team: 'Team Genk' }],
});

describe('applyAreaMatches', () => {
  it('applyAreaMatches(dataset, matches) adds the matched sectors as current areas of the city, keeping existing teams', () => {
    const result = applyAreaMatches(dataset, [
      { city: 'Genk', area: 'Sledderlo', sectorCodes: ['71016B10', '71016A00', '99999Z99'] },
    ]);
    expect(result.currentAreas).toEqual([
      { index: 0, team: 'Team Genk' },
      { index: 2, team: 'CHW Genk' },
    ]);
    expect(dataset.currentAreas).toHaveLength(1);
  });
  it('applyAreaMatches(dataset, []) returns the dataset itself', () => {
    expect(applyAreaMatches(dataset, [])).toBe(dataset);
  });
});
