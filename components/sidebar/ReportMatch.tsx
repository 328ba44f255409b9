// One report listed under a claim: why it agrees or not, who published it and when, and
// the sentence of the report that was matched; with the other sites that carried the same
// story (syndicated copies), listed once here rather than as more voices. Page and report
// text go in as text nodes only.
import { useId } from 'preact/hooks';
import { isFromReading } from '../../lib/reading';
import type { ClaimMatch } from '../../lib/types';
import { formatDate, reportTitle } from './claim-view';

/** "Kursk Courier, 25 Oct 2024: Thousands of North Korean soldiers arrive…", or the copy's name alone when that already says where. */
function copyLabel(copy: ClaimMatch): string {
  if (!copy.reportTitle?.trim()) return reportTitle(copy);
  const where = [copy.outlet, copy.date && formatDate(copy.date)].filter(Boolean).join(', ');
  return where ? `${where}: ${reportTitle(copy)}` : reportTitle(copy);
}

export function ReportMatch({ match, copies = [] }: { match: ClaimMatch; copies?: readonly ClaimMatch[] }) {
  const copiesId = useId();
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
      {copies.length > 0 && (
        // Plain text, always shown: nothing to open, so the keyboard and screen readers get it as they read.
        <div class="report__copies">
          <p class="report__copies-label" id={copiesId}>
            Also carried by (the same story, counted once):
          </p>
          <ul aria-labelledby={copiesId}>
            {copies.map((c) => (
              <li key={c.reportId} data-report-id={c.reportId} class="report__copy">
                {copyLabel(c)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
