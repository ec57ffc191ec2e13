import { z } from 'zod';
import type { Theme } from '../model/suggestThemes';
import { problem, type Loaded, type Problem } from './problem';

const labels = z.object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) });

const themeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and - only'),
  label: labels,
  indicators: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z0-9_]+$/, 'letters, digits and _ only'),
        direction: z.enum(['high', 'low']),
      }),
    )
    .min(1, 'at least one indicator'),
  action: labels,
});

/**
 * Validates the action-theme catalogue (data/themes.json): each theme has an id, labels and an action
 * in nl/fr/en, and at least one indicator with a direction (high or low = which value suggests the theme).
 * Indicator ids are not checked against the indicator catalogue: a theme whose indicators are missing
 * from the data is simply never suggested. Bad entries are reported and left out; ids must be unique.
 */
export function parseThemes(json: unknown, file: string): Loaded<Theme[]> {
  if (!Array.isArray(json)) return { data: null, problems: [problem(file, 'expected a JSON array of themes')] };
  const problems: Problem[] = [];
  const out: Theme[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < json.length; i++) {
    const parsed = themeSchema.safeParse(json[i]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(problem(file, `theme ${i + 1}: ${issue.message}`, { row: i + 1, column: issue.path.join('.') || null }));
      }
      continue;
    }
    if (ids.has(parsed.data.id)) {
      problems.push(problem(file, `theme ${i + 1}: id "${parsed.data.id}" is used twice`, { row: i + 1, column: 'id' }));
      continue;
    }
    ids.add(parsed.data.id);
    out.push(parsed.data);
  }
  return { data: out, problems };
}
