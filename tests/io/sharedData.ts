import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the repo, where the real Belgian files live (CI has them). */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** A shared data file for a test: skip it when absent locally, fail when absent on CI. */
export interface SharedFile {
  path: string;
  /** True when the test should be skipped: the file is absent and we are not on CI. */
  skip: boolean;
  /** Appended to the test title: a one-line reason when skipped, else "". */
  note: string;
  read(): string;
}

/** Locates `relative` under ../shared/data; read() throws a clear message when the file is missing. */
export function sharedData(relative: string): SharedFile {
  const path = join(SHARED_DATA, relative);
  const present = existsSync(path);
  const skip = !present && !process.env.CI;
  return {
    path,
    skip,
    note: skip ? ` (skipped: ../shared/data/${relative} not found)` : '',
    read() {
      if (!present) throw new Error(`missing shared data file ../shared/data/${relative} (required on CI)`);
      return readFileSync(path, 'utf8');
    },
  };
}
