import type { Problem } from '../io/problem';
import type { Dataset } from '../model/createDataset';
import { parseRequests } from '../io/requestsCsv';
import type { HelpRequest } from '../model/fieldSignals';
import { CATALOGUE } from './catalogue';

/**
 * Loads the embedded synthetic city. Its files are separate chunks, fetched from the app's own origin
 * only when needed, and read by the same loaders as the user's files. The boundary and indicator
 * readers (GeoJSON, reprojection with proj4) are fetched with them, so they stay out of the entry chunk.
 */
export async function loadDemoDataset(): Promise<{ dataset: Dataset | null; problems: Problem[]; requests: HelpRequest[] }> {
  const [{ assembleDataset }, wards, districts, indicators, current, meta, requests] = await Promise.all([
    import('./assembleDataset'),
    import('../../data/demo/wards.geojson?raw'),
    import('../../data/demo/districts.geojson?raw'),
    import('../../data/demo/indicators.csv?raw'),
    import('../../data/demo/current-areas.csv?raw'),
    import('../../data/demo/meta.json'),
    import('../../data/demo/help-requests.csv?raw'),
  ]);
  // The demo's help requests are the field data a new user sees; their own imports replace them.
  const parsedRequests = parseRequests(requests.default, 'help-requests.csv');
  const assembled = assembleDataset({
    name: meta.default.name,
    synthetic: true,
    attribution: 'Synthetic demo data (chw-planner)',
    boundaries: { name: 'wards.geojson', text: wards.default },
    indicatorFiles: [{ source: { name: 'indicators.csv', text: indicators.default }, key: 'code' }],
    catalogue: CATALOGUE,
    districts: { name: 'districts.geojson', text: districts.default },
    currentAreas: { name: 'current-areas.csv', text: current.default },
  });
  const dataset = assembled.dataset && { ...assembled.dataset, title: meta.default.title };
  return { dataset, problems: [...assembled.problems, ...parsedRequests.problems], requests: parsedRequests.data ?? [] };
}
