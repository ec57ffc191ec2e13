import { detectWardFields, frenchNameOf, type WardFields } from '../io/detectWardFields';

/** The boundary properties read, and the one with the district's French name when `district` holds the Dutch one (TX_MUNTY_DESCR_NL -> _FR). */
export type BoundaryFields = WardFields & { districtFr?: string | null };

/**
 * The code, name and district properties guessed from boundaries (`detectWardFields`), with the
 * district's French counterpart where there is one: a Statbel sector's municipality is
 * TX_MUNTY_DESCR_NL, with TX_MUNTY_DESCR_FR beside it.
 * detectBoundaryFields(sectors) -> { key: 'CD_SECTOR', …, district: 'TX_MUNTY_DESCR_NL', districtFr: 'TX_MUNTY_DESCR_FR' }
 */
export function detectBoundaryFields(boundaries: { propertyNames: string[]; features: readonly { properties: Record<string, unknown> | null }[] }): BoundaryFields {
  const fields = detectWardFields(boundaries.propertyNames, boundaries.features);
  const districtFr = frenchNameOf(fields.district, boundaries.propertyNames, boundaries.features);
  return districtFr ? { ...fields, districtFr } : fields;
}
