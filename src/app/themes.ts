import { parseThemes } from '../io/parseThemes';
import type { Theme } from '../model/suggestThemes';
import themesJson from '../../data/themes.json';

/** The action themes catalogue (data/themes.json), validated once. */
export const THEMES: Theme[] = parseThemes(themesJson, 'data/themes.json').data ?? [];
