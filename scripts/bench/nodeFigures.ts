import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { CATALOGUE } from '../../src/app/catalogue';
import { exportRanking } from '../../src/app/exportRanking';
import { mapColouring } from '../../src/app/mapColouring';
import { applyStaging, EMPTY_STAGING, stageFiles, stageNewFiles, type RawFile } from '../../src/app/staging';
import { decodeText } from '../../src/io/decodeText';
import { parseBoundaries } from '../../src/io/parseBoundaries';
import { adjacency, adjacencyFromTopology } from '../../src/model/adjacency';
import type { Dataset } from '../../src/model/createDataset';
import { prepare } from '../../src/model/prepare';
import { rank } from '../../src/model/rank';
import { rankStability } from '../../src/model/rankStability';
import { score } from '../../src/model/score';
import { scoreInScope } from '../../src/model/scoreInScope';
import type { Direction } from '../../src/model/types';
import type { BenchData } from './sharedData';
import { BASE_WEIGHTS, CHANGED_WEIGHT, STABILITY } from './scenario';
import { figure, timeRuns, type Figure } from './stats';

const WHERE = 'Node';

/**
 * The Node figures, each through the app's own functions: the loading path (stageFiles +
 * applyStaging, as the Open files panel runs it), a weight change (score + rank on a prepared
 * dataset, as useRanking does), rank stability, the CSV export and the neighbour lists.
 */
