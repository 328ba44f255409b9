// The saved claims as a list the reader can search and order, each with its note and
// removal (SavedClaimItem). Search runs in the background (lib/sync/search: every word,
// any field, accents and thousands separators ignored); ordering is done here.

import type { Result, SavedClaimView } from '../../lib/protocol';
import { plural } from '../format';
import { SavedClaimItem } from './SavedClaimItem';

export type ClaimOrder = 'newest' | 'oldest';

export function ordered(claims: readonly SavedClaimView[], order: ClaimOrder): SavedClaimView[] {
  const sorted = [...claims].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
  return order === 'newest' ? sorted : sorted.reverse();
}

/** "3 saved claims" or "2 of 5 saved claims match “troops”". */
export function listHeading(shown: number, total: number, query: string): string {
  const q = query.trim();
  if (!q) return plural(total, 'saved claim');
  return `${shown.toLocaleString('en')} of ${plural(total, 'saved claim')} ${shown === 1 ? 'matches' : 'match'} “${q}”`;
}

export interface SavedClaimsListProps {
  /** The claims that match the query (null while loading). */
  claims: SavedClaimView[] | null;
  total: number;
  query: string;
  order: ClaimOrder;
  onQuery(query: string): void;
  onOrder(order: ClaimOrder): void;
  onSaveNote(id: string, note: string): Promise<Result<SavedClaimView>>;
  onRemove(id: string): Promise<Result<{ removed: boolean }>>;
}

export function SavedClaimsList({ claims, total, query, order, onQuery, onOrder, onSaveNote, onRemove }: SavedClaimsListProps) {
  return (
    <div class="saved-claims-list">
      <div class="saved-claims-toolbar" role="search" aria-label="Saved claims">
        <div class="field">
          <label for="saved-claims-search">Search saved claims</label>
          <input
            id="saved-claims-search"
            type="search"
            value={query}
            placeholder="Words from the claim, article, note or stance"
            onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field field--narrow">
          <label for="saved-claims-order">Order</label>
          <select id="saved-claims-order" value={order} onChange={(e) => onOrder((e.target as HTMLSelectElement).value as ClaimOrder)}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
      </div>
      <h3 id="saved-claims-list-heading" tabIndex={-1} data-testid="saved-claims-heading" aria-live="polite">
        {claims ? listHeading(claims.length, total, query) : 'Loading saved claims…'}
      </h3>
      {claims && claims.length === 0 && (
        <p class="muted">
          {query.trim() ? 'No saved claim contains all of these words.' : 'No saved claims yet. Use “Save this claim” in the sidebar beside an article.'}
        </p>
      )}
      {claims && claims.length > 0 && (
        <ul class="saved-claims" data-testid="saved-claims" aria-labelledby="saved-claims-list-heading">
          {ordered(claims, order).map((claim) => (
            <SavedClaimItem key={claim.id} claim={claim} onSaveNote={onSaveNote} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </div>
  );
}
