import { describe, expect, it } from 'vitest';
import { detectWardFields, frenchNameOf } from '../../src/io/detectWardFields';
import { parseBoundaries } from '../../src/io/parseBoundaries';
import { sharedData } from './sharedData';

const wards = (list: Record<string, unknown>[]) => list.map((properties) => ({ properties }));

describe('detectWardFields', () => {
  it('detectWardFields(names, features) finds Statbel sector fields', () => {
    const features = wards([
      { CD_SECTOR: '24107A00-', TX_SECTOR_DESCR_NL: 'TIENEN-CENTRUM', TX_SECTOR_DESCR_FR: 'TIENEN-CENTRUM', CD_MUNTY_REFNIS: '24107', TX_MUNTY_DESCR_NL: 'Tienen', TX_MUNTY_DESCR_FR: 'Tirlemont' },
      { CD_SECTOR: '24107A01-', TX_SECTOR_DESCR_NL: 'MOESPIK', TX_SECTOR_DESCR_FR: 'MOESPIK', CD_MUNTY_REFNIS: '24107', TX_MUNTY_DESCR_NL: 'Tienen', TX_MUNTY_DESCR_FR: 'Tirlemont' },
    ]);
    expect(detectWardFields(Object.keys(features[0].properties), features)).toEqual({
      key: 'CD_SECTOR',
      name: 'TX_SECTOR_DESCR_NL',
      district: 'TX_MUNTY_DESCR_NL',
      municipality: 'CD_MUNTY_REFNIS',
      nameFr: 'TX_SECTOR_DESCR_FR',
    });
  });

  it('detectWardFields(names, features) reads a municipality file as municipalities without a district', () => {
    const features = wards([
      { CD_MUNTY_REFNIS: '11001', TX_MUNTY_DESCR_NL: 'Aartselaar', TX_MUNTY_DESCR_FR: 'Aartselaar', CD_PROV_REFNIS: '10000' },
      { CD_MUNTY_REFNIS: '11002', TX_MUNTY_DESCR_NL: 'Antwerpen', TX_MUNTY_DESCR_FR: 'Anvers', CD_PROV_REFNIS: '10000' },
    ]);
    expect(detectWardFields(Object.keys(features[0].properties), features)).toEqual({
      key: 'CD_MUNTY_REFNIS',
      name: 'TX_MUNTY_DESCR_NL',
      district: null,
      municipality: null,
      nameFr: 'TX_MUNTY_DESCR_FR',
    });
  });

  it('detectWardFields(names, features) skips an empty name property and falls back to unique values for the key', () => {
    // The shape of the Brussels monitoring districts: "name" is blank, "naam" is filled.
    const features = wards([
      { lau2: 83, name: '', naam: 'Conscience', tegemoetkoming: 29.45 },
      { lau2: 84, name: '', naam: 'Helmet', tegemoetkoming: 25.1 },
      { lau2: 85, name: '', naam: 'Paduwa', tegemoetkoming: 25.1 },
    ]);
    expect(detectWardFields(['lau2', 'name', 'naam', 'tegemoetkoming'], features)).toEqual({
      key: 'lau2',
      name: 'naam',
      district: null,
      municipality: null,
    });
  });

  it('detectWardFields(names, features) finds generic code, name and district properties', () => {
    const features = wards([
      { wijkcode: 'W1', naam: 'Noord', gemeente: 'Genk' },
      { wijkcode: 'W2', naam: 'Zuid', gemeente: 'Genk' },
      { wijkcode: 'W3', naam: 'Oost', gemeente: 'Hasselt' },
    ]);
    expect(detectWardFields(['wijkcode', 'naam', 'gemeente'], features)).toEqual({ key: 'wijkcode', name: 'naam', district: 'gemeente', municipality: null });
  });

  it('detectWardFields(names, features) returns nulls when nothing fits', () => {
    const features = wards([{ v: 1 }, { v: 1 }]);
    expect(detectWardFields(['v'], features)).toEqual({ key: null, name: null, district: null, municipality: null });
    expect(detectWardFields([], [])).toEqual({ key: null, name: null, district: null, municipality: null });
  });

  const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  it.skipIf(tienen.skip)(`detectWardFields(names, features) reads the Tienen fixture${tienen.note}`, () => {
    const boundaries = parseBoundaries(tienen.read(), 'tienen.geojson').data!;
    expect(boundaries.features).toHaveLength(61);
    expect(detectWardFields(boundaries.propertyNames, boundaries.features)).toEqual({
      key: 'CD_SECTOR',
      name: 'TX_SECTOR_DESCR_NL',
      district: 'TX_MUNTY_DESCR_NL',
      municipality: 'CD_MUNTY_REFNIS',
      nameFr: 'TX_SECTOR_DESCR_FR',
    });
  });
});

describe('frenchNameOf', () => {
  it('frenchNameOf(name, names, features) finds the FR counterpart of an NL name property', () => {
    const features = wards([
      { naam_nl: 'Zuidstation', naam_fr: 'Gare du Midi' },
      { naam_nl: 'Matonge', naam_fr: 'Matonge' },
    ]);
    expect(frenchNameOf('naam_nl', ['naam_nl', 'naam_fr'], features)).toBe('naam_fr');
    expect(frenchNameOf('naam', ['naam', 'naam_fr'], features)).toBeNull();
    expect(frenchNameOf(null, ['naam_fr'], features)).toBeNull();
  });

  it('frenchNameOf(name, names, features) ignores a French property that is mostly empty', () => {
    const features = wards([{ naam_nl: 'A', naam_fr: '' }, { naam_nl: 'B', naam_fr: '' }, { naam_nl: 'C', naam_fr: 'C' }]);
    expect(frenchNameOf('naam_nl', ['naam_nl', 'naam_fr'], features)).toBeNull();
  });
});
