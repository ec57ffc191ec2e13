/**
 * The deployment planner's inputs and outputs, shared by the model (planTeams, expansion, coverage)
 * and the views. Units are in the names: FTE, interventions per year, kilometres.
 */

/** What one CHW can do and how many are available. */
export interface CapacityParams {
  /** Interventions one full-time CHW performs in a year. */
  interventionsPerFte: number;
  /** Share (0–1) of vulnerable persons expected to need an intervention in a year. */
  interventionShare: number;
  /** FTE in one team: the planner proposes teams of exactly this size. */
  teamSize: number;
  /** FTE available to deploy. */
  availableFte: number;
  /** Largest distance (km, between centroids) from a team's base ward to any of its wards. */
  maxDistanceKm: number;
}

export const DEFAULT_CAPACITY: CapacityParams = {
  interventionsPerFte: 400,
  interventionShare: 0.1,
  teamSize: 2,
  availableFte: 6,
  maxDistanceKm: 2,
};

/** Expected work per ward: vulnerable persons x share, and the FTE it would take. Null without data. */
export interface Workload {
  /** Interventions per year. */
  interventions: (number | null)[];
  fte: (number | null)[];
}

/** One proposed team: a contiguous group of wards around a base ward. */
export interface ProposedTeam {
  /** 1, 2, … in the order the planner formed them (most priority first). */
  id: number;
  /** Ward index of the base ward. */
  base: number;
  /** Ward indices, base first. */
  wards: number[];
  fte: number;
  /** Interventions per year the team can perform: fte x interventionsPerFte. */
  capacity: number;
  /** Expected interventions per year in its wards. */
  workload: number;
  /** Vulnerable persons living in its wards. */
  peopleReached: number;
}

export interface TeamPlan {
  teams: ProposedTeam[];
  /** FTE left over: less than one team. */
  unassignedFte: number;
  /** Team id per ward index, null when not in a proposed team. */
  teamOf: (number | null)[];
  /** Share (0–1) of all vulnerable persons who live in wards of a proposed team. */
  coveredShare: number;
}

/** A point of the coverage curve: FTE deployed vs share of vulnerable persons in covered wards. */
export interface CoveragePoint {
  fte: number;
  coveredShare: number;
}

/** Expansion candidates around current CHW areas. */
export interface Expansion {
  /** 1 = borders a current area, 2 = borders a ring-1 ward; null = neither (or a current area). */
  ring: (1 | 2 | null)[];
  /** Centroid distance (km) to the nearest current-area ward; null for current areas and without geometry. */
  distanceKm: (number | null)[];
  /** Name of the team whose area the ward borders (ring 1) or is reached through (ring 2). */
  bordersTeam: (string | null)[];
}
