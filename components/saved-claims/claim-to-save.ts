// What the sidebar hands to 'claims/save' for one claim of the page, and which claims of
// the page are saved already. Pure: tested without a browser.

import type { SaveClaimInput, SavedClaimView, SyncStatus } from '../../lib/protocol';
import { summariseSides } from '../../lib/sources';
import { claimIdFor, type StanceSnapshot } from '../../lib/sync';
import type { ClaimMatch, ClaimResult, Stance } from '../../lib/types';

const STANCE_WORDS: Record<Stance, string> = { conflicts: 'conflicting', corroborates: 'corroborating', related: 'related' };

function best(matches: readonly ClaimMatch[], stance: Stance): ClaimMatch | undefined {
  return matches.filter((m) => m.stance === stance).sort((a, b) => b.score - a.score)[0];
}

/**
 * How the claim stood against the reader's reports at the time: distinct reports on each
 * side, and one line such as "1 conflicting: 1,500 vs 12,000 troops; 2 corroborating".
 * The reason shown is the closest match's, conflicts first (what the reader will want to recall).
 */
export function stanceSnapshot(claim: ClaimResult): StanceSnapshot {
  const sides = summariseSides(claim.matches);
  const parts: string[] = [];
  const conflict = best(claim.matches, 'conflicts');
  const corroboration = best(claim.matches, 'corroborates');
  if (conflict) parts.push(`${sides.conflicts.reports} ${STANCE_WORDS.conflicts}: ${conflict.why}`);
  if (corroboration) parts.push(`${sides.corroborates.reports} ${STANCE_WORDS.corroborates}${conflict ? '' : `: ${corroboration.why}`}`);
  if (parts.length === 0 && sides.related.reports > 0) parts.push(`${sides.related.reports} ${STANCE_WORDS.related}`);
  return {
    corroborates: sides.corroborates.reports,
    conflicts: sides.conflicts.reports,
    summary: parts.length > 0 ? parts.join('; ') : 'No matching report',
  };
}

export interface ArticleRef {
  url: string;
  title: string | null;
}

export function claimToSave(article: ArticleRef, claim: ClaimResult): SaveClaimInput {
  return { url: article.url, title: article.title ?? '', text: claim.text, stance: stanceSnapshot(claim) };
}

/** How a saved claim stands with sync, in the words the sidebar and the list use. */
export type SavedSyncState = 'synced' | 'pending' | 'local-only';

export interface SavedMark {
  id: string;
  sync: SavedSyncState;
  /** One line for the reader; for 'local-only' it says why (the engine's own words). */
  text: string;
}

/** Sync states in which an unsynced claim is only waiting its turn, not stuck. */
const WAITING_STATES: ReadonlySet<SyncStatus['state']> = new Set(['not-started', 'pending', 'rate-limited', 'synced']);

export const LOCAL_ONLY_PREFIX = 'Saved on this device only — not synced.';

/** The saved claim's sync line, given the engine's overall status (null while unknown). */
export function savedMarkOf(claim: SavedClaimView, status: SyncStatus | null): SavedMark {
  if (claim.synced) {
    // Synced, perhaps shortened for sync: the claim's own note says which part.
    return { id: claim.id, sync: 'synced', text: claim.syncNote ? `Synced. ${claim.syncNote}` : 'Synced.' };
  }
  if (!status || WAITING_STATES.has(status.state)) return { id: claim.id, sync: 'pending', text: 'Waiting to sync…' };
  // Full, too large, newer format elsewhere, sync failing: the status says why and the way out.
  const reason = status.state === 'too-large' && claim.syncNote ? claim.syncNote : status.message;
  return { id: claim.id, sync: 'local-only', text: `${LOCAL_ONLY_PREFIX} ${reason}` };
}

/** Which claims of this page (by their index in the analysis) are saved, and how they stand. */
export function savedMarksFor(
  pageUrl: string,
  claims: readonly ClaimResult[],
  saved: readonly SavedClaimView[],
  status: SyncStatus | null,
): Map<number, SavedMark> {
  const byId = new Map(saved.map((claim) => [claim.id, claim]));
  const marks = new Map<number, SavedMark>();
  claims.forEach((claim, index) => {
    const found = byId.get(claimIdFor(pageUrl, claim.text));
    if (found) marks.set(index, savedMarkOf(found, status));
  });
  return marks;
}
