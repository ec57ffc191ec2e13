import { describe, expect, it } from 'vitest';
import { detectBoundaryFields } from '../../src/app/detectBoundaryFields';
import { EMPTY_STAGING, updateFields, type StagedBoundaries } from '../../src/app/staging';

const SECTORS = [
  { CD_SECTOR: '24107A00-', TX_SECTOR_DESCR_NL: 'TIENEN-CENTRUM', TX_SECTOR_DESCR_FR: 'TIENEN-CENTRUM', CD_MUNTY_REFNIS: '24107', TX_MUNTY_DESCR_NL: 'Tienen', TX_MUNTY_DESCR_FR: 'Tirlemont' },
  { CD_SECTOR: '24107A01-', TX_SECTOR_DESCR_NL: 'MOESPIK', TX_SECTOR_DESCR_FR: 'MOESPIK', CD_MUNTY_REFNIS: '24107', TX_MUNTY_DESCR_NL: 'Tienen', TX_MUNTY_DESCR_FR: 'Tirlemont' },
  { CD_SECTOR: '11002A00-', TX_SECTOR_DESCR_NL: 'CENTRUM', TX_SECTOR_DESCR_FR: 'CENTRE', CD_MUNTY_REFNIS: '11002', TX_MUNTY_DESCR_NL: 'Antwerpen', TX_MUNTY_DESCR_FR: 'Anvers' },
  { CD_SECTOR: '11002A01-', TX_SECTOR_DESCR_NL: 'SCHIPPERSKWARTIER', TX_SECTOR_DESCR_FR: 'SCHIPPERSKWARTIER', CD_MUNTY_REFNIS: '11002', TX_MUNTY_DESCR_NL: 'Antwerpen', TX_MUNTY_DESCR_FR: 'Anvers' },
];
const sectors = { propertyNames: Object.keys(SECTORS[0]), features: SECTORS.map((properties) => ({ properties })) };

describe('detectBoundaryFields', () => {
  it('detectBoundaryFields(Statbel sectors) takes TX_MUNTY_DESCR_FR for the French name of the TX_MUNTY_DESCR_NL district', () => {
    expect(detectBoundaryFields(sectors)).toEqual({
      key: 'CD_SECTOR',
      name: 'TX_SECTOR_DESCR_NL',
      nameFr: 'TX_SECTOR_DESCR_FR',
      district: 'TX_MUNTY_DESCR_NL',
      districtFr: 'TX_MUNTY_DESCR_FR',
      municipality: 'CD_MUNTY_REFNIS',
    });
  });

  it('detectBoundaryFields(boundaries with a district in one language) has no districtFr', () => {
    const features = [
      { properties: { code: 'W1', naam: 'Noord', wijk: 'Oost' } },
      { properties: { code: 'W2', naam: 'Zuid', wijk: 'Oost' } },
      { properties: { code: 'W3', naam: 'West', wijk: 'Oost' } },
    ];
    const fields = detectBoundaryFields({ propertyNames: ['code', 'naam', 'wijk'], features });
    expect(fields.district).toBe('wijk');
    expect(fields).not.toHaveProperty('districtFr');
  });

  it('updateFields(staging, { district }) brings the new district property French counterpart, or none', () => {
    const staged = { file: 's.geojson', boundaries: sectors, fields: { key: 'CD_SECTOR', name: null, district: null }, text: null } as unknown as StagedBoundaries;
    const staging = { ...EMPTY_STAGING, boundaries: staged };
    expect(updateFields(staging, { district: 'TX_MUNTY_DESCR_NL' }).boundaries?.fields.districtFr).toBe('TX_MUNTY_DESCR_FR');
    expect(updateFields(staging, { district: 'CD_MUNTY_REFNIS' }).boundaries?.fields.districtFr).toBeNull();
  });
});
