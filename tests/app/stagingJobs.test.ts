import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { chooseObject, chooseSheet, EMPTY_STAGING, stageFiles, type Staging, type StagingProgress } from '../../src/app/staging';
import { answerStagingRequest, filesJob, objectJob, sheetJob, type StagingJob } from '../../src/app/stagingJobs';
import { packStaging, unpackStaging } from '../../src/app/stagingPacking';
import { xlsx } from '../io/fixtureFiles';
import { square, TINY_WARDS, TINY_WARDS_GEOJSON } from './tinyCity';

const encode = (text: string) => new TextEncoder().encode(text);
const WARDS: FeatureCollection = { type: 'FeatureCollection', features: TINY_WARDS };

/** Runs a job as the page and the worker do: the request and the answer cross by structured clone, packed. */
async function runHere(job: StagingJob, staging: Staging, onProgress?: (p: StagingProgress) => void): Promise<Staging> {
  // Node's structuredClone drops a File's name and contents, which the browser's keeps: files go as they are.
  const request = job.request.kind === 'files' ? { ...job.request, context: structuredClone(job.request.context) } : structuredClone(job.request);
  const answer = await answerStagingRequest(request, onProgress);
  const { packed, transfer } = packStaging(answer);
  return job.update(await unpackStaging(structuredClone(packed, { transfer })))(staging);
}

const WORKBOOK = xlsx([
  { name: 'Wijken', rows: [['code', 'income'], ['W1', 100], ['W2', 200]] },
  { name: 'Gemeenten', rows: [['refnis', 'gmd'], ['11001', 60], ['11002', 70]] },
]);

describe('stagingJobs', () => {
  it('filesJob(files, context) answered and applied stages the File objects as stageFiles does, reading each with progress', async () => {
    const files = [new File([TINY_WARDS_GEOJSON], 'wards.geojson'), new File(['code,income\nW1,1\n'], 'income.csv')];
    const job = filesJob(files, { wardCodes: null, prepared: null });
    expect(job.file).toBe('wards.geojson, income.csv');
    const seen: StagingProgress[] = [];
    const staged = await runHere(job, EMPTY_STAGING, (p) => seen.push(p));
    expect(TINY_WARDS_GEOJSON.length).toBe(512);
    const size = '512 B';
    // toMatchObject: each progress also carries its stage as a key and values, for the interface to translate.
    expect(seen).toMatchObject([
      { stage: `Reading wards.geojson (${size})`, key: 'reading', values: { file: 'wards.geojson', size }, fraction: 0 },
      { stage: `Reading wards.geojson (${size})`, fraction: 1 },
      { stage: 'Reading income.csv (17 B)', fraction: 0 },
      { stage: 'Reading income.csv (17 B)', fraction: 1 },
      { stage: 'Parsing wards.geojson', key: 'parsing', values: { file: 'wards.geojson' }, fraction: null },
      { stage: 'Reading table income.csv', key: 'readingTable', values: { file: 'income.csv' }, fraction: 0 },
    ]);
    const direct = await stageFiles(EMPTY_STAGING, [{ name: 'wards.geojson', bytes: encode(TINY_WARDS_GEOJSON) }, { name: 'income.csv', bytes: encode('code,income\nW1,1\n') }], null);
    expect(staged).toEqual(direct);
  });

  it('sheetJob(staging, file, sheet) sends the table without rows, and its update reads the sheet as chooseSheet does', async () => {
    const staging = await stageFiles(EMPTY_STAGING, [{ name: 'book.xlsx', bytes: WORKBOOK }], null);
    expect(staging.tables[0].sheets).toEqual(['Wijken', 'Gemeenten']);
    const job = sheetJob(staging, 'book.xlsx', 'Gemeenten');
    expect(job.request.kind === 'sheet' && job.request.staging.tables[0].source.rows).toEqual([]);
    const seen: string[] = [];
    const chosen = await runHere(job, staging, (p) => seen.push(p.stage));
    expect(seen).toEqual(['Reading sheet Gemeenten of book.xlsx']);
    expect(chosen).toEqual(await chooseSheet(staging, 'book.xlsx', 'Gemeenten'));
    expect(chosen.tables[0].source.rows).toEqual([['11001', '60'], ['11002', '70']]);
    // The staging the job was made from is whole: its bytes were copied, not moved.
    expect(staging.tables[0].bytes?.byteLength).toBe(WORKBOOK.byteLength);
    expect(staging.tables[0].source.rows).toHaveLength(2);
  });

  it('sheetJob(staging, file, missing sheet) leaves the staged table as it was and adds the problem', async () => {
    const staging = await stageFiles(EMPTY_STAGING, [{ name: 'book.xlsx', bytes: WORKBOOK }], null);
    const chosen = await runHere(sheetJob(staging, 'book.xlsx', 'Nope'), staging);
    expect(chosen.tables).toEqual(staging.tables);
    expect(chosen.problems.length).toBeGreaterThan(staging.problems.length);
    expect(chosen.problems.at(-1)).toMatchObject({ file: 'book.xlsx', severity: 'error' });
  });

  it('objectJob(staging, object) sends the boundaries without features, and its update reads the object as chooseObject does, keeping the text', async () => {
    const city: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'C' }, geometry: square(0, 0) }] };
    const text = JSON.stringify(topology({ wards: WARDS, city }));
    const staging = await stageFiles(EMPTY_STAGING, [{ name: 'city.topojson', bytes: encode(text) }], null);
    expect(staging.boundaries?.boundaries.objectName).toBe('wards');
    const job = objectJob(staging, 'city');
    expect(job.file).toBe('city.topojson');
    expect(job.request.kind === 'object' && job.request.staging.boundaries?.boundaries.features).toEqual([]);
    const seen: string[] = [];
    const chosen = await runHere(job, staging, (p) => seen.push(p.stage));
    expect(seen).toEqual(['Reading object city of city.topojson']);
    expect(chosen).toEqual(chooseObject(staging, 'city'));
    expect(chosen.boundaries?.boundaries.features.map((f) => f.properties?.code)).toEqual(['C']);
    expect(chosen.boundaries?.text).toBe(staging.boundaries?.text);
    expect((await answerStagingRequest(job.request)).boundaries?.text).toBeNull();
  });

  it('objectJob(staging, missing object) leaves the staged boundaries as they were and adds the problem', async () => {
    const text = JSON.stringify(topology({ wards: WARDS }));
    const staging = await stageFiles(EMPTY_STAGING, [{ name: 'city.topojson', bytes: encode(text) }], null);
    const chosen = await runHere(objectJob(staging, 'nope'), staging);
    expect(chosen.boundaries).toBe(staging.boundaries);
    expect(chosen.problems.map((p) => [p.file, p.severity])).toEqual([['city.topojson', 'error']]);
  });
});
