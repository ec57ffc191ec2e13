import type { Map as MapLibreMap } from 'maplibre-gl';
import { csvFileName } from '../io/csvFileName';
import { exportMapPng, styleAttribution, type MapPng } from '../map/exportPng';
import { downloadBlob } from './download';
import { mapPngContent, type MapPngFacts } from './mapPngContent';

/**
 * "Export map (PNG)": the map as on screen with its title, legend, weights and attribution, saved
 * as chw-map-<date>.png. The attribution is the one the map's attribution control shows: the
 * data's and the basemap's as the app knows them, and any the map's style sources carry.
 */
export async function exportMapImage(map: MapLibreMap, facts: MapPngFacts): Promise<MapPng> {
  const png = await exportMapPng(map, mapPngContent({ ...facts, basemapAttribution: [...facts.basemapAttribution, ...styleAttribution(map)] }));
  downloadBlob(png.blob, csvFileName('chw-map', facts.date, 'png'));
  return png;
}
