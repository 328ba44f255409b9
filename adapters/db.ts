// The extension's IndexedDB, owned by the background. It lives in the extension's
// origin: a content script's IndexedDB would belong to the news site, whose own
// scripts could read it.

import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
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

  /** `options` lets tests hand in an IndexedDB that is missing, refuses to open or is full. */
  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1. A later schema adds `this.version(2).stores(…).upgrade(…)` below this
    // line and keeps this one, so a database written by any earlier version still opens.
    this.version(1).stores({
      reports: 'id, origin, addedAt',
      cache: 'key',
    });
    // Version 2: reports are also found by their address, so that an article is never matched
    // against its own report and a remembered article read again is updated (lib/reading.ts).
    // Only an index is added: IndexedDB fills it from the rows already there, nothing is rewritten.
    this.version(2).stores({
      reports: 'id, origin, addedAt, url',
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

/** A storage failure told in words a reader can act on; other errors pass through unchanged. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'full',
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export const DB_UNAVAILABLE_MESSAGE =
  'Crosscheck cannot open its database: this browser profile does not allow it to store data (private browsing or a setting that blocks site data can cause this). Reports cannot be read or saved until it can.';
export const DB_FULL_MESSAGE =
  'There is not enough storage space: the browser refused to save (storage quota exceeded). Nothing was changed; free some disk space or delete reports you added, then try again.';

/** Names of the errors IndexedDB and Dexie raise when the database cannot be opened at all. */
const UNAVAILABLE = new Set(['MissingAPIError', 'SecurityError', 'InvalidStateError', 'UnknownError', 'OpenFailedError', 'DatabaseClosedError', 'InvalidAccessError']);

/** Dexie wraps the browser's error (`inner`), sometimes twice; a bulk write lists per-item failures. */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let e = error as { name?: unknown; inner?: unknown; failures?: unknown } | null | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.name === 'string') names.push(e.name);
    if (Array.isArray(e.failures)) for (const f of e.failures) names.push(...errorNames(f));
    e = e.inner as typeof e;
  }
  return names;
}

export function explainStorageError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return new StorageError(DB_FULL_MESSAGE, 'full');
  if (names.some((n) => UNAVAILABLE.has(n))) return new StorageError(DB_UNAVAILABLE_MESSAGE, 'unavailable');
  return error;
}
