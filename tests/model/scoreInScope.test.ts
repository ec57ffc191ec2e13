import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/model/prepare';
import { score } from '../../src/model/score';
import { scoreInScope } from '../../src/model/scoreInScope';

// Five wards; wards 0-2 are "the city". vt: higher = more need.
const values = { vt: [10, 20, 30, 40, 50] };
const directions = { vt: 'high' } as const;
const weights = { vt: 1 };
const codes = ['a', 'b', 'c', 'd', 'e'];
const all = prepare(values, directions, 'percentile', 5);
const allScores = score(all, weights);

describe('scoreInScope', () => {
  it('scoreInScope(…, null) scores and ranks all wards', () => {
    const r = scoreInScope(all, allScores, values, directions, 'percentile', weights, codes, null, 'selection');
    expect(r.scores.score).toEqual([0, 25, 50, 75, 100]);
    expect(r.ranking.rank).toEqual([5, 4, 3, 2, 1]);
    expect(r.overall).toBeNull();
  });

  it('scoreInScope(…, selection, "selection") normalises among the selected wards only', () => {
    const r = scoreInScope(all, allScores, values, directions, 'percentile', weights, codes, [0, 1, 2], 'selection');
    // Within the city, 30 is the neediest (p = 1) and 10 the least (p = 0).
    expect(r.scores.score).toEqual([0, 50, 100, null, null]);
    expect(r.ranking.rank).toEqual([3, 2, 1, null, null]);
    expect(r.overall?.rank).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(r.prepared.columns.vt.need)).toEqual([0, 0.5, 1, 0, 0]);
    expect(Array.from(r.prepared.columns.vt.has)).toEqual([1, 1, 1, 0, 0]);
  });

  it('scoreInScope(…, selection, "all") keeps national scores and ranks within the selection', () => {
    const r = scoreInScope(all, allScores, values, directions, 'percentile', weights, codes, [0, 1, 2], 'all');
    expect(r.scores.score).toEqual([0, 25, 50, null, null]);
    expect(r.ranking.rank).toEqual([3, 2, 1, null, null]);
    expect(r.overall?.rank).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('scoreInScope without indicators', () => {
  it('scoreInScope(…, selection) leaves every ward unscored and unranked when nothing is weighted', () => {
    const none = prepare({}, {}, 'percentile', 5);
    const r = scoreInScope(none, score(none, {}), {}, {}, 'percentile', {}, codes, [0, 1, 2], 'selection');
    expect(r.scores.score).toEqual([null, null, null, null, null]);
    expect(r.ranking.rank).toEqual([null, null, null, null, null]);
    expect(r.ranking.scored).toBe(0);
  });
});

describe('scoreInScope across weight changes', () => {
  // Two indicators, so that the weights move the ranking within the city.
  const values2 = { vt: [10, 20, 30, 40, 50], inc: [5, 1, 3, 2, 4] };
  const directions2 = { vt: 'high', inc: 'low' } as const;
  const all2 = prepare(values2, directions2, 'percentile', 5);
  const run = (w: Record<string, number>, v = values2, d: Record<string, 'high' | 'low'> = directions2, selection = city) =>
    scoreInScope(all2, score(all2, w), v, d, 'percentile', w, codes, selection, 'selection');
  const city = [0, 1, 2];

  it('scoreInScope(…, selection, "selection") reuses the selection\'s need values when only the weights change', () => {
    const first = run({ vt: 1, inc: 0 });
    const second = run({ vt: 0, inc: 1 });
    expect(second.prepared).toBe(first.prepared);
    expect(second.scores.score).toEqual([0, 100, 50, null, null]);
    expect(second.ranking.rank).toEqual([3, 1, 2, null, null]);
  });

  it('scoreInScope(…, selection, "selection") prepares again when the values, directions or selection change', () => {
    const w = { vt: 1, inc: 1 };
    const base = run(w);
    const otherValues = run(w, { ...values2, inc: [1, 5, 3, 2, 4] });
    expect(otherValues.prepared).not.toBe(base.prepared);
    expect(otherValues.scores.score).toEqual([50, 25, 75, null, null]);
    const otherDirections = run(w, values2, { vt: 'low', inc: 'low' });
    expect(otherDirections.scores.score).toEqual([50, 75, 25, null, null]);
    const otherSelection = run(w, values2, directions2, [1, 2, 3]);
    expect(otherSelection.scores.score).toEqual([null, 50, 25, 75, null]);
    // Back to the first inputs: the same scores as a first call.
    expect(run(w).scores.score).toEqual(base.scores.score);
  });
});
