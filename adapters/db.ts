// The extension's IndexedDB, owned by the background. It lives in the extension's
// origin: a content script's IndexedDB would belong to the news site, whose own
// scripts could read it.

import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Report } from '../lib/types';

export const DB_NAME = 'crosscheck';

/** A derived value kept across service-worker restarts (the search index), stamped with what it was built from. */
export interface CacheEntry {
  key: string;
  stamp: string;
  value: unknown;
}

export class CrosscheckDB extends Dexie {
  reports!: EntityTable<Report, 'id'>;
  cache!: Table<CacheEntry, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1. A later schema adds `this.version(2).stores(…).upgrade(…)` below this
    // line and keeps this one, so a database written by any earlier version still opens.
    this.version(1).stores({
      reports: 'id, origin, addedAt',
      cache: 'key',
    });
  }
}

/**
 * Installs the shipped seed reports: replaces the seeds of an earlier version and never
 * touches the reports the reader added.
 */
export async function installSeedReports(db: CrosscheckDB, seeds: Report[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.reports, db.cache, async () => {
    const shipped = new Set(seeds.map((s) => s.id));
    const stale = await db.reports.where('origin').equals('seed').filter((r) => !shipped.has(r.id)).primaryKeys();
    await db.reports.bulkDelete(stale);
    await db.reports.bulkPut(seeds.map((s) => ({ ...s, origin: 'seed' as const, addedAt: now })));
    await db.cache.clear();
  });
}
