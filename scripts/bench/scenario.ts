// The one scenario every figure uses, in Node and in Chromium, so the two can be compared.

/**
 * Weights set before the weight-change runs: three BIMD 2011 columns of
 * derived/sector_indicators_be.csv (which carries no catalogue indicator, so all start at 0).
 */
export const BASE_WEIGHTS: Readonly<Record<string, number>> = { bimd2011_score: 2, bimd2011_income_decile: 1, bimd2011_health_decile: 1 };

/** The weight change timed: one slider moved back and forth between two values. */
export const CHANGED_WEIGHT = { id: 'bimd2011_health_decile', from: 1, to: 2 } as const;

/** Rank-stability settings: the app's defaults (StabilityPanel), seed 1 as App.tsx passes it. */
export const STABILITY = { draws: 1000, concentration: 50, topK: 20 } as const;
