// One saved claim in the options page's list: the claim, its article, how it stood against
// the reports when saved, whether it is synced, the reader's note (editable) and removal
// after a confirmation. Claim, title and note come from other devices too: text nodes only,
// and only http(s) addresses become links.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result, SavedClaimView } from '../../lib/protocol';

/** "8 Oct 2024", in the reader's time zone. */
export function formatSavedAt(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The article's address as a link target, or null when it is not a web address (javascript:, data:, garbage). */
export function safeArticleHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "1 conflicting: 1,500 vs 12,000 troops", or the bare counts when no summary travelled. */
export function stanceLine(claim: SavedClaimView): string {
  const summary = claim.stance.summary.trim();
  if (summary) return summary;
  return `${claim.stance.corroborates} corroborating, ${claim.stance.conflicts} conflicting`;
}

export interface SavedClaimItemProps {
  claim: SavedClaimView;
  onSaveNote(id: string, note: string): Promise<Result<SavedClaimView>>;
  onRemove(id: string): Promise<Result<{ removed: boolean }>>;
}

type Mode = 'view' | 'edit' | 'confirm-remove';

export function SavedClaimItem({ claim, onSaveNote, onRemove }: SavedClaimItemProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(claim.note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const cancelRemove = useRef<HTMLButtonElement>(null);
  // Where focus goes after the mode changes (the control that replaced the one the reader used).
  const focusNext = useRef<'note' | 'edit' | 'cancel-remove' | null>(null);

  // A note changed on another device shows up here unless the reader is editing it.
  useEffect(() => {
    if (mode !== 'edit') setDraft(claim.note);
  }, [claim.note]);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'note') noteField.current?.focus();
    else if (target === 'edit') editButton.current?.focus();
    else if (target === 'cancel-remove') cancelRemove.current?.focus();
  }, [mode]);

  const to = (next: Mode, focus: typeof focusNext.current) => {
    focusNext.current = focus;
    setError(null);
    setMode(next);
  };

  const saveNote = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const reply = await onSaveNote(claim.id, draft);
    setBusy(false);
    if (reply.ok) to('view', 'edit');
    else setError(`Could not save the note: ${reply.error}`);
  };

  const remove = async () => {
    setBusy(true);
    const reply = await onRemove(claim.id);
    setBusy(false);
    // On success the list drops this item; the list moves focus to its heading.
    if (!reply.ok) setError(`Could not remove the claim: ${reply.error}`);
  };

  const base = `saved-${claim.id}`;
  const href = safeArticleHref(claim.url);
  const articleName = claim.title.trim() || claim.url;
  const syncLine = claim.syncNote ?? (claim.synced ? null : 'Waiting to sync.');

  return (
    <li class="saved-claim" data-claim-id={claim.id}>
      <blockquote class="saved-claim__text" id={`${base}-text`}>
        {claim.text}
      </blockquote>
      <p class="saved-claim__source">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {articleName}
          </a>
        ) : (
          <span>{articleName}</span>
        )}
        <span class="muted">
          {' · saved '}
          <time dateTime={new Date(claim.savedAt).toISOString()}>{formatSavedAt(claim.savedAt)}</time>
        </span>
      </p>
      <p class="saved-claim__stance">
        <span class="muted">Reports when saved: </span>
        {stanceLine(claim)}
      </p>
      {syncLine && (
        <p class={`saved-claim__sync${claim.synced ? ' muted' : ' error-text'}`} data-testid="claim-sync-note">
          {syncLine}
        </p>
      )}

      {mode === 'edit' ? (
        <form class="saved-claim__note-form" onSubmit={saveNote}>
          <label for={`${base}-note`}>Note on this claim</label>
          <textarea
            id={`${base}-note`}
            ref={noteField}
            rows={3}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setDraft(claim.note);
                to('view', 'edit');
              }
            }}
          />
          <div class="saved-claim__buttons">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save note'}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setDraft(claim.note);
                to('view', 'edit');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        claim.note && (
          <p class="saved-claim__note" data-testid="claim-note">
            <span class="label">Your note: </span>
            {claim.note}
          </p>
        )
      )}

      {mode === 'confirm-remove' ? (
        <div class="confirm" role="group" aria-labelledby={`${base}-confirm`}>
          <p id={`${base}-confirm`}>Remove this claim from your saved claims, on all your devices?</p>
          <div class="saved-claim__buttons">
            <button type="button" class="danger" onClick={remove} disabled={busy}>
              {busy ? 'Removing…' : 'Yes, remove it'}
            </button>
            <button type="button" class="secondary" ref={cancelRemove} onClick={() => to('view', 'edit')}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        mode === 'view' && (
          <div class="saved-claim__buttons">
            <button
              type="button"
              class="secondary"
              ref={editButton}
              aria-describedby={`${base}-text`}
              onClick={() => {
                setDraft(claim.note);
                to('edit', 'note');
              }}
            >
              {claim.note ? 'Edit note' : 'Add a note'}
            </button>
            <button type="button" class="secondary" aria-describedby={`${base}-text`} onClick={() => to('confirm-remove', 'cancel-remove')}>
              Remove
            </button>
          </div>
        )
      )}
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
    </li>
  );
}
