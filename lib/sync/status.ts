// What the reader is told about sync, in plain words, as a typed value the UI can
// also act on (a "quota-full" state shows the export / clean-up buttons).

export type SyncState =
  /** The engine has not read its local copy yet. */
  | 'not-started'
  /** Every saved claim and change is in sync storage. */
  | 'synced'
  /** Changes are waiting for the next write (debounce or write-rate budget). */
  | 'pending'
  /** The browser refused a write for its write-rate limit; retrying later. */
  | 'rate-limited'
  /** Sync storage is full: some claims or changes stay on this device only. */
  | 'quota-full'
  /** Some claims cannot go to sync even shortened; they stay on this device only. */
  | 'too-large'
  /** Sync storage failed for another reason (sync off, browser error); retrying later. */
  | 'error'
  /** Another device writes a newer sync format; this one only reads. */
  | 'unsupported-format';

export interface SyncStatus {
  state: SyncState;
  /** One or two sentences for the reader. */
  message: string;
  /** Saved (not removed) claims on this device. */
  savedCount: number;
  /** Saves, note edits and removals not yet written to sync storage (and not blocked). */
  pendingCount: number;
  /** Claims saved on this device only: sync is full, they are too large, or a newer format holds their slot. */
  localOnlyCount: number;
  /** Changes to claims already in sync (notes, removals) held back because sync is full. */
  heldChangesCount: number;
  /** Which limit is full, when state is 'quota-full'. */
  limit: 'bytes' | 'items' | null;
  bytesInUse: number;
  quotaBytes: number;
  itemsInUse: number;
  maxItems: number;
  /** Epoch ms of the next attempt, when waiting. */
  retryAt: number | null;
}

export interface StatusFacts {
  started: boolean;
  unsupportedFormat: boolean;
  savedCount: number;
  pendingCount: number;
  blockedNewCount: number;
  blockedChangeCount: number;
  blockedLimit: 'bytes' | 'items' | null;
  tooLargeCount: number;
  heldByNewerFormatCount: number;
  failure: { kind: 'rate' | 'other' | 'quota'; message: string; retryAt: number } | null;
  bytesInUse: number;
  quotaBytes: number;
  itemsInUse: number;
  maxItems: number;
  quotaBytesPerItem: number;
  nextAttemptAt: number | null;
  now: number;
}

export function describeSyncStatus(facts: StatusFacts): SyncStatus {
  const base = {
    savedCount: facts.savedCount,
    pendingCount: facts.pendingCount,
    localOnlyCount: facts.blockedNewCount + facts.tooLargeCount + facts.heldByNewerFormatCount,
    heldChangesCount: facts.blockedChangeCount,
    limit: null,
    bytesInUse: facts.bytesInUse,
    quotaBytes: facts.quotaBytes,
    itemsInUse: facts.itemsInUse,
    maxItems: facts.maxItems,
    retryAt: facts.failure?.retryAt ?? facts.nextAttemptAt,
  } satisfies Omit<SyncStatus, 'state' | 'message'>;

  if (!facts.started) return { ...base, state: 'not-started', message: 'Sync is starting.' };
  if (facts.unsupportedFormat) {
    return {
      ...base,
      state: 'unsupported-format',
      message:
        'Another device saves claims in a newer sync format. Update Crosscheck on this device to sync again; claims saved here are kept on this device.',
    };
  }
  if (facts.failure?.kind === 'other') {
    return {
      ...base,
      state: 'error',
      message: `Sync is not working right now (${facts.failure.message}). Your claims are saved on this device; Crosscheck will try again${inAbout(facts.failure.retryAt, facts.now)}.`,
    };
  }
  if (facts.blockedNewCount + facts.blockedChangeCount > 0) {
    const limit = facts.blockedLimit ?? 'bytes';
    const full = limit === 'items' ? `${facts.maxItems} items` : `${Math.round(facts.quotaBytes / 1024)} KB`;
    const parts: string[] = [];
    if (facts.blockedNewCount > 0) parts.push(`${count(facts.blockedNewCount, 'claim is', 'claims are')} saved on this device only`);
    if (facts.blockedChangeCount > 0) parts.push(`${count(facts.blockedChangeCount, 'change has', 'changes have')} not synced`);
    const them = facts.blockedNewCount > 0 ? 'to sync them' : 'to sync the changes';
    return {
      ...base,
      limit,
      state: 'quota-full',
      message: `Sync storage is full (${full}). ${capitalise(parts.join(' and '))}. Export or remove old claims ${them}.`,
    };
  }
  if (facts.tooLargeCount > 0) {
    return {
      ...base,
      state: 'too-large',
      message: `${capitalise(count(facts.tooLargeCount, 'claim is', 'claims are'))} too large to sync (over ${Math.round(facts.quotaBytesPerItem / 1024)} KB even shortened) and saved on this device only. Export keeps them in full.`,
    };
  }
  if (facts.heldByNewerFormatCount > 0) {
    return {
      ...base,
      state: 'unsupported-format',
      message: `${capitalise(count(facts.heldByNewerFormatCount, 'claim is', 'claims are'))} held in sync by a newer Crosscheck on another device; update Crosscheck here to sync them.`,
    };
  }
  if (facts.failure?.kind === 'rate' && facts.pendingCount > 0) {
    return {
      ...base,
      state: 'rate-limited',
      message: `Sync is pausing to stay within the browser's write limits; ${count(facts.pendingCount, 'change', 'changes')} will sync${inAbout(facts.failure.retryAt, facts.now)}.`,
    };
  }
  if (facts.pendingCount > 0) {
    return { ...base, state: 'pending', message: `${capitalise(count(facts.pendingCount, 'change', 'changes'))} waiting to sync.` };
  }
  return {
    ...base,
    state: 'synced',
    message:
      facts.savedCount === 0
        ? 'No saved claims yet.'
        : facts.savedCount === 1
          ? 'The saved claim is synced.'
          : `All ${facts.savedCount.toLocaleString('en-US')} saved claims are synced.`,
  };
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function inAbout(at: number, now: number): string {
  const minutes = Math.max(1, Math.round((at - now) / 60_000));
  return at <= now ? ' shortly' : ` in about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
