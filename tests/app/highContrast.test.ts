import { describe, expect, it } from 'vitest';
import { HIGH_CONTRAST_KEY, loadHighContrast, mapPalette, saveHighContrast } from '../../src/app/highContrast';
import type { StorageLike } from '../../src/app/matchStore';
import { FakeStorage } from './fakeStorage';

const refusing: StorageLike = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('high contrast', () => {
  it('saveHighContrast(storage, on) is read back by loadHighContrast; off removes the key', () => {
    const storage = new FakeStorage();
    expect(loadHighContrast(storage)).toBe(false);
    saveHighContrast(storage, true);
    expect(storage.items.get(HIGH_CONTRAST_KEY)).toBe('on');
    expect(loadHighContrast(storage)).toBe(true);
    saveHighContrast(storage, false);
    expect(storage.items.has(HIGH_CONTRAST_KEY)).toBe(false);
    expect(loadHighContrast(storage)).toBe(false);
  });

  it('loadHighContrast is off for anything but "on", for no storage and for storage that throws; saving there does not throw', () => {
    const storage = new FakeStorage();
    storage.setItem(HIGH_CONTRAST_KEY, 'true');
    expect(loadHighContrast(storage)).toBe(false);
    expect(loadHighContrast(null)).toBe(false);
    expect(loadHighContrast(refusing)).toBe(false);
    expect(() => saveHighContrast(refusing, true)).not.toThrow();
    expect(() => saveHighContrast(null, true)).not.toThrow();
  });

  it('mapPalette(chosen, highContrast) is cividis in high contrast and the chosen palette otherwise', () => {
    expect(mapPalette('magma', true)).toBe('cividis');
    expect(mapPalette('viridis', true)).toBe('cividis');
    expect(mapPalette('magma', false)).toBe('magma');
  });
});
