import { describe, expect, it } from 'vitest';
import catalogue from '../../data/indicators.json';
import themes from '../../data/themes.json';
import { parseThemes } from '../../src/io/parseThemes';

describe('parseThemes', () => {
  it('parseThemes(json) accepts the shipped themes', () => {
    const { data, problems } = parseThemes(themes, 'themes.json');
    expect(problems).toEqual([]);
    expect(data?.map((t) => t.id)).toEqual([
      'find-gp',
      'gmd-campaign',
      'oral-health',
      'increased-reimbursement',
      'outreach',
      'income-support',
    ]);
  });
  it('parseThemes(json) refers only to catalogue indicators, apart from dental contacts that data may add', () => {
    const known = new Set(catalogue.map((d) => d.id));
    const used = (parseThemes(themes, 'themes.json').data ?? []).flatMap((t) => t.indicators.map((i) => i.id));
    expect(used.filter((id) => !known.has(id))).toEqual(['dental_contact_share']);
  });
  it('parseThemes(json) reports a bad direction, an empty indicator list and a repeated id, keeping the good entries', () => {
    const good = themes[0];
    const { data, problems } = parseThemes(
      [good, { ...good, id: 'x', indicators: [{ id: 'gmd_share', direction: 'up' }] }, { ...good, id: 'y', indicators: [] }, good],
      't.json',
    );
    expect(data?.map((t) => t.id)).toEqual(['find-gp']);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'indicators.0.direction'],
      [3, 'indicators'],
      [4, 'id'],
    ]);
  });
  it('parseThemes(json) refuses something that is not an array', () => {
    expect(parseThemes({}, 't.json')).toEqual({
      data: null,
      problems: [{ file: 't.json', row: null, column: null, message: 'expected a JSON array of themes', severity: 'error' }],
    });
  });
});
