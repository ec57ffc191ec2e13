import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { topologyFeatures, type TopologyInput } from '../../src/io/topologyFeatures';
import { sharedData } from './sharedData';

// Two wards side by side that share arc 0, their common border; a third without geometry.
const topology = (transform: boolean) => ({
  type: 'Topology',
  ...(transform ? { transform: { scale: [0.01, 0.01], translate: [4.9, 50.8] } } : {}),
  arcs: transform
    ? [[[1, 0], [0, 1], [0, 1]], [[1, 2], [-1, 0], [0, -2], [1, 0]], [[1, 0], [1, 0], [0, 2], [-1, 0]]]
    : [[[4.91, 50.8], [4.91, 50.81], [4.91, 50.82]], [[4.91, 50.82], [4.9, 50.82], [4.9, 50.8], [4.91, 50.8]], [[4.91, 50.8], [4.92, 50.8], [4.92, 50.82], [4.91, 50.82]]],
  objects: {
    wards: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { code: 'W' }, id: 7 },
        { type: 'MultiPolygon', arcs: [[[~0, 2]]], properties: { code: 'E' }, bbox: [4.91, 50.8, 4.92, 50.82] },
        { type: null, properties: null },
      ],
    },
  },
});

const client = (t: object, name: string) => (feature(t as unknown as Topology, name) as unknown as { features: unknown[] }).features;

describe('topologyFeatures', () => {
  it('topologyFeatures(topology, name) gives the features topojson-client gives, quantized or not', () => {
    for (const transform of [true, false]) {
      const t = topology(transform);
      expect(topologyFeatures(t as TopologyInput, 'wards')).toStrictEqual(client(t, 'wards'));
    }
  });

  it('topologyFeatures(topology, name) shares the positions of an arc between the rings that use it', () => {
    const [west, east] = topologyFeatures(topology(true) as TopologyInput, 'wards')!;
    const middle = (west.geometry as { coordinates: number[][][] }).coordinates[0][1];
    expect(middle[0]).toBeCloseTo(4.91, 9);
    expect(middle[1]).toBeCloseTo(50.81, 9);
    expect((east.geometry as { coordinates: number[][][][] }).coordinates[0][0][1]).toBe(middle);
  });

  it('topologyFeatures(topology, name) leaves points, lines and damaged arcs to topojson-client', () => {
    const t = topology(true);
    const only = (geometry: object) => ({ ...t, objects: { wards: { type: 'GeometryCollection', geometries: [geometry] } } }) as TopologyInput;
    expect(topologyFeatures(only({ type: 'Point', coordinates: [0, 0] }), 'wards')).toBeNull();
    expect(topologyFeatures(only({ type: 'Polygon', arcs: [[3]] }), 'wards')).toBeNull();
    expect(topologyFeatures(only({ type: 'Polygon', arcs: [[0.5]] }), 'wards')).toBeNull();
    expect(topologyFeatures({ ...t, arcs: [[[1, 0, 5]]] } as TopologyInput, 'wards')).toBeNull();
    expect(topologyFeatures({ ...t, objects: { wards: { type: 'Polygon', arcs: [[0]] } } } as TopologyInput, 'wards')).toBeNull();
  });

  const sectors = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
  it.skipIf(sectors.skip)(`topologyFeatures(topology, name) decodes Belgium's sectors as topojson-client does${sectors.note}`, () => {
    const t = JSON.parse(sectors.read());
    expect(topologyFeatures(t, 'sectors')).toStrictEqual(client(t, 'sectors'));
  }, 30_000);
});
