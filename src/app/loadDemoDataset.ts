import type { Problem } from '../io/problem';
import type { Dataset } from '../model/createDataset';
import { assembleDataset } from './assembleDataset';
import { CATALOGUE } from './catalogue';

/**
 * Loads the embedded synthetic city. Its files are separate chunks, fetched from the app's own origin
 * only when needed, and read by the same loaders as the user's files.
 */
export async function loadDemoDataset(): Promise<{ dataset: Dataset | null; problems: Problem[] }> {
  const [wards, districts, indicators, current, meta] = await Promise.all([
    import('../../data/demo/wards.geojson?raw'),
    import('../../data/demo/districts.geojson?raw'),
    import('../../data/demo/indicators.csv?raw'),
    import('../../data/demo/current-areas.csv?raw'),
    import('../../data/demo/meta.json'),
  ]);
  return assembleDataset({
    name: meta.default.name,
    synthetic: true,
    attribution: 'Synthetic demo data (chw-planner)',
    boundaries: { name: 'wards.geojson', text: wards.default },
    indicatorFiles: [{ source: { name: 'indicators.csv', text: indicators.default }, key: 'code' }],
    catalogue: CATALOGUE,
    districts: { name: 'districts.geojson', text: districts.default },
    currentAreas: { name: 'current-areas.csv', text: current.default },
  });
}
