// Saved claims that follow the reader between devices, over the browser's own sync
// storage (Chrome Sync / Firefox Sync): no server of ours.
//
// This device's LocalStore is the source of truth here: every change lands there
// first, marked `synced: false`, and reaches the sync area later in batched writes
// that stay inside the browser's quotas and write-rate limits. Versions arriving
// from other devices are merged by clock (merge.ts), so every device ends with the
// same claims whatever order the changes arrive in. When sync is full or failing,
// nothing is lost: the claim stays here, the status says so in plain words, and
// removing claims or exporting is the way out.
//
// Concurrency: every public operation runs in one queue, so a write to the sync
// area, an incoming change and a save never interleave.

import { compareHlc, HybridClock, newDeviceId, type Hlc } from './clock';
import { exportClaimsJson, exportClaimsMarkdown, parseClaimsExport } from './export';
import {
  claimIdFor,
  claimIdFromKey,
  claimKey,
  decodeClaim,
  decodeMeta,
  META_KEY,
  SYNC_FORMAT_VERSION,
  type ClaimVersion,
  type SavedClaim,
  type ShortenedField,
} from './format';
import {
  buries,
  bury,
  decodeGraveyardShard,
  GRAVEYARD_SHARDS,
  graveyardKey,
  pruneGraveyard,
  shardOf,
  shardOfKey,
  type Graveyard,
} from './graveyard';
import { chromeItemBytes } from './item-bytes';
import { CHROME_SYNC_LIMITS, DEFAULT_SYNC_POLICY, type SyncLimits, type SyncPolicy } from './limits';
import { sanitizeLocalMeta, sanitizeLocalRecord, type LocalClaimRecord, type LocalMeta, type LocalStore } from './local-store';
import { resolveIncoming } from './merge';
import { searchClaims } from './search';
import { describeSyncStatus, type SyncStatus } from './status';
import { classifySyncError, type StorageChanges, type SyncArea } from './sync-area';
import { WriteBudget } from './write-budget';
import { planWrites, type AreaItem, type WritePlan } from './write-plan';
import { SavedClaimsInputError, validateClaimInput, validateNote, type SaveClaimInput } from './claim-input';
import { claimView, type SavedClaimView } from './claim-view';

export { SavedClaimsInputError, type SaveClaimInput, type SavedClaimView };

export type SavedClaimsEvent =
  | { type: 'claims-changed'; origin: 'local' | 'remote' | 'import'; ids: string[] }
  | { type: 'status-changed'; status: SyncStatus };

export type SavedClaimsListener = (event: SavedClaimsEvent) => void;

/** Runs `run` after `delayMs`; returns a cancel function. The background passes setTimeout here. */
export interface FlushScheduler {
  schedule(delayMs: number, run: () => void): () => void;
}

export interface SyncLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  key?: string;
}

export interface SavedClaimsSyncOptions {
  area: SyncArea;
  local: LocalStore;
  /** This browser profile's id (4–16 of [0-9a-z]); by default the one stored locally, or a new one. */
  deviceId?: string;
  /** Epoch ms; Date.now by default. */
  now?: () => number;
  limits?: Partial<SyncLimits>;
  policy?: Partial<SyncPolicy>;
  /** When given, the engine flushes by itself after changes (debounced, within the write budget). */
  scheduler?: FlushScheduler;
  log?: (entry: SyncLogEntry) => void;
  random?: () => number;
}

export interface FlushReport {
  /** set/remove calls made (each counts once against the browser's write limits). */
  writeOperations: number;
  itemsWritten: number;
  keysRemoved: number;
  /** Work is left and waits for the write budget or a retry until then (epoch ms). */
  deferredUntil: number | null;
  status: SyncStatus;
}

export type ImportResult =
  | { ok: true; added: number; alreadySaved: number; skipped: Array<{ index: number; reason: string }> }
  | { ok: false; error: string };

type Failure = { kind: 'rate' | 'other' | 'quota'; message: string; retryAt: number };

export class SavedClaimsSync {
  private readonly area: SyncArea;
  private readonly local: LocalStore;
  private readonly now: () => number;
  private readonly limits: SyncLimits;
  private readonly policy: SyncPolicy;
  private readonly scheduler: FlushScheduler | undefined;
  private readonly logSink: (entry: SyncLogEntry) => void;
  private readonly random: () => number;

  private started = false;
  private myDeviceId: string;
  private clock!: HybridClock;
  private budget!: WriteBudget;

  private readonly records = new Map<string, LocalClaimRecord>();
  private readonly graveyard: Graveyard = new Map();
  /** What this device's copy of the sync area holds, as far as the engine has seen. */
  private readonly areaItems = new Map<string, AreaItem>();

