import { normaliseCode } from './normaliseCode';

/** Help requests received for one ward: how many, and on which day when known. */
export interface HelpRequest {
  /** The ward's code as written where it came from; compared through normaliseCode. */
  code: string;
  /** Number of requests, a whole number >= 0. */
  count: number;
  /** ISO calendar date (yyyy-mm-dd), null when the source gives none. */
  date: string | null;
}

/** How requestsPerWard weighs requests: the day they are counted at, and how fast they fade. */
export interface RequestWeighting {
  /** The day ages are measured to (its local calendar date); usually today. */
  asOf: Date;
  /** Months after which a request counts half; null counts every request fully. */
  halfLifeMonths: number | null;
}

/** The four readings of need against help requests; see QUADRANT_LABELS. */
export type Quadrant = 'deploy' | 'outreach' | 'look-closer' | 'not-now';

/** What each quadrant means, in English; the interface names the quadrants from `scatter.quadrants` in its language. */
export const QUADRANT_LABELS: Record<Quadrant, string> = {
  deploy: 'Deploy: high need and many help requests',
  outreach: 'Outreach: high need but few help requests (unmet need)',
  'look-closer': 'Look closer: lower need but many help requests',
  'not-now': 'Not now: lower need and few help requests',
};

// The mean Gregorian month, so that "6 months" means the same length whatever the calendar month.
const DAYS_PER_MONTH = 30.4375;
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Help requests summed per ward, in the order of `wardCodes`, rounded to 2 decimals. With a
 * half-life a request counts count × 0.5^(age / halfLifeMonths), its age in months of 30.4375
 * days from its date to `asOf`; undated and future-dated requests count fully. A ward without
 * requests gets 0, not null: the caller has request data, and a ward nobody asked help for is a
 * real zero. `unmatched` lists the request codes (as first written) that name no ward.
 * requestsPerWard([{code: "A", count: 2, date: null}], ["A", "B"], {asOf, halfLifeMonths: null})
 * is {values: [2, 0], unmatched: []}.
 */
export function requestsPerWard(
  requests: readonly HelpRequest[],
  wardCodes: readonly string[],
  options: RequestWeighting,
): { values: number[]; unmatched: string[] } {
  const { halfLifeMonths } = options;
  if (halfLifeMonths !== null && !(halfLifeMonths > 0 && Number.isFinite(halfLifeMonths))) {
    throw new Error(`invalid halfLifeMonths: ${halfLifeMonths}`);
  }
  const asOf = options.asOf;
  if (Number.isNaN(asOf.getTime())) throw new Error(`invalid asOf: ${String(asOf)}`);
  const today = Date.UTC(asOf.getFullYear(), asOf.getMonth(), asOf.getDate());

  const sums = new Map<string, number>();
  for (const code of wardCodes) sums.set(normaliseCode(code), 0);
  const unmatched = new Map<string, string>();
  for (const request of requests) {
    const code = normaliseCode(request.code);
    const sum = sums.get(code);
    if (sum === undefined) {
      if (!unmatched.has(code)) unmatched.set(code, request.code);
      continue;
    }
    let weight = 1;
    if (halfLifeMonths !== null && request.date !== null) {
      const ageMonths = (today - dayOf(request.date)) / MS_PER_DAY / DAYS_PER_MONTH;
      if (ageMonths > 0) weight = 0.5 ** (ageMonths / halfLifeMonths);
    }
    sums.set(code, sum + request.count * weight);
  }
  const values = wardCodes.map((code) => round2(sums.get(normaliseCode(code)) ?? 0));
  return { values, unmatched: [...unmatched.values()] };
}

/**
 * Where a ward sits when need is set against help requests: deploy (high need, many requests),
 * outreach (high need, few: need that does not reach the services), look-closer (lower need, many)
 * or not-now. A value at or above its cut counts as high/many; null when either value is missing.
 * quadrant(80, 0, 50, 3) is "outreach".
 */
export function quadrant(
  need: number | null,
  requests: number | null,
  needCut: number,
  requestCut: number,
): Quadrant | null {
  if (need === null || requests === null) return null;
  const highNeed = need >= needCut;
  const many = requests >= requestCut;
  if (highNeed) return many ? 'deploy' : 'outreach';
  return many ? 'look-closer' : 'not-now';
}

/** Midnight UTC of an ISO calendar date, so that day differences are whole days. */
function dayOf(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`invalid date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
