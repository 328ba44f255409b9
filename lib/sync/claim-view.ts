// A saved claim as the UI shows it: the claim, whether sync holds it, and if not
// (or not whole) why, in plain words.

import type { SavedClaim, ShortenedField } from './format';
import type { LocalClaimRecord } from './local-store';

export interface SavedClaimView extends SavedClaim {
  /** Sync storage holds this claim as it is here. */
  synced: boolean;
  /** Why it is not (fully) on the reader's other devices, in plain words; null when it is. */
  syncNote: string | null;
}

export interface ClaimSyncFacts {
  /** A newer Crosscheck holds this claim's item in sync. */
  heldByNewerFormat: boolean;
  /** It did not fit at the last write (sync is full). */
  blocked: boolean;
  /** This device does not write to sync (newer format there). */
  unsupportedFormat: boolean;
  quotaBytesPerItem: number;
}

/** A copy of a live claim's record for the UI (callers never share the engine's objects). */
export function claimView(record: LocalClaimRecord, facts: ClaimSyncFacts): SavedClaimView {
  const version = record.version as SavedClaim;
  const claim: SavedClaimView = {
    ...version,
    stance: { ...version.stance },
    synced: record.synced,
    syncNote: syncNote(record, facts),
  };
  if (version.shortened) claim.shortened = [...version.shortened];
  return claim;
}

function syncNote(record: LocalClaimRecord, facts: ClaimSyncFacts): string | null {
  const perItemKb = Math.round(facts.quotaBytesPerItem / 1024);
  if (record.tooLarge) return `Too large to sync (over ${perItemKb} KB even shortened): saved on this device only.`;
  if (!record.synced) {
    if (facts.heldByNewerFormat) return 'A newer Crosscheck on another device holds this claim in sync: update Crosscheck here to sync it.';
    if (facts.blocked) return 'Sync storage is full: saved on this device only for now.';
    if (facts.unsupportedFormat) return 'Not synced: another device uses a newer sync format.';
    return 'Waiting to sync.';
  }
  if (record.syncShortened && record.syncShortened.length > 0) {
    return `Synced shortened (one claim may take ${perItemKb} KB in sync): your other devices see a shortened ${listFields(record.syncShortened)}.`;
  }
  const shortened = (record.version as SavedClaim).shortened;
  if (shortened && shortened.length > 0) {
    return `Shortened by sync: the full ${listFields(shortened)} is on the device where it was written.`;
  }
  return null;
}

function listFields(fields: readonly ShortenedField[]): string {
  const names = fields.map((field) => (field === 'text' ? 'claim text' : field === 'summary' ? 'stance summary' : field));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
