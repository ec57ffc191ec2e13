import type { FeatureCollection } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryJson, packPolygons } from '../../src/map/geometryJson';

// Rounded to 6 decimals as geometryJson writes them, so that the squares read back equal.
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const square = (x: number, y: number, size = 1) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]].map((p) => p.map(r6));

const wards: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates: [square(4.1, 50.2), square(4.3, 50.4, 0.1)] } },
    { type: 'Feature', id: 7, properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square(-1.5, 49)], [square(3, 51.25, 0.5)]] } },
    // Not drawn as a ward: no polygon, or no numeric id.
    { type: 'Feature', id: 8, properties: {}, geometry: { type: 'Point', coordinates: [4, 50] } },
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(0, 0)] } },
  ],
};

describe('geometryJson', () => {
  it('writes the polygon features as GeoJSON text that reads back to the same ids and coordinates', async () => {
    const packed = await packPolygons(wards);
    const read = JSON.parse(geometryJson(packed).join('')) as FeatureCollection;
    expect(read.type).toBe('FeatureCollection');
    expect(read.features.map((f) => f.id)).toEqual([0, 7]);
    expect(read.features[0].geometry).toEqual(wards.features[0].geometry); // all at most 6 decimals
    expect(read.features[1].geometry).toEqual(wards.features[1].geometry);
    expect(read.features.every((f) => f.type === 'Feature' && Object.keys(f.properties ?? {}).length === 0)).toBe(true);
  });

  it('gives the bounds of every position, and none for a collection without polygons', async () => {
    expect((await packPolygons(wards)).bounds).toEqual([-1.5, 49, 5.1, 51.75]);
    const empty = await packPolygons({ type: 'FeatureCollection', features: [] });
    expect(empty.bounds).toBeNull();
    expect(JSON.parse(geometryJson(empty).join(''))).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('pauses between slices and stops with an AbortError once aborted', async () => {
    const many: FeatureCollection = {
      type: 'FeatureCollection',
      features: Array.from({ length: 1_000 }, (_, i) => ({ type: 'Feature' as const, id: i, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [square(i, 0)] } })),
    };
    let clock = 0;
    let pauses = 0;
    const packed = await packPolygons(many, { sliceMs: 1, now: () => (clock += 1), pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(10);
    expect(packed.ids.length).toBe(1_000);
    const controller = new AbortController();
    const stopped = packPolygons(many, { sliceMs: 1, now: () => (clock += 1), signal: controller.signal, pause: async () => controller.abort() });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rounds coordinates to 6 decimals unless told otherwise', async () => {
    const one: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 3, properties: {}, geometry: { type: 'Polygon', coordinates: [[[4.382433611136111, 51.133985631556314], [4.4, 51.2], [4.5, -0.0000001], [4.382433611136111, 51.133985631556314]]] } }],
    };
    const packed = await packPolygons(one);
    expect(geometryJson(packed).join('')).toContain('"coordinates":[[[4.382434,51.133986],[4.4,51.2],[4.5,0],[4.382434,51.133986]]]');
    expect(geometryJson(packed, 9).join('')).toContain('[4.382433611,51.133985632]');
  });

  it('round-trips any finite coordinates to within the rounding', async () => {
    const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.tuple(coordinate, coordinate), { minLength: 4, maxLength: 8 }), { minLength: 1, maxLength: 5 }), async (rings) => {
        const collection: FeatureCollection = {
          type: 'FeatureCollection',
          features: rings.map((ring, i) => ({ type: 'Feature', id: i, properties: {}, geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y])] } })),
        };
        const read = JSON.parse(geometryJson(await packPolygons(collection)).join('')) as FeatureCollection;
        const flat = (c: FeatureCollection) => c.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat(2) : []));
        const got = flat(read);
        const want = flat(collection);
        expect(got.length).toBe(want.length);
        got.forEach((value, i) => expect(Math.abs(value - want[i])).toBeLessThanOrEqual(5e-7 + 1e-9 * Math.abs(want[i])));
      }),
    );
  });
});
