import { centroid as turfCentroid, distance as turfDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { adjacency, adjacencyFromTopology } from '../../src/model/adjacency';
import { centroids, distanceKm } from '../../src/model/centroids';
import { sharedData } from '../io/sharedData';

type Areas = FeatureCollection<Polygon | MultiPolygon | null, Record<string, unknown>>;

/** cols x rows squares of 0.01° near Brussels; ward index = row * cols + col, row 0 to the south. */
function grid(cols: number, rows: number): FeatureCollection<Polygon, Record<string, never>> {
  const features: Feature<Polygon, Record<string, never>>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x0, x1, y0, y1] = [(435 + c) / 100, (436 + c) / 100, (5085 + r) / 100, (5086 + r) / 100];
      const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      features.push({ type: 'Feature', id: r * cols + c, properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

const square = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** Checks that b is a neighbour of a exactly when a is one of b. */
function symmetric(lists: number[][]): boolean {
  return lists.every((list, i) => list.every((j) => lists[j].includes(i)));
}

describe('adjacency', () => {
  // 12 13 14 15
  //  8  9 10 11
  //  4  5  6  7
  //  0  1  2  3
  const lists = adjacency(grid(4, 4), 16);

  it('adjacency(geometry, wardCount) lists the wards sharing a border, sorted, not those touching at a corner', () => {
    expect(lists[0]).toEqual([1, 4]);
    expect(lists[1]).toEqual([0, 2, 5]);
    expect(lists[5]).toEqual([1, 4, 6, 9]);
    expect(lists[15]).toEqual([11, 14]);
    expect(symmetric(lists)).toBe(true);
  });

  it("adjacency(geometry, wardCount, 'queen') adds the wards touching at a corner", () => {
    const queen = adjacency(grid(4, 4), 16, 'queen');
    expect(queen[0]).toEqual([1, 4, 5]);
    expect(queen[5]).toEqual([0, 1, 2, 4, 6, 8, 9, 10]);
    expect(queen[15]).toEqual([10, 11, 14]);
    expect(symmetric(queen)).toBe(true);
    // Two squares meeting at one corner only: queen neighbours, not rook neighbours.
    const corner: Areas = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } },
        { type: 'Feature', id: 1, properties: {}, geometry: { type: 'Polygon', coordinates: [square(1, 1, 2, 2)] } },
      ],
    };
    expect(adjacency(corner, 2, 'queen')).toEqual([[1], [0]]);
    expect(adjacency(corner, 2)).toEqual([[], []]);
  });

  it("adjacencyFromTopology(topology, objectName, ids, wardCount, 'queen') reads corners from a quantized topology too", () => {
    const quantized = topology({ cells: grid(3, 3) }, 1e5) as unknown as Topology;
    expect(quantized.transform).toBeDefined();
    const queen = adjacencyFromTopology(quantized, 'cells', Array.from({ length: 9 }, (_, i) => i), 9, 'queen');
    expect(queen[4]).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    expect(queen[0]).toEqual([1, 3, 4]);
  });

  it('adjacency(geometry, wardCount) gives [] to wards without geometry', () => {
    const g = grid(2, 1) as Areas;
    g.features.push({ type: 'Feature', id: 2, properties: {}, geometry: null });
    expect(adjacency(g, 4)).toEqual([[1], [0], [], []]);
    expect(adjacency({ type: 'FeatureCollection', features: [] }, 2)).toEqual([[], []]);
  });

  it('adjacency(geometry, wardCount) joins an enclave to the ward around it, and not a ward to itself', () => {
    const g: Areas = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0, 3, 3), square(1, 1, 2, 2).reverse()] } },
        { type: 'Feature', id: 1, properties: {}, geometry: { type: 'Polygon', coordinates: [square(1, 1, 2, 2)] } },
        // Two parts of one ward along a common edge, and a neighbour of the second part.
        { type: 'Feature', id: 2, properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(5, 0, 6, 1)], [square(6, 0, 7, 1)]] } },
        { type: 'Feature', id: 3, properties: {}, geometry: { type: 'Polygon', coordinates: [square(7, 0, 8, 1)] } },
      ],
    };
    expect(adjacency(g, 4)).toEqual([[1], [0], [3], [2]]);
  });

  it('adjacency(geometry, wardCount) maps features to wards by id, not by position', () => {
    const g = grid(3, 1);
    g.features.forEach((f) => (f.id = 4 - (f.id as number))); // ids 4, 3, 2
    expect(adjacency(g, 5)).toEqual([[], [], [3], [2, 4], [3]]);
  });

  it('adjacency(geometry, wardCount) throws on a bad ward count or feature id', () => {
    expect(() => adjacency(grid(2, 1), -1)).toThrow('invalid wardCount: -1');
    expect(() => adjacency(grid(2, 1), 1)).toThrow('invalid ward index: 1');
    const unnamed = grid(2, 1);
    delete unnamed.features[0].id;
    expect(() => adjacency(unnamed, 2)).toThrow('invalid ward index: undefined');
  });

  it('adjacencyFromTopology(topology, objectName, ids, wardCount) reads an existing topology', () => {
    const topo = topology({ cells: grid(4, 4) }) as unknown as Topology;
    const ids = Array.from({ length: 16 }, (_, i) => (i === 3 ? null : i));
    const fromTopology = adjacencyFromTopology(topo, 'cells', ids, 16);
    expect(fromTopology[5]).toEqual([1, 4, 6, 9]);
    expect(fromTopology[2]).toEqual([1, 6]);
    expect(fromTopology[3]).toEqual([]);
    expect(() => adjacencyFromTopology(topo, 'nope', ids, 16)).toThrow('invalid objectName: nope');
  });

  const tienen = sharedData('statbel-sectors-2021/fixture_tienen_sectors_2021_wgs84.geojson');
  it.skipIf(tienen.skip)(`adjacency(geometry, wardCount) gives every one of the 61 Tienen sectors a neighbour, symmetrically${tienen.note}`, () => {
    const g = JSON.parse(tienen.read()) as Areas;
    g.features.forEach((f, i) => (f.id = i));
    const result = adjacency(g, g.features.length);
    expect(result).toHaveLength(61);
    expect(result.every((list) => list.length >= 1)).toBe(true);
    expect(symmetric(result)).toBe(true);
  });

  it('adjacency(geometry, wardCount) gives every demo ward a neighbour, symmetrically', () => {
    const g = JSON.parse(readFileSync(new URL('../../data/demo/wards.geojson', import.meta.url), 'utf8')) as Areas;
    g.features.forEach((f, i) => (f.id = i));
    const result = adjacency(g, g.features.length);
    expect(result.every((list) => list.length >= 1)).toBe(true);
    expect(symmetric(result)).toBe(true);
  });
});

