// What the reader keeps private on this device: the settings (the sites they paused) and
// this device's copy of the saved claims. It lives in the background's IndexedDB, in the
// extension's origin, because storage.local is readable by content scripts, which run in
// every page's renderer: in Firefox always, in Chrome unless restricted (the background
// restricts it too, adapters/storage-access.ts). Only the background opens this database.

import Dexie, { type Table } from 'dexie';
import type { LocalClaimRecord } from '../lib/sync/local-store';

export const PRIVATE_DB_NAME = 'crosscheck-private';

export interface KeyValue {
  key: string;
  value: unknown;
}

export class PrivateDB extends Dexie {
  kv!: Table<KeyValue, string>;
  savedClaims!: Table<LocalClaimRecord, string>;

  constructor(name = PRIVATE_DB_NAME) {
    super(name);
    this.version(1).stores({
      kv: 'key',
      // One row per claim, keyed by its id, so a save rewrites one claim.
      savedClaims: 'version.id',
    });
  }
}

let shared: PrivateDB | null = null;

/** The background's one connection. */
export function privateDb(): PrivateDB {
  shared ??= new PrivateDB();
  return shared;
}

/** Tests start each case on an empty database. */
export async function resetPrivateDbForTests(): Promise<void> {
  if (shared) {
    shared.close();
    await Dexie.delete(shared.name);
  }
  shared = null;
}
