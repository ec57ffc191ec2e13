import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/app/catalogue';
import {
  applyStaging,
  describeJoin,
  EMPTY_STAGING,
  formatSize,
  isBoundaryText,
  mergeStaging,
  previewMatches,
  readRawFile,
  shareColumns,
  stagedWardCodes,
  stageFiles,
  stageNewFiles,
  type Staging,
  type StagingProgress,
} from '../../src/app/staging';
import type { Dataset } from '../../src/model/createDataset';
import type { CsvTable } from '../../src/io/parseCsv';
import type { JoinReport } from '../../src/model/joinToWards';
import { square, tinyCity, TINY_WARDS_GEOJSON } from './tinyCity';
import { translator } from '../../src/i18n/translator';
import { messageText, type Problem } from '../../src/io/problem';

/** A problem's message as the problems list writes it in another language. */
function written(p: Problem, language: 'fr' | 'nl'): string {
  const t = translator(language);
  return p.key ? messageText(p.key, p.values ?? {}, (key, values) => t(`problems.messages.${key}`, values)) : p.message;
}

const BOUNDARIES = { name: 'wards.geojson', text: TINY_WARDS_GEOJSON };
// W3 has no row; W4 matches no ward.
const INCOME = { name: 'income.csv', text: 'code,income,vt_share\nW1,20000,10\nW2,30000,20\nW4,25000,15\n' };
const GMD = { name: 'gmd.csv', text: 'wijk;gmd\nW1;60,5\nW2;70\nW3;80\n' };

/** Files given as text, as the browser hands them over: bytes. */
function raw(files: { name: string; text: string }[]) {
  return files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }));
}

/** Stages files given as text, their tables joining to the staged boundaries or else the dataset's wards. */
function stage(staging: Staging, files: { name: string; text: string }[], dataset: Dataset | null): Promise<Staging> {
  return stageFiles(staging, raw(files), stagedWardCodes(staging, dataset));
}

describe('isBoundaryText', () => {
  it('isBoundaryText(name, text) is true for .geojson, .topojson and .json names and for text starting with "{"', () => {
    expect(isBoundaryText('a.GeoJSON', '')).toBe(true);
    expect(isBoundaryText('a.topojson', '')).toBe(true);
    expect(isBoundaryText('a.json', '')).toBe(true);
    expect(isBoundaryText('export', '  \n{"type":"Topology"}')).toBe(true);
    expect(isBoundaryText('a.csv', 'code,income\n')).toBe(false);
    expect(isBoundaryText('geojson.csv', 'code\n')).toBe(false);
  });
});

describe('stageFiles', () => {
  it('await stage(empty, [geojson, csv], null) stages the boundaries with their fields and the CSV with its key', async () => {
    const staged = await stage(EMPTY_STAGING, [INCOME, BOUNDARIES], null);
    expect(staged.problems).toEqual([]);
    expect(staged.boundaries?.file).toBe('wards.geojson');
    expect(staged.boundaries?.fields).toEqual({ key: 'code', name: 'name', district: 'district', municipality: null });
    expect(staged.boundaries?.boundaries.features).toHaveLength(3);
    expect(staged.tables.map((t) => [t.file, t.key])).toEqual([['income.csv', 'code']]);
    expect(staged.tables[0].source.columns).toEqual(['code', 'income', 'vt_share']);
  });

  it('await stage(staging, [csv], dataset) detects a key column by the codes it shares with the dataset wards', async () => {
    // "wijk" is no known key name; its values are the ward codes.
    const staged = await stage(EMPTY_STAGING, [{ name: 'x.csv', text: 'naam,wijk,gmd\nNoord,W1,60\nMidden,W2,70\n' }], tinyCity());
    expect(staged.tables.map((t) => t.key)).toEqual(['wijk']);
  });

  it('await stage(staging, [csv]) replaces a staged table of the same name and keeps the others', async () => {
    const first = await stage(EMPTY_STAGING, [INCOME, GMD], tinyCity());
    const second = await stage(first, [{ name: 'income.csv', text: 'code,income\nW3,1\n' }], tinyCity());
    expect(second.tables.map((t) => t.file)).toEqual(['gmd.csv', 'income.csv']);
    expect(second.tables[1].source.rows).toEqual([['W3', '1']]);
    expect(first.tables.map((t) => t.file)).toEqual(['income.csv', 'gmd.csv']);
  });

  it('await stage(staging, [broken json]) leaves the boundaries null and adds an error', async () => {
    const staged = await stage(EMPTY_STAGING, [{ name: 'wards.geojson', text: '{"type": "FeatureCollection", ' }], null);
    expect(staged.boundaries).toBeNull();
    expect(staged.tables).toEqual([]);
    expect(staged.problems).toHaveLength(1);
    expect(staged.problems[0]).toMatchObject({ file: 'wards.geojson', row: null, severity: 'error' });
    expect(staged.problems[0].message).toMatch(/^invalid JSON: /);
  });

  it('await stage(staging with boundaries, [broken json]) keeps the boundaries staged before', async () => {
    const good = await stage(EMPTY_STAGING, [BOUNDARIES], null);
    const after = await stage(good, [{ name: 'other.geojson', text: '{' }], null);
    expect(after.boundaries?.file).toBe('wards.geojson');
    expect(after.problems.map((p) => p.file)).toEqual(['other.geojson']);
  });
});

