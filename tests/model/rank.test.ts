import { describe, expect, it } from 'vitest';
import { rank } from '../../src/model/rank';

describe('rank', () => {
  it('rank(scores, codes) gives 1 to the highest score and shares the lowest rank on ties', () => {
    const r = rank([50, 80, null, 80], ['a', 'b', 'c', 'd']);
    expect(r.rank).toEqual([3, 1, null, 1]);
    expect(r.order).toEqual([1, 3, 0, 2]);
    expect(r.scored).toBe(3);
  });
  it('rank(scores, codes) puts decile 1 on the 10 % with most need', () => {
    const scores = Array.from({ length: 20 }, (_, i) => i); // 19 is the neediest
    const codes = scores.map((s) => `w${String(s).padStart(2, '0')}`);
    const r = rank(scores, codes);
    expect(r.decile[19]).toBe(1);
    expect(r.decile[18]).toBe(1);
    expect(r.decile[17]).toBe(2);
    expect(r.decile[0]).toBe(10);
    expect(r.decile.filter((d) => d === 5)).toHaveLength(2);
  });
  it('rank(scores, codes) gives tied wards the same decile and leaves unscored wards out', () => {
    const r = rank([50, 50, 10, null], ['a', 'b', 'c', 'd']);
    expect(r.decile).toEqual([1, 1, 7, null]);
  });
  it('rank(scores, codes) does not depend on row order', () => {
    const scores = [12, 40, 40, 7, null, 99];
    const codes = ['f', 'b', 'a', 'e', 'd', 'c'];
    const forward = rank(scores, codes);
    const perm = [5, 3, 1, 0, 4, 2];
    const shuffled = rank(perm.map((i) => scores[i]), perm.map((i) => codes[i]));
    const byCode = (res: typeof forward, cs: string[]) => Object.fromEntries(cs.map((c, i) => [c, res.rank[i]]));
    expect(byCode(shuffled, perm.map((i) => codes[i]))).toEqual(byCode(forward, codes));
    expect(forward.order.map((i) => codes[i])).toEqual(shuffled.order.map((i) => codes[perm[i]]));
  });
});
