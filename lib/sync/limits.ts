// The browser's storage.sync limits and the policy Crosscheck applies inside them.
// Chrome documents these limits; Firefox Sync uses the same byte and item limits
// and does not refuse fast writes, so staying inside Chrome's limits is enough
// for both.

export interface SyncLimits {
  /** Total bytes the sync area may hold (key length + JSON length of every item). */
  quotaBytes: number;
  /** Bytes one item may take (its key length + JSON length of its value). */
  quotaBytesPerItem: number;
  /** Number of items (keys) the sync area may hold. */
  maxItems: number;
  /** set/remove/clear calls per minute; one call counts once however many keys it carries. */
  maxWriteOperationsPerMinute: number;
  /** set/remove/clear calls per hour. */
  maxWriteOperationsPerHour: number;
}

/** chrome.storage.sync.QUOTA_BYTES, QUOTA_BYTES_PER_ITEM, MAX_ITEMS, MAX_WRITE_OPERATIONS_PER_MINUTE/_HOUR. */
export const CHROME_SYNC_LIMITS: Readonly<SyncLimits> = Object.freeze({
  quotaBytes: 102_400,
  quotaBytesPerItem: 8_192,
  maxItems: 512,
  maxWriteOperationsPerMinute: 120,
  maxWriteOperationsPerHour: 1_800,
});

const DAY_MS = 86_400_000;

export interface SyncPolicy {
  /**
   * A deletion stays a tombstone item (under the claim's own key) this long before it is
   * folded into the compact graveyard. Earlier when space is needed for pending claims.
   */
  tombstoneTtlMs: number;
  /**
   * A deletion is remembered (tombstone, then graveyard entry) at least this long: an
   * older version of the claim arriving from a device that was away for less than this
   * is recognised as stale and dropped.
   */
  graveyardTtlMs: number;
  /** Share (0..1) of the browser's per-minute and per-hour write allowance that sync may use. */
  writeBudgetShare: number;
  /** At most this many writes go out back to back before the steady rate applies. */
  maxBurstWrites: number;
  /** A change waits this long for further changes so they leave in one write. */
  flushDebounceMs: number;
  /** …but never longer than this after the first waiting change. */
  maxFlushDelayMs: number;
  /** After a failed write for an unknown reason, wait this long before trying again (doubles, capped). */
  errorRetryMs: number;
  /** Cap of the doubling retry delay. */
  maxErrorRetryMs: number;
}

export const DEFAULT_SYNC_POLICY: Readonly<SyncPolicy> = Object.freeze({
  tombstoneTtlMs: 14 * DAY_MS,
  graveyardTtlMs: 365 * DAY_MS,
  writeBudgetShare: 0.5,
  maxBurstWrites: 10,
  flushDebounceMs: 1_500,
  maxFlushDelayMs: 10_000,
  errorRetryMs: 60_000,
  maxErrorRetryMs: 30 * 60_000,
});
