import type { Dataset } from './createDataset';
import { normaliseCode } from './normaliseCode';

/** A programme area matched to sector codes (see src/io/areaMatches.ts for the file format). */
export interface MatchedArea {
  city: string;
  area: string;
  sectorCodes: readonly string[];
}

/**
 * The dataset with the matched programme areas added to its current CHW areas: every ward whose code
 * a match lists becomes a current area of the city's team ("CHW <city>"). Codes that match no ward
 * are ignored (they belong to another dataset); the dataset is returned unchanged without matches.
 */
export function applyAreaMatches(dataset: Dataset, matches: readonly MatchedArea[]): Dataset {
  if (matches.length === 0) return dataset;
  const indexOf = new Map(dataset.wards.map((w) => [normaliseCode(w.code), w.index]));
  const current = new Map(dataset.currentAreas.map((a) => [a.index, a.team]));
  for (const match of matches) {
    for (const code of match.sectorCodes) {
      const index = indexOf.get(normaliseCode(code));
      if (index !== undefined && !current.has(index)) current.set(index, `CHW ${match.city}`);
    }
  }
  if (current.size === dataset.currentAreas.length) return dataset;
  return { ...dataset, currentAreas: [...current].map(([index, team]) => ({ index, team })).sort((a, b) => a.index - b.index) };
}
