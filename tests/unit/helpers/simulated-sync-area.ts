// A storage.sync that behaves like Chrome's, a test double for the sync engine's tests (it lives
// with the tests: product code never imports it):
//
// SimulatedSyncArea is one device's copy of the sync area. Local writes are checked
// exactly as Chrome checks them — write-rate limits first (two fixed windows, 120
// per minute and 1,800 per hour, each starting at the first write after the last
// one expired; a refused write still counts), then QUOTA_BYTES_PER_ITEM for each
// item, QUOTA_BYTES and MAX_ITEMS for the result — and refused with Chrome's
// messages. A `set` that fails changes nothing. onChanged fires for keys whose
// value really changed, for local writes and for changes from the network alike.
//
// SimulatedSyncNetwork connects such areas the way Chrome Sync does: each device
// commits its local changes (the latest value per key) to a server that keeps the
// last value it received per item, and the server sends each change to the other
// devices. Both directions are late, out of order and batched, driven by a seeded
// PRNG so a run can be replayed. Changes from the network bypass the quotas, as in
// Chrome, so a device's copy may end up over quota when two devices filled it at once.

import { chromeItemBytes } from '../../../lib/sync/item-bytes';
import { CHROME_SYNC_LIMITS, type SyncLimits } from '../../../lib/sync/limits';
import type { StorageChangeListener, StorageChanges, SyncArea } from '../../../lib/sync/sync-area';

/** Chrome's error messages (current wording) for refused storage.sync writes. */
export const CHROME_SYNC_ERRORS = Object.freeze({
  quotaBytes: 'Resource::kQuotaBytes quota exceeded',
  quotaBytesPerItem: 'Resource::kQuotaBytesPerItem quota exceeded',
  maxItems: 'Resource::kMaxItems quota exceeded',
  perMinute: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  perHour: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
});

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface WriteRecord {
  /** Epoch ms of the call. */
  at: number;
  op: 'set' | 'remove' | 'clear';
  keys: number;
  /** 'ok' or the error message. */
  outcome: string;
}

export interface SimulatedSyncAreaOptions {
  now: () => number;
  limits?: Partial<SyncLimits>;
  /** Called after each successful local write with the keys it changed (undefined value: removed). */
  onLocalWrite?: (changes: ReadonlyMap<string, unknown>) => void;
}

export class SimulatedSyncArea implements SyncArea {
  readonly limits: SyncLimits;
  /** Every write call, accepted or refused, in order. Chrome counts refused calls against the rate limits too. */
  readonly writeLog: WriteRecord[] = [];
  /** When set, every write fails with this error (sync turned off, browser trouble). */
  brokenWith: Error | null = null;

  private readonly items = new Map<string, string>();
  private readonly listeners = new Set<StorageChangeListener>();
  private readonly windows = [
    { limit: 0, interval: MINUTE_MS, tokens: 0, expiresAt: -Infinity, error: CHROME_SYNC_ERRORS.perMinute },
    { limit: 0, interval: HOUR_MS, tokens: 0, expiresAt: -Infinity, error: CHROME_SYNC_ERRORS.perHour },
  ];

  readonly onChanged = {
    addListener: (listener: StorageChangeListener): void => void this.listeners.add(listener),
    removeListener: (listener: StorageChangeListener): void => void this.listeners.delete(listener),
    hasListener: (listener: StorageChangeListener): boolean => this.listeners.has(listener),
  };

