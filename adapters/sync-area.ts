// browser.storage.sync (Chrome Sync / Firefox Sync) as the SyncArea that the
// saved-claims engine (lib/sync) writes through. Thin on purpose: quotas, batching
// and merging all live in lib/sync, tested against a simulated area.

import { browser, type Browser } from 'wxt/browser';
import type { StorageChangeListener, StorageChanges, SyncArea } from '../lib/sync/sync-area';

type AreaListener = (changes: Record<string, Browser.storage.StorageChange>, areaName: string) => void;

export function browserSyncArea(): SyncArea {
  const sync = browser.storage.sync;
  // One wrapper per listener, so removeListener finds what addListener registered.
  const wrappers = new Map<StorageChangeListener, AreaListener>();
  const area: SyncArea = {
    get: (keys) => sync.get(keys ?? null),
    set: (items) => sync.set(items),
    remove: (keys) => sync.remove(keys),
    onChanged: {
      addListener(listener) {
        if (wrappers.has(listener)) return;
        // storage.onChanged (all areas) is older and better supported than storage.sync.onChanged.
        const wrapper: AreaListener = (changes, areaName) => {
          if (areaName === 'sync') listener(changes as StorageChanges);
        };
        wrappers.set(listener, wrapper);
        browser.storage.onChanged.addListener(wrapper);
      },
      removeListener(listener) {
        const wrapper = wrappers.get(listener);
        if (!wrapper) return;
        wrappers.delete(listener);
        browser.storage.onChanged.removeListener(wrapper);
      },
    },
  };
  if (typeof sync.getBytesInUse === 'function') {
    area.getBytesInUse = (keys) => sync.getBytesInUse(keys ?? null);
  }
  return area;
}