describe('stageFiles progress', () => {
  it('stageFiles(staging, [geojson, csv, csv], codes, onProgress) reports parsing the boundaries, then each table with the fraction of tables read', async () => {
    const seen: StagingProgress[] = [];
    const staged = await stageFiles(EMPTY_STAGING, raw([INCOME, BOUNDARIES, GMD]), null, (p) => seen.push(p));
    expect(seen).toMatchObject([
      { stage: 'Parsing wards.geojson', key: 'parsing', values: { file: 'wards.geojson' }, fraction: null },
      { stage: 'Reading table income.csv', fraction: 0 },
      { stage: 'Reading table gmd.csv', fraction: 0.5 },
    ]);
    expect(staged.tables.map((t) => [t.file, t.key])).toEqual([
      ['income.csv', 'code'],
      ['gmd.csv', 'wijk'],
    ]);
  });

  it('stageFiles(staging, [csv], codes) detects the key against the codes given when no boundaries come with it', async () => {
    const file = raw([{ name: 'x.csv', text: 'naam,wijk,gmd\nNoord,W1,60\nMidden,W2,70\n' }]);
    expect((await stageFiles(EMPTY_STAGING, file, ['W1', 'W2', 'W3'])).tables.map((t) => t.key)).toEqual(['wijk']);
    // Without codes, the first column of unique values is the best guess.
    expect((await stageFiles(EMPTY_STAGING, file, null)).tables.map((t) => t.key)).toEqual(['naam']);
  });

  it('stageFiles(staging, [broken json, csv], codes, onProgress) still reports every stage', async () => {
    const seen: string[] = [];
    await stageFiles(EMPTY_STAGING, raw([{ name: 'bad.geojson', text: '{' }, INCOME]), null, (p) => seen.push(p.stage));
    expect(seen).toEqual(['Parsing bad.geojson', 'Reading table income.csv']);
  });

  it('readRawFile(file, onProgress) reads the bytes, reporting "Reading <file> (size)" with the fraction read', async () => {
    const bytes = new Uint8Array(3_500_000).map((_, i) => i % 251);
    const chunks = [bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000, 3_000_000), bytes.subarray(3_000_000)];
    const file = {
      name: 'big.geojson',
      size: bytes.length,
      stream: () => new Blob(chunks).stream(),
    };
    const seen: StagingProgress[] = [];
    const read = await readRawFile(file, (p) => seen.push(p));
    expect(read.name).toBe('big.geojson');
    // Compared as a Buffer: a deep equality over 3.5 million elements takes seconds.
    expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(seen[0]).toEqual({ stage: 'Reading big.geojson (3.5 MB)', key: 'reading', values: { file: 'big.geojson', size: '3.5 MB', bytes: 3_500_000 }, fraction: 0 });
    expect(seen.at(-1)).toMatchObject({ stage: 'Reading big.geojson (3.5 MB)', fraction: 1 });
    const fractions = seen.map((p) => p.fraction as number);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(seen.map((p) => p.stage)).size).toBe(1);
  });

  it('readRawFile(File) reads a browser-style File, and an empty one reports 0 then nothing more', async () => {
    const seen: StagingProgress[] = [];
    expect((await readRawFile(new File(['code\nW1\n'], 'a.csv'), (p) => seen.push(p))).bytes).toEqual(new TextEncoder().encode('code\nW1\n'));
    expect(seen).toMatchObject([
      { stage: 'Reading a.csv (8 B)', fraction: 0 },
      { stage: 'Reading a.csv (8 B)', fraction: 1 },
    ]);
    expect((await readRawFile(new File([], 'empty.csv'))).bytes).toEqual(new Uint8Array(0));
  });

  it('readRawFile(file whose stream is longer than its size) rejects instead of writing past its buffer', async () => {
    const file = { name: 'grew.csv', size: 2, stream: () => new Blob(['abc']).stream() };
    await expect(readRawFile(file)).rejects.toThrow('grew.csv changed while it was read: open it again');
  });

  it('formatSize(bytes, language) writes French units and decimal commas where the language has them', () => {
    expect([512, 35_400, 4_230_000, 104_100_000].map((bytes) => formatSize(bytes, 'fr'))).toEqual(['512 o', '35 ko', '4,2 Mo', '104 Mo']);
    expect([512, 4_230_000].map((bytes) => formatSize(bytes, 'nl'))).toEqual(['512 B', '4,2 MB']);
  });

  it('formatSize(bytes) gives B, kB, one decimal of MB under 10 MB and whole MB above, never 1000 of a unit', () => {
    expect([0, 999, 1000, 35_400, 999_499, 999_600, 4_230_000, 9_949_999, 9_960_000, 104_100_000].map((bytes) => formatSize(bytes))).toEqual([
      '0 B',
      '999 B',
      '1 kB',
      '35 kB',
      '999 kB',
      '1.0 MB',
      '4.2 MB',
      '9.9 MB',
      '10 MB',
      '104 MB',
    ]);
  });
});

