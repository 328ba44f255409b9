// Claim counts, the strongest conflicts with their reasons, and the reports that matched.
import { matchedReportName, reportName } from '../../lib/report-name';
import type { ClaimMatch } from '../../lib/types';
import { plural } from '../format';
import type { ClaimSummary } from './popup-model';

/** Claims are sentences; a long one is cut at a word boundary near this many characters. */
const MAX_CLAIM_CHARS = 220;

function shorten(text: string, max = MAX_CLAIM_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).trimEnd()}…`;
}

function sourceLine(m: Pick<ClaimMatch, 'reportTitle' | 'outlet' | 'date' | 'reportLead'>): string {
  // A name made for a report without a headline already says its outlet and date.
  if (!m.reportTitle?.trim()) return matchedReportName(m);
  return [m.outlet, m.reportTitle, m.date].filter(Boolean).join(' · ');
}

/** How many claims the page makes and how many of them the corpus backs or contradicts. */
export function ClaimCounts({ summary }: { summary: ClaimSummary }) {
  return (
    <>
      <ul class="counts" aria-label="Claims on this page" data-testid="claim-counts">
        <li data-testid="count-claims">
          <strong>{summary.claims}</strong> {summary.claims === 1 ? 'claim' : 'claims'}
        </li>
        <li data-testid="count-corroborated" class="tone-ok">
          <strong>{summary.corroborated}</strong> corroborated
        </li>
        <li data-testid="count-conflicting" class={summary.conflicting > 0 ? 'tone-conflict' : undefined}>
          <strong>{summary.conflicting}</strong> conflicting
        </li>
      </ul>
      {summary.claims === 0 && <p>No checkable claims (numbers, attributed statements, denials, dates) on this page.</p>}
    </>
  );
}

/** The strongest conflicts with their reasons, and the reports that matched. */
export function ClaimDetails({ summary }: { summary: ClaimSummary }) {
  return (
    <>
      {summary.topConflicts.length > 0 && (
        <section aria-labelledby="conflicts-heading" class="block">
          <h2 id="conflicts-heading">Top conflicts</h2>
          <ol class="conflicts" data-testid="top-conflicts">
            {summary.topConflicts.map(({ claim, match }, i) => (
              <li key={i}>
                <p class="claim">{shorten(claim)}</p>
                <p class="why">
                  <span class="badge badge-conflict">Conflicts</span> {match.why}
                </p>
                <p class="source muted">{sourceLine(match)}</p>
              </li>
            ))}
          </ol>
        </section>
      )}

      {summary.matchedReports.length > 0 && (
        <section aria-labelledby="matches-heading" class="block">
          <h2 id="matches-heading">Reports that match</h2>
          <ul class="matched" data-testid="matched-reports">
            {summary.matchedReports.map((r) => (
              <li key={r.reportId}>
                <span class="report-title">{reportName(r)}</span>
                {r.outlet && <span class="muted"> · {r.outlet}</span>}
                <span class="muted">
                  {' — '}
                  {[r.corroborates > 0 && `corroborates ${plural(r.corroborates, 'claim')}`, r.conflicts > 0 && `conflicts on ${plural(r.conflicts, 'claim')}`]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
