import type { TFunction } from 'i18next';
import type { Suggestion } from '../model/matchAreaNames';
import { formatNumber } from '../ui/formatValue';

/**
 * Why a sector is suggested for an area, written in the language of `t`, a similarity with two
 * decimals in `locale`'s way.
 * writeMatchReason(translator('fr'), { reasonKey: 'similarSpelling', reasonValues: { similarity: 0.724 } }, 'fr-BE') -> "orthographe proche 0,72"
 */
export function writeMatchReason(t: TFunction, suggestion: Pick<Suggestion, 'reasonKey' | 'reasonValues'>, locale: string): string {
  const values: Record<string, string | number> = { ...suggestion.reasonValues };
  if (typeof values.similarity === 'number') values.similarity = formatNumber(values.similarity, 2, locale);
  return String(t(`matcher.reasons.${suggestion.reasonKey}`, values));
}
