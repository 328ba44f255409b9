// An in-memory LocalStore, the test double for this device's copy of the saved claims
// (the background's real one is adapters/local-claims-store.ts).

import type { LocalClaimRecord, LocalMeta, LocalSnapshot, LocalStore } from '../../../lib/sync/local-store';

/** An in-memory LocalStore that stores JSON copies, as browser storage would. */
export class MemoryLocalStore implements LocalStore {
  private readonly records = new Map<string, string>();
  private meta: string | null = null;
  /** Number of write calls, for tests. */
  writes = 0;

  async load(): Promise<LocalSnapshot> {
    return {
      records: [...this.records.values()].map((text) => JSON.parse(text) as LocalClaimRecord),
      meta: this.meta === null ? null : (JSON.parse(this.meta) as LocalMeta),
    };
  }

  async putRecords(records: readonly LocalClaimRecord[]): Promise<void> {
    this.writes += 1;
    for (const record of records) this.records.set(record.version.id, JSON.stringify(record));
  }

  async deleteRecords(ids: readonly string[]): Promise<void> {
    this.writes += 1;
    for (const id of ids) this.records.delete(id);
  }

  async putMeta(meta: LocalMeta): Promise<void> {
    this.writes += 1;
    this.meta = JSON.stringify(meta);
  }
}
