// The graveyard: the compact memory of removed claims once their tombstone items
// are collected. A tombstone costs a whole item (of 512) and ~50 bytes; a graveyard
// entry costs ~30 bytes inside one of GRAVEYARD_SHARDS shared items. Every device
// keeps the same set locally, and any version of a claim that is not newer than its
// entry is stale and dropped — so a device that comes back after a long absence
// cannot bring a removed claim back with an old edit.
//
// Several devices may write the same shard; entries only accumulate (per claim the
// later deletion clock wins), so merging is a union, and a device whose local set
// holds entries a shard lacks writes the shard again.

import { compareHlc, formatHlc, parseHlc, type Hlc } from './clock';
import { CLAIM_ID_PATTERN, describe, isPlainObject, SYNC_FORMAT_VERSION, type Decoded } from './format';
import { chromeItemBytes } from './item-bytes';

export const GRAVEYARD_KEY_PREFIX = 'g:';
/** Shards spread writes (two devices collecting at once touch different items half the time). */
export const GRAVEYARD_SHARDS = 2;
/** Bytes one shard may take; the oldest entries give way beyond it (~190 entries per shard). */
export const GRAVEYARD_SHARD_MAX_BYTES = 6_144;

/** Claim id → clock of its deletion. */
export type Graveyard = Map<string, Hlc>;

export interface WireGraveyard {
  v: number;
  /** Entries "<claimId>=<clock>" separated by spaces, sorted by claim id. */
  e: string;
}

export function graveyardKey(shard: number): string {
  return `${GRAVEYARD_KEY_PREFIX}${shard}`;
}

/** The shard number in a `g:<n>` key, or null for any other key. */
export function shardOfKey(key: string): number | null {
  if (!key.startsWith(GRAVEYARD_KEY_PREFIX)) return null;
  const shard = Number(key.slice(GRAVEYARD_KEY_PREFIX.length));
  return Number.isInteger(shard) && shard >= 0 && shard < GRAVEYARD_SHARDS && key === graveyardKey(shard) ? shard : null;
}

/** Claim ids are hashes, so their last character spreads them evenly. */
export function shardOf(id: string): number {
  return parseInt(id.charAt(id.length - 1), 36) % GRAVEYARD_SHARDS;
}

/** True when the graveyard says a version with this clock was removed later (or is the removal itself). */
export function buries(graveyard: Graveyard, id: string, clock: Hlc): boolean {
  const deletedAt = graveyard.get(id);
  return deletedAt !== undefined && compareHlc(clock, deletedAt) <= 0;
}

/** Records a deletion; true when the graveyard changed. */
export function bury(graveyard: Graveyard, id: string, deletedAt: Hlc): boolean {
  const known = graveyard.get(id);
  if (known && compareHlc(known, deletedAt) >= 0) return false;
  graveyard.set(id, deletedAt);
  return true;
}

/** Drops entries whose deletion is older than `ttlMs`; returns their ids. */
export function pruneGraveyard(graveyard: Graveyard, nowMs: number, ttlMs: number): string[] {
  const removed: string[] = [];
  for (const [id, deletedAt] of graveyard) {
    if (nowMs - deletedAt.wall > ttlMs) {
      graveyard.delete(id);
      removed.push(id);
    }
  }
  return removed;
}

export interface EncodedShard {
  key: string;
  value: WireGraveyard;
  bytes: number;
  /** Entries left out because the shard was full (the oldest deletions). */
  dropped: string[];
}

/** The item for one shard: its newest entries that fit in `maxBytes`, sorted by id so equal sets give equal items. */
export function encodeGraveyardShard(graveyard: Graveyard, shard: number, maxBytes = GRAVEYARD_SHARD_MAX_BYTES): EncodedShard {
  const key = graveyardKey(shard);
  const entries = [...graveyard].filter(([id]) => shardOf(id) === shard);
  entries.sort(([, a], [, b]) => compareHlc(b, a));
  const kept: Array<[string, Hlc]> = [];
  const dropped: string[] = [];
  // Each entry adds its text plus a separating space; measure incrementally.
  let bytes = chromeItemBytes(key, { v: SYNC_FORMAT_VERSION, e: '' });
  for (const [id, deletedAt] of entries) {
    const entryBytes = id.length + 1 + formatHlc(deletedAt).length + (kept.length > 0 ? 1 : 0);
    if (bytes + entryBytes <= maxBytes) {
      kept.push([id, deletedAt]);
      bytes += entryBytes;
    } else {
      dropped.push(id);
    }
  }
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const value: WireGraveyard = { v: SYNC_FORMAT_VERSION, e: kept.map(([id, at]) => `${id}=${formatHlc(at)}`).join(' ') };
  return { key, value, bytes: chromeItemBytes(key, value), dropped };
}

export interface DecodedShard {
  entries: Array<[string, Hlc]>;
  /** Entries that were not "<id>=<clock>" and were skipped. */
  skipped: number;
}

/** Decodes a shard item; bad entries are skipped (and counted), a bad item is refused. */
export function decodeGraveyardShard(key: string, raw: unknown): Decoded<DecodedShard> {
  if (shardOfKey(key) === null) return { ok: false, problem: { code: 'unknown-key', reason: `"${key}" is not a graveyard key` } };
  if (!isPlainObject(raw)) return { ok: false, problem: { code: 'malformed', reason: `${key}: expected an object, got ${describe(raw)}` } };
  if (raw.v !== SYNC_FORMAT_VERSION) {
    const newer = Number.isSafeInteger(raw.v) && (raw.v as number) > SYNC_FORMAT_VERSION;
    return {
      ok: false,
      problem: newer
        ? { code: 'unsupported-version', reason: `${key}: format version ${String(raw.v)} is newer than this Crosscheck reads` }
        : { code: 'malformed', reason: `${key}: "v" must be a format version, got ${describe(raw.v)}` },
    };
  }
  if (typeof raw.e !== 'string') return { ok: false, problem: { code: 'malformed', reason: `${key}: "e" must be a string` } };
  const entries: Array<[string, Hlc]> = [];
  let skipped = 0;
  for (const token of raw.e.split(' ')) {
    if (token === '') continue;
    const separator = token.indexOf('=');
    const id = token.slice(0, separator);
    const clock = separator > 0 ? parseHlc(token.slice(separator + 1)) : null;
    if (clock && CLAIM_ID_PATTERN.test(id)) entries.push([id, clock]);
    else skipped += 1;
  }
  return { ok: true, value: { entries, skipped } };
}
