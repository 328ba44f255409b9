// One claim of the article with the reports on each side of it. The claim itself is a
// button: Enter (or a click) shows it in the article.
import { claimSummary, SIDE_HEADINGS, type ClaimView } from './claim-view';
import { ReportMatch } from './ReportMatch';

export interface SaveClaim {
  /** Absent while the reader cannot save claims yet. */
  onSave?: (index: number) => void;
  saved?: boolean;
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
            {side.matches.map((m) => (
              <ReportMatch match={m} key={m.reportId + m.claim} />
            ))}
          </ul>
        </div>
      ))}
      <div class="claim__actions">
        <button
          type="button"
          class="claim__save"
          data-action="save-claim"
          disabled={!save.onSave || save.saved}
          title={save.onSave ? (save.saved ? 'Saved to your claims' : 'Save this claim') : 'Saving claims arrives soon'}
          aria-describedby={`${id}-text`}
          onClick={() => save.onSave?.(view.index)}
        >
          {save.saved ? 'Saved' : 'Save claim'}
        </button>
      </div>
    </li>
  );
}
