import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaMatchSchema,
  formatAreaMatches,
  groupAreasByCity,
  matchOf,
  parseAreaMatches,
  parseCurrentAreas,
  withoutSector,
  withSector,
  type AreaMatch,
  type CurrentArea,
} from '../../src/io/areaMatches';
import { normaliseCode } from '../../src/model/normaliseCode';
import { sharedData } from './sharedData';

const REPO_AREAS = readFileSync(new URL('../../data/chw-current-areas.csv', import.meta.url), 'utf8');

const SLEDDERLO: CurrentArea = { city: 'Genk', municipality: '71016', area: 'Sledderlo' };
const GENT: CurrentArea = { city: 'Gent', municipality: '44021', area: '(city-wide, low-threshold meeting places)' };
const MATCHES: AreaMatch[] = [
  { ...SLEDDERLO, sectorCodes: ['71016C10-', '71016C11-'] },
  { city: 'Brussel/Bruxelles', municipality: '21004', area: 'Laken: Houba', sectorCodes: ['21004E8MJ'] },
  { ...GENT, sectorCodes: [] },
  { city: 'Liège', municipality: null, area: 'Saint-Léonard; "haut"', sectorCodes: ['62063A71-'] },
];

describe('parseCurrentAreas', () => {
  it('parseCurrentAreas(text) reads the shipped data/chw-current-areas.csv: 95 areas, no problems', () => {
    const { data, problems } = parseCurrentAreas(REPO_AREAS, 'chw-current-areas.csv');
    expect(problems).toEqual([]);
    expect(data).toHaveLength(95);
    expect(data![0]).toEqual(SLEDDERLO);
    expect(data).toContainEqual(GENT);
    expect(data).toContainEqual({ city: 'Tienen', municipality: '24107', area: '(city-wide, outreach from drop-in centres)' });
    expect(data).toContainEqual({ city: 'Brussel/Bruxelles', municipality: '21004', area: 'Neder-Over-Heembeek: Versailles' });
  });

  const shared = sharedData('chw-current-areas.csv');
  it.skipIf(shared.skip)(`parseCurrentAreas(text) keeps the programme's names exactly as in ../shared/data${shared.note}`, () => {
    // The shared file leaves commas unquoted in the last column; split each line on its first two commas.
    const lines = shared.read().split(/\r?\n/).filter((l) => l !== '').slice(1);
    const expected = lines.map((line) => {
      const [city, municipality] = line.split(',', 2);
      return { city, municipality, area: line.slice(city.length + municipality.length + 2) };
    });
    expect(parseCurrentAreas(REPO_AREAS, 'x').data).toEqual(expected);
  });

  it.skipIf(shared.skip)(`parseCurrentAreas(text) reads the shared file's unquoted commas with a warning per row${shared.note}`, () => {
    const { data, problems } = parseCurrentAreas(shared.read(), 'shared.csv');
    expect(data).toHaveLength(95);
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [92, 'warning'],
      [93, 'warning'],
    ]);
    expect(problems[0].message).toContain('extra fields ignored');
  });

  it('parseCurrentAreas(text) finds columns without case and in any order, with ; and a BOM', () => {
    const text = '\uFEFFArea;City;Municipality_NIS\r\nSledderlo;Genk;71016\r\nCentrum;Jette;\r\n';
    const { data, problems } = parseCurrentAreas(text, 'f.csv');
    expect(problems).toEqual([]);
    expect(data).toEqual([SLEDDERLO, { city: 'Jette', municipality: null, area: 'Centrum' }]);
  });

  it('parseCurrentAreas(text) reports a missing column and reads nothing', () => {
    const { data, problems } = parseCurrentAreas('city,nis\nGenk,71016\n', 'f.csv');
    expect(data).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ file: 'f.csv', row: 0, column: 'area', severity: 'error', message: expect.stringContaining('missing column "area"') }),
    ]);
    expect(problems[0]).toMatchObject({ key: 'columnsMissing', values: { count: 1, missing: '"area"', columns: '"city", "nis"' } });
  });

  it('parseCurrentAreas(text) drops rows without a city or a name, with the row and column', () => {
    const text = 'city,municipality_nis,area\nGenk,71016,Sledderlo\nGenk,71016,  \n,71016,Stalen\n';
    const { data, problems } = parseCurrentAreas(text, 'f.csv');
    expect(data).toEqual([SLEDDERLO]);
    expect(problems).toEqual([
      {
        file: 'f.csv',
        row: 2,
        column: 'area',
        message: 'empty area name; row dropped',
        severity: 'error',
        key: 'rowDropped',
        values: { reason: { key: 'areaNameEmpty' } },
      },
      {
        file: 'f.csv',
        row: 3,
        column: 'city',
        message: 'empty city; row dropped',
        severity: 'error',
        key: 'rowDropped',
        values: { reason: { key: 'cityEmpty' } },
      },
    ]);
  });

  it('parseCurrentAreas(text) reads a malformed NIS code as unknown and a repeated area once, with warnings', () => {
    const text = 'city,municipality_nis,area\nGenk,7101,Sledderlo\nGenk,71016,Sledderlo\n';
    const { data, problems } = parseCurrentAreas(text, 'f.csv');
    expect(data).toEqual([{ ...SLEDDERLO, municipality: null }]);
    expect(problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [1, 'municipality_nis', 'warning'],
      [2, 'area', 'warning'],
    ]);
    expect(problems).toMatchObject([
      { message: '"7101": municipality_nis must be a 5-digit NIS code; read as unknown', key: 'nisInvalid', values: { text: '7101' } },
      { message: '"Sledderlo" in Genk is listed twice (first on row 1); read once', key: 'areaRepeated', values: { area: 'Sledderlo', city: 'Genk', row: 1 } },
    ]);
  });

  it('parseCurrentAreas(text) passes on what parseCsv finds wrong with the file', () => {
    expect(parseCurrentAreas('', 'f.csv')).toEqual({ data: null, problems: [expect.objectContaining({ message: expect.stringMatching(/^empty file: /) })] });
    const { data } = parseCurrentAreas('city,municipality_nis,area\n,,\n', 'f.csv');
    expect(data).toBeNull();
  });
});

