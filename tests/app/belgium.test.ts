import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/app/catalogue';
import { applyStaging, EMPTY_STAGING, stageFiles } from '../../src/app/staging';
import { sharedData } from '../io/sharedData';

const sectors = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
const households = sharedData('statbel-raw/TF_CAR_HH_SECTOR.txt');
const income = sharedData('statbel-raw/TF_PSNL_INC_TAX_MUNTY.xlsx');
const bytes = (file: ReturnType<typeof sharedData>) => {
  if (file.skip === false) file.read(); // on CI a missing file fails here with a clear message
  return new Uint8Array(readFileSync(file.path));
};

describe('the app\'s loading path on all of Belgium', () => {
  it.skipIf(sectors.skip || households.skip || income.skip)(
    `stageFiles + applyStaging(19,478 sectors, households per sector, income per municipality) joins each at its level${sectors.note}${households.note}${income.note}`,
    async () => {
      const staged = await stageFiles(
        EMPTY_STAGING,
        [
          { name: 'sectors_be_2021_wgs84.topojson', bytes: bytes(sectors) },
          { name: 'TF_CAR_HH_SECTOR.txt', bytes: bytes(households) },
          { name: 'TF_PSNL_INC_TAX_MUNTY.xlsx', bytes: bytes(income) },
        ],
        null,
      );
      expect(staged.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(staged.boundaries?.fields).toMatchObject({ key: 'CD_SECTOR', name: 'TX_SECTOR_DESCR_NL', municipality: 'CD_MUNTY_REFNIS' });
      const [hh, inc] = staged.tables;
      expect([hh.key, inc.key, inc.yearColumn, inc.year]).toEqual(['CD_STAT_SECTOR', 'CD_MUNTY_REFNIS', 'CD_YEAR', 2020]);

      const { dataset, problems } = applyStaging(staged, null, CATALOGUE);
      expect(dataset?.wards).toHaveLength(19_478);
      // Statbel's own files, opened as they are, carry Statbel's attribution.
      expect(dataset?.attribution).toBe('© Statbel (CC BY 4.0)');
      // The one sector without geometry (93022H032, Florennes) stays in the table, undrawn and reported.
      expect(dataset?.geometry.features).toHaveLength(19_477);
      expect(dataset?.wards.find((w) => w.code === '93022H032')?.name).toBe('BENNE BRULEE');
      expect(problems.map((p) => p.message)).toContain('1 ward(s) have no geometry: they are ranked but not drawn.');
      // Statbel's 2019 households cover all 2021 sectors but 377 (new or renumbered since).
      const [households2019, income2020] = dataset!.joinReports;
      expect([households2019.level, households2019.matched, households2019.wardsWithoutRow.length]).toEqual(['ward', 19_101, 377]);
      // Income is per municipality: every one of the 581 gets its value, on each of its sectors.
      expect([income2020.level, income2020.matched, income2020.wardCount]).toEqual(['municipality', 581, 581]);
      const tienen = dataset!.wards.filter((w) => w.municipality === '24107').map((w) => w.index);
      expect(tienen).toHaveLength(61);
      expect(new Set(tienen.map((i) => dataset!.values.MS_TOT_NET_TAXABLE_INC[i]))).toEqual(new Set([732273385.13]));
      expect(dataset!.indicators.find((d) => d.id === 'MS_TOT_NET_TAXABLE_INC')?.level).toBe('municipality');
      // The workbook's totals give the catalogue's income: Tienen 732,273,385.13 / 20,395 declarations = 35,905.
      const incomeDef = dataset!.indicators.find((d) => d.id === 'income');
      expect([incomeDef?.direction, incomeDef?.level]).toEqual(['low', 'municipality']);
      expect(dataset!.values.income[tienen[0]]).toBeCloseTo(35_904.8, 0);
      // Accents survive the round through TopoJSON and the decoder.
      expect(dataset!.wards.find((w) => w.code === '34002F0AA')?.name).toBe('SCHALIËNHOF');
      expect(dataset!.wards.find((w) => w.code === '63079B0AJ')?.name).toBe('CHÂTEAU DES MOINES');
    },
    120_000,
  );
});
