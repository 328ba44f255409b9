// One claim of the article with the reports on each side of it. The claim itself is a
// button: Enter (or a click) shows it in the article.
import type { SavedMark } from '../saved-claims/claim-to-save';
import { claimSummary, SIDE_HEADINGS, type ClaimView } from './claim-view';
import { ReportMatch } from './ReportMatch';

export interface SaveClaim {
  /** Absent while the reader cannot save claims yet. */
  onSave?: (index: number) => void;
  /** Removes the saved claim (on every device). */
  onUnsave?: (index: number) => void;
  /** Set when this claim is saved: how it stands with sync. */
  mark?: SavedMark | null;
  /** A save or removal is on its way. */
  busy?: boolean;
  /** The last save or removal failed: why, in the background's words. */
  error?: string | null;
}

export interface ClaimCardProps {
  view: ClaimView;
  active: boolean;
  onJump: (index: number) => void;
  save: SaveClaim;
}

export function ClaimCard({ view, active, onJump, save }: ClaimCardProps) {
  const id = `claim-${view.index}`;
  return (
    <li
      class={`claim claim--${view.group}${active ? ' claim--active' : ''}`}
      data-claim={view.index}
      aria-current={active ? 'true' : undefined}
    >
      <button
        type="button"
        class="claim__jump"
        id={`${id}-text`}
        aria-describedby={`${id}-summary`}
        title="Show this claim in the article"
        onClick={() => onJump(view.index)}
      >
        <span class="claim__text">{view.text}</span>
      </button>
      <p class="claim__summary" id={`${id}-summary`}>
        {claimSummary(view)}
      </p>
      {view.sides.map((side) => (
        // A plain group under its heading, not a landmark: a page of claims would hold dozens.
        <div class={`side side--${side.stance}`} key={side.stance}>
          <h3 class="side__heading" id={`${id}-${side.stance}`}>
            {SIDE_HEADINGS[side.stance]}
            <span class="side__count">{side.countLabel}</span>
          </h3>
          {side.sources.length > 0 && <p class="side__sources">Sources: {side.sources.join('; ')}</p>}
          <ul class="side__reports">
            {side.entries.map(({ match: m, copies }) => (
              <ReportMatch match={m} copies={copies} key={m.reportId + m.claim} />
            ))}
          </ul>
        </div>
      ))}
      <SaveControl id={id} index={view.index} save={save} />
    </li>
  );
}

/** What the save button says and does: save, or (once saved) remove from the saved claims. */
function SaveControl({ id, index, save }: { id: string; index: number; save: SaveClaim }) {
  const saved = Boolean(save.mark);
  const statusId = `${id}-saved`;
  const line = save.error ?? save.mark?.text ?? '';
  const tone = save.error ? 'error' : (save.mark?.sync ?? 'none');
  if (!save.onSave) {
    return (
      <div class="claim__actions">
        <button type="button" class="claim__save" data-action="save-claim" disabled title="Saving claims arrives soon" aria-describedby={`${id}-text`}>
          Save claim
        </button>
      </div>
    );
  }
  const act = () => {
    if (save.busy) return;
    if (saved) save.onUnsave?.(index);
    else save.onSave?.(index);
  };
  return (
    <div class="claim__actions">
      {/* Always in the document, so that screen readers hear what a save did. */}
      <p class={`claim__saved claim__saved--${tone}`} id={statusId} aria-live="polite">
        {line}
      </p>
      <button
        type="button"
        class={`claim__save${saved ? ' claim__save--saved' : ''}`}
        data-action="save-claim"
        data-saved={saved ? (save.mark?.sync ?? 'pending') : undefined}
        // The visible "Saved" starts the name, so voice control finds it by what it shows.
        aria-label={saved ? 'Saved: remove from your saved claims' : undefined}
        aria-describedby={line ? `${id}-text ${statusId}` : `${id}-text`}
        aria-disabled={save.busy ? 'true' : undefined}
        title={saved ? 'Remove from your saved claims (on all your devices)' : 'Save this claim to your saved claims, which follow you to your other browsers'}
        onClick={act}
      >
        {saved ? 'Saved' : 'Save this claim'}
      </button>
    </div>
  );
}
