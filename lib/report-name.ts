// What a report is called wherever Crosscheck lists it (sidebar, popup, options page,
// command line). Its headline when it has one; a report captured without a headline is
// named by its outlet and date, or else by its first words, and always says that it has no
// headline, so a name made up here is never mistaken for the report's own.

/** What a name is made from: a report, a listed report, or a match of one. */
export interface NameableReport {
  title: string | null;
  outlet: string | null;
  date: string | null;
  /** The report's first words (`reportLead`), when known. */
  lead?: string | null;
}

/** Words of the text that name a report without a headline. */
export const LEAD_WORDS = 8;
/** The mark on every name that is not the report's own headline. */
export const NO_HEADLINE = '(no headline)';
/** The last resort, for a report with no headline, outlet, date or text. */
export const NAMELESS_REPORT = 'A report with no headline';

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "8 Oct 2024" for an ISO date (`YYYY-MM-DD…`); the text as given when it is not one. */
export function formatReportDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}

/** The first words of a report's text, with an ellipsis when the text goes on: what names a report that has no headline. */
export function reportLead(text: string, words = LEAD_WORDS): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lead = all.slice(0, words).join(' ').replace(/[\s,;:.–—-]+$/u, '');
  return all.length > words ? `${lead}…` : lead;
}

/**
 * "Reuters, 18 Oct 2024 (no headline)", "“South Korea may soon deploy military intelligence
 * personnel…” (no headline)", or the headline itself.
 */
export function reportName(r: NameableReport): string {
  const title = r.title?.trim();
  if (title) return title;
  const outlet = r.outlet?.trim();
  const date = r.date?.trim() ? formatReportDate(r.date.trim()) : null;
  if (outlet) return `${[outlet, date].filter(Boolean).join(', ')} ${NO_HEADLINE}`;
  const lead = r.lead?.trim();
  if (lead) return `“${lead}”${date ? `, ${date}` : ''} ${NO_HEADLINE}`;
  if (date) return `A report of ${date} ${NO_HEADLINE}`;
  return NAMELESS_REPORT;
}

/** A match's report named the same way (`ClaimMatch` keeps the headline as `reportTitle`). */
export function matchedReportName(m: { reportTitle: string | null; outlet: string | null; date: string | null; reportLead?: string }): string {
  return reportName({ title: m.reportTitle, outlet: m.outlet, date: m.date, lead: m.reportLead ?? null });
}
