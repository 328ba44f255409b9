// How two versions of one saved claim become one, identically on every device.
//
// The rule is last-writer-wins on the whole claim by hybrid logical clock (device id
// as the final tie-break). The only mutable parts of a claim are its note and its
// existence, so this is also the per-field rule for "note edited here, claim removed
// there": whichever the reader did later (by clock) wins. A removal made after an
// edit removes the claim; a note written after a removal (on a device that had not
// heard of it yet) keeps the claim, with that note.
//
// One refinement keeps content that sync had to shorten: when the winning version is
// a shortened copy and the other version holds the same field in full, the full
// field is kept. That only changes what this device shows, never which version won.

import { compareHlc, formatHlc } from './clock';
import type { ClaimVersion, SavedClaim, ShortenedField } from './format';
import { SHORTENED_MARK } from './format';
import { buries, type Graveyard } from './graveyard';

/** Orders two versions of one claim: clock first; equal clocks fall back to content so the order is total. */
export function compareClaimVersions(a: ClaimVersion, b: ClaimVersion): -1 | 0 | 1 {
  const byClock = compareHlc(a.updatedAt, b.updatedAt);
  if (byClock !== 0) return byClock;
  const left = canonical(a);
  const right = canonical(b);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** The content of a version as one string in a fixed field order (tie-breaks, equality). */
export function canonical(version: ClaimVersion): string {
  if (version.deleted) return JSON.stringify(['deleted', version.id, formatHlc(version.updatedAt)]);
  return JSON.stringify([
    'claim',
    version.id,
    formatHlc(version.updatedAt),
    version.url,
    version.title,
    version.text,
    version.stance.corroborates,
    version.stance.conflicts,
    version.stance.summary,
    version.savedAt,
    version.note,
    [...(version.shortened ?? [])].sort(),
  ]);
}

/** The merged version of two versions of the same claim. Commutative and idempotent. */
export function mergeClaimVersions(a: ClaimVersion, b: ClaimVersion): ClaimVersion {
  if (a.id !== b.id) throw new Error(`Cannot merge versions of different claims (${a.id}, ${b.id})`);
  const [winner, loser] = compareClaimVersions(a, b) >= 0 ? [a, b] : [b, a];
  return winner.deleted ? winner : restoreShortenedFields(winner, loser);
}

/**
 * `winner` with the fields it carries shortened taken back in full from `other`,
 * where `other` provably holds the same field: the claim text always (it is part of
 * the claim's id); title and stance summary when both come from the same save
 * (same savedAt); the note only from the very same version (same clock), since an
 * older note could share the prefix of a newer one.
 */
export function restoreShortenedFields(winner: SavedClaim, other: ClaimVersion): SavedClaim {
  const shortened = winner.shortened ?? [];
  if (shortened.length === 0 || other.deleted || other.id !== winner.id) return winner;
  const sameSave = other.savedAt === winner.savedAt && other.url === winner.url;
  const sameVersion = compareHlc(other.updatedAt, winner.updatedAt) === 0;
  const otherShortened = new Set(other.shortened ?? []);
  const restored: SavedClaim = { ...winner, stance: { ...winner.stance } };
  const stillShortened: ShortenedField[] = [];
  for (const field of shortened) {
    const allowed = field === 'text' ? true : field === 'note' ? sameVersion : sameSave;
    const full = fieldOf(other, field);
    if (allowed && !otherShortened.has(field) && isFullerVersionOf(full, fieldOf(winner, field))) {
      setField(restored, field, full);
    } else {
      stillShortened.push(field);
    }
  }
  if (stillShortened.length > 0) restored.shortened = stillShortened;
  else delete restored.shortened;
  return restored;
}

function isFullerVersionOf(full: string, shortenedValue: string): boolean {
  if (!shortenedValue.endsWith(SHORTENED_MARK)) return false;
  const prefix = shortenedValue.slice(0, -SHORTENED_MARK.length);
  return full.length > prefix.length && full.startsWith(prefix);
}

function fieldOf(claim: SavedClaim, field: ShortenedField): string {
  switch (field) {
    case 'note':
      return claim.note;
    case 'text':
      return claim.text;
    case 'title':
      return claim.title;
    case 'summary':
      return claim.stance.summary;
  }
}

function setField(claim: SavedClaim, field: ShortenedField, value: string): void {
  switch (field) {
    case 'note':
      claim.note = value;
      break;
    case 'text':
      claim.text = value;
      break;
    case 'title':
      claim.title = value;
      break;
    case 'summary':
      claim.stance.summary = value;
      break;
  }
}

/**
 * What a device does with a version of a claim found in the sync area:
 *  - 'buried': the graveyard holds a later removal; drop it (and clear it from sync);
 *  - 'accept': it is newer than what this device has (or new here); keep it;
 *  - 'same': it is this device's version (perhaps shortened); nothing changes;
 *  - 'keep-local': this device holds a newer version; write that one back to sync,
 *    which is how an old edit arriving late is overruled everywhere.
 */
export type IncomingDecision =
  | { action: 'buried' }
  | { action: 'accept'; version: ClaimVersion }
  | { action: 'same'; version: ClaimVersion }
  | { action: 'keep-local' };

export function resolveIncoming(local: ClaimVersion | undefined, incoming: ClaimVersion, graveyard: Graveyard): IncomingDecision {
  if (buries(graveyard, incoming.id, incoming.updatedAt)) return { action: 'buried' };
  if (!local) return { action: 'accept', version: incoming };
  const byClock = compareHlc(local.updatedAt, incoming.updatedAt);
  if (byClock < 0) return { action: 'accept', version: mergeClaimVersions(local, incoming) };
  if (byClock > 0) return { action: 'keep-local' };
  // One clock is one change by one device, so equal clocks are the same write — unless
  // something corrupted it; then the content order decides, as everywhere else.
  if (sameWrite(local, incoming)) {
    return { action: 'same', version: local.deleted || incoming.deleted ? local : restoreShortenedFields(local, incoming) };
  }
  return compareClaimVersions(local, incoming) < 0
    ? { action: 'accept', version: mergeClaimVersions(local, incoming) }
    : { action: 'keep-local' };
}

/** Equal, or equal but for fields one side carries shortened. */
export function sameWrite(a: ClaimVersion, b: ClaimVersion): boolean {
  if (a.deleted || b.deleted) return a.deleted === true && b.deleted === true && a.id === b.id;
  if (a.id !== b.id || a.url !== b.url || a.savedAt !== b.savedAt) return false;
  if (a.stance.corroborates !== b.stance.corroborates || a.stance.conflicts !== b.stance.conflicts) return false;
  const aShort = new Set(a.shortened ?? []);
  const bShort = new Set(b.shortened ?? []);
  for (const field of ['note', 'text', 'title', 'summary'] as const) {
    const left = fieldOf(a, field);
    const right = fieldOf(b, field);
    if (left === right) continue;
    if (aShort.has(field) && isFullerVersionOf(right, left)) continue;
    if (bShort.has(field) && isFullerVersionOf(left, right)) continue;
    return false;
  }
  return true;
}