export async function nodeFigures(data: BenchData, runs: number, log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const files: RawFile[] = [
    { name: data.sectorsName, bytes: new Uint8Array(readFileSync(data.sectors)) },
    { name: data.indicatorsName, bytes: new Uint8Array(readFileSync(data.indicators)) },
  ];

  // 1. Parse + validate + join, the app's loading path.
  log('Node: parse + validate + join (stageFiles + applyStaging)');
  let dataset: Dataset | null = null;
  const load = async () => {
    const staged = await stageFiles(EMPTY_STAGING, files, null);
    const applied = applyStaging(staged, null, CATALOGUE);
    dataset = applied.dataset;
  };
  figures.push(
    figure(
      {
        id: 'node.load',
        label: 'parse + validate + join Belgium sectors with one indicator file',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 600 },
        how: 'stageFiles(topojson + CSV bytes) then applyStaging(staged, null, CATALOGUE): decode, parseBoundaries, parseCsv, key detection, readIndicatorTable, createDataset; the bytes are read from disk before timing; 1 warm-up run',
      },
      await timeRuns(load, { runs }),
    ),
  );
  const loaded = dataset as Dataset | null;
  if (!loaded || loaded.wards.length !== 19_478) throw new Error(`bench: Belgium did not load as 19,478 wards (got ${loaded?.wards.length ?? 'no dataset'})`);

  // Where the load's time goes: the same path split at its stages.
  log('Node: load breakdown');
  const topoText = decodeText(files[0].bytes).text;
  figures.push(
    figure(
      { id: 'node.load.decode', label: '  of which: decode the topojson bytes (decodeText)', where: WHERE, unit: 'ms', how: 'decodeText(9.8 MB)' },
      await timeRuns(() => decodeText(files[0].bytes), { runs }),
    ),
    figure(
      { id: 'node.load.parseBoundaries', label: '  of which: parseBoundaries (topojson -> validated features)', where: WHERE, unit: 'ms', how: 'parseBoundaries(text, name) on the decoded text' },
      await timeRuns(() => parseBoundaries(topoText, data.sectorsName), { runs }),
    ),
  );
  const codes = loaded.wards.map((w) => w.code);
  const stagedBoundaries = await stageNewFiles([files[0]], { wardCodes: null, prepared: null });
  figures.push(
    figure(
      { id: 'node.load.stageCsv', label: '  of which: stage the CSV (decode, parseCsv, detect key)', where: WHERE, unit: 'ms', how: 'stageNewFiles([csv], { wardCodes: the 19,478 codes })' },
      await timeRuns(() => stageNewFiles([files[1]], { wardCodes: codes, prepared: null }), { runs }),
    ),
  );
  const stagedCsv = await stageNewFiles([files[1]], { wardCodes: codes, prepared: null });
  const staged = { ...stagedBoundaries, tables: stagedCsv.tables };
  figures.push(
    figure(
      { id: 'node.load.apply', label: '  of which: applyStaging (readIndicatorTable + createDataset/join)', where: WHERE, unit: 'ms', how: 'applyStaging(staged, null, CATALOGUE)' },
      await timeRuns(() => applyStaging(staged, null, CATALOGUE), { runs }),
    ),
  );

  // 2. A weight change: score + rank on a prepared dataset.
  log('Node: weight change (score + rank)');
  const directions: Record<string, Direction> = Object.fromEntries(loaded.indicators.map((d) => [d.id, d.direction]));
  const prepared = prepare(loaded.values, directions, 'percentile', loaded.wards.length);
  const weightsA = { ...BASE_WEIGHTS };
  const weightsB = { ...BASE_WEIGHTS, [CHANGED_WEIGHT.id]: CHANGED_WEIGHT.to };
  let flip = false;
  const nextWeights = () => {
    flip = !flip;
    return flip ? weightsB : weightsA;
  };
  const fastRuns = Math.max(runs, 25);
  figures.push(
    figure(
      {
        id: 'node.rescore',
        label: 're-score and re-rank 19,478 wards after one weight change',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 5 },
        how: `score(prepared, weights) + rank(scores, codes), percentile method, ${Object.keys(BASE_WEIGHTS).length} weighted indicators, ${CHANGED_WEIGHT.id} alternating ${CHANGED_WEIGHT.from} <-> ${CHANGED_WEIGHT.to}; prepare() once beforehand as useRanking memoises it; ${fastRuns} runs after 5 warm-ups`,
      },
      await timeRuns(() => rank(score(prepared, nextWeights()).score, codes), { runs: fastRuns, warmup: 5, gc: false }),
    ),
    figure(
      {
        id: 'node.rescore.score',
        label: '  of which: score()',
        where: WHERE,
        unit: 'ms',
        how: 'score(prepared, weights) alone',
      },
      await timeRuns(() => score(prepared, nextWeights()), { runs: fastRuns, warmup: 5, gc: false }),
    ),
  );
  const scoredB = score(prepared, weightsB).score;
  figures.push(
    figure(
      { id: 'node.rescore.rank', label: '  of which: rank()', where: WHERE, unit: 'ms', how: 'rank(scores, codes) alone' },
      await timeRuns(() => rank(scoredB, codes), { runs: fastRuns, warmup: 5, gc: false }),
    ),
    figure(
      {
        id: 'node.rescore.colouring',
        label: '  then: map classes (mapColouring, 5 quantiles)',
        where: WHERE,
        unit: 'ms',
        how: "mapColouring(scores, 'high', 'quantile', 5, 'viridis'): the classes the map recolours with",
      },
      await timeRuns(() => mapColouring(scoredB, 'high', 'quantile', 5, 'viridis', (v) => v.toFixed(1)), { runs: fastRuns, warmup: 5, gc: false }),
    ),
  );

  // 3. Rank stability, on the main thread (the Chromium figure runs it in the app's worker).
  log(`Node: rank stability (${STABILITY.draws} draws)`);
  figures.push(
    figure(
      {
        id: 'node.stability',
        label: `rank stability, ${STABILITY.draws.toLocaleString('en')} draws x 19,478 wards`,
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 2000 },
        how: `rankStability(prepared, weights, { draws: ${STABILITY.draws}, concentration: ${STABILITY.concentration}, topK: ${STABILITY.topK}, seed: 1 }) called directly on the main thread, no worker_threads (the function is what a worker would run; see the Chromium row for the app's worker)`,
      },
      await timeRuns(() => rankStability(prepared, weightsA, { ...STABILITY, seed: 1 }), { runs }),
    ),
  );

  // 4. CSV export of the ranking.
  log('Node: CSV export');
  const allScores = score(prepared, weightsA);
  const scored = scoreInScope(prepared, allScores, loaded.values, directions, 'percentile', weightsA, codes, null, 'all');
  let csvLength = 0;
  figures.push(
    figure(
      {
        id: 'node.export',
        label: 'CSV export of 19,478 rows',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 300 },
        how: "exportRanking(dataset, scored, { method, weights, directions, format: 'csv' }, now): rankingTable + formatCsv, the standard columns without the app's extra columns (plan, stability, raw values)",
      },
      await timeRuns(
        () => {
          csvLength = exportRanking(loaded, scored, { method: 'percentile', weights: weightsA, directions, format: 'csv' }, new Date()).length;
        },
        { runs: Math.max(runs, 10), warmup: 2 },
      ),
    ),
  );
  if (csvLength < 19_478 * 10) throw new Error(`bench: the CSV export is too short (${csvLength} characters)`);

  // 5. Neighbours: from the published topology, and built from the GeoJSON as the plan does.
  log('Node: neighbours (adjacency)');
  const topo = JSON.parse(topoText) as Topology;
  const objectName = Object.keys(topo.objects)[0];
  const indexOf = new Map(loaded.wards.map((w) => [w.code, w.index]));
  const object = topo.objects[objectName];
  if (object.type !== 'GeometryCollection') throw new Error(`bench: topojson object ${objectName} is not a GeometryCollection`);
  const ids = object.geometries.map((g) => indexOf.get(String((g.properties as Record<string, unknown> | undefined)?.CD_SECTOR)) ?? null);
  let links = 0;
  figures.push(
    figure(
      {
        id: 'node.adjacency.topology',
        label: 'neighbours for 19,478 sectors, from the topojson (adjacencyFromTopology)',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 1500 },
        how: `adjacencyFromTopology(topo, '${objectName}', ids, 19478, 'rook') on the already parsed topology (JSON.parse not timed)`,
      },
      await timeRuns(
        () => {
          links = adjacencyFromTopology(topo, objectName, ids, loaded.wards.length, 'rook').reduce((s, l) => s + l.length, 0);
        },
        { runs },
      ),
    ),
  );
  const topologyLinks = links;
  const geojsonRuns = runs;
  figures.push(
    figure(
      {
        id: 'node.adjacency.geojson',
        label: 'neighbours for 19,478 sectors, from the GeoJSON (adjacency)',
        where: WHERE,
        unit: 'ms',
        target: { op: '<', value: 1500 },
        how: "adjacency(dataset.geometry, 19478, 'rook'): builds a topology with topojson-server from exact coordinates, then reads it; the path computePlan (rookAndQueen) and hot spots take",
      },
      await timeRuns(
        () => {
          links = adjacency(loaded.geometry, loaded.wards.length, 'rook').reduce((s, l) => s + l.length, 0);
        },
        { runs: geojsonRuns, warmup: 1 },
      ),
    ),
  );
  log(`  rook links: ${topologyLinks} from the topology, ${links} from the GeoJSON`);
  return figures;
}
