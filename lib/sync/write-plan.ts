// Which writes one flush sends, planned against what this device's copy of the sync
// area holds so that the browser never has to refuse them: first the removals
// (collected tombstones, stale copies), then `meta`, the graveyard shards, changes to
// claims sync already holds (they reuse or free space), and new claims, oldest saved
// first — each only if it still fits under QUOTA_BYTES and MAX_ITEMS. Pure: the engine
// applies the plan's consequences.

import type { Hlc } from './clock';
import { claimKey, encodeClaim, encodeMeta, type ClaimVersion, type ShortenedField } from './format';
import { encodeGraveyardShard, graveyardKey, type Graveyard } from './graveyard';
import { chromeItemBytes } from './item-bytes';
import type { SyncLimits } from './limits';
import type { LocalClaimRecord } from './local-store';

/** What the engine knows of one item in this device's copy of the sync area. */
export interface AreaItem {
  bytes: number;
  /** Claim item: clock of the version held there. */
  clock?: Hlc;
  /** Written by a newer Crosscheck (or by another feature): never overwritten from here. */
  foreign?: boolean;
  /** Graveyard shard: the removals it lists (claim id → clock of the removal). */
  shardEntries?: ReadonlyMap<string, Hlc>;
  /** Graveyard shard: its entry text, to skip writing what is already there. */
  shardText?: string;
}

export interface PlannedClaim {
  id: string;
  version: ClaimVersion;
  bytes: number;
  shortened: ShortenedField[];
}

export interface PlanInput {
  records: ReadonlyMap<string, LocalClaimRecord>;
  area: ReadonlyMap<string, AreaItem>;
  /** Keys to remove from sync (all present in `area`). */
  keysToRemove: ReadonlySet<string>;
  dirtyShards: ReadonlySet<number>;
  graveyard: Graveyard;
  metaMissing: boolean;
  limits: SyncLimits;
  /** Bytes kept free below QUOTA_BYTES (after the browser once disagreed with our count). */
  quotaHeadroom: number;
}

export interface WritePlan {
  /** The one `set` call: key → value. */
  sets: Record<string, unknown>;
  setKeys: string[];
  claims: PlannedClaim[];
  /** Shards written (in `sets`) or removed (in `removals`) by this plan. */
  shards: number[];
  writesMeta: boolean;
  /** The one `remove` call. */
  removals: string[];
  /** The `set` only fits once the removals are done. */
  removeFirst: boolean;
  /** Claims that did not fit, and the limit that stopped them. */
  blocked: Map<string, 'bytes' | 'items'>;
  /** Claims that cannot fit one item even shortened. */
  tooLarge: Array<{ id: string; message: string }>;
  /** Dirty shards that need no write (sync holds them already, or nothing to hold). */
  cleanShards: number[];
  /** Graveyard entries that gave way in a full shard (the oldest removals). */
  droppedFromGraveyard: string[];
  /** `meta` or a shard did not fit: retrying before something changes is pointless. */
  housekeepingBlocked: boolean;
}

export function planWrites(input: PlanInput): WritePlan {
  const { area, limits } = input;
  const quotaBytes = limits.quotaBytes - input.quotaHeadroom;
  const removals = [...input.keysToRemove].filter((key) => area.has(key) && !area.get(key)?.foreign);
  let bytesBefore = 0;
  for (const item of area.values()) bytesBefore += item.bytes;
  const itemsBefore = area.size;
  let bytes = bytesBefore;
  let items = itemsBefore;
  for (const key of removals) {
    bytes -= area.get(key)?.bytes ?? 0;
    items -= 1;
  }
  const plan: WritePlan = {
    sets: {},
    setKeys: [],
    claims: [],
    shards: [],
    writesMeta: false,
    removals,
    removeFirst: false,
    blocked: new Map(),
    tooLarge: [],
    cleanShards: [],
    droppedFromGraveyard: [],
    housekeepingBlocked: false,
  };
  let setDelta = 0;
  let newItems = 0;
  const removing = new Set(removals);
  const take = (key: string, value: unknown, itemBytes: number): 'bytes' | 'items' | null => {
    const existing = area.get(key);
    const kept = existing !== undefined && !removing.has(key);
    const delta = itemBytes - (kept ? existing.bytes : 0);
    const added = kept ? 0 : 1;
    if (bytes + delta > quotaBytes) return 'bytes';
    if (items + added > limits.maxItems) return 'items';
    bytes += delta;
    items += added;
    setDelta += itemBytes - (existing?.bytes ?? 0);
    newItems += existing ? 0 : 1;
    plan.sets[key] = value;
    plan.setKeys.push(key);
    return null;
  };

  if (input.metaMissing) {
    const meta = encodeMeta();
    if (take(meta.key, meta.value, chromeItemBytes(meta.key, meta.value)) === null) plan.writesMeta = true;
    else plan.housekeepingBlocked = true;
  }

  for (const shard of [...input.dirtyShards].sort()) {
    const key = graveyardKey(shard);
    const there = area.get(key);
    if (there?.foreign) {
      plan.cleanShards.push(shard);
      continue;
    }
    const encoded = encodeGraveyardShard(input.graveyard, shard);
    plan.droppedFromGraveyard.push(...encoded.dropped);
    if (encoded.value.e === there?.shardText || (encoded.value.e === '' && !there)) {
      plan.cleanShards.push(shard);
    } else if (encoded.value.e === '') {
      plan.removals.push(key);
      plan.shards.push(shard);
    } else if (take(key, encoded.value, encoded.bytes) === null) {
      plan.shards.push(shard);
    } else {
      plan.housekeepingBlocked = true;
    }
  }

  const waiting = [...input.records.values()].filter(
    (record) => !record.synced && !record.tooLarge && !area.get(claimKey(record.version.id))?.foreign,
  );
  const order = (record: LocalClaimRecord): [number, number] => [
    area.has(claimKey(record.version.id)) ? 0 : 1,
    record.version.deleted ? record.version.updatedAt.wall : record.version.savedAt,
  ];
  waiting.sort((a, b) => {
    const [groupA, timeA] = order(a);
    const [groupB, timeB] = order(b);
    return groupA - groupB || timeA - timeB || (a.version.id < b.version.id ? -1 : 1);
  });
  for (const record of waiting) {
    const { id } = record.version;
    const encoded = encodeClaim(record.version, limits.quotaBytesPerItem);
    if (!encoded.ok) {
      plan.tooLarge.push({ id, message: encoded.message });
      continue;
    }
    const stop = take(encoded.item.key, encoded.item.value, encoded.item.bytes);
    if (stop) plan.blocked.set(id, stop);
    else plan.claims.push({ id, version: record.version, bytes: encoded.item.bytes, shortened: encoded.item.shortened });
  }
  plan.removeFirst = bytesBefore + setDelta > quotaBytes || itemsBefore + newItems > limits.maxItems;
  return plan;
}