  constructor(private readonly options: SimulatedSyncAreaOptions) {
    this.limits = { ...CHROME_SYNC_LIMITS, ...options.limits };
    this.windows[0]!.limit = this.limits.maxWriteOperationsPerMinute;
    this.windows[1]!.limit = this.limits.maxWriteOperationsPerHour;
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) {
      const text = this.items.get(key);
      if (text !== undefined) result[key] = JSON.parse(text) as unknown;
    }
    return result;
  }

  async getBytesInUse(keys?: string | string[] | null): Promise<number> {
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    let total = 0;
    for (const key of wanted) {
      const text = this.items.get(key);
      if (text !== undefined) total += chromeItemBytes(key, JSON.parse(text));
    }
    return total;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(items).filter(([, value]) => value !== undefined);
    this.admitWrite('set', entries.length);
    // Quotas as Chrome's SettingsStorageQuotaEnforcer checks them: each item, then the total and the count.
    const sizes = new Map<string, number>();
    for (const [key, text] of this.items) sizes.set(key, chromeItemBytes(key, JSON.parse(text)));
    for (const [key, value] of entries) {
      const bytes = chromeItemBytes(key, value);
      if (bytes > this.limits.quotaBytesPerItem) this.refuse(CHROME_SYNC_ERRORS.quotaBytesPerItem);
      sizes.set(key, bytes);
    }
    let total = 0;
    for (const bytes of sizes.values()) total += bytes;
    if (total > this.limits.quotaBytes) this.refuse(CHROME_SYNC_ERRORS.quotaBytes);
    if (sizes.size > this.limits.maxItems) this.refuse(CHROME_SYNC_ERRORS.maxItems);
    this.succeed();
    const changes = new Map<string, unknown>();
    for (const [key, value] of entries) changes.set(key, value);
    this.apply(changes, true);
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : [...keys];
    this.admitWrite('remove', list.length);
    this.succeed();
    this.apply(new Map(list.map((key) => [key, undefined])), true);
  }

  async clear(): Promise<void> {
    this.admitWrite('clear', this.items.size);
    this.succeed();
    this.apply(new Map([...this.items.keys()].map((key) => [key, undefined])), true);
  }

  /** A change from the network: no quota, no rate limit, onChanged as for a local write. */
  applyRemote(changes: ReadonlyMap<string, unknown>): void {
    this.apply(changes, false);
  }

  /** The items as plain data (copies). */
  snapshot(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, text] of [...this.items].sort(([a], [b]) => (a < b ? -1 : 1))) result[key] = JSON.parse(text) as unknown;
    return result;
  }

  /** Write calls (accepted or refused) in the last `windowMs` before `at`, and the most in any such window. */
  maxWritesInAnyWindow(windowMs: number): number {
    const times = this.writeLog.map((entry) => entry.at);
    let most = 0;
    let start = 0;
    for (let end = 0; end < times.length; end += 1) {
      while (times[end]! - times[start]! >= windowMs) start += 1;
      most = Math.max(most, end - start + 1);
    }
    return most;
  }

  private admitWrite(op: WriteRecord['op'], keys: number): void {
    const at = this.options.now();
    this.writeLog.push({ at, op, keys, outcome: 'ok' });
    for (const window of this.windows) {
      if (at >= window.expiresAt) {
        window.tokens = window.limit;
        window.expiresAt = at + window.interval;
      }
      if (window.tokens <= 0) this.refuse(window.error);
      window.tokens -= 1;
    }
    if (this.brokenWith) this.refuse(this.brokenWith.message);
  }

  private refuse(message: string): never {
    const last = this.writeLog[this.writeLog.length - 1];
    if (last) last.outcome = message;
    throw new Error(message);
  }

  private succeed(): void {
    const last = this.writeLog[this.writeLog.length - 1];
    if (last) last.outcome = 'ok';
  }

  private apply(changes: ReadonlyMap<string, unknown>, local: boolean): void {
    const reported: StorageChanges = {};
    const effective = new Map<string, unknown>();
    for (const [key, value] of changes) {
      const before = this.items.get(key);
      const after = value === undefined || value === null ? undefined : JSON.stringify(value);
      if (before === after) continue;
      if (after === undefined) this.items.delete(key);
      else this.items.set(key, after);
      const change: { oldValue?: unknown; newValue?: unknown } = {};
      if (before !== undefined) change.oldValue = JSON.parse(before) as unknown;
      if (after !== undefined) change.newValue = JSON.parse(after) as unknown;
      reported[key] = change;
      effective.set(key, value === null ? undefined : value);
    }
    if (effective.size === 0) return;
    if (local) this.options.onLocalWrite?.(effective);
    for (const listener of [...this.listeners]) listener(reported);
  }
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedSyncNetworkOptions {
  seed: number;
  /** Most messages delivered in one step (one batch). */
  maxBatch?: number;
  /**
   * A change from the server for a key this device changed but has not committed yet:
   * 'remote-wins' takes the server's value and drops the local change (Chrome's default
   * conflict resolution); 'keep-local' ignores the server's value and commits the local
   * one, so the server ends with whichever was committed last — possibly the older
   * change. The engine must converge either way.
   */
  conflicts?: 'remote-wins' | 'keep-local';
}

interface DeviceLink {
  name: string;
  area: SimulatedSyncArea;
  online: boolean;
  /** Local changes not yet committed, latest value per key (undefined: removed). */
  outbox: Map<string, string | undefined>;
  /** Server changes not yet delivered, latest per key. */
  inbox: Map<string, { value: string | undefined; version: number }>;
  /** Server version of each key this device has (sent or received). */
  known: Map<string, number>;
}

export interface NetworkStats {
  /** Item changes committed to the server. */
  uploads: number;
  /** Item changes delivered to devices. */
  downloads: number;
  /** Steps that moved at least one message. */
  batches: number;
  /** Downloads older than what the device already had (dropped, as Chrome does). */
  staleDropped: number;
  /** Local changes dropped because the server's value arrived first ('remote-wins'). */
  localChangesOverridden: number;
  /** Server values ignored because the device had a change of its own to commit ('keep-local'). */
  remoteChangesIgnored: number;
}