describe('mergeStaging', () => {
  it('mergeStaging(staging, stageNewFiles(files)) equals stageFiles(staging, files) and leaves the staging as it was', async () => {
    const first = await stage(EMPTY_STAGING, [BOUNDARIES, INCOME], null);
    const before = structuredClone(first);
    const added = await stageNewFiles(raw([{ name: 'income.csv', text: 'code,income\nW3,1\n' }, GMD]), {
      wardCodes: stagedWardCodes(first, null),
      prepared: first.prepared,
    });
    expect(added.boundaries).toBeNull();
    const merged = mergeStaging(first, added);
    expect(merged).toEqual(await stage(first, [{ name: 'income.csv', text: 'code,income\nW3,1\n' }, GMD], null));
    expect(merged.boundaries).toBe(first.boundaries);
    expect(merged.tables.map((t) => t.file)).toEqual(['income.csv', 'gmd.csv']);
    expect(merged.tables[0].source.rows).toEqual([['W3', '1']]);
    expect(first).toEqual(before);
  });

  it('mergeStaging(staging, added boundaries) replaces the staged boundaries and appends the problems', async () => {
    const first = await stage(EMPTY_STAGING, [BOUNDARIES, { name: 'bad.geojson', text: '{' }], null);
    const other = await stageNewFiles(raw([{ name: 'other.geojson', text: TINY_WARDS_GEOJSON }, { name: 'worse.geojson', text: '[' }]), {
      wardCodes: null,
      prepared: null,
    });
    const merged = mergeStaging(first, other);
    expect(merged.boundaries?.file).toBe('other.geojson');
    expect(merged.problems.map((p) => p.file)).toEqual(['bad.geojson', 'worse.geojson']);
  });
});

describe('stagedWardCodes', () => {
  it('stagedWardCodes(staging, dataset) prefers the staged boundaries over the loaded dataset', async () => {
    const other = await stage(
      EMPTY_STAGING,
      [
        {
          name: 'b.geojson',
          text: JSON.stringify({
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', properties: { code: 'X1' }, geometry: square(0, 0) },
              { type: 'Feature', properties: { code: 'X2' }, geometry: square(1, 0) },
            ],
          }),
        },
      ],
      null,
    );
    expect(stagedWardCodes(other, tinyCity())).toEqual(['X1', 'X2']);
    expect(stagedWardCodes(EMPTY_STAGING, tinyCity())).toEqual(['W1', 'W2', 'W3']);
    expect(stagedWardCodes(EMPTY_STAGING, null)).toEqual([]);
  });
});

