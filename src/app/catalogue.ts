import { parseCatalogue } from '../io/parseCatalogue';
import type { IndicatorDef } from '../model/types';
import catalogueJson from '../../data/indicators.json';

/** The indicator catalogue shipped with the app (data/indicators.json), validated once. */
export const CATALOGUE: IndicatorDef[] = parseCatalogue(catalogueJson, 'data/indicators.json').data ?? [];