export class SimulatedSyncNetwork {
  readonly stats: NetworkStats = { uploads: 0, downloads: 0, batches: 0, staleDropped: 0, localChangesOverridden: 0, remoteChangesIgnored: 0 };
  private readonly random: () => number;
  private readonly maxBatch: number;
  private readonly conflicts: 'remote-wins' | 'keep-local';
  private readonly server = new Map<string, { value: string | undefined; version: number }>();
  private readonly devices = new Map<string, DeviceLink>();

  constructor(options: SimulatedSyncNetworkOptions) {
    this.random = seededRandom(options.seed);
    this.maxBatch = options.maxBatch ?? 6;
    this.conflicts = options.conflicts ?? 'remote-wins';
  }

  /** A new device with an empty copy of the sync area (it receives what the server holds, later). */
  addDevice(name: string, options: { now: () => number; limits?: Partial<SyncLimits> }): SimulatedSyncArea {
    if (this.devices.has(name)) throw new Error(`Device ${name} exists`);
    const link: DeviceLink = { name, area: undefined as unknown as SimulatedSyncArea, online: true, outbox: new Map(), inbox: new Map(), known: new Map() };
    link.area = new SimulatedSyncArea({
      now: options.now,
      limits: options.limits,
      onLocalWrite: (changes) => {
        for (const [key, value] of changes) link.outbox.set(key, value === undefined ? undefined : JSON.stringify(value));
      },
    });
    for (const [key, entry] of this.server) if (entry.value !== undefined) link.inbox.set(key, entry);
    this.devices.set(name, link);
    return link.area;
  }

  /** An offline device neither commits nor receives; its messages wait. */
  setOnline(name: string, online: boolean): void {
    this.link(name).online = online;
  }

  /** Messages waiting (uploads and downloads), for online devices only unless `all`. */
  inFlight(all = false): number {
    let count = 0;
    for (const link of this.devices.values()) if (all || link.online) count += link.outbox.size + link.inbox.size;
    return count;
  }

  /** Moves one random batch: some of one device's commits, or some of its incoming changes. Returns messages moved. */
  step(): number {
    const choices: Array<{ link: DeviceLink; direction: 'up' | 'down' }> = [];
    for (const link of this.devices.values()) {
      if (!link.online) continue;
      if (link.outbox.size > 0) choices.push({ link, direction: 'up' });
      if (link.inbox.size > 0) choices.push({ link, direction: 'down' });
    }
    if (choices.length === 0) return 0;
    const choice = choices[Math.floor(this.random() * choices.length)]!;
    const moved = choice.direction === 'up' ? this.upload(choice.link) : this.download(choice.link);
    if (moved > 0) this.stats.batches += 1;
    return moved;
  }

  /** Steps until nothing moves for online devices (or `maxSteps`). Returns messages moved. */
  drain(maxSteps = 100_000): number {
    let moved = 0;
    for (let i = 0; i < maxSteps && this.inFlight() > 0; i += 1) moved += this.step();
    return moved;
  }

  serverSnapshot(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of [...this.server].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (entry.value !== undefined) result[key] = JSON.parse(entry.value) as unknown;
    }
    return result;
  }

  private upload(link: DeviceLink): number {
    const keys = this.pick([...link.outbox.keys()]);
    for (const key of keys) {
      const value = link.outbox.get(key);
      link.outbox.delete(key);
      const version = (this.server.get(key)?.version ?? 0) + 1;
      const entry = { value, version };
      this.server.set(key, entry);
      link.known.set(key, version);
      this.stats.uploads += 1;
      for (const other of this.devices.values()) if (other !== link) other.inbox.set(key, entry);
    }
    return keys.length;
  }

  private download(link: DeviceLink): number {
    const keys = this.pick([...link.inbox.keys()]);
    const changes = new Map<string, unknown>();
    for (const key of keys) {
      const entry = link.inbox.get(key)!;
      link.inbox.delete(key);
      if (entry.version <= (link.known.get(key) ?? 0)) {
        this.stats.staleDropped += 1;
        continue;
      }
      link.known.set(key, entry.version);
      if (link.outbox.has(key)) {
        if (this.conflicts === 'keep-local') {
          this.stats.remoteChangesIgnored += 1;
          continue;
        }
        link.outbox.delete(key);
        this.stats.localChangesOverridden += 1;
      }
      changes.set(key, entry.value === undefined ? undefined : (JSON.parse(entry.value) as unknown));
      this.stats.downloads += 1;
    }
    if (changes.size > 0) link.area.applyRemote(changes);
    return keys.length;
  }

  /** A random non-empty subset, in random order, of at most maxBatch. */
  private pick(keys: string[]): string[] {
    for (let i = keys.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    }
    const size = 1 + Math.floor(this.random() * Math.min(this.maxBatch, keys.length));
    return keys.slice(0, size);
  }

  private link(name: string): DeviceLink {
    const link = this.devices.get(name);
    if (!link) throw new Error(`No device ${name}`);
    return link;
  }
}
