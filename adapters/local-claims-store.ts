// This device's copy of the saved claims, in browser.storage.local (never synced,
// readable only by the extension): one key per claim so a save rewrites one claim,
// not the whole list. Implements lib/sync's LocalStore; the engine validates what it loads.

import { browser } from 'wxt/browser';
import type { LocalClaimRecord, LocalMeta, LocalSnapshot, LocalStore } from '../lib/sync/local-store';

export const LOCAL_CLAIM_PREFIX = 'savedClaims:claim:';
export const LOCAL_META_KEY = 'savedClaims:meta';

type StorageArea = Pick<typeof browser.storage.local, 'get' | 'set' | 'remove'>;

export function browserLocalClaimsStore(area: StorageArea = browser.storage.local): LocalStore {
  return {
    async load(): Promise<LocalSnapshot> {
      const all = await area.get(null);
      const records: LocalClaimRecord[] = [];
      for (const [key, value] of Object.entries(all)) {
        if (key.startsWith(LOCAL_CLAIM_PREFIX)) records.push(value as LocalClaimRecord);
      }
      return { records, meta: (all[LOCAL_META_KEY] as LocalMeta | undefined) ?? null };
    },
    async putRecords(records) {
      if (records.length === 0) return;
      await area.set(Object.fromEntries(records.map((record) => [LOCAL_CLAIM_PREFIX + record.version.id, record])));
    },
    async deleteRecords(ids) {
      if (ids.length === 0) return;
      await area.remove(ids.map((id) => LOCAL_CLAIM_PREFIX + id));
    },
    async putMeta(meta) {
      await area.set({ [LOCAL_META_KEY]: meta });
    },
  };
}
