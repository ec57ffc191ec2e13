import type { StorageLike } from './matchStore';
import { loadSwitch, saveSwitch } from './preference';
import type { PaletteName } from './state';

/** Where the high-contrast choice is kept: a preference of this browser, not part of a shared view. */
export const HIGH_CONTRAST_KEY = 'chw-planner:high-contrast';

/** The class on <html> that switches app.css to its high-contrast variables. */
export const HIGH_CONTRAST_CLASS = 'high-contrast';

/** The palette of the high-contrast mode: cividis stays readable for every colour vision and in greyscale. */
export const HIGH_CONTRAST_PALETTE: PaletteName = 'cividis';

/** Whether high contrast was switched on earlier in this browser; off when nothing (readable) is stored. */
export function loadHighContrast(storage: StorageLike | null): boolean {
  return loadSwitch(storage, HIGH_CONTRAST_KEY);
}

/** Remembers the choice; best effort, the mode still applies for this visit when storage refuses. */
export function saveHighContrast(storage: StorageLike | null, on: boolean): void {
  saveSwitch(storage, HIGH_CONTRAST_KEY, on);
}

/**
 * The palette the map draws with: the chosen one, or cividis in high contrast.
 * mapPalette('magma', true) -> 'cividis'
 */
export function mapPalette(chosen: PaletteName, highContrast: boolean): PaletteName {
  return highContrast ? HIGH_CONTRAST_PALETTE : chosen;
}
