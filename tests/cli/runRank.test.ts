import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWeightsSpec } from '../../src/cli/parseWeightsSpec';
import { runRank } from '../../src/cli/runRank';

const indicators = { name: 'ind.csv', text: 'code;a;b\r\nX;10;5\r\nY;20;\r\nZ;30;1\r\n' };
const base = { boundaries: null, key: 'code', method: 'percentile' as const, format: 'csv' as const, now: new Date('2026-11-23T10:00:00Z') };

describe('parseWeightsSpec', () => {
  it('parseWeightsSpec(spec) reads column:weight:direction triples', () => {
    expect(parseWeightsSpec('income:2:low, vt:0.5:high')).toEqual({
      specs: [
        { column: 'income', weight: 2, direction: 'low' },
        { column: 'vt', weight: 0.5, direction: 'high' },
      ],
    });
  });
  it('parseWeightsSpec(spec) names the part that is wrong', () => {
    expect(parseWeightsSpec('income:two:low')).toEqual({ error: '--weights part "income:two:low": weight "two" is not a number >= 0' });
    expect(parseWeightsSpec('income:1:up')).toEqual({
      error: '--weights part "income:1:up": direction "up" must be "high" (higher value = more need) or "low"',
    });
    expect(parseWeightsSpec('income:1')).toEqual({ error: '--weights part "income:1": expected column:weight:high|low' });
  });
});

describe('runRank', () => {
  it('runRank(options) writes rank, key and score first, ranked by the weighted need', () => {
    // a (high): p = 0, 0.5, 1; b (low): 5 -> 0, 1 -> 1; Y lacks b. Scores: X 0, Y 50, Z 100.
    const result = runRank({ ...base, indicators: [indicators], weights: 'a:2:high,b:1:low' });
    if ('error' in result) throw new Error(result.error);
    const lines = result.csv.trim().split('\n');
    expect(lines[0]).toBe('rank,code,score,decile,indicators_used,indicators_weighted,a,b,a_need,b_need');
    expect(lines.slice(1)).toEqual(['1,Z,100,1,2,2,30,1,1,1', '2,Y,50,4,1,2,20,,0.5,', '3,X,0,7,2,2,10,5,0,0']);
    expect(result.meta.weights).toEqual({ a: 2, b: 1 });
    expect(result.meta.directions).toEqual({ a: 'high', b: 'low' });
  });
  it('runRank(options) with excel-be writes a BOM, semicolons and decimal commas', () => {
    const result = runRank({ ...base, indicators: [indicators], weights: 'a:1:high,b:2:low', format: 'excel-be' });
    if ('error' in result) throw new Error(result.error);
    expect(result.csv.startsWith('\uFEFFrank;code;score;')).toBe(true);
    // X: (1*0 + 2*0)/3 = 0; Z: 100; Y: a alone = 50
    expect(result.csv).toContain('\r\n2;Y;50;');
    const zscore = runRank({ ...base, indicators: [{ name: 'z.csv', text: 'code,a\nP,1\nQ,2.5\nR,3\n' }], weights: 'a:1:high', method: 'minmax', format: 'excel-be' });
    if ('error' in zscore) throw new Error(zscore.error);
    expect(zscore.csv).toContain('2;Q;75;'); // (2.5 - 1) / 2 = 0.75
  });
  it('runRank(options) refuses a weight on a column the file does not have', () => {
    const result = runRank({ ...base, indicators: [indicators], weights: 'c:1:high' });
    expect('error' in result && result.error).toBe('--weights names column "c", which is not a numeric column of the indicator files (they have: a, b)');
  });
  it('runRank(options) with boundaries adds name and district after the score', () => {
    const boundaries = {
      name: 'b.geojson',
      text: JSON.stringify({
        type: 'FeatureCollection',
        features: ['X', 'Y', 'Z'].map((code, i) => ({
          type: 'Feature',
          properties: { code, name: `Ward ${code}`, district: i < 2 ? 'North' : 'South' },
          geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] },
        })),
      }),
    };
    const result = runRank({ ...base, boundaries, indicators: [indicators], weights: 'a:1:high' });
    if ('error' in result) throw new Error(result.error);
    const lines = result.csv.trim().split('\n');
    expect(lines[0].startsWith('rank,code,score,name,district,decile,')).toBe(true);
    expect(lines[1].startsWith('1,Z,100,Ward Z,South,1,')).toBe(true);
  });
});

