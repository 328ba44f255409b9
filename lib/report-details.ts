// What the background adds to a page's matches from the reports it stored, without touching
// the matcher: which story each matched report carries (its copy group, found once when the
// report came in) and, for a report without a headline, its first words to name it by.

import { reportLead } from './report-name';
import type { Analysis, Report } from './types';

export interface ReportDetails {
  /** The first report of the story this one copies, when it is a copy. */
  copyOf?: string;
  /** The first words of a report that has no headline. */
  lead?: string;
}

/** Ids of the reports an analysis lists, each once. */
export function matchedReportIds(analysis: Analysis): string[] {
  return [...new Set(analysis.claims.flatMap((c) => c.matches.map((m) => m.reportId)))];
}

/** What a stored report adds to its matches. */
export function detailsOf(report: Pick<Report, 'title' | 'text' | 'copyOf'>): ReportDetails {
  return {
    ...(report.copyOf ? { copyOf: report.copyOf } : {}),
    ...(report.title?.trim() ? {} : { lead: reportLead(report.text) }),
  };
}

/** The analysis with each match carrying its report's details (a new object; the input is not changed). */
export function withReportDetails(analysis: Analysis, details: ReadonlyMap<string, ReportDetails>): Analysis {
  return {
    ...analysis,
    claims: analysis.claims.map((claim) => ({
      ...claim,
      matches: claim.matches.map((m) => {
        const d = details.get(m.reportId);
        if (!d) return m;
        return { ...m, ...(d.copyOf ? { copyOf: d.copyOf } : {}), ...(d.lead ? { reportLead: d.lead } : {}) };
      }),
    })),
  };
}