describe('previewMatches', () => {
  it('previewMatches(csv, key, codes) counts the distinct codes that meet a ward, compared through normaliseCode', async () => {
    const csv = (await stage(EMPTY_STAGING, [{ name: 'p.csv', text: 'code,v\nw1,1\nW1 ,2\nW2-,3\nW9,4\n' }], null)).tables[0].source;
    expect(previewMatches(csv, 'code', ['W1', 'W2', 'W3'])).toEqual({ matched: 2, rows: 4, level: 'ward' });
  });

  it('previewMatches(csv, missing column, codes) matches nothing', async () => {
    const csv = (await stage(EMPTY_STAGING, [INCOME], null)).tables[0].source;
    expect(previewMatches(csv, 'nope', ['W1'])).toEqual({ matched: 0, rows: 3, level: 'ward' });
  });
});

describe('applyStaging', () => {
  it('applyStaging(boundaries + csv, null) replaces the dataset with the tables joined to the new wards', async () => {
    const staged = await stage(EMPTY_STAGING, [BOUNDARIES, INCOME], null);
    const { dataset, mode, problems } = applyStaging(staged, null, CATALOGUE);
    expect(mode).toBe('replace');
    expect(problems).toEqual([]);
    expect(dataset?.name).toBe('wards.geojson');
    expect(dataset?.wards.map((w) => [w.code, w.name, w.district])).toEqual([
      ['W1', 'Noord', 'Oost'],
      ['W2', 'Midden', 'Oost'],
      ['W3', 'Zuid', 'West'],
    ]);
    expect(dataset?.indicators.map((d) => d.id)).toEqual(['income', 'vt_share']);
    expect(dataset?.values).toEqual({ income: [20000, 30000, null], vt_share: [10, 20, null] });
    expect(dataset?.joinReports).toEqual([
      { file: 'income.csv', matched: 2, wardCount: 3, rowCount: 3, wardsWithoutRow: ['W3'], rowsWithoutWard: ['W4'], duplicateKeys: [], level: 'ward' },
    ]);
  });

  it('applyStaging(boundaries, old dataset) replaces even when a dataset is loaded', async () => {
    const old = tinyCity([{ file: 'old.csv', keys: ['W1'], values: { income: [1] } }]);
    const { dataset, mode } = applyStaging(await stage(EMPTY_STAGING, [BOUNDARIES], old), old, CATALOGUE);
    expect(mode).toBe('replace');
    expect(dataset?.indicators).toEqual([]);
    expect(dataset?.values).toEqual({});
  });

  it('applyStaging(csv, dataset) adds the new indicators to the loaded dataset', async () => {
    const loaded = tinyCity([{ file: 'old.csv', keys: ['W1', 'W2', 'W3'], values: { income: [1, 2, 3] } }]);
    const staged = await stage(EMPTY_STAGING, [GMD], loaded);
    expect(staged.tables[0].key).toBe('wijk');
    const { dataset, mode, problems } = applyStaging(staged, loaded, CATALOGUE);
    expect(mode).toBe('add');
    expect(problems).toEqual([]);
    expect(dataset?.indicators.map((d) => d.id)).toEqual(['income', 'gmd_share']);
    expect(dataset?.values).toEqual({ income: [1, 2, 3], gmd_share: [60.5, 70, 80] });
    expect(dataset?.joinReports.map((r) => [r.file, r.matched])).toEqual([
      ['old.csv', 3],
      ['gmd.csv', 3],
    ]);
    expect(loaded.indicators.map((d) => d.id)).toEqual(['income']);
  });

  it('applyStaging(csv, null) without boundaries or dataset gives no dataset and an error', async () => {
    const staged = await stage(EMPTY_STAGING, [INCOME], null);
    expect(applyStaging(staged, null, CATALOGUE)).toMatchObject({
      dataset: null,
      mode: 'add',
      problems: [
        {
          file: '(no boundaries)',
          source: 'noBoundaries',
          row: null,
          column: null,
          message: 'open a boundaries file (GeoJSON, TopoJSON or a zipped shapefile) first: indicator files join to its wards',
          severity: 'error',
        },
      ],
    });
  });

  it('applyStaging(csv without a key column, dataset) asks to choose the column and adds nothing', async () => {
    // No key name, no ward codes, no column with unique values.
    const staged = await stage(EMPTY_STAGING, [{ name: 'nokey.csv', text: 'a,b\n1,2\n1,2\n' }], tinyCity());
    expect(staged.tables.map((t) => t.key)).toEqual([null]);
    // Staging already says which columns were compared with which ward codes.
    expect(staged.problems.map((p) => p.message)).toEqual([
      'no column holds the area codes: none of "a", "b" has values like the ward codes (such as "W1", "W2"); nothing can be joined. Choose the column with the codes, or add one (CD_SECTOR, CD_REFNIS or code) to the file',
    ]);
    expect(applyStaging(staged, tinyCity(), CATALOGUE)).toMatchObject({
      dataset: null,
      mode: 'add',
      problems: [
        {
          file: 'nokey.csv',
          row: null,
          column: null,
          message: 'no ward code column is chosen: choose the column that holds the ward codes under "Ward code column"',
          severity: 'error',
        },
      ],
    });
  });

  it('applyStaging(boundaries without a code property) asks to choose the property and gives no dataset', async () => {
    // Both features share the same name and there is no code-like property.
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { label: 'x' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { label: 'x' }, geometry: square(1, 0) },
      ],
    });
    const staged = await stage(EMPTY_STAGING, [{ name: 'b.geojson', text }], null);
    expect(staged.boundaries?.fields.key).toBeNull();
    const result = applyStaging(staged, null, CATALOGUE);
    expect(result.dataset).toBeNull();
    expect(result.mode).toBe('replace');
    expect(result.problems.map((p) => [p.file, p.message, p.severity])).toEqual([
      ['b.geojson', 'choose the property that holds the ward codes', 'error'],
    ]);
  });

  it('applyStaging(boundaries with a repeated code) turns the dataset warnings into warning problems', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'A' }, geometry: square(0, 0) },
        { type: 'Feature', properties: { code: 'B' }, geometry: square(1, 0) },
        { type: 'Feature', properties: { code: 'A' }, geometry: square(2, 0) },
      ],
    });
    const staged = await stage(EMPTY_STAGING, [{ name: 'b.geojson', text }], null);
    expect(staged.boundaries?.fields.key).toBe('code');
    const result = applyStaging(staged, null, CATALOGUE);
    expect(result.dataset?.wards.map((w) => w.code)).toEqual(['A', 'B']);
    expect(result.problems).toEqual([
      {
        file: 'b.geojson',
        row: null,
        column: null,
        message: 'Ward code A appears more than once; the first feature is used.',
        severity: 'warning',
        key: 'wardCodeRepeated',
        values: { code: 'A' },
      },
    ]);
  });
});

