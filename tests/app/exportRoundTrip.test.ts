import { describe, expect, it } from 'vitest';
import { readBoundariesFile } from '../../src/app/assembleDataset';
import { CATALOGUE } from '../../src/app/catalogue';
import { demoFile, loadDemo } from './demoCity';
import { exportRanking } from '../../src/app/exportRanking';
import { defaultsOf } from '../../src/app/state';
import { decodeText } from '../../src/io/decodeText';
import { detectKeyColumn } from '../../src/io/detectKeyColumn';
import { parseCsv } from '../../src/io/parseCsv';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';
import { createDataset, type Dataset } from '../../src/model/createDataset';
import { prepare } from '../../src/model/prepare';
import { rank } from '../../src/model/rank';
import { score } from '../../src/model/score';
import type { Direction, Method } from '../../src/model/types';

function demo(): Dataset {
  return loadDemo().dataset as Dataset;
}

/** Scores and ranks as the page does; settings for indicators the dataset lacks (the field ones) are left out. */
function ranked(dataset: Dataset, weights: Record<string, number>, directions: Record<string, Direction>, method: Method) {
  const present = (settings: Record<string, unknown>) => Object.fromEntries(Object.entries(settings).filter(([id]) => id in dataset.values));
  const prepared = prepare(dataset.values, present(directions) as Record<string, Direction>, method, dataset.wards.length);
  const scores = score(prepared, present(weights) as Record<string, number>);
  return { prepared, scores, ranking: rank(scores.score, dataset.wards.map((w) => w.code)) };
}

/**
 * An exported ranking opened again as an indicator file, the way the app opens one with new
 * boundaries: bytes decoded, parsed, its key column found against the ward codes, its numeric
 * columns read and joined to the demo's wards by createDataset.
 */
function reimport(exported: string, file: string): Dataset {
  const boundaries = readBoundariesFile({ name: 'wards.geojson', text: demoFile('wards.geojson') });
  const key = boundaries.fields.key!;
  const codes = boundaries.boundaries!.features.map((f) => String(f.properties?.[key] ?? ''));
  const parsed = parseCsv(decodeText(new TextEncoder().encode(exported)).text, file);
  expect(parsed.problems).toEqual([]);
  const column = detectKeyColumn(parsed.data!.columns, parsed.data!.rows, codes);
  expect(column).toBe('code');
  const read = readIndicatorTable(parsed.data!, column!, file);
  expect(read.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  return createDataset({
    name: 'reimported',
    features: boundaries.boundaries!.features,
    fields: { key, name: boundaries.fields.name, district: boundaries.fields.district, municipality: boundaries.fields.municipality ?? null },
    tables: [{ file, keys: read.data!.keys, values: read.data!.values, missing: read.data!.missingReasons }],
    catalogue: CATALOGUE,
  });
}

describe('export round trip on the demo city', () => {
  const original = demo();
  const { weights, directions } = defaultsOf(original);

  for (const format of ['csv', 'excel-be'] as const) {
    for (const method of ['percentile', 'expo'] as const) {
      it(`exportRanking(demo, ${format}) read back with readIndicatorTable and createDataset ranks the 432 wards in the same order (${method})`, () => {
        const before = ranked(original, weights, directions, method);
        const exported = exportRanking(original, before, { method, weights, directions, format }, new Date('2026-11-23T10:00:00Z'));

        const again = reimport(exported, `ranking.${format}.csv`);
        expect(again.wards.map((w) => w.code)).toEqual(original.wards.map((w) => w.code));
        // The catalogue's indicators come back under their own ids, with the same values.
        for (const d of original.indicators) expect(again.values[d.id]).toEqual(original.values[d.id]);
        // The export's own columns (rank, score, need values) come back as indicators with weight 0.
        expect(again.indicators.find((d) => d.id === 'score')?.defaultWeight).toBe(0);

        const after = ranked(again, weights, { ...defaultsOf(again).directions, ...directions }, method);
        const order = (r: ReturnType<typeof ranked>, d: Dataset) => r.ranking.order.map((i) => d.wards[i].code);
        expect(original.wards).toHaveLength(432);
        expect(before.ranking.scored).toBe(432);
        expect(order(after, again)).toEqual(order(before, original));
        expect(after.ranking.rank).toEqual(before.ranking.rank);
        // The scores as exported (4 decimals) are the scores computed again.
        const exportedScores = again.values.score;
        after.scores.score.forEach((s, i) => expect(exportedScores[i]).toBeCloseTo(s as number, 4));
      });
    }
  }
});