describe('formatAreaMatches', () => {
  it('formatAreaMatches(matches, "csv") writes a row per area and sector, and one with an empty code for an area without', () => {
    expect(formatAreaMatches(MATCHES.slice(0, 3), 'csv')).toBe(
      [
        'city,municipality_nis,area,sector_code',
        'Genk,71016,Sledderlo,71016C10-',
        'Genk,71016,Sledderlo,71016C11-',
        'Brussel/Bruxelles,21004,Laken: Houba,21004E8MJ',
        'Gent,44021,"(city-wide, low-threshold meeting places)",',
        '',
      ].join('\n'),
    );
  });

  it('formatAreaMatches(matches, "excel-be", {sectorName}) writes a BOM, ; and CRLF, with the sector names', () => {
    const names: Record<string, string> = { '71016C10-': 'OUD SLEDDERLO' };
    const text = formatAreaMatches(MATCHES.slice(0, 1), 'excel-be', { sectorName: (code) => names[code] ?? null });
    expect(text).toBe(
      '\uFEFFcity;municipality_nis;area;sector_code;sector_name\r\n' +
        'Genk;71016;Sledderlo;71016C10-;OUD SLEDDERLO\r\n' +
        'Genk;71016;Sledderlo;71016C11-;\r\n',
    );
  });

  it('formatAreaMatches(…) defuses names a spreadsheet would run as a formula', () => {
    const text = formatAreaMatches([{ city: '=cmd', municipality: null, area: '-x', sectorCodes: [] }], 'csv');
    expect(text.split('\n')[1]).toBe("'=cmd,,'-x,");
  });
});

describe('parseAreaMatches', () => {
  it('parseAreaMatches(text) groups rows back by city and area, in file order', () => {
    const text = [
      'city,municipality_nis,area,sector_code,sector_name',
      'Genk,71016,Sledderlo,71016C10-,OUD SLEDDERLO',
      'Gent,44021,"(city-wide, low-threshold meeting places)",,',
      'Genk,71016,Sledderlo,71016C11-,NIEUW SLEDDERLO',
    ].join('\n');
    const { data, problems } = parseAreaMatches(text, 'm.csv');
    expect(problems).toEqual([]);
    expect(data).toEqual([
      { ...SLEDDERLO, sectorCodes: ['71016C10-', '71016C11-'] },
      { ...GENT, sectorCodes: [] },
    ]);
  });

  it('parseAreaMatches(text) keeps a code once when it repeats under normaliseCode, as first written', () => {
    const text = 'city,area,sector_code\nGenk,Sledderlo,71016c10-\nGenk,Sledderlo, 71016C10 \nGenk,Sledderlo,\n';
    const { data, problems } = parseAreaMatches(text, 'm.csv');
    expect(problems).toEqual([]);
    expect(data).toEqual([{ city: 'Genk', municipality: null, area: 'Sledderlo', sectorCodes: ['71016c10-'] }]);
    expect(normaliseCode(data![0].sectorCodes[0])).toBe('71016C10');
  });

  it('parseAreaMatches(text) needs city, area and sector_code columns', () => {
    const { data, problems } = parseAreaMatches('city,municipality_nis,area\nGenk,71016,Sledderlo\n', 'm.csv');
    expect(data).toBeNull();
    expect(problems[0]).toMatchObject({ row: 0, column: 'sector_code', severity: 'error' });
  });

  it('parseAreaMatches(text) and parseCurrentAreas(text) give no data when no row has a city and an area', () => {
    const matches = parseAreaMatches('city,municipality_nis,area,sector_code\nGenk,71016,,A\n', 'm.csv');
    expect(matches.data).toBeNull();
    expect(matches.problems.at(-1)).toMatchObject({ message: 'no matches: no row has a city and an area', key: 'areaMatchesNone', row: null });
    const areas = parseCurrentAreas('city,municipality_nis,area\n,71016,Stalen\n', 'f.csv');
    expect(areas.data).toBeNull();
    expect(areas.problems.at(-1)).toMatchObject({ message: 'no areas with a city and a name', key: 'areasNone', row: null });
  });

  it('parseAreaMatches(text) drops rows without a name and warns when one area has two municipalities', () => {
    const text = 'city,municipality_nis,area,sector_code\nGenk,71016,Sledderlo,A\nGenk,71017,Sledderlo,B\nGenk,71016,,C\n';
    const { data, problems } = parseAreaMatches(text, 'm.csv');
    expect(data).toEqual([{ ...SLEDDERLO, sectorCodes: ['A', 'B'] }]);
    expect(problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'municipality_nis', 'warning'],
      [3, 'area', 'error'],
    ]);
    expect(problems[0]).toMatchObject({
      message: 'municipality 71017 differs from 71016 on row 1 for the same area; the first is kept',
      key: 'areaMunicipalityDiffers',
      values: { municipality: '71017', first: '71016', row: 1 },
    });
  });

  it('parseAreaMatches(text) gives matches that areaMatchSchema accepts', () => {
    const { data } = parseAreaMatches(formatAreaMatches(MATCHES, 'csv'), 'm.csv');
    for (const m of data!) expect(areaMatchSchema.safeParse(m).success).toBe(true);
  });
});