describe('describeJoin', () => {
  const report = (over: Partial<JoinReport>): JoinReport => ({
    file: 'f.csv',
    matched: 3,
    wardCount: 3,
    rowCount: 3,
    wardsWithoutRow: [],
    rowsWithoutWard: [],
    duplicateKeys: [],
    ...over,
  });

  it('describeJoin(clean report) is an info line', () => {
    expect(describeJoin(report({}))).toEqual({
      file: 'f.csv',
      row: null,
      column: null,
      message: 'join: 3 of 3 wards matched a row',
      severity: 'info',
      key: 'joinReport',
      values: { matched: { key: 'joinReportMatched', values: { count: 3, total: 3 } }, withoutRow: '', withoutArea: '', repeated: '' },
    });
  });

  it('describeJoin(report) is written in French and Dutch from its key and values, counted as each language counts', () => {
    const p = describeJoin(report({ matched: 2, wardsWithoutRow: ['W3'], rowsWithoutWard: ['W4', 'W5'], duplicateKeys: ['W1'] }));
    expect(written(p, 'fr')).toBe(
      "jointure : 2 quartiers sur 3 ont trouvé une ligne ; 1 quartier n'a pas de ligne (W3) ; 2 codes ne correspondent à aucun quartier (W4, W5) ; 1 code est répété, la première ligne est utilisée (W1)",
    );
    expect(written(p, 'nl')).toBe(
      'koppeling: 2 van de 3 wijken kregen een rij; 1 wijk heeft geen rij (W3); 2 codes horen bij geen enkele wijk (W4, W5); 1 code komt meer dan eens voor, de eerste rij wordt gebruikt (W1)',
    );
    const missing = Array.from({ length: 11 }, (_, i) => `M${i + 1}`);
    const many = describeJoin(report({ matched: 0, wardCount: 11, wardsWithoutRow: missing }));
    expect(written(many, 'nl')).toBe('koppeling: 0 van de 11 wijken kregen een rij; 11 wijken hebben geen rij (M1, M2, M3, M4, M5, M6, M7, M8 en nog 3)');
    expect(written(many, 'fr')).toBe("jointure : 0 quartier sur 11 a trouvé une ligne ; 11 quartiers n'ont pas de ligne (M1, M2, M3, M4, M5, M6, M7, M8 et 3 autres)");
  });

  it('describeJoin(municipality report) counts municipalities, in English and in French', () => {
    const p = describeJoin(report({ level: 'municipality', matched: 1, wardCount: 2, wardsWithoutRow: ['11002'], rowsWithoutWard: ['99999'] }));
    expect(p.message).toBe('join (municipality level): 1 of 2 municipalities matched a row; 1 municipalities have no row (11002); 1 codes match no municipality (99999)');
    expect(p.key).toBe('joinReportMunicipal');
    expect(written(p, 'fr')).toBe(
      "jointure (au niveau des communes) : 1 commune sur 2 a trouvé une ligne ; 1 commune n'a pas de ligne (11002) ; 1 code ne correspond à aucune commune (99999)",
    );
  });

  it('describeJoin(report with gaps) lists wards without row, unknown codes and repeats as a warning', () => {
    const p = describeJoin(report({ matched: 2, wardsWithoutRow: ['W3'], rowsWithoutWard: ['W4', 'W5'], duplicateKeys: ['W1'] }));
    expect(p.severity).toBe('warning');
    expect(p.message).toBe(
      'join: 2 of 3 wards matched a row; 1 wards have no row (W3); 2 codes match no ward (W4, W5); 1 codes repeat, first row used (W1)',
    );
  });

  it('describeJoin(report) names at most 8 codes and counts the rest', () => {
    const missing = Array.from({ length: 11 }, (_, i) => `M${i + 1}`);
    const p = describeJoin(report({ matched: 0, wardCount: 11, wardsWithoutRow: missing }));
    expect(p.message).toBe('join: 0 of 11 wards matched a row; 11 wards have no row (M1, M2, M3, M4, M5, M6, M7, M8 and 3 more)');
    expect(p.severity).toBe('warning');
  });

  it('describeJoin(report with only repeated codes) is still a warning', () => {
    expect(describeJoin(report({ duplicateKeys: ['W2'] })).severity).toBe('warning');
  });
});

