import type { StorageLike } from './matchStore';

/** Whether a switch kept in this browser under `key` is on; off when nothing (readable) is stored. */
export function loadSwitch(storage: StorageLike | null, key: string): boolean {
  try {
    return storage?.getItem(key) === 'on';
  } catch {
    return false;
  }
}

/** Keeps a switch under `key`; best effort, the choice still applies for this visit when storage refuses. */
export function saveSwitch(storage: StorageLike | null, key: string, on: boolean): void {
  try {
    if (on) storage?.setItem(key, 'on');
    else storage?.removeItem(key);
  } catch {
    // Full or blocked storage: nothing to keep.
  }
}
