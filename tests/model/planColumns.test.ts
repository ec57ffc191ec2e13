import { describe, expect, it } from 'vitest';
import { createDataset } from '../../src/model/createDataset';
import { planColumns } from '../../src/model/planColumns';
import { vulnerablePersons } from '../../src/model/vulnerablePersons';

const dataset = createDataset({
  name: 'd',
  features: ['W1', 'W2', 'W3'].map((code) => ({ type: 'Feature' as const, properties: { code }, geometry: null })),
  fields: { key: 'code', name: null, district: null },
  tables: [],
  catalogue: [],
});

describe('planColumns', () => {
  it('planColumns(dataset, parts) writes workload, team with its base ward, ring, distance and notes per ward', () => {
    const columns = planColumns(dataset, {
      workload: { interventions: [12.345, null, 3], fte: [0.0308625, null, 0.0076] },
      plan: {
        teams: [{ id: 1, base: 2, wards: [2, 0], fte: 2, capacity: 800, workload: 15.3, peopleReached: 153 }],
        unassignedFte: 0,
        teamOf: [1, null, 1],
        coveredShare: 0.9,
      },
      expansion: { ring: [null, 1, 2], distanceKm: [null, 0.4567, 1.2], bordersTeam: [null, 'Team A', 'Team A'] },
      notes: [null, 'market on Tuesdays', null],
    });
    expect(Object.fromEntries(columns.map((c) => [c.header, c.values]))).toEqual({
      workload_interventions: [12.3, null, 3],
      workload_fte: [0.031, null, 0.008],
      team: [1, null, 1],
      team_base: ['W3', null, 'W3'],
      expansion_ring: [null, 1, 2],
      distance_km: [null, 0.46, 1.2],
      borders_team: [null, 'Team A', 'Team A'],
      workability_note: [null, 'market on Tuesdays', null],
    });
  });
  it('planColumns(dataset, {}) adds nothing', () => {
    expect(planColumns(dataset, {})).toEqual([]);
  });
});

describe('vulnerablePersons', () => {
  it('vulnerablePersons(values) takes the column, else VT share x population, else null', () => {
    expect(vulnerablePersons({ vulnerable_persons: [5, null] })).toEqual([5, null]);
    expect(vulnerablePersons({ vt_share: [25, null, 10], population: [1000, 50, null] })).toEqual([250, null, null]);
    expect(vulnerablePersons({ income: [1] })).toBeNull();
  });
});
