import proj4 from 'proj4';
import type { Feature, Geometry, Position } from 'geojson';
import type { Crs } from './detectCrs';

// The published definitions. EPSG:31370's +towgs84 is the seven-parameter shift from the Belgian
// 1972 datum; ETRS89 (EPSG:3812) is WGS84 at map scale.
const DEFINITIONS: Record<Exclude<Crs, 'EPSG:4326'>, string> = {
  'EPSG:31370':
    '+proj=lcc +lat_1=51.16666723333333 +lat_2=49.8333339 +lat_0=90 +lon_0=4.367486666666666 +x_0=150000.013 ' +
    '+y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs',
  'EPSG:3812':
    '+proj=lcc +lat_1=49.83333333333334 +lat_2=51.16666666666666 +lat_0=50.797815 +lon_0=4.359215833333333 ' +
    '+x_0=649328 +y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
};

// Six decimals of a degree is about 0.1 m: finer than any boundary we draw, and it keeps the
// numbers short when the features are written out again.
const SCALE = 1e6;

/**
 * Returns new features whose coordinates, given in `from`, are transformed to WGS84 [lon, lat]
 * rounded to 6 decimals (heights dropped); null geometries stay null, properties are shared.
 * Features already in EPSG:4326 are returned as they are.
 */
export function reprojectFeatures<G extends Geometry | null>(features: Feature<G>[], from: Crs): Feature<G>[] {
  if (from === 'EPSG:4326') return features;
  const definition = DEFINITIONS[from];
  if (definition === undefined) throw new Error(`invalid from: ${String(from)}`);
  // One converter for the whole file: proj4 parses the definition once.
  const converter = proj4(definition, 'WGS84');
  const toWgs84 = (position: Position): Position => {
    const [lon, lat] = converter.forward([position[0], position[1]]);
    return [Math.round(lon * SCALE) / SCALE, Math.round(lat * SCALE) / SCALE];
  };
  return features.map((feature) => {
    // A bbox would still be in the old units, so it is left behind.
    const { bbox: _bbox, ...rest } = feature;
    return { ...rest, geometry: reprojectGeometry(feature.geometry, toWgs84) as G };
  });
}

function reprojectGeometry(geometry: Geometry | null, toWgs84: (position: Position) => Position): Geometry | null {
  if (geometry === null) return null;
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: toWgs84(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(toWgs84) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((ring) => ring.map(toWgs84)) } as Geometry;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(toWgs84))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((g) => reprojectGeometry(g, toWgs84) as Geometry),
      };
  }
}
