import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { booleanClockwise, booleanValid } from '@turf/turf';
import { median } from 'd3';
import Papa from 'papaparse';
import { sampleCorrelation } from 'simple-statistics';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  DEMO_REQUEST_MONTHS,
  DEMO_REQUESTS_UNTIL,
  makeDemoData,
  serialiseDemoData,
  type DemoData,
} from '../../scripts/make-demo-data';
import { parseRequests } from '../../src/io/requestsCsv';
import { quadrant, requestsPerWard, type Quadrant } from '../../src/model/fieldSignals';

const dir = new URL('../../data/demo/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const csv = (name: string) => Papa.parse<Record<string, string>>(read(name), { header: true, skipEmptyLines: true });

type Areas = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
const wards = JSON.parse(read('wards.geojson')) as Areas;
const districts = JSON.parse(read('districts.geojson')) as Areas;
const meta = JSON.parse(read('meta.json')) as DemoData['meta'];
const indicators = csv('indicators.csv');
const currentAreas = csv('current-areas.csv');
const helpRequests = parseRequests(read('help-requests.csv'), 'help-requests.csv');

const COLUMNS = ['income', 'gp_contact_share', 'gmd_share', 'gp_contacts_per_person', 'vt_share', 'population', 'vulnerable_persons'];
/** The stated range and number of decimals of each indicator. */
const RANGES: Record<string, [number, number, number]> = {
  income: [18000, 55000, 0],
  gp_contact_share: [65, 92, 1],
  gmd_share: [45, 90, 1],
  gp_contacts_per_person: [3, 8, 2],
  vt_share: [4, 55, 1],
  population: [150, 3500, 0],
  vulnerable_persons: [0, 3500, 0],
};

const value = (row: Record<string, string>, id: string) => (row[id] === '' ? null : Number(row[id]));
const parts = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Wards that share a border: Voronoi neighbours share both (rounded) end points of their common edge. */
function neighbours(collection: Areas): Set<number>[] {
  const byVertex = new Map<string, number[]>();
  collection.features.forEach((f, i) => {
    const keys = new Set(parts(f.geometry).flat(2).map((p) => p.join()));
    for (const key of keys) byVertex.set(key, [...(byVertex.get(key) ?? []), i]);
  });
  const shared = new Map<string, number>();
  for (const list of byVertex.values()) {
    for (const a of list) for (const b of list) if (a < b) shared.set(`${a},${b}`, (shared.get(`${a},${b}`) ?? 0) + 1);
  }
  const out = collection.features.map(() => new Set<number>());
  for (const [pair, n] of shared) {
    if (n < 2) continue;
    const [a, b] = pair.split(',').map(Number);
    out[a].add(b);
    out[b].add(a);
  }
  return out;
}

function connected(members: number[], adjacency: Set<number>[]): boolean {
  const inside = new Set(members);
  const seen = new Set([members[0]]);
  const queue = [members[0]];
  while (queue.length > 0) {
    for (const j of adjacency[queue.pop()!]) {
      if (inside.has(j) && !seen.has(j)) {
        seen.add(j);
        queue.push(j);
      }
    }
  }
  return seen.size === inside.size;
}

const adjacency = neighbours(wards);

/** Each ward's help requests over the whole period, in ward order, summed as the app sums them. */
function requestTotals(): number[] {
  const codes = wards.features.map((f) => f.properties.code);
  const asOf = new Date(`${DEMO_REQUESTS_UNTIL}T12:00`);
  return requestsPerWard(helpRequests.data ?? [], codes, { asOf, halfLifeMonths: null }).values;
}

/** Hops along shared borders from each ward to the nearest current CHW area. */
function hopsToCurrentAreas(): number[] {
  const index = new Map(wards.features.map((f, i) => [f.properties.code, i]));
  const hops = wards.features.map(() => Infinity);
  const queue = currentAreas.data.map((row) => index.get(row.code)!);
  for (const i of queue) hops[i] = 0;
  for (let k = 0; k < queue.length; k++) {
    for (const j of adjacency[queue[k]]) {
      if (hops[j] === Infinity) {
        hops[j] = hops[queue[k]] + 1;
        queue.push(j);
      }
    }
  }
  return hops;
}

describe('data/demo', () => {
  it('wards.geojson has 300-600 wards with unique codes and names', () => {
    const n = wards.features.length;
    expect(n).toBeGreaterThanOrEqual(300);
    expect(n).toBeLessThanOrEqual(600);
    expect(meta.wards).toBe(n);
    const codes = wards.features.map((f) => f.properties.code);
    const names = wards.features.map((f) => f.properties.name);
    expect(new Set(codes).size).toBe(n);
    expect(new Set(names).size).toBe(n);
    for (const code of codes) expect(code).toMatch(/^DEMO-[A-J]\d{2,3}$/);
    for (const f of wards.features) expect(Object.keys(f.properties).sort()).toEqual(['code', 'district', 'name']);
  });

  it('districts.geojson has 6-10 districts, every ward in one of them and each district in one piece', () => {
    const names = districts.features.map((f) => f.properties.district);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names.length).toBeLessThanOrEqual(10);
    expect(new Set(names).size).toBe(names.length);
    expect(meta.districts).toBe(names.length);
    for (const f of wards.features) expect(names).toContain(f.properties.district);
    for (const name of names) {
      const members = wards.features.flatMap((f, i) => (f.properties.district === name ? [i] : []));
      expect(members.length).toBeGreaterThan(0);
      expect(connected(members, adjacency)).toBe(true);
    }
  });

  it('every ward and district is a valid polygon with counter-clockwise outer rings', () => {
    for (const f of [...wards.features, ...districts.features]) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(booleanValid(f)).toBe(true);
      for (const rings of parts(f.geometry)) {
        expect(booleanClockwise(rings[0])).toBe(false);
        for (const [lon, lat] of rings.flat()) {
          expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
          expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
        }
      }
    }
  });

  it('every ward borders at least one other ward', () => {
    for (const set of adjacency) expect(set.size).toBeGreaterThan(0);
  });

  it('indicators.csv has one row per ward, in ward order, with values in the stated ranges', () => {
    expect(indicators.errors).toEqual([]);
    expect(indicators.meta.fields).toEqual(['code', ...COLUMNS]);
    expect(indicators.data.map((r) => r.code)).toEqual(wards.features.map((f) => f.properties.code));
    for (const row of indicators.data) {
      for (const id of COLUMNS) {
        const v = value(row, id);
        if (v === null) continue;
        const [lo, hi, decimals] = RANGES[id];
        expect(v, `${row.code} ${id}`).toBeGreaterThanOrEqual(lo);
        expect(v, `${row.code} ${id}`).toBeLessThanOrEqual(hi);
        expect(row[id]).toMatch(decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${decimals}}$`));
      }
    }
  });

  it('indicators.csv has a few missing cells, never a whole ward, and some income missing', () => {
    const cells = indicators.data.length * COLUMNS.length;
    const missing = indicators.data.reduce((n, row) => n + COLUMNS.filter((id) => row[id] === '').length, 0);
    expect(missing).toBeGreaterThan(0);
    expect(missing / cells).toBeLessThan(0.03);
    expect(indicators.data.some((row) => row.income === '')).toBe(true);
    for (const row of indicators.data) expect(COLUMNS.some((id) => row[id] !== '')).toBe(true);
  });

  it('vulnerable_persons = round(vt_share × population / 100), missing exactly when an input is', () => {
    for (const row of indicators.data) {
      const vt = value(row, 'vt_share');
      const population = value(row, 'population');
      const vulnerable = value(row, 'vulnerable_persons');
      if (vt === null || population === null) expect(vulnerable).toBeNull();
      else expect(vulnerable).toBe(Math.round((vt * population) / 100));
    }
  });

  it('indicators correlate like real deprivation data', () => {
    const correlation = (a: string, b: string) => {
      const rows = indicators.data.filter((r) => r[a] !== '' && r[b] !== '');
      return sampleCorrelation(rows.map((r) => Number(r[a])), rows.map((r) => Number(r[b])));
    };
    expect(correlation('income', 'vt_share')).toBeLessThan(-0.5);
    for (const gp of ['gp_contact_share', 'gmd_share', 'gp_contacts_per_person']) {
      expect(correlation('income', gp)).toBeGreaterThan(0.3);
      expect(correlation('vt_share', gp)).toBeLessThan(-0.3);
    }
  });

  it('vt_share is spatially clustered (Moran I > 0.3)', () => {
    const vt = indicators.data.map((r) => value(r, 'vt_share'));
    const known = vt.flatMap((v, i) => (v === null ? [] : [i]));
    const mean = known.reduce((s, i) => s + vt[i]!, 0) / known.length;
    let num = 0;
    let weights = 0;
    for (const i of known) {
      for (const j of adjacency[i]) {
        if (vt[j] === null) continue;
        num += (vt[i]! - mean) * (vt[j]! - mean);
        weights++;
      }
    }
    const den = known.reduce((s, i) => s + (vt[i]! - mean) ** 2, 0);
    expect((known.length / weights) * (num / den)).toBeGreaterThan(0.3);
  });

  it('current-areas.csv has 2-3 teams, each a connected cluster of known wards', () => {
    expect(currentAreas.errors).toEqual([]);
    expect(currentAreas.meta.fields).toEqual(['code', 'name', 'team']);
    const index = new Map(wards.features.map((f, i) => [f.properties.code, i]));
    const teams = new Map<string, number[]>();
    for (const row of currentAreas.data) {
      const i = index.get(row.code);
      expect(i, row.code).toBeDefined();
      expect(row.name).toBe(wards.features[i!].properties.name);
      teams.set(row.team, [...(teams.get(row.team) ?? []), i!]);
    }
    expect(teams.size).toBeGreaterThanOrEqual(2);
    expect(teams.size).toBeLessThanOrEqual(3);
    expect(new Set(currentAreas.data.map((r) => r.code)).size).toBe(currentAreas.data.length);
    for (const [team, members] of teams) {
      expect(members.length, team).toBeGreaterThanOrEqual(3);
      expect(connected(members, adjacency), team).toBe(true);
    }
  });

  it('help-requests.csv reads back with parseRequests without problems: known wards, whole counts >= 1', () => {
    expect(helpRequests.problems).toEqual([]);
    expect(read('help-requests.csv').split('\n')[0]).toBe('code,count,date');
    const codes = new Set(wards.features.map((f) => f.properties.code));
    for (const r of helpRequests.data!) {
      expect(codes.has(r.code), r.code).toBe(true);
      expect(Number.isInteger(r.count) && r.count >= 1, `${r.code} ${r.count}`).toBe(true);
    }
  });

  it('help-requests.csv has one row per ward and month, dated the 1st of one of the 24 months up to the reference date', () => {
    const rows = helpRequests.data!;
    const months = new Set(rows.map((r) => r.date));
    expect(months.size).toBe(DEMO_REQUEST_MONTHS);
    expect(meta.helpRequests.to).toBe(DEMO_REQUESTS_UNTIL);
    expect(meta.helpRequests.from).toBe('2024-11-01');
    for (const r of rows) {
      expect(r.date, r.code).toMatch(/^\d{4}-\d{2}-01$/);
      expect(r.date! >= meta.helpRequests.from && r.date! <= meta.helpRequests.to, `${r.code} ${r.date}`).toBe(true);
    }
    expect(new Set(rows.map((r) => `${r.code} ${r.date}`)).size).toBe(rows.length);
  });

  it('help-requests.csv holds a few hundred rows and 1,000-3,000 requests, as meta.json states, more of them lately', () => {
    const rows = helpRequests.data!;
    const total = rows.reduce((s, r) => s + r.count, 0);
    expect(meta.helpRequests.rows).toBe(rows.length);
    expect(meta.helpRequests.requests).toBe(total);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.length).toBeLessThanOrEqual(1000);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total).toBeLessThanOrEqual(3000);
    const firstYear = rows.filter((r) => r.date! < '2025-11-01').reduce((s, r) => s + r.count, 0);
    expect(total - firstYear).toBeGreaterThan(firstYear);
  });

  it('help-requests.csv follows need only in part: its ward totals correlate with vt_share above 0.2, below 0.9', () => {
    const totals = requestTotals();
    const known = indicators.data.flatMap((row, i) => (row.vt_share === '' ? [] : [i]));
    const r = sampleCorrelation(known.map((i) => Number(indicators.data[i].vt_share)), known.map((i) => totals[i]));
    expect(r).toBeGreaterThan(0.2);
    expect(r).toBeLessThan(0.9);
  });

  it('help-requests.csv gathers in the current areas, is sparse in far high-need wards and absent from most low-need ones', () => {
    const totals = requestTotals();
    const hops = hopsToCurrentAreas();
    const vt = indicators.data.map((row) => value(row, 'vt_share'));
    const vtCut = median(vt.filter((v): v is number => v !== null))!;
    const mean = (members: number[]) => members.reduce((s, i) => s + totals[i], 0) / members.length;
    const inAreas = totals.flatMap((_t, i) => (hops[i] === 0 ? [i] : []));
    const farNeedy = totals.flatMap((_t, i) => (hops[i] >= 3 && vt[i] !== null && vt[i]! >= vtCut ? [i] : []));
    expect(farNeedy.length).toBeGreaterThan(0);
    expect(mean(inAreas)).toBeGreaterThan(5 * mean(farNeedy));
    const calm = totals.flatMap((_t, i) => (vt[i] !== null && vt[i]! < vtCut ? [i] : []));
    expect(calm.filter((i) => totals[i] === 0).length).toBeGreaterThan(calm.length / 2);
  });

  // Need (vt_share) is cut at its median over wards with a value. Requests are cut at their median
  // over all wards, zeros included, as the app's Field panel does; and, in case it ever leaves out
  // the wards without requests, at the median over wards with requests too. Both must show every quadrant.
  it.each([
    ['all wards', (totals: number[]) => totals],
    ['wards with requests', (totals: number[]) => totals.filter((t) => t > 0)],
  ])('help-requests.csv puts 10+ wards in each quadrant of need against requests, cut at the median over %s', (_label, over) => {
    const totals = requestTotals();
    const vt = indicators.data.map((row) => value(row, 'vt_share'));
    const vtCut = median(vt.filter((v): v is number => v !== null))!;
    const requestCut = median(over(totals))!;
    const counts = new Map<Quadrant | null, number>();
    vt.forEach((v, i) => {
      const q = quadrant(v, totals[i], vtCut, requestCut);
      counts.set(q, (counts.get(q) ?? 0) + 1);
    });
    for (const q of ['deploy', 'outreach', 'look-closer', 'not-now'] as const) {
      expect(counts.get(q) ?? 0, q).toBeGreaterThanOrEqual(10);
    }
  });

  it('meta.json marks the data as synthetic', () => {
    expect(meta.synthetic).toBe(true);
    expect(meta.generatedBy).toBe('scripts/make-demo-data.ts');
    expect(Number.isInteger(meta.seed)).toBe(true);
  });
});

describe('makeDemoData(seed)', () => {
  it('makeDemoData(seed) is deterministic and reproduces the committed files', () => {
    const first = makeDemoData(meta.seed);
    const second = makeDemoData(meta.seed);
    expect(second).toEqual(first);
    const files = serialiseDemoData(first);
    expect(Object.keys(files).sort()).toEqual(
      ['current-areas.csv', 'districts.geojson', 'help-requests.csv', 'indicators.csv', 'meta.json', 'wards.geojson'],
    );
    for (const [name, text] of Object.entries(files)) expect(text, name).toBe(read(name));
  });

  it('makeDemoData(seed) writes help requests that the app reads back unchanged', () => {
    const data = makeDemoData(meta.seed);
    const back = parseRequests(serialiseDemoData(data)['help-requests.csv'], 'help-requests.csv');
    expect(back.problems).toEqual([]);
    expect(back.data).toEqual(data.helpRequests);
  });

  it('makeDemoData(seed) rejects a seed that is not an integer', () => {
    expect(() => makeDemoData(1.5)).toThrow('invalid seed: 1.5');
  });
});
