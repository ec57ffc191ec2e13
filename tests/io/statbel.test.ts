import { describe, expect, it } from 'vitest';
import { looksLikeStatbel, STATBEL_ATTRIBUTION, statbelAttribution } from '../../src/io/statbel';

describe('statbel', () => {
  it("knows Statbel's files by name or by their columns", () => {
    expect(looksLikeStatbel('TF_CAR_HH_SECTOR.txt', [])).toBe(true);
    expect(looksLikeStatbel('TU_COM_REFNIS.txt', [])).toBe(true);
    expect(looksLikeStatbel('sectors.geojson', ['cd_sector', 'TX_SECTOR_DESCR_NL'])).toBe(true);
    expect(looksLikeStatbel('wards.geojson', ['code', 'name', 'district'])).toBe(false);
  });

  it("gives Statbel's attribution when any file is Statbel's", () => {
    expect(STATBEL_ATTRIBUTION).toBe('© Statbel (CC BY 4.0)');
    expect(statbelAttribution([{ file: 'wards.geojson', columns: ['code'] }, { file: 'TF_CAR_HH_SECTOR.txt', columns: ['CD_STAT_SECTOR'] }])).toBe(STATBEL_ATTRIBUTION);
    expect(statbelAttribution([{ file: 'wards.geojson', columns: ['code'] }])).toBeNull();
  });
});
