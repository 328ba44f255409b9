// One report added to a built search index without reading every report again. Remembered
// reading adds a report after each article read; rebuilding the whole index each time would
// parse every report's text anew (seconds at 1,000 articles, bench `storage.remembered1000`).
// Here only the new report's text is read; the other claims are re-indexed as extracted.

import { buildCorpusIndex, indexClaims, type CorpusIndex, type IndexedClaim } from './corpus-index';
import type { Report } from './types';

/** The index with `report` in it: appended, or in place of the report with its id. */
export function withReport(index: CorpusIndex, report: Report): CorpusIndex {
  const own = buildCorpusIndex([report]);
  const replaced = index.reports.findIndex((r) => r.id === report.id);
  const reports = replaced < 0 ? [...index.reports] : index.reports.filter((_, i) => i !== replaced);
  const claims: IndexedClaim[] = [];
  for (const c of index.claims) {
    if (c.report === replaced) continue;
    claims.push(replaced >= 0 && c.report > replaced ? { ...c, report: c.report - 1 } : c);
  }
  const position = reports.length;
  reports.push(...own.reports);
  for (const c of own.claims) claims.push({ ...c, report: position });
  return indexClaims(reports, claims);
}
