import type { Feature, Polygon } from 'geojson';
import { CATALOGUE } from '../../src/app/catalogue';
import { createDataset, type Dataset, type IndicatorTableInput } from '../../src/model/createDataset';

/** A unit square with its lower-left corner at (x, y), counterclockwise. */
export function square(x: number, y: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  };
}

/** Three wards in a row: W1 Noord (Oost), W2 Midden (Oost), W3 Zuid (West). */
export const TINY_WARDS: Feature<Polygon, Record<string, unknown>>[] = [
  { type: 'Feature', properties: { code: 'W1', name: 'Noord', district: 'Oost' }, geometry: square(0, 0) },
  { type: 'Feature', properties: { code: 'W2', name: 'Midden', district: 'Oost' }, geometry: square(1, 0) },
  { type: 'Feature', properties: { code: 'W3', name: 'Zuid', district: 'West' }, geometry: square(2, 0) },
];

/** The tiny city as a GeoJSON file's text. */
export const TINY_WARDS_GEOJSON = JSON.stringify({ type: 'FeatureCollection', features: TINY_WARDS });

/** The tiny city as a dataset, with the given indicator tables joined by the catalogue. */
export function tinyCity(tables: IndicatorTableInput[] = [], wards = TINY_WARDS): Dataset {
  return createDataset({
    name: 'Tiny city',
    features: wards,
    fields: { key: 'code', name: 'name', district: 'district' },
    tables,
    catalogue: CATALOGUE,
  });
}
