import type { TFunction } from 'i18next';

const KNOWN = ['persons', 'contacts', 'requests', 'score'] as const;

/**
 * A catalogue unit as the interface writes it: the catalogue's English words ("persons") in the
 * interface language, symbols ("%", "EUR") and units it does not know as they are.
 * unitLabel('persons', translator('fr')) -> 'personnes'
 */
export function unitLabel(unit: string, t: TFunction): string {
  return (KNOWN as readonly string[]).includes(unit) ? t(`units.${unit as (typeof KNOWN)[number]}`) : unit;
}
