// One report listed under a claim: why it agrees or not, who published it and when, and
// the sentence of the report that was matched. Page and report text go in as text nodes only.
import { isFromReading } from '../../lib/reading';
import type { ClaimMatch } from '../../lib/types';
import { formatDate, reportTitle } from './claim-view';

export function ReportMatch({ match }: { match: ClaimMatch }) {
  return (
    <li class={`report report--${match.stance}`} data-stance={match.stance} data-report-id={match.reportId}>
      <p class="report__why">{match.why}</p>
      <p class="report__meta">
        <cite class="report__title">{reportTitle(match)}</cite>
        {match.outlet && <span class="report__outlet">{match.outlet}</span>}
        {match.date && (
          <time class="report__date" dateTime={match.date}>
            {formatDate(match.date)}
          </time>
        )}
        {isFromReading(match.reportId) && <span class="report__reading">from your reading</span>}
      </p>
      <blockquote class="report__claim">{match.claim}</blockquote>
      {match.source && <p class="report__source">Source cited: {match.source}</p>}
    </li>
  );
}