describe('centroids', () => {
  const feature = (id: number, geometry: Polygon | MultiPolygon | null): Areas['features'][number] => ({ type: 'Feature', id, properties: {}, geometry });

  it('centroids(geometry, wardCount) gives the centre of a square and null without geometry', () => {
    const c = centroids(grid(2, 1), 3);
    expect(c[0]?.[0]).toBeCloseTo(4.355, 12);
    expect(c[0]?.[1]).toBeCloseTo(50.855, 12);
    expect(c[1]?.[0]).toBeCloseTo(4.365, 12);
    expect(c[2]).toBeNull();
  });

  it('centroids(geometry, wardCount) weighs by area: holes subtract, every part counts', () => {
    // 4 x 2 rectangle (area 8, centre x 2) less a unit hole centred at x 1, wound like the outer ring.
    const holed = feature(0, { type: 'Polygon', coordinates: [square(0, 0, 4, 2), square(0.5, 0.5, 1.5, 1.5)] });
    // Unit square at x 0.5 and a 2 x 1 rectangle at x 3: (0.5 * 1 + 3 * 2) / 3.
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(2, 0, 4, 1)]] };
    const parts = feature(1, multi);
    const [a, b] = centroids({ type: 'FeatureCollection', features: [holed, parts] }, 2);
    expect(a?.[0]).toBeCloseTo(15 / 7, 12);
    expect(a?.[1]).toBeCloseTo(1, 12);
    expect(b?.[0]).toBeCloseTo(13 / 6, 12);
    expect(b?.[1]).toBeCloseTo(0.5, 12);
    // turf's centroid, the mean of the 8 distinct vertices, would say 14 / 8 for the second.
    expect(turfCentroid(multi).geometry.coordinates[0]).toBeCloseTo(1.75, 12);
  });

  it('distanceKm(a, b) is the great-circle distance', () => {
    // One degree of latitude on a sphere of radius 6371.0088 km.
    expect(distanceKm([4, 50], [4, 51])).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
    expect(distanceKm([4.35, 50.85], [4.36, 50.85])).toBeCloseTo(turfDistance([4.35, 50.85], [4.36, 50.85]), 9);
    expect(distanceKm([3.2, 51.2], [5.6, 49.6])).toBeCloseTo(turfDistance([3.2, 51.2], [5.6, 49.6]), 9);
    expect(distanceKm([4, 50], [4, 50])).toBe(0);
  });
});
