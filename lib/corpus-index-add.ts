// Reports added to and removed from a built search index without reading every report
// again. Remembered reading adds a report after each article read, an import adds up to
// MAX_IMPORT_REPORTS at once, and the reader deletes reports one at a time or all
// remembered ones at once; rebuilding the whole index each time would parse every report's
// text anew (seconds at 1,000 articles, bench `storage.remembered1000`; ten at 10,000
// imported reports, bench `storage.firstAnalysisAfterImportMs`). Only the new reports' text
// is read. New claims take the next claim ids; a removed report's claims leave, and the
// claims after them move down. The words' document frequencies are counted up for the
// claims that come and down for those that go; what depends on the claim count (the words'
// weights, the claims' text weights) is recomputed from them, as indexClaims does. Either
// way the result is the index indexClaims would build over the same claims in the same order.

import { ClaimInterner, movedClaim } from './claim-interning';
import { countWords, readReports, wordStatistics, type CorpusIndex, type IndexedClaim, type ReportMeta } from './corpus-index';
import type { Report } from './types';

/** The index with `report` in it: appended, or in place of the report with its id. */
export function withReport(index: CorpusIndex, report: Report): CorpusIndex {
  return withReports(index, [report]);
}

/**
 * The index with `reports` in it, read in one pass: each appended in order, or, when the
 * index already holds a report with its id, in place of it (the old version's claims go and
 * the new ones come last, as a re-read article's do). Of several with one id, the last wins.
 */
export function withReports(index: CorpusIndex, reports: readonly Report[]): CorpusIndex {
  if (reports.length === 0) return index;
  const latest = new Map<string, Report>();
  for (const r of reports) {
    latest.delete(r.id);
    latest.set(r.id, r);
  }
  const present = new Set(index.reports.map((r) => r.id));
  const replaced = [...latest.keys()].filter((id) => present.has(id));
  const base = replaced.length > 0 ? withoutReports(index, replaced) : index;
  return appended(base, [...latest.values()]);
}

/** The index without the reports of these ids (ids it does not hold are ignored). */
export function withoutReports(index: CorpusIndex, ids: Iterable<string>): CorpusIndex {
  const gone = new Set(ids);
  // Each report's new position, or -1 when it leaves.
  const reportPosition = new Int32Array(index.reports.length);
  const reports: ReportMeta[] = [];
  for (let i = 0; i < index.reports.length; i++) {
    const meta = index.reports[i]!;
    if (gone.has(meta.id)) {
      reportPosition[i] = -1;
      continue;
    }
    reportPosition[i] = reports.length;
    reports.push(meta);
  }
  if (reports.length === index.reports.length) return index;

  // The claims of the reports that stay, their report positions moved down; what was derived per claim stays with it.
  const claims: IndexedClaim[] = [];
  const removed: IndexedClaim[] = [];
  const wordSets: (Set<string> | undefined)[] = [];
  index.claims.forEach((c, i) => {
    const report = reportPosition[c.report]!;
    if (report < 0) {
      removed.push(c);
      return;
    }
    claims.push(report === c.report ? c : movedClaim(c, report));
    wordSets.push(index.wordSets[i]);
  });
  return withStatistics(index, { reports, claims, wordSets, wordDf: countWords(removed, new Map(index.wordDf), -1) });
}

/** The same index indexClaims would build over the old claims followed by the claims of `added` (read here, and only these). */
function appended(index: CorpusIndex, added: readonly Report[]): CorpusIndex {
  const offset = index.reports.length;
  const read = readReports(added, index.pack);
  // The new claims' words share the strings of the words the index already has.
  const interner = new ClaimInterner(index.wordDf.keys());
  const own = read.claims.map((c) => interner.claim(c, offset + c.report));
  return withStatistics(index, {
    reports: [...index.reports, ...read.metas],
    claims: index.claims.concat(own),
    wordSets: index.wordSets.concat(new Array<Set<string> | undefined>(own.length)),
    wordDf: countWords(own, new Map(index.wordDf), 1),
  });
}

/** An index of `index`'s version and pack over these claims and word counts, with the figures that depend on the claim count computed again. */
function withStatistics(index: CorpusIndex, parts: Pick<CorpusIndex, 'reports' | 'claims' | 'wordSets' | 'wordDf'>): CorpusIndex {
  const { wordIdf, textWeight } = wordStatistics(parts.wordDf, parts.claims);
  return { version: index.version, pack: index.pack, ...parts, textWeight, wordIdf };
}
