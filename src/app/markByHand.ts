import type { AreaMatch } from '../io/areaMatches';
import { normaliseCode } from '../model/normaliseCode';
import type { Ward } from '../model/types';

/** The "city" under which wards marked as current areas on the map are kept with the programme's matches. */
export const MARKED_BY_HAND = 'Marked on the map';

/** Whether the ward was marked as a current CHW area by hand. */
export function isMarkedByHand(matches: readonly AreaMatch[], code: string): boolean {
  const wanted = normaliseCode(code);
  return matches.some((m) => m.city === MARKED_BY_HAND && m.sectorCodes.some((c) => normaliseCode(c) === wanted));
}

/**
 * Marks or unmarks a ward as a current CHW area. The mark is kept as an area match of its own, so it
 * is saved, exported and re-imported with the programme's matches, and drawn as a current area.
 */
export function toggleMarkedByHand(matches: readonly AreaMatch[], ward: Ward): AreaMatch[] {
  if (isMarkedByHand(matches, ward.code)) {
    const wanted = normaliseCode(ward.code);
    return matches.filter((m) => !(m.city === MARKED_BY_HAND && m.sectorCodes.some((c) => normaliseCode(c) === wanted)));
  }
  return [...matches, { city: MARKED_BY_HAND, municipality: ward.municipality, area: `${ward.name} (${ward.code})`, sectorCodes: [ward.code] }];
}
