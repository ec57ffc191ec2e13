import { describe, expect, it } from 'vitest';
import { workload } from '../../src/model/workload';

describe('workload', () => {
  it('workload(vulnerable, params) gives interventions = vulnerable x share and fte = interventions / interventionsPerFte', () => {
    const w = workload([1000, 0, 250], { interventionShare: 0.2, interventionsPerFte: 400 });
    expect(w.interventions).toEqual([200, 0, 50]);
    expect(w.fte).toEqual([0.5, 0, 0.125]);
  });

  it('workload(vulnerable, params) keeps null for wards without a count', () => {
    expect(workload([null, 800], { interventionShare: 0.5, interventionsPerFte: 100 })).toEqual({ interventions: [null, 400], fte: [null, 4] });
  });

  it('workload(vulnerable, params) throws on a non-positive capacity or a share outside 0–1', () => {
    expect(() => workload([1], { interventionShare: 0.1, interventionsPerFte: 0 })).toThrow('invalid interventionsPerFte: 0');
    expect(() => workload([1], { interventionShare: 0.1, interventionsPerFte: -5 })).toThrow('invalid interventionsPerFte: -5');
    expect(() => workload([1], { interventionShare: 1.5, interventionsPerFte: 400 })).toThrow('invalid interventionShare: 1.5');
    expect(() => workload([1], { interventionShare: Number.NaN, interventionsPerFte: 400 })).toThrow('invalid interventionShare: NaN');
  });
});
