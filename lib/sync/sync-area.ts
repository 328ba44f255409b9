// The part of browser.storage.sync the sync engine uses. adapters/sync-area.ts
// wraps the real one; tests/unit/helpers/simulated-sync-area.ts provides one with Chrome's quotas for tests.

/** One key's change, as storage.onChanged reports it. Removal: no newValue (some fakes send null). */
export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type StorageChanges = Record<string, StorageChange>;

export type StorageChangeListener = (changes: StorageChanges) => void;

export interface SyncArea {
  /** All items when `keys` is null/undefined. Reads do not count against write limits. */
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  /** One write operation, however many items. Rejects with the browser's quota errors. */
  set(items: Record<string, unknown>): Promise<void>;
  /** One write operation. */
  remove(keys: string | string[]): Promise<void>;
  getBytesInUse?(keys?: string | string[] | null): Promise<number>;
  /** Fires for this device's own writes and for changes arriving from other devices. */
  onChanged: {
    addListener(listener: StorageChangeListener): void;
    removeListener(listener: StorageChangeListener): void;
  };
}

export type SyncErrorKind =
  | 'quota-bytes'
  | 'quota-bytes-per-item'
  | 'max-items'
  /** Firefox reports every quota with one message. */
  | 'quota'
  | 'rate-minute'
  | 'rate-hour'
  | 'other';

/** Which limit a failed write ran into, from the browser's error message (Chrome's old and new wording, Firefox's). */
export function classifySyncError(error: unknown): { kind: SyncErrorKind; message: string } {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  const kind: SyncErrorKind =
    /QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/i.test(message)
      ? 'quota-bytes-per-item'
      : /QUOTA_BYTES|kQuotaBytes\b/i.test(message)
        ? 'quota-bytes'
        : /MAX_ITEMS|kMaxItems/i.test(message)
          ? 'max-items'
          : /MAX_WRITE_OPERATIONS_PER_MINUTE|MaxWriteOperationsPerMinute|MAX_SUSTAINED_WRITE/i.test(message)
            ? 'rate-minute'
            : /MAX_WRITE_OPERATIONS_PER_HOUR|MaxWriteOperationsPerHour/i.test(message)
              ? 'rate-hour'
              : /QuotaExceededError|quota/i.test(message)
                ? 'quota'
                : 'other';
  return { kind, message };
}
