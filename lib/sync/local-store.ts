// This device's own copy of every saved claim: the source of truth here. Sync is a
// replica of it that may lag, be full, or be shortened; this copy is never
// shortened and never waits for sync. The background persists it
// (adapters/local-claims-store.ts: browser.storage.local); tests use an in-memory one
// (tests/unit/helpers/memory-local-store.ts).

import { isValidHlc, type Hlc } from './clock';
import { CLAIM_ID_PATTERN, isPlainObject, SHORTEN_ORDER, type ClaimVersion, type ShortenedField } from './format';
import type { WriteBudgetState } from './write-budget';

export interface LocalClaimRecord {
  version: ClaimVersion;
  /** The sync area holds this very version (possibly shortened). */
  synced: boolean;
  /** This version cannot go to sync even shortened (e.g. a URL of several KB). */
  tooLarge?: boolean;
  /** Fields that the sync copy of this version carries shortened, so other devices see them cut. */
  syncShortened?: ShortenedField[];
}

export interface LocalMeta {
  deviceId: string;
  /** The latest clock this device issued or saw. */
  clock: Hlc | null;
  /** Removed claims whose tombstones were collected: [claim id, clock of the removal]. */
  graveyard: Array<[string, Hlc]>;
  writeBudget: WriteBudgetState | null;
}

export interface LocalSnapshot {
  records: LocalClaimRecord[];
  meta: LocalMeta | null;
}

export interface LocalStore {
  load(): Promise<LocalSnapshot>;
  /** Inserts or replaces records by claim id. */
  putRecords(records: readonly LocalClaimRecord[]): Promise<void>;
  deleteRecords(ids: readonly string[]): Promise<void>;
  putMeta(meta: LocalMeta): Promise<void>;
}

/** A stored record checked field by field (local storage can be corrupted too); null if unusable. */
export function sanitizeLocalRecord(raw: unknown): LocalClaimRecord | null {
  if (!isPlainObject(raw) || !isPlainObject(raw.version) || typeof raw.synced !== 'boolean') return null;
  const version = sanitizeVersion(raw.version);
  if (!version) return null;
  const record: LocalClaimRecord = { version, synced: raw.synced };
  if (raw.tooLarge === true) record.tooLarge = true;
  if (Array.isArray(raw.syncShortened)) {
    const fields = SHORTEN_ORDER.filter((field) => (raw.syncShortened as unknown[]).includes(field));
    if (fields.length > 0) record.syncShortened = fields;
  }
  return record;
}

function sanitizeVersion(raw: Record<string, unknown>): ClaimVersion | null {
  if (typeof raw.id !== 'string' || !CLAIM_ID_PATTERN.test(raw.id) || !isValidHlc(raw.updatedAt)) return null;
  const updatedAt = { wall: raw.updatedAt.wall, count: raw.updatedAt.count, device: raw.updatedAt.device };
  if (raw.deleted === true) return { id: raw.id, updatedAt, deleted: true };
  const stance = raw.stance;
  if (
    typeof raw.url !== 'string' ||
    typeof raw.title !== 'string' ||
    typeof raw.text !== 'string' ||
    typeof raw.note !== 'string' ||
    !Number.isSafeInteger(raw.savedAt) ||
    !isPlainObject(stance) ||
    !Number.isSafeInteger(stance.corroborates) ||
    !Number.isSafeInteger(stance.conflicts) ||
    typeof stance.summary !== 'string'
  ) {
    return null;
  }
  const shortened = Array.isArray(raw.shortened) ? SHORTEN_ORDER.filter((field) => (raw.shortened as unknown[]).includes(field)) : [];
  return {
    id: raw.id,
    url: raw.url,
    title: raw.title,
    text: raw.text,
    note: raw.note,
    savedAt: raw.savedAt as number,
    stance: { corroborates: stance.corroborates as number, conflicts: stance.conflicts as number, summary: stance.summary },
    updatedAt,
    ...(shortened.length > 0 ? { shortened } : {}),
  };
}

export function sanitizeLocalMeta(raw: unknown): LocalMeta | null {
  if (!isPlainObject(raw) || typeof raw.deviceId !== 'string') return null;
  const clock = isValidHlc(raw.clock) ? raw.clock : null;
  const graveyard: Array<[string, Hlc]> = [];
  if (Array.isArray(raw.graveyard)) {
    for (const entry of raw.graveyard as unknown[]) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && CLAIM_ID_PATTERN.test(entry[0]) && isValidHlc(entry[1])) {
        graveyard.push([entry[0], entry[1]]);
      }
    }
  }
  const budget = raw.writeBudget;
  const writeBudget =
    isPlainObject(budget) && Number.isFinite(budget.tokens) && Number.isFinite(budget.at)
      ? { tokens: budget.tokens as number, at: budget.at as number }
      : null;
  return { deviceId: raw.deviceId, clock, graveyard, writeBudget };
}
