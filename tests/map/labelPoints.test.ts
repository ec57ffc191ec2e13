import { performance } from 'node:perf_hooks';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { centroids } from '../../src/model/centroids';
import { labelPoints, labelPointsInSlices } from '../../src/map/labelPoints';
import { sharedData } from '../io/sharedData';

type Ward = Feature<Polygon | MultiPolygon | null>;

const square = (x: number, y: number, size: number): number[][] => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];

describe('labelPoints', () => {
  it('puts the name of a U-shaped ward inside it, where its centroid falls in the gap', () => {
    // A U 0.03° wide and 0.02° high around a 0.01°-wide notch from the top, near Brussels.
    const u = [[[4.3, 50.8], [4.33, 50.8], [4.33, 50.82], [4.32, 50.82], [4.32, 50.805], [4.31, 50.805], [4.31, 50.82], [4.3, 50.82], [4.3, 50.8]]];
    const geometry: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates: u } }] };
    const centre = centroids(geometry, 1)[0]!;
    expect(booleanPointInPolygon(centre, geometry.features[0])).toBe(false);
    const points = labelPoints(geometry, 1);
    expect(booleanPointInPolygon([points.lon[0], points.lat[0]], geometry.features[0])).toBe(true);
    expect(points.minZoom[0]).toBeGreaterThan(0);
  });

  it('labels the largest part of a multipolygon, gives bigger wards a lower zoom and NaN to wards without geometry', () => {
    const wards: Ward[] = [
      { type: 'Feature', id: 0, properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(4, 50, 0.001)], [square(4.1, 50, 0.02)]] } },
      { type: 'Feature', id: 1, properties: {}, geometry: { type: 'Polygon', coordinates: [square(4.2, 50, 0.002)] } },
      { type: 'Feature', id: 2, properties: {}, geometry: null },
    ];
    const points = labelPoints({ type: 'FeatureCollection', features: wards }, 3);
    expect(points.lon[0]).toBeCloseTo(4.11, 2);
    expect(points.lat[0]).toBeCloseTo(50.01, 2);
    // Ten times smaller needs about log2(10) = 3.3 more zoom levels.
    expect(points.minZoom[1] - points.minZoom[0]).toBeGreaterThanOrEqual(3);
    expect(points.minZoom[1] - points.minZoom[0]).toBeLessThanOrEqual(4);
    expect([points.lon[2], points.minZoom[2]]).toEqual([NaN, NaN]);
  });

  it('is computed once per geometry object', () => {
    const geometry: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates: [square(4, 50, 0.01)] } }] };
    expect(labelPoints(geometry, 1)).toBe(labelPoints(geometry, 1));
  });

  it('labelPointsInSlices gives the same points, a few wards per slice, and stops when aborted', async () => {
    const features = Array.from({ length: 300 }, (_, i): Ward => ({ type: 'Feature', id: i, properties: {}, geometry: { type: 'Polygon', coordinates: [square(4 + (i % 20) * 0.01, 50 + Math.floor(i / 20) * 0.01, 0.005 + (i % 7) * 0.0005)] } }));
    const sliced = await labelPointsInSlices({ type: 'FeatureCollection', features }, 300, undefined, 0);
    expect(sliced).toEqual(labelPoints({ type: 'FeatureCollection', features }, 300));
    const controller = new AbortController();
    const pending = labelPointsInSlices({ type: 'FeatureCollection', features }, 300, controller.signal, 0);
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  const sectors = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
  it.skipIf(sectors.skip)(`19,478 Belgian sectors: every label point inside its sector, in well under a second${sectors.note}`, () => {
    const topology = JSON.parse(sectors.read()) as Topology;
    const collection = feature(topology, topology.objects.sectors) as FeatureCollection<Polygon | MultiPolygon | null>;
    collection.features.forEach((f, i) => (f.id = i));
    const n = collection.features.length;
    const times: number[] = [];
    let points = labelPoints(collection, n);
    for (let run = 0; run < 3; run++) {
      const copy: FeatureCollection<Polygon | MultiPolygon | null> = { ...collection };
      const start = performance.now();
      points = labelPoints(copy, n);
      times.push(performance.now() - start);
    }
    const median = times.sort((a, b) => a - b)[1];
    console.log(`labelPoints: ${n} sectors in ${median.toFixed(0)} ms (median of 3: ${times.map((t) => t.toFixed(0)).join(', ')})`);
    expect(median).toBeLessThan(2000);
    let outside = 0;
    let drawn = 0;
    collection.features.forEach((f, i) => {
      if (!f.geometry) return;
      drawn++;
      if (!booleanPointInPolygon([points.lon[i], points.lat[i]], f as Feature<Polygon | MultiPolygon>)) outside++;
    });
    expect(drawn).toBe(19_477);
    expect(outside).toBe(0);
    const zooms = [...points.minZoom].filter(Number.isFinite).sort((a, b) => a - b);
    console.log(`label zooms: min ${zooms[0]}, median ${zooms[zooms.length >> 1]}, max ${zooms[zooms.length - 1]}`);
  });
});
