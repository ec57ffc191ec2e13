import type { Direction } from '../model/types';

export interface WeightSpec {
  column: string;
  weight: number;
  direction: Direction;
}

/**
 * Reads the CLI's --weights value: "col:weight:dir,..." with dir `high` (higher value = more need) or
 * `low`. parseWeightsSpec("income:2:low,vt:1:high") -> [{ column: 'income', weight: 2, direction: 'low' }, …]
 * Returns the specs, or a message saying which part is wrong.
 */
export function parseWeightsSpec(spec: string): { specs: WeightSpec[] } | { error: string } {
  const specs: WeightSpec[] = [];
  const parts = spec.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { error: '--weights is empty: expected "column:weight:high|low,..."' };
  for (const part of parts) {
    // Split from the right: column names may themselves contain ":".
    const pieces = part.split(':');
    if (pieces.length < 3) return { error: `--weights part "${part}": expected column:weight:high|low` };
    const direction = pieces.pop() as string;
    const weightText = pieces.pop() as string;
    const column = pieces.join(':');
    const weight = Number(weightText);
    if (column === '') return { error: `--weights part "${part}": the column name is empty` };
    if (weightText.trim() === '' || !Number.isFinite(weight) || weight < 0) {
      return { error: `--weights part "${part}": weight "${weightText}" is not a number >= 0` };
    }
    if (direction !== 'high' && direction !== 'low') {
      return { error: `--weights part "${part}": direction "${direction}" must be "high" (higher value = more need) or "low"` };
    }
    if (specs.some((s) => s.column === column)) return { error: `--weights names column "${column}" twice` };
    specs.push({ column, weight, direction });
  }
  return { specs };
}
