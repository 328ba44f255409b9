// The size of the search index the background persists (its row in the extension's
// IndexedDB `cache` table), read in the worker itself: the storage and remembered-reading
// sections both report it.

import type { Worker } from 'playwright-core';

/**
 * Bytes of the persisted index once it holds at least `reports` reports (it is written a
 * moment after the last change), or null if it does not within `timeoutMs`. Counted as the
 * row's JSON with its typed arrays (lib/packed-claims.ts) at their byte length: what the
 * browser writes is close to that, and JSON would spell each number of an array out.
 */
export async function persistedIndexBytes(sw: Worker, reports: number, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const bytes = await sw.evaluate(
      (want) =>
        new Promise<number | null>((resolve) => {
          const open = indexedDB.open('crosscheck');
          open.onerror = () => resolve(null);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('cache', 'readonly').objectStore('cache').get('corpus-index');
            get.onsuccess = () => {
              db.close();
              const value = (get.result as { value?: { reports?: unknown[] } } | undefined)?.value;
              if (!value?.reports || value.reports.length < want) return resolve(null);
              let typed = 0;
              const json = JSON.stringify(value, (_key, v: unknown) => {
                if (!ArrayBuffer.isView(v)) return v;
                typed += v.byteLength;
                return 0;
              });
              resolve(json.length + typed);
            };
            get.onerror = () => {
              db.close();
              resolve(null);
            };
          };
        }),
      reports,
    );
    if (bytes !== null) return bytes;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
