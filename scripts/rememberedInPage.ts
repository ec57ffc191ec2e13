/**
 * Run in the page (page.evaluate): whether the app's IndexedDB holds a remembered dataset, under the
 * key src/app/rememberedDataset.ts writes. Self-contained, as a function handed to the page must be;
 * shared by the browser tests and the benchmark.
 */
export function hasRememberedDataset(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const open = indexedDB.open('chw-planner');
    open.onsuccess = () => {
      const read = open.result.transaction('workability').objectStore('workability').get('dataset:remembered');
      read.onsuccess = () => resolve(read.result !== undefined);
      read.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  });
}