  private readonly keysToRemove = new Set<string>();
  private readonly dirtyShards = new Set<number>();
  private metaMissing = true;
  private unsupportedFormat = false;
  private needsReconcile = true;
  /** Claims that did not fit in the last write plan, and which limit stopped them. */
  private blocked = new Map<string, 'bytes' | 'items'>();
  /**
   * Space may have been freed since the last plan (another feature's keys removed, a
   * removal arriving from another device): the blocked claims are planned again even
   * when nothing else waits. Cleared by the next plan, so a full area is not retried in a loop.
   */
  private retryBlocked = false;
  private failure: Failure | null = null;
  private failureStreak = 0;
  /** Bytes kept free after the browser refused a write our count said would fit. */
  private quotaHeadroom = 0;
  /** The meta item or a graveyard shard did not fit at the last flush; wait for a change before retrying. */
  private housekeepingBlocked = false;

  private readonly dirtyIds = new Set<string>();
  private readonly deletedIds = new Set<string>();

  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<SavedClaimsListener>();
  private lastStatusKey = '';
  private timer: { due: number; cancel: () => void } | null = null;
  private firstPendingAt: number | null = null;

  private readonly onAreaChanged = (changes: StorageChanges): void => {
    // Never return the promise: some storage implementations await their listeners
    // inside set(), which would wait on this queue while the queue waits on set().
    this.applyRemoteChanges(changes).catch((error: unknown) => {
      this.log('error', `Could not apply changes from sync: ${errorMessage(error)}`);
    });
  };

  constructor(options: SavedClaimsSyncOptions) {
    this.area = options.area;
    this.local = options.local;
    this.now = options.now ?? Date.now;
    this.limits = { ...CHROME_SYNC_LIMITS, ...options.limits };
    this.policy = { ...DEFAULT_SYNC_POLICY, ...options.policy };
    this.scheduler = options.scheduler;
    this.logSink = options.log ?? defaultLog;
    this.random = options.random ?? Math.random;
    this.myDeviceId = options.deviceId ?? '';
  }

  get deviceId(): string {
    return this.myDeviceId;
  }

  // -------------------------------------------------------------------------
  // Life cycle

  /** Loads the local copy, reads the sync area once, merges, and starts listening. */
  async start(): Promise<void> {
    await this.enqueue(async () => {
      if (this.started) return;
      const snapshot = await this.local.load();
      const meta = sanitizeLocalMeta(snapshot.meta);
      this.myDeviceId = this.myDeviceId || meta?.deviceId || newDeviceId(this.random);
      this.clock = new HybridClock(this.myDeviceId, this.now, meta?.clock ?? null);
      this.budget = new WriteBudget(this.limits, this.policy, this.now(), meta?.writeBudget ?? null);
      for (const [id, deletedAt] of meta?.graveyard ?? []) {
        this.graveyard.set(id, deletedAt);
        this.clock.observe(deletedAt);
      }
      for (const raw of snapshot.records) {
        const record = sanitizeLocalRecord(raw);
        if (!record) {
          this.log('warn', 'Skipped an unreadable saved claim in local storage');
          continue;
        }
        this.records.set(record.version.id, record);
        this.clock.observe(record.version.updatedAt);
      }
      this.started = true;
      this.area.onChanged.addListener(this.onAreaChanged);
      await this.reconcileNow();
      await this.persist();
      this.emitStatusIfChanged();
    });
    this.scheduleFlush();
  }

  /** Stops listening and cancels a scheduled flush. Local data stays as it is. */
  stop(): void {
    this.area.onChanged.removeListener(this.onAreaChanged);
    this.timer?.cancel();
    this.timer = null;
  }

