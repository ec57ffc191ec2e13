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
