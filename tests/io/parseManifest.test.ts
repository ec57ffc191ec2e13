import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/io/parseManifest';

const manifest = {
  format: 'chw-planner-dataset',
  version: 1,
  name: 'Tienen',
  attribution: '© Statbel (CC BY 4.0)',
  createdAt: '2026-11-23T10:00:00.000Z',
  boundaries: {
    file: 'boundaries.topojson',
    object: 'wards',
    key: 'CD_SECTOR',
    name: 'TX_SECTOR_DESCR_NL',
    nameFr: 'TX_SECTOR_DESCR_FR',
    district: 'TX_MUNTY_DESCR_NL',
    municipality: 'CD_MUNTY_REFNIS',
  },
  indicators: [
    { file: 'indicators.csv', key: 'CD_SECTOR', level: 'ward' },
    { file: 'municipality-indicators.csv', key: 'CD_MUNTY_REFNIS', level: 'municipality' },
  ],
  catalogue: 'catalogue.json',
  sources: [
    { file: 'tienen.geojson', kind: 'boundaries', level: null, key: 'CD_SECTOR', rows: 61, matched: 61, year: null, sheet: null },
    { file: 'TF_PSNL_INC_TAX_MUNTY.xlsx', kind: 'indicators', level: 'municipality', key: 'CD_MUNTY_REFNIS', rows: 581, matched: 1, year: 2020, sheet: 'TF_PSNL_INC_TAX_MUNTY' },
  ],
};

const text = (value: unknown) => JSON.stringify(value);
const messages = (value: unknown) => parseManifest(text(value), 'dataset.json').problems.map((p) => p.message);
const keyed = (value: unknown) => parseManifest(text(value), 'dataset.json').problems.map((p) => ({ key: p.key, values: p.values }));

describe('parseManifest', () => {
  it('parseManifest(text, file) reads a valid manifest, BOM or not', () => {
    expect(parseManifest(text(manifest), 'dataset.json')).toEqual({ data: manifest, problems: [] });
    expect(parseManifest(`\uFEFF${text(manifest)}`, 'dataset.json').data?.boundaries.key).toBe('CD_SECTOR');
  });

  it('parseManifest(text, file) accepts a dataset without indicators and without names', () => {
    const bare = { ...manifest, attribution: null, indicators: [], boundaries: { ...manifest.boundaries, name: null, nameFr: null, district: null, municipality: null } };
    expect(parseManifest(text(bare), 'dataset.json').problems).toEqual([]);
  });

  it('parseManifest(text, file) tells another JSON file from a manifest by its format', () => {
    expect(messages({ type: 'FeatureCollection', features: [] })).toEqual([
      'not a dataset manifest: no "format" member (expected "chw-planner-dataset")',
    ]);
    expect(messages({ ...manifest, format: 'something-else' })).toEqual([
      'not a dataset manifest: "format" is "something-else", expected "chw-planner-dataset"',
    ]);
    expect(messages([manifest])).toEqual(['not a dataset manifest: expected a JSON object']);
    expect(keyed({ type: 'FeatureCollection' })).toEqual([{ key: 'manifestNoFormat', values: { format: 'chw-planner-dataset' } }]);
    expect(keyed({ ...manifest, format: 'something-else' })).toEqual([
      { key: 'manifestWrongFormat', values: { found: '"something-else"', format: 'chw-planner-dataset' } },
    ]);
    expect(keyed([manifest])).toEqual([{ key: 'manifestNotObject', values: {} }]);
  });

  it('parseManifest(text, file) refuses a newer version with advice, and a missing or odd one', () => {
    expect(messages({ ...manifest, version: 2 })).toEqual([
      'dataset format version 2 is newer than this app reads (version 1); update the app or prepare the dataset again',
    ]);
    const { version: _version, ...unversioned } = manifest;
    expect(messages(unversioned)).toEqual(['unsupported dataset format version null; expected 1']);
    expect(messages({ ...manifest, version: '1' })).toEqual(['unsupported dataset format version "1"; expected 1']);
    expect(keyed({ ...manifest, version: 2 })).toEqual([{ key: 'manifestNewer', values: { version: 2, supported: 1 } }]);
    expect(keyed({ ...manifest, version: '1' })).toEqual([{ key: 'manifestVersion', values: { version: '"1"', supported: 1 } }]);
  });

  it('parseManifest(text, file) names each missing or wrong field by its path', () => {
    const { catalogue: _catalogue, ...noCatalogue } = manifest;
    const { key: _key, ...noKey } = manifest.boundaries;
    const result = parseManifest(text({ ...noCatalogue, boundaries: noKey, indicators: [{ file: 'indicators.csv', key: 'CD_SECTOR', level: 'sector' }] }), 'dataset.json');
    expect(result.data).toBeNull();
    expect(result.problems.map((p) => [p.column, p.message])).toEqual([
      ['boundaries.key', 'missing field "boundaries.key"'],
      ['indicators[0].level', 'field "indicators[0].level": Invalid option: expected one of "ward"|"municipality"'],
      ['catalogue', 'missing field "catalogue"'],
    ]);
    expect(result.problems.map((p) => [p.key, p.values?.field])).toEqual([
      ['manifestFieldMissing', 'boundaries.key'],
      ['manifestFieldInvalid', 'indicators[0].level'],
      ['manifestFieldMissing', 'catalogue'],
    ]);
  });

  it('parseManifest(text, file) refuses file names with folders and a file named twice', () => {
    expect(messages({ ...manifest, catalogue: '../catalogue.json' })).toEqual([
      'field "catalogue": expected a plain file name, without folders',
    ]);
    expect(messages({ ...manifest, catalogue: 'indicators.csv' })).toEqual([
      'the manifest names the file "indicators.csv" for more than one part',
    ]);
    expect(keyed({ ...manifest, catalogue: 'indicators.csv' })).toEqual([{ key: 'manifestRepeatedFile', values: { file: 'indicators.csv' } }]);
  });

  it('parseManifest(text, file) reports an empty file and invalid JSON', () => {
    expect(parseManifest('  ', 'dataset.json').problems[0].message).toBe('empty file');
    expect(parseManifest('{"format": ', 'dataset.json').problems[0].message).toMatch(/^invalid JSON: /);
  });
});