  /** Resolves when every queued operation (including incoming changes) has finished. */
  async whenIdle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  subscribe(listener: SavedClaimsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // -------------------------------------------------------------------------
  // Reading

  get(id: string): SavedClaimView | null {
    const record = this.records.get(id);
    return record && !record.version.deleted ? this.view(record) : null;
  }

  /** Saved claims, most recently saved first. */
  list(): SavedClaimView[] {
    const claims: SavedClaimView[] = [];
    for (const record of this.records.values()) if (!record.version.deleted) claims.push(this.view(record));
    return claims.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
  }

  /**
   * The clock of the latest change this device knows for claim `id`, and whether that
   * change removed it (also after the removal was folded into the graveyard); null if unknown.
   */
  lastChange(id: string): { updatedAt: Hlc; deleted: boolean } | null {
    const record = this.records.get(id);
    if (record) return { updatedAt: record.version.updatedAt, deleted: record.version.deleted === true };
    const buriedAt = this.graveyard.get(id);
    return buriedAt ? { updatedAt: buriedAt, deleted: true } : null;
  }

  search(query: string): SavedClaimView[] {
    return searchClaims(this.list(), query);
  }

  status(): SyncStatus {
    let pending = 0;
    let blockedNew = 0;
    let blockedChanges = 0;
    let tooLarge = 0;
    let heldByNewer = 0;
    let saved = 0;
    let blockedLimit: 'bytes' | 'items' | null = null;
    for (const record of this.records.values()) {
      const { id } = record.version;
      const live = !record.version.deleted;
      if (live) saved += 1;
      if (record.synced) continue;
      const inArea = this.areaItems.get(claimKey(id));
      if (record.tooLarge) {
        if (live) tooLarge += 1;
      } else if (inArea?.foreign) {
        if (live) heldByNewer += 1;
      } else if (this.blocked.has(id)) {
        blockedLimit = blockedLimit === 'items' ? 'items' : (this.blocked.get(id) ?? null);
        if (inArea || !live) blockedChanges += 1;
        else blockedNew += 1;
      } else {
        pending += 1;
      }
    }
    return describeSyncStatus({
      started: this.started,
      unsupportedFormat: this.unsupportedFormat,
      savedCount: saved,
      pendingCount: pending,
      blockedNewCount: blockedNew,
      blockedChangeCount: blockedChanges,
      blockedLimit,
      tooLargeCount: tooLarge,
      heldByNewerFormatCount: heldByNewer,
      failure: this.failure,
      bytesInUse: this.areaBytes(),
      quotaBytes: this.limits.quotaBytes,
      itemsInUse: this.areaItems.size,
      maxItems: this.limits.maxItems,
      quotaBytesPerItem: this.limits.quotaBytesPerItem,
      nextAttemptAt: this.started ? this.nextFlushAt() : null,
      now: this.now(),
    });
  }

  /** When the next flush should run (epoch ms), or null when nothing waits. For hosts without a scheduler. */
  nextFlushAt(): number | null {
    if (!this.started || !this.hasWork()) return null;
    const now = this.now();
    const first = this.firstPendingAt ?? now;
    let due = Math.min(now + this.policy.flushDebounceMs, first + this.policy.maxFlushDelayMs);
    due = Math.max(due, this.budget.nextAvailableAt(now), this.failure?.retryAt ?? 0);
    return due;
  }

  // -------------------------------------------------------------------------
  // Local changes

  /** Saves a claim (or returns the one already saved with the same article and sentence). */
  async save(input: SaveClaimInput): Promise<{ claim: SavedClaimView; created: boolean }> {
    const clean = validateClaimInput(input);
    const result = await this.enqueue(async () => {
      this.requireStarted();
      const id = claimIdFor(clean.url, clean.text);
      const existing = this.records.get(id);
      if (existing && !existing.version.deleted) return { claim: this.view(existing), created: false };
      const buriedAt = this.graveyard.get(id);
      if (buriedAt) this.clock.observe(buriedAt);
      const version: SavedClaim = { id, ...clean, savedAt: Math.floor(this.now()), updatedAt: this.clock.tick() };
      const record: LocalClaimRecord = { version, synced: false };
      this.somethingChanged();
      this.putRecord(record);
      await this.persist();
      this.emit({ type: 'claims-changed', origin: 'local', ids: [id] });
      this.emitStatusIfChanged();
      return { claim: this.view(record), created: true };
    });
    this.scheduleFlush();
    return result;
  }

  /** Changes a claim's note. Null when there is no such saved claim. */
  async update(id: string, patch: { note: string }): Promise<SavedClaimView | null> {
    const note = validateNote(patch?.note);
    const result = await this.enqueue(async () => {
      this.requireStarted();
      const record = this.records.get(id);
      if (!record || record.version.deleted) return null;
      const current = record.version;
      if (current.note === note && !current.shortened?.includes('note')) return this.view(record);
      const shortened = (current.shortened ?? []).filter((field) => field !== 'note');
      const version: SavedClaim = { ...current, stance: { ...current.stance }, note, updatedAt: this.clock.tick() };
      if (shortened.length > 0) version.shortened = shortened;
      else delete version.shortened;
      const updated: LocalClaimRecord = { version, synced: false };
      this.somethingChanged();
      this.putRecord(updated);
      await this.persist();
      this.emit({ type: 'claims-changed', origin: 'local', ids: [id] });
      this.emitStatusIfChanged();
      return this.view(updated);
    });
    this.scheduleFlush();
    return result;
  }

  /** Removes a saved claim on every device. False when there is no such saved claim. */
  async remove(id: string): Promise<boolean> {
    const result = await this.enqueue(async () => {
      this.requireStarted();
      const record = this.records.get(id);
      if (!record || record.version.deleted) return false;
      const updatedAt = this.clock.tick();
      this.somethingChanged();
      if (this.areaItems.has(claimKey(id))) {
        // Sync holds a version: replace it by a tombstone under the same key.
        this.putRecord({ version: { id, updatedAt, deleted: true }, synced: false });
      } else {
        // Sync never held it: remember the removal in the graveyard only, so that a copy
        // saved on another device before now cannot bring it back.
        this.buryLocally(id, updatedAt);
      }
      this.blocked.delete(id);
      await this.persist();
      this.emit({ type: 'claims-changed', origin: 'local', ids: [id] });
      this.emitStatusIfChanged();
      return true;
    });
    this.scheduleFlush();
    return result;
  }

  // -------------------------------------------------------------------------
  // Export and import

  exportJson(): string {
    return exportClaimsJson(this.list(), this.now());
  }

  exportMarkdown(): string {
    return exportClaimsMarkdown(this.list(), this.now());
  }

  /** Adds the claims of an export file that are not saved here yet. Never changes or removes existing claims. */
  async importJson(text: string): Promise<ImportResult> {
    const parsed = parseClaimsExport(text, this.now());
    if (!parsed.ok) return parsed;
    const result = await this.enqueue(async () => {
      this.requireStarted();
      const added: string[] = [];
      let alreadySaved = 0;
      this.somethingChanged();
      for (const claim of parsed.claims) {
        const id = claimIdFor(claim.url, claim.text);
        const existing = this.records.get(id);
        if (existing && !existing.version.deleted) {
          alreadySaved += 1;
          continue;
        }
        const buriedAt = this.graveyard.get(id);
        if (buriedAt) this.clock.observe(buriedAt);
        this.putRecord({ version: { id, ...claim, updatedAt: this.clock.tick() }, synced: false });
        added.push(id);
      }
      await this.persist();
      if (added.length > 0) this.emit({ type: 'claims-changed', origin: 'import', ids: added });
      this.emitStatusIfChanged();
      return { ok: true as const, added: added.length, alreadySaved, skipped: parsed.skipped };
    });
    this.scheduleFlush();
    return result;
  }

  // -------------------------------------------------------------------------
  // Changes from the sync area

  /** Merges changes reported by the sync area's onChanged (other devices' writes and our own echoes). */
  async applyRemoteChanges(changes: StorageChanges): Promise<void> {
    await this.enqueue(async () => {
      this.requireStarted();
      this.somethingChanged();
      const changed = new Set<string>();
      const entries = Object.entries(changes);
      // Graveyard shards first, so that claims they bury are recognised in the same batch.
      entries.sort(([a], [b]) => Number(shardOfKey(b) !== null) - Number(shardOfKey(a) !== null));
      for (const [key, change] of entries) {
        const value = change?.newValue;
        if (value === undefined || value === null) this.applyRemoval(key, changed);
        else this.applyItem(key, value, changed);
      }
      await this.persist();
      if (changed.size > 0) this.emit({ type: 'claims-changed', origin: 'remote', ids: [...changed] });
      this.emitStatusIfChanged();
    });
    if (this.hasWork()) this.scheduleFlush();
  }

  /** Reads the whole sync area and merges it (at start, and after errors). */
  async reconcile(): Promise<void> {
    await this.enqueue(async () => {
      this.requireStarted();
      await this.reconcileNow();
      await this.persist();
      this.emitStatusIfChanged();
    });
    this.scheduleFlush();
  }

  private async reconcileNow(): Promise<boolean> {
    let items: Record<string, unknown>;
    try {
      items = await this.area.get(null);
    } catch (error) {
      this.needsReconcile = true;
      this.recordFailure('other', errorMessage(error));
      return false;
    }
    this.needsReconcile = false;
    if (this.failure?.kind === 'other') this.failure = null;
    const changed = new Set<string>();
    this.areaItems.clear();
    this.metaMissing = true;
    this.unsupportedFormat = false;
    const entries = Object.entries(items ?? {});
    entries.sort(([a], [b]) => Number(shardOfKey(b) !== null) - Number(shardOfKey(a) !== null));
    for (const [key, value] of entries) {
      if (value === undefined || value === null) continue;
      this.applyItem(key, value, changed);
    }
    for (const id of [...this.records.keys()]) {
      if (!this.areaItems.has(claimKey(id))) this.applyAbsence(id, changed);
    }
    for (let shard = 0; shard < GRAVEYARD_SHARDS; shard += 1) {
      if (!this.areaItems.has(graveyardKey(shard)) && this.shardHasLocalEntries(shard)) this.dirtyShards.add(shard);
    }
    if (changed.size > 0) this.emit({ type: 'claims-changed', origin: 'remote', ids: [...changed] });
    return true;
  }

  private applyItem(key: string, value: unknown, changed: Set<string>): void {
    const bytes = chromeItemBytes(key, value);
    if (key === META_KEY) {
      this.areaItems.set(key, { bytes });
      const meta = decodeMeta(value);
      if (!meta.ok) {
        this.log('warn', `Ignored sync item: ${meta.problem.reason}`, key);
        this.metaMissing = true;
      } else if (meta.value.version > SYNC_FORMAT_VERSION) {
        if (!this.unsupportedFormat) this.log('warn', `Sync holds format version ${meta.value.version}; this Crosscheck writes ${SYNC_FORMAT_VERSION} and stops writing`, key);
        this.unsupportedFormat = true;
        this.metaMissing = false;
      } else {
        this.unsupportedFormat = false;
        this.metaMissing = meta.value.version !== SYNC_FORMAT_VERSION;
      }
      return;
    }
    const shard = shardOfKey(key);
    if (shard !== null) {
      this.applyShard(shard, key, value, bytes, changed);
      return;
    }
    const id = claimIdFromKey(key);
    if (id === null) {
      // Another feature's key (settings…): it still counts against the quota.
      this.areaItems.set(key, { bytes, foreign: true });
      if (key.startsWith('c:')) this.log('warn', `Ignored sync item: "${key}" is not a valid claim key`, key);
      return;
    }
    const decoded = decodeClaim(key, value);
    if (!decoded.ok) {
      this.log('warn', `Ignored sync item: ${decoded.problem.reason}`, key);
      const foreign = decoded.problem.code === 'unsupported-version';
      this.areaItems.set(key, { bytes, foreign });
      const record = this.records.get(id);
      // Garbage under one of our keys is overwritten by our version; a newer format's item is left alone.
      if (record && !foreign && record.synced) this.markUnsynced(record);
      return;
    }
    const incoming = decoded.value;
    this.clock.observe(incoming.updatedAt);
    this.areaItems.set(key, { bytes, clock: incoming.updatedAt });
    const record = this.records.get(id);
    const decision = resolveIncoming(record?.version, incoming, this.graveyard);
    switch (decision.action) {
      case 'buried':
        if (record && !buries(this.graveyard, id, record.version.updatedAt)) {
          // A stale copy sits where our newer version (saved again after the removal) belongs.
          this.markUnsynced(record);
          return;
        }
        this.keysToRemove.add(key);
        if (record) this.dropRecord(id, changed);
        return;
      case 'accept': {
        this.keysToRemove.delete(key);
        this.putRecord({ version: decision.version, synced: true, ...shortenedInArea(decision.version, incoming) });
        this.blocked.delete(id);
        const wasVisible = record !== undefined && !record.version.deleted;
        if (wasVisible || !decision.version.deleted) changed.add(id);
        return;
      }
      case 'same': {
        if (!record) return;
        const next: LocalClaimRecord = { version: decision.version, synced: true, ...shortenedInArea(decision.version, incoming) };
        if (!record.synced || record.tooLarge || JSON.stringify(next) !== JSON.stringify(record)) {
          this.putRecord(next);
          this.blocked.delete(id);
        }
        return;
      }
      case 'keep-local':
        // Sync holds an older version (an edit that arrived late, or a lost write): ours goes back.
        if (record) this.markUnsynced(record);
        return;
    }
  }

  private applyShard(shard: number, key: string, value: unknown, bytes: number, changed: Set<string>): void {
    const decoded = decodeGraveyardShard(key, value);
    if (!decoded.ok) {
      this.log('warn', `Ignored sync item: ${decoded.problem.reason}`, key);
      const foreign = decoded.problem.code === 'unsupported-version';
      this.areaItems.set(key, { bytes, foreign });
      if (!foreign) this.dirtyShards.add(shard);
      return;
    }
    if (decoded.value.skipped > 0) this.log('warn', `Skipped ${decoded.value.skipped} unreadable graveyard entries`, key);
    const listed = new Map<string, Hlc>();
    const now = this.now();
    for (const [id, deletedAt] of decoded.value.entries) {
      listed.set(id, deletedAt);
      if (now - deletedAt.wall > this.policy.graveyardTtlMs) continue;
      this.clock.observe(deletedAt);
      if (!bury(this.graveyard, id, deletedAt)) continue;
      const record = this.records.get(id);
      if (record && buries(this.graveyard, id, record.version.updatedAt)) this.dropRecord(id, changed);
      const inArea = this.areaItems.get(claimKey(id));
      if (inArea?.clock && buries(this.graveyard, id, inArea.clock)) this.keysToRemove.add(claimKey(id));
    }
    this.areaItems.set(key, { bytes, shardEntries: listed, shardText: (value as { e: string }).e });
    for (const [id, deletedAt] of this.graveyard) {
      const there = listed.get(id);
      if (shardOf(id) === shard && (!there || compareHlc(there, deletedAt) < 0)) {
        // We know removals this shard lacks (a concurrent write won on the server): write it again.
        this.dirtyShards.add(shard);
        break;
      }
    }
  }

  private applyRemoval(key: string, changed: Set<string>): void {
    this.areaItems.delete(key);
    this.keysToRemove.delete(key);
    if (key === META_KEY) {
      this.metaMissing = true;
      return;
    }
    const shard = shardOfKey(key);
    if (shard !== null) {
      if (this.shardHasLocalEntries(shard)) this.dirtyShards.add(shard);
      return;
    }
    const id = claimIdFromKey(key);
    if (id !== null) this.applyAbsence(id, changed);
  }

  /**
   * Sync no longer holds claim `id`. In this format a claim's key disappears only when
   * a device collects its tombstone (or removes a buried stale copy), so: a synced
   * tombstone here becomes a graveyard entry; a claim the graveyard buries goes; any
   * other claim is written again — sync lost it, this device did not.
   */
  private applyAbsence(id: string, changed: Set<string>): void {
    const record = this.records.get(id);
    if (!record) return;
    if (record.version.deleted) {
      if (record.synced) {
        // Usually another device collected it and its graveyard shard is on the way; but
        // the key may also have gone for an older reason, taking this removal with it —
        // so the removal goes into our graveyard shard (a no-op write if it is already there).
        this.noteBurial(id, record.version.updatedAt);
        this.dropRecord(id, changed);
      }
      return;
    }
    if (buries(this.graveyard, id, record.version.updatedAt)) {
      this.dropRecord(id, changed);
      return;
    }
    if (record.synced) this.markUnsynced(record);
  }

  // -------------------------------------------------------------------------
  // Writing to the sync area

  /** Writes what is waiting, within the quotas and the write budget. */
  async flush(): Promise<FlushReport> {
    const report = await this.enqueue(() => this.flushNow());
    this.scheduleFlush();
    return report;
  }

  /**
   * Folds tombstones older than the policy's tombstoneTtlMs (all of them with `force`)
   * into the graveyard, then flushes. Returns how many were collected.
   */
  async collectTombstones(options: { force?: boolean } = {}): Promise<number> {
    const collected = await this.enqueue(async () => {
      this.requireStarted();
      const count = this.collectNow(this.now(), options.force === true);
      await this.persist();
      return count;
    });
    await this.flush();
    return collected;
  }

  private async flushNow(): Promise<FlushReport> {
    this.requireStarted();
    const report = { writeOperations: 0, itemsWritten: 0, keysRemoved: 0, deferredUntil: null as number | null };
    const finish = async (): Promise<FlushReport> => {
      await this.persist();
      if (!this.hasWork()) this.firstPendingAt = null;
      this.emitStatusIfChanged();
      return { ...report, status: this.status() };
    };
    let now = this.now();
    if (this.failure && this.failure.retryAt > now) {
      report.deferredUntil = this.failure.retryAt;
      return finish();
    }
    if (this.needsReconcile && !(await this.reconcileNow())) {
      report.deferredUntil = this.failure?.retryAt ?? null;
      return finish();
    }
    if (this.unsupportedFormat) return finish();
    if (this.budget.available(now) < 1) {
      // No write to spend: planning (encoding every waiting claim) would be wasted work.
      report.deferredUntil = this.budget.nextAvailableAt(now);
      return finish();
    }

    this.collectNow(now, false);
    let plan = this.plan();
    if (plan.blocked.size > 0 && this.hasTombstones()) {
      // Space is short: fold every tombstone into the graveyard now, which frees their items.
      this.collectNow(now, true);
      plan = this.plan();
    }
    this.blocked = plan.blocked;
    this.retryBlocked = false;
    if (plan.setKeys.length === 0 && plan.removals.length === 0) {
      if (this.failure?.kind !== 'quota' || plan.blocked.size === 0) this.failure = null;
      return finish();
    }

    const steps: Array<'set' | 'remove'> = [];
    if (plan.removeFirst && plan.removals.length > 0) steps.push('remove');
    if (plan.setKeys.length > 0) steps.push('set');
    if (!plan.removeFirst && plan.removals.length > 0) steps.push('remove');

    for (const step of steps) {
      now = this.now();
      if (!this.budget.tryTake(now)) {
        report.deferredUntil = this.budget.nextAvailableAt(now);
        break;
      }
      report.writeOperations += 1;
      try {
        if (step === 'set') {
          await this.area.set(plan.sets);
          this.afterSet(plan);
          report.itemsWritten += plan.setKeys.length;
        } else {
          await this.area.remove(plan.removals);
          for (const key of plan.removals) {
            this.areaItems.delete(key);
            this.keysToRemove.delete(key);
            const shard = shardOfKey(key);
            if (shard !== null) this.dirtyShards.delete(shard);
          }
          report.keysRemoved += plan.removals.length;
        }
        this.failure = null;
        this.failureStreak = 0;
      } catch (error) {
        await this.afterWriteError(error, step, plan, now);
        report.deferredUntil = this.failure?.retryAt ?? null;
        break;
      }
    }
    if (report.deferredUntil === null && this.hasWork()) report.deferredUntil = this.nextFlushAt();
    return finish();
  }

  /** Plans the next writes (write-plan.ts) and takes in what planning found out. */
  private plan(): WritePlan {
    for (const key of [...this.keysToRemove]) if (!this.areaItems.has(key)) this.keysToRemove.delete(key);
    const plan = planWrites({
      records: this.records,
      area: this.areaItems,
      keysToRemove: this.keysToRemove,
      dirtyShards: this.dirtyShards,
      graveyard: this.graveyard,
      metaMissing: this.metaMissing,
      limits: this.limits,
      quotaHeadroom: this.quotaHeadroom,
    });
    // The oldest removals gave way in a full shard: forget them here too, so every device agrees.
    for (const id of plan.droppedFromGraveyard) this.graveyard.delete(id);
    for (const shard of plan.cleanShards) this.dirtyShards.delete(shard);
    this.housekeepingBlocked = plan.housekeepingBlocked;
    for (const { id, message } of plan.tooLarge) {
      const record = this.records.get(id);
      this.log('warn', `Claim kept on this device only: ${message}`, claimKey(id));
      if (record) this.putRecord({ ...record, tooLarge: true });
    }
    return plan;
  }

  private afterSet(plan: WritePlan): void {
    for (const key of plan.setKeys) {
      const value = plan.sets[key];
      this.areaItems.set(key, { bytes: chromeItemBytes(key, value) });
    }
    for (const claim of plan.claims) {
      const key = claimKey(claim.id);
      this.areaItems.set(key, { bytes: claim.bytes, clock: claim.version.updatedAt });
      this.keysToRemove.delete(key);
      const record = this.records.get(claim.id);
      // Only the version that was written counts as synced (the queue makes a change in between impossible, but be exact).
      if (record && record.version === claim.version) {
        this.putRecord({ version: record.version, synced: true, ...(claim.shortened.length > 0 ? { syncShortened: claim.shortened } : {}) });
      }
    }
    for (const shard of plan.shards) {
      const key = graveyardKey(shard);
      if (!(key in plan.sets)) continue;
      this.dirtyShards.delete(shard);
      const entries = new Map([...this.graveyard].filter(([id]) => shardOf(id) === shard));
      const text = (plan.sets[key] as { e: string }).e;
      this.areaItems.set(key, { bytes: this.areaItems.get(key)?.bytes ?? 0, shardEntries: entries, shardText: text });
    }
    if (plan.writesMeta) this.metaMissing = false;
  }

  private async afterWriteError(error: unknown, step: 'set' | 'remove', plan: WritePlan, now: number): Promise<void> {
    const { kind, message } = classifySyncError(error);
    this.log('warn', `Sync ${step} failed: ${message}`);
    switch (kind) {
      case 'rate-minute':
        this.budget.exhaust(now, now + 60_000);
        this.recordFailure('rate', message, now + 60_000);
        return;
      case 'rate-hour':
        this.budget.exhaust(now, now + 10 * 60_000);
        this.recordFailure('rate', message, now + 10 * 60_000);
        return;
      case 'quota-bytes':
      case 'max-items':
      case 'quota': {
        // Our count said it fits, the browser disagrees (another writer, or a count
        // mismatch): read the area again, keep a margin from now on, and hold these claims.
        this.quotaHeadroom = Math.min(this.limits.quotaBytes / 4, Math.max(1_024, this.quotaHeadroom * 2));
        for (const claim of plan.claims) this.blocked.set(claim.id, kind === 'max-items' ? 'items' : 'bytes');
        await this.reconcileNow();
        this.recordFailure('quota', message, now + this.policy.errorRetryMs);
        return;
      }
      case 'quota-bytes-per-item': {
        // Our count of the item disagrees with the browser's: stop offering the largest one.
        const largest = [...plan.claims].sort((a, b) => b.bytes - a.bytes)[0];
        const record = largest && this.records.get(largest.id);
        if (record) this.putRecord({ ...record, tooLarge: true });
        this.recordFailure('quota', message, now);
        return;
      }
      case 'other':
        this.failureStreak += 1;
        this.recordFailure(
          'other',
          message,
          now + Math.min(this.policy.maxErrorRetryMs, this.policy.errorRetryMs * 2 ** (this.failureStreak - 1)),
        );
        return;
    }
  }

  private recordFailure(kind: Failure['kind'], message: string, retryAt: number = this.now() + this.policy.errorRetryMs): void {
    this.failure = { kind, message, retryAt };
  }

  private collectNow(now: number, force: boolean): number {
    let collected = 0;
    for (const record of [...this.records.values()]) {
      const version = record.version;
      if (!version.deleted) continue;
      if (!force && now - version.updatedAt.wall < this.policy.tombstoneTtlMs) continue;
      this.buryLocally(version.id, version.updatedAt);
      collected += 1;
    }
    for (const id of pruneGraveyard(this.graveyard, now, this.policy.graveyardTtlMs)) this.dirtyShards.add(shardOf(id));
    return collected;
  }

  /** Adds a removal to the graveyard; the shard is written at the next flush unless sync already has it. */
  private noteBurial(id: string, deletedAt: Hlc): void {
    if (bury(this.graveyard, id, deletedAt)) this.dirtyShards.add(shardOf(id));
  }

  /** Records a removal in the graveyard and forgets the claim here; its key leaves sync at the next flush. */
  private buryLocally(id: string, deletedAt: Hlc): void {
    this.noteBurial(id, deletedAt);
    if (this.records.has(id)) {
      this.records.delete(id);
      this.deletedIds.add(id);
      this.dirtyIds.delete(id);
    }
    const key = claimKey(id);
    if (this.areaItems.has(key)) this.keysToRemove.add(key);
  }

  private hasTombstones(): boolean {
    for (const record of this.records.values()) if (record.version.deleted) return true;
    return false;
  }

  private hasWork(): boolean {
    if (this.unsupportedFormat) return false;
    if (this.needsReconcile) return true;
    if (!this.housekeepingBlocked && (this.metaMissing || this.dirtyShards.size > 0)) return true;
    for (const key of this.keysToRemove) if (this.areaItems.has(key)) return true;
    if (this.retryBlocked && this.blocked.size > 0) return true;
    for (const record of this.records.values()) {
      if (!record.synced && !record.tooLarge && !this.blocked.has(record.version.id)) return true;
    }
    return false;
  }

  private scheduleFlush(): void {
    if (!this.started) return;
    if (this.hasWork()) this.firstPendingAt ??= this.now();
    if (!this.scheduler) return;
    const due = this.nextFlushAt();
    this.timer?.cancel();
    this.timer = null;
    if (due === null) return;
    const cancel = this.scheduler.schedule(Math.max(0, due - this.now()), () => {
      this.timer = null;
      this.flush().catch((error: unknown) => this.log('error', `Sync flush failed: ${errorMessage(error)}`));
    });
    this.timer = { due, cancel };
  }

  // -------------------------------------------------------------------------
  // Small helpers

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private requireStarted(): void {
    if (!this.started) throw new Error('SavedClaimsSync: call start() first');
  }

  private putRecord(record: LocalClaimRecord): void {
    this.records.set(record.version.id, record);
    this.dirtyIds.add(record.version.id);
    this.deletedIds.delete(record.version.id);
    if (!record.synced) {
      // This version will be written under the key: it must not be removed after that.
      this.keysToRemove.delete(claimKey(record.version.id));
      this.firstPendingAt ??= this.now();
    }
  }

  /** The reader or another device changed something: retry what waited for space. */
  private somethingChanged(): void {
    this.housekeepingBlocked = false;
    this.retryBlocked = true;
    if (this.failure?.kind === 'quota') this.failure = null;
  }

  private markUnsynced(record: LocalClaimRecord): void {
    this.putRecord({ version: record.version, synced: false });
  }

  private dropRecord(id: string, changed: Set<string>): void {
    const record = this.records.get(id);
    if (!record) return;
    this.records.delete(id);
    this.deletedIds.add(id);
    this.dirtyIds.delete(id);
    this.blocked.delete(id);
    if (!record.version.deleted) changed.add(id);
  }

  private shardHasLocalEntries(shard: number): boolean {
    for (const id of this.graveyard.keys()) if (shardOf(id) === shard) return true;
    return false;
  }

  private areaBytes(): number {
    let total = 0;
    for (const item of this.areaItems.values()) total += item.bytes;
    return total;
  }

  /**
   * Writes this device's copy. The lists of unwritten changes are cleared only for what the
   * write took: a write that fails (a full disk, storage refused) leaves them as they were,
   * so the next persist writes them again and memory and disk never disagree for good.
   */
  private async persist(): Promise<void> {
    const written = new Map<string, LocalClaimRecord>();
    for (const id of this.dirtyIds) {
      const record = this.records.get(id);
      if (record) written.set(id, record);
    }
    const deletions = [...this.deletedIds].filter((id) => !this.records.has(id));
    if (written.size > 0) await this.local.putRecords([...written.values()]);
    if (deletions.length > 0) await this.local.deleteRecords(deletions);
    await this.local.putMeta(this.localMeta());
    // Only what was written, and not changed again since, stops being pending.
    for (const id of [...this.dirtyIds]) {
      const record = this.records.get(id);
      if (!record || written.get(id) === record) this.dirtyIds.delete(id);
    }
    for (const id of deletions) if (!this.records.has(id)) this.deletedIds.delete(id);
  }

  private localMeta(): LocalMeta {
    return {
      deviceId: this.myDeviceId,
      clock: this.clock.snapshot(),
      graveyard: [...this.graveyard],
      writeBudget: this.budget.snapshot(),
    };
  }

  private view(record: LocalClaimRecord): SavedClaimView {
    return claimView(record, {
      heldByNewerFormat: this.areaItems.get(claimKey(record.version.id))?.foreign === true,
      blocked: this.blocked.has(record.version.id),
      unsupportedFormat: this.unsupportedFormat,
      quotaBytesPerItem: this.limits.quotaBytesPerItem,
    });
  }

  private log(level: SyncLogEntry['level'], message: string, key?: string): void {
    this.logSink(key === undefined ? { level, message } : { level, message, key });
  }

  private emit(event: SavedClaimsEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log('error', `A saved-claims listener failed: ${errorMessage(error)}`);
      }
    }
  }

  private emitStatusIfChanged(): void {
    const status = this.status();
    const key = `${status.state}|${status.message}`;
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.emit({ type: 'status-changed', status });
  }
}

/** Which fields the sync copy carries shortened while this device holds them in full. */
function shortenedInArea(local: ClaimVersion, incoming: ClaimVersion): { syncShortened?: ShortenedField[] } {
  if (local.deleted || incoming.deleted) return {};
  const localShort = new Set(local.shortened ?? []);
  const fields = (incoming.shortened ?? []).filter((field) => !localShort.has(field));
  return fields.length > 0 ? { syncShortened: fields } : {};
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultLog(entry: SyncLogEntry): void {
  const line = `[crosscheck sync] ${entry.message}${entry.key ? ` (${entry.key})` : ''}`;
  if (entry.level === 'error') console.error(line);
  else if (entry.level === 'warn') console.warn(line);
}
