import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { booleanClockwise, booleanValid } from '@turf/turf';
import Papa from 'papaparse';
import { sampleCorrelation } from 'simple-statistics';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { makeDemoData, serialiseDemoData, type DemoData } from '../../scripts/make-demo-data';

const dir = new URL('../../data/demo/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const csv = (name: string) => Papa.parse<Record<string, string>>(read(name), { header: true, skipEmptyLines: true });

type Areas = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
const wards = JSON.parse(read('wards.geojson')) as Areas;
const districts = JSON.parse(read('districts.geojson')) as Areas;
const meta = JSON.parse(read('meta.json')) as DemoData['meta'];
const indicators = csv('indicators.csv');
const currentAreas = csv('current-areas.csv');

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
    for (const [name, text] of Object.entries(serialiseDemoData(first))) expect(text, name).toBe(read(name));
  });

  it('makeDemoData(seed) rejects a seed that is not an integer', () => {
    expect(() => makeDemoData(1.5)).toThrow('invalid seed: 1.5');
  });
});
