import { z } from 'zod';
import type { IndicatorDef } from '../model/types';
import { problemFrom, type Loaded, type Problem } from './problem';

const labels = z.object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });

const indicatorSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_]+$/, 'letters, digits and _ only'),
  label: labels,
  shortLabel: labels.optional(),
  unit: z.string(),
  direction: z.enum(['high', 'low']),
  defaultWeight: z.number().min(0).max(5),
  source: z.string(),
  year: z.number().int().nullable(),
  aliases: z.array(z.string()).optional(),
  level: z.enum(['ward', 'municipality']).optional(),
  aggregate: z.enum(['sum', 'mean']).optional(),
});

/**
 * Validates an indicator catalogue (data/indicators.json): each entry must have an id, labels in
 * nl/fr/en, a unit, a direction (high or low = which value means more need) and a default weight 0–5.
 * Bad entries are reported and left out; ids must be unique.
 */
export function parseCatalogue(json: unknown, file: string): Loaded<IndicatorDef[]> {
  if (!Array.isArray(json)) return { data: null, problems: [problemFrom(file, 'catalogueNotArray')] };
  const problems: Problem[] = [];
  const out: IndicatorDef[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < json.length; i++) {
    const parsed = indicatorSchema.safeParse(json[i]);
    if (!parsed.success) {
      // zod's own issue messages stay English: they name the expected and received values.
      for (const issue of parsed.error.issues) {
        problems.push(problemFrom(file, 'catalogueInvalid', { number: i + 1, issue: issue.message }, { row: i + 1, column: issue.path.join('.') || null }));
      }
      continue;
    }
    if (ids.has(parsed.data.id)) {
      problems.push(problemFrom(file, 'catalogueRepeatedId', { number: i + 1, id: parsed.data.id }, { row: i + 1, column: 'id' }));
      continue;
    }
    ids.add(parsed.data.id);
    out.push(parsed.data);
  }
  return { data: out, problems };
}
