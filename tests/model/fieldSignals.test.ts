import { describe, expect, it } from 'vitest';
import { QUADRANT_LABELS, quadrant, requestsPerWard, type HelpRequest } from '../../src/model/fieldSignals';

// Local midnight, so the tests read the same calendar day in every time zone.
const AS_OF = new Date(2025, 0, 1);
const WARDS = ['11001A00-', '11001A01-', '11001B00-'];

describe('requestsPerWard', () => {
  it('requestsPerWard(requests, wards, no half-life) sums counts per ward, codes compared through normaliseCode', () => {
    const requests: HelpRequest[] = [
      { code: '11001A00-', count: 3, date: null },
      { code: ' 11001a00', count: 2, date: '2020-05-01' },
      { code: '11001B00', count: 1, date: '2024-12-31' },
    ];
    expect(requestsPerWard(requests, WARDS, { asOf: AS_OF, halfLifeMonths: null })).toEqual({
      values: [5, 0, 1],
      unmatched: [],
    });
  });

  it('requestsPerWard(…) gives 0, not null, to a ward without requests', () => {
    const { values } = requestsPerWard([{ code: '11001A00', count: 4, date: null }], WARDS, { asOf: AS_OF, halfLifeMonths: 6 });
    expect(values).toEqual([4, 0, 0]);
    expect(requestsPerWard([], WARDS, { asOf: AS_OF, halfLifeMonths: null }).values).toEqual([0, 0, 0]);
  });

  it('requestsPerWard(…) lists codes that name no ward once, as first written', () => {
    const requests: HelpRequest[] = [
      { code: '99999X00-', count: 1, date: null },
      { code: '11001A00', count: 1, date: null },
      { code: '99999x00', count: 7, date: null },
      { code: 'elsewhere', count: 1, date: null },
    ];
    expect(requestsPerWard(requests, WARDS, { asOf: AS_OF, halfLifeMonths: null })).toEqual({
      values: [1, 0, 0],
      unmatched: ['99999X00-', 'elsewhere'],
    });
  });

  it('requestsPerWard(…, halfLifeMonths 6) counts a request of 183 days ago (6.01 months) at just under half', () => {
    // 10 × 0.5^(183 / 30.4375 / 6) = 4.9929
    const { values } = requestsPerWard([{ code: '11001A00', count: 10, date: '2024-07-02' }], WARDS, {
      asOf: AS_OF,
      halfLifeMonths: 6,
    });
    expect(values).toEqual([4.99, 0, 0]);
  });

  it('requestsPerWard(…, halfLifeMonths 12) counts a request of 487 days ago (16 months) at 0.5^(4/3)', () => {
    // 2023-09-02 is 487 days before 2025-01-01; 487 / 30.4375 = 16 exactly; 100 × 0.5^(16/12) = 39.685
    const { values } = requestsPerWard([{ code: '11001A01', count: 100, date: '2023-09-02' }], WARDS, {
      asOf: AS_OF,
      halfLifeMonths: 12,
    });
    expect(values).toEqual([0, 39.69, 0]);
  });

  it('requestsPerWard(…, halfLifeMonths) counts undated, same-day and future requests fully', () => {
    const requests: HelpRequest[] = [
      { code: '11001A00', count: 2, date: null },
      { code: '11001A00', count: 3, date: '2025-01-01' },
      { code: '11001A00', count: 5, date: '2025-06-30' },
    ];
    expect(requestsPerWard(requests, WARDS, { asOf: AS_OF, halfLifeMonths: 1 }).values).toEqual([10, 0, 0]);
  });

  it('requestsPerWard(…) measures age to the calendar day of asOf, whatever its time of day', () => {
    const requests: HelpRequest[] = [{ code: '11001A00', count: 10, date: '2024-07-02' }];
    const late = requestsPerWard(requests, WARDS, { asOf: new Date(2025, 0, 1, 23, 59), halfLifeMonths: 6 });
    expect(late.values).toEqual([4.99, 0, 0]);
  });

  it('requestsPerWard(…) rounds sums to 2 decimals', () => {
    // 31 days = 1.0185 months; with a half-life of 3 each request counts 0.5^0.3395 = 0.7903; 3 × 0.7903 = 2.371
    const requests: HelpRequest[] = [1, 2, 3].map(() => ({ code: '11001B00', count: 1, date: '2024-12-01' }));
    expect(requestsPerWard(requests, WARDS, { asOf: AS_OF, halfLifeMonths: 3 }).values).toEqual([0, 0, 2.37]);
  });

  it('requestsPerWard(…) gives a ward listed twice the same sum in both places', () => {
    const { values } = requestsPerWard([{ code: '11001A00', count: 2, date: null }], ['11001A00-', '11001A00'], {
      asOf: AS_OF,
      halfLifeMonths: null,
    });
    expect(values).toEqual([2, 2]);
  });

  it('requestsPerWard(…) throws for a half-life that is not a positive number', () => {
    for (const halfLifeMonths of [0, -3, Number.NaN, Infinity]) {
      expect(() => requestsPerWard([], WARDS, { asOf: AS_OF, halfLifeMonths })).toThrow(`invalid halfLifeMonths: ${halfLifeMonths}`);
    }
  });
});

describe('quadrant', () => {
  it('quadrant(need, requests, needCut, requestCut) reads high need with many requests as deploy, with few as outreach', () => {
    expect(quadrant(80, 12, 50, 5)).toBe('deploy');
    expect(quadrant(80, 0, 50, 5)).toBe('outreach');
  });

  it('quadrant(…) reads low need with many requests as look-closer, with few as not-now', () => {
    expect(quadrant(20, 12, 50, 5)).toBe('look-closer');
    expect(quadrant(20, 1, 50, 5)).toBe('not-now');
  });

  it('quadrant(…) counts a value equal to its cut as high need and many requests', () => {
    expect(quadrant(50, 5, 50, 5)).toBe('deploy');
    expect(quadrant(49.99, 4.99, 50, 5)).toBe('not-now');
  });

  it('quadrant(…) is null when need or requests are missing', () => {
    expect(quadrant(null, 12, 50, 5)).toBeNull();
    expect(quadrant(80, null, 50, 5)).toBeNull();
  });

  it('QUADRANT_LABELS names each quadrant by what it means', () => {
    expect(QUADRANT_LABELS).toEqual({
      deploy: 'Deploy: high need and many help requests',
      outreach: 'Outreach: high need but few help requests (unmet need)',
      'look-closer': 'Look closer: lower need but many help requests',
      'not-now': 'Not now: lower need and few help requests',
    });
  });
});