describe('npm run rank', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chw-rank-'));
  const cli = ['node_modules/.bin/tsx', 'src/cli/rank.ts'];
  it('rank --indicators --key --weights --out writes the CSV and a meta.json beside it', () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, indicators.text);
    const out = join(dir, 'out.csv');
    const stdout = execFileSync(cli[0], [cli[1], '--indicators', input, '--key', 'code', '--weights', 'a:2:high,b:1:low', '--out', out], {
      encoding: 'utf8',
    });
    expect(stdout).toContain('wrote 3 wards');
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('1,Z,100,1,2,2,30,1,1,1');
    expect(JSON.parse(readFileSync(`${out}.meta.json`, 'utf8')).method).toBe('percentile');
  });
  it('rank with a bad --method exits 2 with a message', () => {
    const run = spawnSync(cli[0], [cli[1], '--indicators', 'x.csv', '--key', 'code', '--weights', 'a:1:high', '--method', 'magic', '--out', join(dir, 'x')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--method "magic" must be one of percentile, minmax, zscore, expo');
  });
});

describe('runRank with --plan and --current', () => {
  const demo = (name: string) => ({ name, text: readFileSync(join('data/demo', name), 'utf8') });
  const planned = () =>
    runRank({
      ...base,
      boundaries: demo('wards.geojson'),
      indicators: [demo('indicators.csv')],
      weights: 'income:1:low,vt_share:1:high',
      plan: { availableFte: 7, teamSize: 2, interventionsPerFte: 400, interventionShare: 0.1, maxDistanceKm: 2 },
      current: demo('current-areas.csv'),
    });

  it('runRank(plan, current) proposes whole teams within capacity and writes the plan columns', () => {
    const result = planned();
    if ('error' in result) throw new Error(result.error);
    const lines = result.csv.trim().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(-7)).toEqual(['workload_interventions', 'workload_fte', 'team', 'team_base', 'expansion_ring', 'distance_km', 'borders_team']);
    const plan = result.meta.plan!;
    // 7 FTE in teams of 2: three teams, 1 FTE left over.
    expect(plan.teams.map((t) => t.id)).toEqual([1, 2, 3]);
    expect(plan.unassignedFte).toBe(1);
    for (const team of plan.teams) expect(team.workload <= team.capacity || team.wards.length === 1).toBe(true);
    // The team column of the CSV lists exactly the wards of the teams.
    const team = header.indexOf('team');
    const inTeams = lines.slice(1).filter((l) => l.split(',')[team] !== '').length;
    expect(inTeams).toBe(plan.teams.reduce((n, t) => n + t.wards.length, 0));
  });

  it('runRank(plan, current) leaves current areas out of the teams and gives them no ring', () => {
    const result = planned();
    if ('error' in result) throw new Error(result.error);
    const [head, ...rows] = result.csv.trim().split('\n').map((l) => l.split(','));
    const col = (name: string) => head.indexOf(name);
    const current = new Set(readFileSync('data/demo/current-areas.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]));
    const currentRows = rows.filter((r) => current.has(r[col('code')]));
    expect(currentRows).toHaveLength(15);
    for (const r of currentRows) expect([r[col('team')], r[col('expansion_ring')]]).toEqual(['', '']);
    const ring1 = rows.filter((r) => r[col('expansion_ring')] === '1');
    expect(ring1.length).toBeGreaterThan(0);
    expect(new Set(ring1.map((r) => r[col('borders_team')]))).toEqual(new Set(['Team Centrum', 'Team Noord', 'Team Zuidwest']));
  });

  it('runRank(plan) without boundaries says why', () => {
    const result = runRank({ ...base, indicators: [indicators], weights: 'a:1:high', plan: { availableFte: 2, teamSize: 2, interventionsPerFte: 400, interventionShare: 0.1, maxDistanceKm: 2 } });
    expect('error' in result && result.error).toBe('--plan and --current need --boundaries: shared borders and distances come from the geometry');
  });
});
