import { describe, expect, it } from 'vitest';
import { EMPTY_STAGING, stageFiles, type Staging, type StagingProgress } from '../../src/app/staging';
import { packStaging, unpackStaging } from '../../src/app/stagingPacking';
import type { BoundaryFeature } from '../../src/io/parseBoundaries';
import { square } from './tinyCity';

const encode = (text: string) => new TextEncoder().encode(text);

/** A GeoJSON file of `n` unit squares in a row, W0 to W(n-1), inside WGS84's range. */
function row(n: number) {
  const features = Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { code: `W${i}` }, geometry: square((i % 90) - 45, Math.floor(i / 90)) }));
  return { name: 'w.geojson', bytes: encode(JSON.stringify({ type: 'FeatureCollection', features })) };
}

/** Wards with a hole, two parts, no geometry and ids; a ragged table with empty and non-ASCII cells. */
async function mixedStaging(): Promise<Staging> {
  const features: BoundaryFeature[] = [
    {
      type: 'Feature',
      id: 7,
      properties: { code: 'A', name: 'Liège' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
          [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]],
        ],
      },
    },
    { type: 'Feature', properties: { code: 'B', name: 'Zuid' }, geometry: { type: 'MultiPolygon', coordinates: [square(5, 0).coordinates, square(7.25, 0.5).coordinates] } },
    { type: 'Feature', id: 'c', properties: { code: 'C', name: null }, geometry: null },
  ];
  const geojson = JSON.stringify({ type: 'FeatureCollection', features });
  const csv = 'code;v;note\nA;1,5;é\nB;;\nC;3;"x;y"\n';
  return stageFiles(EMPTY_STAGING, [{ name: 'w.geojson', bytes: encode(geojson) }, { name: 't.csv', bytes: encode(csv) }], null);
}

describe('stagingPacking', () => {
  it('unpackStaging(packStaging(staging)) gives the staging back: holes, multipolygons, missing geometry, ids, ragged rows', async () => {
    const staged = await mixedStaging();
    expect(staged.boundaries?.boundaries.features).toHaveLength(3);
    expect(staged.tables[0].source.rows).toEqual([['A', '1,5', 'é'], ['B', '', ''], ['C', '3', 'x;y']]);
    const { packed, transfer } = packStaging(staged);
    expect(packed.boundaries?.features.coordinates).toHaveLength(2 * (10 + 10));
    expect(Array.from(packed.boundaries?.features.kinds ?? [])).toEqual([1, 2, 0]);
    expect(packed.boundaries?.features.ids).toEqual([7, undefined, 'c']);
    expect(transfer).toHaveLength(5 + 2);
    expect(await unpackStaging(structuredClone(packed, { transfer }))).toEqual(staged);
    expect(staged.boundaries?.boundaries.features[1].id).toBeUndefined();
  });

  it('packStaging(staging without ids or rows) packs ids as null and an empty table as empty arrays', async () => {
    const staged = await stageFiles(EMPTY_STAGING, [row(2), { name: 't.csv', bytes: encode('code,v\nW0,1\n') }], null);
    const empty: Staging = { ...staged, tables: [{ ...staged.tables[0], source: { ...staged.tables[0].source, rows: [] } }] };
    const { packed } = packStaging(empty);
    expect(packed.boundaries?.features.ids).toBeNull();
    expect(packed.tables[0].rows).toEqual({ text: '', cellEnds: new Uint32Array(0), rowEnds: new Uint32Array(0) });
    expect(await unpackStaging(packed)).toEqual(empty);
    expect(await unpackStaging(packStaging(EMPTY_STAGING).packed)).toEqual(EMPTY_STAGING);
  });

  it('packStaging(workbook table) transfers the workbook bytes with the arrays', async () => {
    const staged = await mixedStaging();
    const bytes = new Uint8Array([1, 2, 3]);
    const withWorkbook: Staging = { ...staged, tables: [{ ...staged.tables[0], sheets: ['S'], sheet: 'S', bytes }] };
    expect(packStaging(withWorkbook).transfer).toContain(bytes.buffer);
    // A view into a larger buffer is copied rather than moved: the rest of the buffer is not ours.
    const view = new Uint8Array(new ArrayBuffer(8), 2, 3);
    expect(packStaging({ ...withWorkbook, tables: [{ ...withWorkbook.tables[0], bytes: view }] }).transfer).not.toContain(view.buffer);
  });

  it('unpackStaging(packed, { sliceMs: 0, onProgress }) rebuilds in slices of 64, reporting features then each table', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => `W${i},${i}`).join('\n');
    const staged = await stageFiles(EMPTY_STAGING, [row(130), { name: 't.csv', bytes: encode(`code,v\n${rows}\n`) }], null);
    expect(staged.problems).toEqual([]);
    const seen: StagingProgress[] = [];
    const back = await unpackStaging(packStaging(staged).packed, { sliceMs: 0, onProgress: (p) => seen.push(p) });
    expect(back).toEqual(staged);
    expect(seen).toMatchObject([
      { stage: 'Loading features 0 / 130', key: 'loadingFeatures', values: { done: 0, n: 130 }, fraction: 0 },
      { stage: 'Loading features 64 / 130', fraction: 64 / 130 },
      { stage: 'Loading features 128 / 130', fraction: 128 / 130 },
      { stage: 'Loading features 130 / 130', fraction: 1 },
      { stage: 'Loading table t.csv', key: 'loadingTable', values: { file: 't.csv' }, fraction: 0 },
      { stage: 'Loading table t.csv', fraction: 64 / 70 },
      { stage: 'Loading table t.csv', fraction: 1 },
    ]);
  });

  it('unpackStaging(packed, { signal }) rejects with an AbortError at the next slice once aborted', async () => {
    const staged = await stageFiles(EMPTY_STAGING, [row(200)], null);
    expect(staged.boundaries?.boundaries.features).toHaveLength(200);
    const controller = new AbortController();
    const seen: string[] = [];
    const unpacking = unpackStaging(packStaging(staged).packed, {
      sliceMs: 0,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.stage);
        if (p.stage === 'Loading features 64 / 200') controller.abort();
      },
    });
    await expect(unpacking).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['Loading features 0 / 200', 'Loading features 64 / 200']);
  });
});
