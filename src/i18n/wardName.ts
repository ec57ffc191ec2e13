import type { Ward } from '../model/types';
import type { Language } from './language';

/**
 * A ward's name in the interface language: its French name in French where the data has one
 * (Brussels sectors have both), else the name the data gives first (Dutch for Statbel sectors).
 * wardName({ name: 'Sint-Gillis-centrum', nameFr: 'Saint-Gilles-centre', … }, 'fr') -> 'Saint-Gilles-centre'
 */
export function wardName(ward: Pick<Ward, 'name' | 'nameFr'>, language: Language): string {
  return language === 'fr' && ward.nameFr ? ward.nameFr : ward.name;
}

/**
 * A ward's district (its municipality, for Statbel sectors) in the interface language: the French
 * name in French where the data has one, else the district as the data gives it; null when none.
 * districtName({ district: 'Antwerpen', districtFr: 'Anvers' }, 'fr') -> 'Anvers'
 */
export function districtName(ward: Pick<Ward, 'district' | 'districtFr'>, language: Language): string | null {
  return language === 'fr' && ward.districtFr ? ward.districtFr : ward.district;
}
