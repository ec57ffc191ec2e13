import { describe, expect, it } from 'vitest';
import { exportRanking } from '../../src/app/exportRanking';
import { parseCsv } from '../../src/io/parseCsv';
import { readIndicatorTable } from '../../src/io/readIndicatorTable';

import type { Dataset } from '../../src/model/createDataset';
import { prepare } from '../../src/model/prepare';
import { rank } from '../../src/model/rank';
import { describeRun, rankingTable } from '../../src/model/rankingTable';
import { score } from '../../src/model/score';
import type { Direction, Method } from '../../src/model/types';
import { TINY_WARDS, tinyCity } from './tinyCity';

const EXPORTED_AT = new Date('2024-05-01T10:00:00Z');
const DIRECTIONS: Record<string, Direction> = { income: 'low', vt_share: 'high' };
const WEIGHTS = { income: 2, vt_share: 1 };

// W1 Noord (Oost), W2 Midden (Oost), W3 Zuid (West).
// Percentile need, (r - 1) / (N - 1) with r the need rank (1 = least need):
//   income (low):   20000 -> 1, 30000 -> 0.5, 40000 -> 0
//   vt_share (high):   30 -> 1,    10 -> 0,      20 -> 0.5
// Scores 100 * (2 * income + 1 * vt) / 3: W1 100, W2 33.3333, W3 16.6667.
// Deciles from the rank over 3 scored wards: floor((r - 1) * 10 / 3) + 1 -> 1, 4, 7.
const TABLE = { file: 'ind.csv', keys: ['W1', 'W2', 'W3'], values: { income: [20000, 30000, 40000], vt_share: [30, 10, 20] } };

function derive(dataset: Dataset, weights: Record<string, number> = WEIGHTS, method: Method = 'percentile') {
  const prepared = prepare(dataset.values, DIRECTIONS, method, dataset.wards.length);
  const scores = score(prepared, weights);
  return { prepared, scores, ranking: rank(scores.score, dataset.wards.map((w) => w.code)) };
}

function exportOf(dataset: Dataset, format: 'csv' | 'excel-be', weights = WEIGHTS): string {
  return exportRanking(dataset, derive(dataset, weights), { method: 'percentile', weights, directions: DIRECTIONS, format }, EXPORTED_AT);
}

describe('exportRanking', () => {
  it('exportRanking(dataset, derived, csv) writes how it was made, the header and the wards in rank order', () => {
    expect(exportOf(tinyCity([TABLE]), 'csv')).toBe(
      [
        '# chw-planner ranking of Tiny city',
        '# method: percentile rank normalisation, weighted mean',
        '# weights: income=2 (lower value = more need), vt_share=1 (higher value = more need)',
        '# exported: 2024-05-01T10:00:00.000Z',
        'rank,code,name,district,score,decile,indicators_used,indicators_weighted,income,vt_share,income_need,vt_share_need',
        '1,W1,Noord,Oost,100,1,2,2,20000,30,1,1',
        '2,W2,Midden,Oost,33.3333,4,2,2,30000,10,0.5,0',
        '3,W3,Zuid,West,16.6667,7,2,2,40000,20,0,0.5',
        '',
      ].join('\n'),
    );
  });

  it('exportRanking(dataset, derived, excel-be) starts with a BOM and uses ";", decimal commas and CRLF', () => {
    const text = exportOf(tinyCity([TABLE]), 'excel-be');
    expect(text.startsWith('\uFEFF# chw-planner ranking of Tiny city\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(4)).toEqual([
      'rank;code;name;district;score;decile;indicators_used;indicators_weighted;income;vt_share;income_need;vt_share_need',
      '1;W1;Noord;Oost;100;1;2;2;20000;30;1;1',
      '2;W2;Midden;Oost;33,3333;4;2;2;30000;10;0,5;0',
      '3;W3;Zuid;West;16,6667;7;2;2;40000;20;0;0,5',
      '',
    ]);
  });

  it('exportRanking(dataset with a formula as ward name) escapes the cell with a leading quote', () => {
    const wards = TINY_WARDS.map((f, i) => (i === 1 ? { ...f, properties: { ...f.properties, name: '=HYPERLINK("http://x.test","klik")' } } : f));
    const text = exportOf(tinyCity([TABLE], wards), 'csv');
    expect(text.split('\n')[6]).toBe(`2,W2,"'=HYPERLINK(""http://x.test"",""klik"")",Oost,33.3333,4,2,2,30000,10,0.5,0`);
    const plain = TINY_WARDS.map((f, i) => (i === 2 ? { ...f, properties: { ...f.properties, name: '+32 Zuid', district: '@West' } } : f));
    expect(exportOf(tinyCity([TABLE], plain), 'csv').split('\n')[7]).toBe(`3,W3,'+32 Zuid,'@West,16.6667,7,2,2,40000,20,0,0.5`);
  });

  it('exportRanking(dataset with missing values) leaves empty cells, counts used indicators and puts unscored wards last', () => {
    const table = { file: 'ind.csv', keys: ['W1', 'W2'], values: { income: [20000, null], vt_share: [30, 10] } };
    // income over W1 only: one ward alone gets 0.5. vt_share: W2 (10) -> 0, W1 (30) -> 1.
    // W1: 100 * (2 * 0.5 + 1) / 3 = 66.6667; W2: 100 * (1 * 0) / 1 = 0; W3: nothing -> unscored.
    const lines = exportOf(tinyCity([table]), 'csv').split('\n');
    expect(lines.slice(5)).toEqual(['1,W1,Noord,Oost,66.6667,1,2,2,20000,30,0.5,1', '2,W2,Midden,Oost,0,6,1,2,,10,,0', ',W3,Zuid,West,,,0,2,,,,', '']);
  });

  it('exportRanking(dataset, weight 0) lists the switched-off indicator with weight 0 and does not count it as weighted', () => {
    const lines = exportOf(tinyCity([TABLE]), 'csv', { income: 0, vt_share: 1 }).split('\n');
    expect(lines[2]).toBe('# weights: income=0 (lower value = more need), vt_share=1 (higher value = more need)');
    // Scores from vt_share alone: W1 100, W3 50, W2 0.
    expect(lines.slice(5, 8)).toEqual(['1,W1,Noord,Oost,100,1,1,1,20000,30,1,1', '2,W3,Zuid,West,50,4,1,1,40000,20,0,0.5', '3,W2,Midden,Oost,0,7,1,1,30000,10,0.5,0']);
  });
});

