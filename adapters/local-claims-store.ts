// This device's copy of the saved claims, in the background's IndexedDB (adapters/private-db.ts):
// never synced, and out of the reach of content scripts, which can read storage.local. One row
// per claim so a save rewrites one claim, not the whole list. Implements lib/sync's LocalStore;
// the engine validates what it loads.
//
// Earlier versions kept this copy in storage.local: the first load moves it here and removes it there.

import { browser } from 'wxt/browser';
import type { LocalClaimRecord, LocalMeta, LocalSnapshot, LocalStore } from '../lib/sync/local-store';
import { privateDb, type PrivateDB } from './private-db';

/** Where earlier versions kept the copy in storage.local. */
export const LEGACY_CLAIM_PREFIX = 'savedClaims:claim:';
export const LEGACY_META_KEY = 'savedClaims:meta';
const META_KEY = 'savedClaims:meta';

type LegacyArea = Pick<typeof browser.storage.local, 'get' | 'remove'>;

async function moveLegacyCopy(db: PrivateDB, legacy: LegacyArea): Promise<void> {
  const all = await legacy.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(LEGACY_CLAIM_PREFIX) || key === LEGACY_META_KEY);
  if (keys.length === 0) return;
  const records = keys.filter((key) => key !== LEGACY_META_KEY).map((key) => all[key] as LocalClaimRecord);
  const meta = all[LEGACY_META_KEY];
  await db.transaction('rw', db.savedClaims, db.kv, async () => {
    // A copy already here (a move interrupted after writing) is newer than the legacy one.
    if (await db.kv.get(META_KEY)) return;
    await db.savedClaims.bulkPut(records.filter((r) => typeof r?.version?.id === 'string'));
    if (meta) await db.kv.put({ key: META_KEY, value: meta });
  });
  await legacy.remove(keys);
}

export function privateLocalClaimsStore(db: () => PrivateDB = privateDb, legacy: LegacyArea = browser.storage.local): LocalStore {
  return {
    async load(): Promise<LocalSnapshot> {
      await moveLegacyCopy(db(), legacy);
      const [records, meta] = await Promise.all([db().savedClaims.toArray(), db().kv.get(META_KEY)]);
      return { records, meta: (meta?.value as LocalMeta | undefined) ?? null };
    },
    async putRecords(records) {
      if (records.length === 0) return;
      await db().savedClaims.bulkPut([...records]);
    },
    async deleteRecords(ids) {
      if (ids.length === 0) return;
      await db().savedClaims.bulkDelete([...ids]);
    },
    async putMeta(meta) {
      await db().kv.put({ key: META_KEY, value: meta });
    },
  };
}
