import { kinks } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../src/io/parseBoundaries';
import { selfIntersects } from '../../src/io/selfIntersects';
import { sharedData } from './sharedData';

const polygon = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('selfIntersects', () => {
  it('selfIntersects(geometry) finds a bow tie and a ring that loops over itself', () => {
    expect(selfIntersects(polygon([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]))).toBe(true);
    // A square with a spike that cuts back across its first edge.
    expect(selfIntersects(polygon([[0, 0], [2, 0], [2, 2], [1, 2], [1, -1], [0, -1], [0, 0]]))).toBe(true);
  });

  it('selfIntersects(geometry) passes simple rings, holes, touching vertices and degenerate rings', () => {
    expect(selfIntersects(polygon(SQUARE))).toBe(false);
    expect(selfIntersects(polygon(SQUARE, [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]]))).toBe(false);
    // Two lobes meeting at one vertex (1, 1): touching, not crossing.
    expect(selfIntersects(polygon([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]]))).toBe(false);
    expect(selfIntersects(polygon([]))).toBe(false);
    expect(selfIntersects(polygon([[0, 0], [1, 0], [0, 0]]))).toBe(false);
  });

  it('selfIntersects(multipolygon) looks at every part', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[SQUARE], [[[5, 5], [6, 6], [6, 5], [5, 6], [5, 5]]]] };
    expect(selfIntersects(multi)).toBe(true);
  });

  it('selfIntersects(geometry) agrees with turf kinks on random rings', () => {
    // A fixed pseudo-random sequence: rings of 5 to 12 vertices in a unit square cross often.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let n = 0; n < 300; n++) {
      const ring = Array.from({ length: 5 + Math.floor(random() * 8) }, () => [random(), random()]);
      ring.push(ring[0]);
      const turf = kinks(polygon(ring)).features.length > 0;
      expect(selfIntersects(polygon(ring))).toBe(turf);
    }
  });

  it('selfIntersects(geometry) agrees with turf kinks on rings large enough to be swept', () => {
    // Star-shaped rings of 65 to 200 vertices, simple until two of their vertices are swapped.
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let n = 0; n < 40; n++) {
      const angles = Array.from({ length: 65 + Math.floor(random() * 136) }, () => random() * 2 * Math.PI).sort((a, b) => a - b);
      const ring = angles.map((a) => {
        const radius = 0.5 + random() / 2;
        return [Math.cos(a) * radius, Math.sin(a) * radius];
      });
      if (n % 2 === 1) {
        const i = Math.floor(random() * ring.length);
        const j = Math.floor(random() * ring.length);
        [ring[i], ring[j]] = [ring[j], ring[i]];
      }
      ring.push(ring[0]);
      const turf = kinks(polygon(ring)).features.length > 0;
      expect(selfIntersects(polygon(ring))).toBe(turf);
    }
  });

  const sectors = sharedData('statbel-sectors-2021/sectors_be_2021_wgs84.topojson');
  it.skipIf(sectors.skip)(`selfIntersects(geometry) finds the 6 Statbel sectors that cross themselves, in well under a second${sectors.note}`, () => {
    const features = parseBoundaries(sectors.read(), 'sectors.topojson').data!.features;
    const start = performance.now();
    const crossing = features.filter((f) => f.geometry !== null && selfIntersects(f.geometry)).map((f) => f.properties?.CD_SECTOR);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(crossing).toEqual(['34009A0PA', '44081A176', '44081B091', '62100A3PA', '63087A70-', '63087A79-']);
  }, 30_000);
});