describe('exportRanking round trip', () => {
  it('exportRanking(dataset, derived, excel-be) reads back with parseCsv: comments skipped, decimal commas understood', () => {
    const parsed = parseCsv(exportOf(tinyCity([TABLE]), 'excel-be'), 'ranking.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data?.dialect).toMatchObject({ delimiter: ';', decimal: ',', bom: true });
    expect(parsed.data?.columns.slice(0, 5)).toEqual(['rank', 'code', 'name', 'district', 'score']);
    expect(parsed.data?.rows.map((r) => r[1])).toEqual(['W1', 'W2', 'W3']);
    const read = readIndicatorTable(parsed.data!, 'code', 'ranking.csv');
    expect(read.data?.values.score).toEqual([100, 33.3333, 16.6667]);
    expect(read.data?.values.income_need).toEqual([1, 0.5, 0]);
  });
});

describe('describeRun', () => {
  it('describeRun(synthetic dataset with attribution) says so and names the data', () => {
    const dataset = { ...tinyCity([TABLE]), synthetic: true, attribution: 'Synthetic demo data (chw-planner)' };
    expect(describeRun(dataset, 'expo', { income: 1.5 }, { income: 'low', vt_share: 'high' }, EXPORTED_AT)).toEqual([
      'chw-planner ranking of Tiny city',
      'Synthetic demo data: not real statistics',
      'method: exponential transform of need ranks (English IMD / BIMD), weighted mean',
      'weights: income=1.5 (lower value = more need), vt_share=0 (higher value = more need)',
      'data: Synthetic demo data (chw-planner)',
      'exported: 2024-05-01T10:00:00.000Z',
    ]);
  });
});

describe('rankingTable', () => {
  it('rankingTable(dataset, result) gives numbers, not text, in rank order', () => {
    const dataset = tinyCity([TABLE]);
    const { prepared, scores, ranking } = derive(dataset);
    const table = rankingTable(dataset, { prepared, scores, ranking });
    expect(table.rows.map((r) => r.slice(0, 4))).toEqual([
      [1, 'W1', 'Noord', 'Oost'],
      [2, 'W2', 'Midden', 'Oost'],
      [3, 'W3', 'Zuid', 'West'],
    ]);
    expect(table.rows[1][4]).toBeCloseTo(100 / 3, 10);
    expect(table.rows[2][4]).toBeCloseTo(50 / 3, 10);
  });
});
