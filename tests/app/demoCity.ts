import { readFileSync } from 'node:fs';
import { assembleDataset } from '../../src/app/assembleDataset';
import { CATALOGUE } from '../../src/app/catalogue';

export const demoFile = (name: string) => readFileSync(new URL(`../../data/demo/${name}`, import.meta.url), 'utf8');

/** The demo city, assembled with the same arguments as loadDemoDataset (which needs Vite's ?raw imports). */
export function loadDemo() {
  const meta = JSON.parse(demoFile('meta.json')) as { name: string };
  return assembleDataset({
    name: meta.name,
    synthetic: true,
    attribution: 'Synthetic demo data (chw-planner)',
    boundaries: { name: 'wards.geojson', text: demoFile('wards.geojson') },
    indicatorFiles: [{ source: { name: 'indicators.csv', text: demoFile('indicators.csv') }, key: 'code' }],
    catalogue: CATALOGUE,
    districts: { name: 'districts.geojson', text: demoFile('districts.geojson') },
    currentAreas: { name: 'current-areas.csv', text: demoFile('current-areas.csv') },
  });
}
