import { describe, expect, it } from 'vitest';
import catalogue from '../../data/indicators.json';
import { parseCatalogue } from '../../src/io/parseCatalogue';

describe('parseCatalogue', () => {
  it('parseCatalogue(json) accepts the shipped catalogue with the documented directions', () => {
    const { data, problems } = parseCatalogue(catalogue, 'indicators.json');
    expect(problems).toEqual([]);
    const direction = Object.fromEntries((data ?? []).map((d) => [d.id, d.direction]));
    expect(direction).toEqual({
      income: 'low',
      gp_contact_share: 'low',
      gmd_share: 'low',
      gp_contacts_per_person: 'low',
      vt_share: 'high',
      vulnerable_persons: 'high',
      population: 'high',
      workability: 'high',
      help_requests: 'high',
    });
  });
  it('parseCatalogue(json) reports a bad direction and a repeated id, keeping the good entries', () => {
    const good = catalogue[0];
    const { data, problems } = parseCatalogue([good, { ...good, id: 'x', direction: 'up' }, good], 'c.json');
    expect(data?.map((d) => d.id)).toEqual(['income']);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'direction'],
      [3, 'id'],
    ]);
    expect(problems[0]).toMatchObject({ message: expect.stringMatching(/^indicator 2: /), key: 'catalogueInvalid', values: { number: 2 } });
    expect(problems[1]).toMatchObject({ message: 'indicator 3: id "income" is used twice', key: 'catalogueRepeatedId', values: { number: 3, id: 'income' } });
  });
  it('parseCatalogue(json) refuses something that is not an array', () => {
    expect(parseCatalogue({}, 'c.json')).toEqual({
      data: null,
      problems: [{ file: 'c.json', row: null, column: null, message: 'expected a JSON array of indicators', severity: 'error', key: 'catalogueNotArray', values: {} }],
    });
  });
});