describe('shareColumns and shareChoices', () => {
  const fractions: CsvTable = {
    columns: ['code', 'vt_share', 'income'],
    rows: [
      ['W1', '0.35', '20000'],
      ['W2', '0.12', '30000'],
      ['W3', '0.5', '25000'],
    ],
    dialect: { delimiter: ',', decimal: '.', thousands: null, bom: false },
  };

  it('shareColumns(table, key, catalogue) guesses how each share column is written, and only share columns', () => {
    const shares = shareColumns(fractions, 'code', CATALOGUE);
    expect(shares.map((s) => [s.column, s.guess.scale])).toEqual([['vt_share', 'fraction']]);
    const percent = { ...fractions, rows: fractions.rows.map(([c, v, i]) => [c, String(Number(v) * 100), i]) };
    expect(shareColumns(percent, 'code', CATALOGUE)[0].guess.scale).toBe('percent');
  });

  it('applyStaging(staging) turns a fractions file into per cent, unless the user says it is per cent', async () => {
    const staging = await stage(EMPTY_STAGING, [{ name: 'vt.csv', text: 'code,vt_share\nW1,0.35\nW2,0.12\nW3,0.5\n' }], tinyCity());
    expect(staging.tables[0].key).toBe('code');
    const dataset = tinyCity();
    expect(applyStaging(staging, dataset, CATALOGUE).dataset?.values.vt_share).toEqual([35, 12, 50]);
    const told = { ...staging, tables: [{ ...staging.tables[0], shares: { vt_share: 'percent' as const } }] };
    expect(applyStaging(told, dataset, CATALOGUE).dataset?.values.vt_share).toEqual([0.35, 0.12, 0.5]);
  });
});
