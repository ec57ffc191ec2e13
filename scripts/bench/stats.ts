/** One benchmark figure: its runs in milliseconds (or bytes), summarised, and the target it is held to. */
export interface Figure {
  id: string;
  label: string;
  /** 'Node', 'Chromium' or 'build'. */
  where: string;
  unit: 'ms' | 'kB' | 'MB' | 'x';
  runs: number[];
  median: number;
  min: number;
  max: number;
  /** The target in words ("< 600 ms"), or null for a figure that is only reported. */
  target: string | null;
  /** True when the median meets the target; null without a target. */
  pass: boolean | null;
  /** How the figure was measured, in a sentence. */
  how: string;
}

export interface Target {
  /** The median must be below (`<`) or at least (`>=`) this value. */
  op: '<' | '>=';
  value: number;
}

/** The median of the runs: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('invalid runs: none');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Summarises runs into a figure, checking the median against the target when there is one. */
export function figure(
  spec: { id: string; label: string; where: string; unit: Figure['unit']; how: string; target?: Target | null },
  runs: readonly number[],
): Figure {
  const m = median(runs);
  const target = spec.target ?? null;
  return {
    id: spec.id,
    label: spec.label,
    where: spec.where,
    unit: spec.unit,
    runs: runs.map(round),
    median: round(m),
    min: round(Math.min(...runs)),
    max: round(Math.max(...runs)),
    target: target ? `${target.op} ${target.value} ${spec.unit}` : null,
    pass: target ? (target.op === '<' ? m < target.value : m >= target.value) : null,
    how: spec.how,
  };
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls, in milliseconds. `before` runs untimed
 * ahead of each call (to set up its input). With `gc` (the default) a full GC runs before each
 * timed call when node was started with --expose-gc, so one run's garbage is not collected in the
 * next; figures of a few milliseconds turn it off, as a full GC of the loaded dataset costs more
 * than they do.
 */
export async function timeRuns<T>(
  fn: () => T | Promise<T>,
  options: { runs: number; warmup?: number; before?: () => void; gc?: boolean },
): Promise<number[]> {
  const gc = options.gc === false ? undefined : (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    options.before?.();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    options.before?.();
    gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
