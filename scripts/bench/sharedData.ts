import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The real Belgian files the bench reads, from ../shared/data beside the repo. */
export interface BenchData {
  dir: string;
  sectors: string;
  sectorsName: string;
  indicators: string;
  indicatorsName: string;
}

const SECTORS = 'statbel-sectors-2021/sectors_be_2021_wgs84.topojson';
const INDICATORS = 'derived/sector_indicators_be.csv';

/**
 * Locates the Belgium files under `<repo>/../shared/data` (or $CHW_SHARED_DATA). Throws one
 * message that names every missing file: the bench has no synthetic fallback, its figures are
 * about the real file.
 */
export function benchData(repoRoot: string): BenchData {
  const dir = process.env.CHW_SHARED_DATA ? resolve(process.env.CHW_SHARED_DATA) : resolve(repoRoot, '..', 'shared', 'data');
  const missing = [SECTORS, INDICATORS].filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new Error(
      `bench: the real Belgium data is missing from ${dir}: ${missing.join(', ')}. ` +
        'npm run bench needs ../shared/data beside the repo (as CI has it), or CHW_SHARED_DATA pointing at such a folder; it never copies or fakes that data.',
    );
  }
  return {
    dir,
    sectors: join(dir, SECTORS),
    sectorsName: basename(SECTORS),
    indicators: join(dir, INDICATORS),
    indicatorsName: basename(INDICATORS),
  };
}