describe('formatAreaMatches and parseAreaMatches round trip', () => {
  it.each(['csv', 'excel-be'] as const)('parseAreaMatches(formatAreaMatches(matches, "%s")) gives the matches back', (format) => {
    const { data, problems } = parseAreaMatches(formatAreaMatches(MATCHES, format, { sectorName: () => 'X' }), 'm.csv');
    expect(problems).toEqual([]);
    expect(data).toEqual(MATCHES);
  });

  // Names as users type them: trimmed, not empty, anything inside (separators, quotes, line breaks, "=…").
  const name = fc
    .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '=', '-', '#', "'", 'Z', '(', ':') })
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^'[=+\-@\t\r]/.test(s));
  const code = fc.stringMatching(/^[0-9]{5}[A-Z][0-9A-Z]{2}[0-9-]$/);
  const matchArb = fc.record({
    city: name,
    municipality: fc.option(fc.stringMatching(/^[0-9]{5}$/), { nil: null }),
    area: name,
    sectorCodes: fc.uniqueArray(code, { maxLength: 4, selector: normaliseCode }),
  });
  const matchesArb = fc.uniqueArray(matchArb, { minLength: 1, maxLength: 6, selector: (m) => `${m.city}\u0000${m.area}` });

  it.each(['csv', 'excel-be'] as const)('parseAreaMatches(formatAreaMatches(m, "%s")) equals m for any matches', (format) => {
    fc.assert(
      fc.property(matchesArb, (matches) => {
        const { data, problems } = parseAreaMatches(formatAreaMatches(matches, format), 'm.csv');
        expect(problems).toEqual([]);
        expect(data).toEqual(matches);
      }),
      { numRuns: 200 },
    );
  });
});

describe('editing matches', () => {
  it('withSector(matches, area, code) adds the code, and the area when it is new', () => {
    const one = withSector([], SLEDDERLO, '71016C10-');
    expect(one).toEqual([{ ...SLEDDERLO, sectorCodes: ['71016C10-'] }]);
    const two = withSector(one, SLEDDERLO, '71016C11-');
    expect(two).toEqual([{ ...SLEDDERLO, sectorCodes: ['71016C10-', '71016C11-'] }]);
    expect(withSector(two, SLEDDERLO, '71016c10')).toEqual(two);
    expect(one[0].sectorCodes).toEqual(['71016C10-']);
  });

  it('withoutSector(matches, area, code) removes the code (compared with normaliseCode) and keeps the area', () => {
    const removed = withoutSector(MATCHES, SLEDDERLO, '71016c10');
    expect(matchOf(removed, SLEDDERLO)?.sectorCodes).toEqual(['71016C11-']);
    expect(withoutSector(removed, SLEDDERLO, '71016C11-')[0].sectorCodes).toEqual([]);
    expect(removed.slice(1)).toEqual(MATCHES.slice(1));
  });

  it('matchOf(matches, area) finds the match by city and name, or null', () => {
    expect(matchOf(MATCHES, { city: 'Gent', area: GENT.area })?.sectorCodes).toEqual([]);
    expect(matchOf(MATCHES, { city: 'Jette', area: 'Sledderlo' })).toBeNull();
  });

  it('groupAreasByCity(areas) keeps cities and areas in the order they first appear', () => {
    const areas = parseCurrentAreas(REPO_AREAS, 'x').data!;
    const groups = groupAreasByCity(areas);
    expect(groups[0].city).toBe('Genk');
    expect(groups.reduce((n, g) => n + g.areas.length, 0)).toBe(95);
    const verviers = groups.find((g) => g.city === 'Verviers')!;
    expect(verviers.areas[0].area).toBe('Abattoir Charrons');
    expect(verviers.areas.map((a) => a.area)).toContain('Pisseroule');
    expect(new Set(groups.map((g) => g.city)).size).toBe(groups.length);
  });
});
