// Reports added to and removed from a built search index without reading every report
// again. Remembered reading adds a report after each article read, an import adds up to
// MAX_IMPORT_REPORTS at once, and the reader deletes reports one at a time or all
// remembered ones at once; rebuilding the whole index each time would parse every report's
// text anew (seconds at 1,000 articles, bench `storage.remembered1000`; ten at 10,000
// imported reports, bench `storage.firstAnalysisAfterImportMs`). Only the new reports' text
// is read. New claims take the next claim ids, so the posting lists only grow at their ends;
// a removed report's claims leave, and the claims after them move down (the lists stay
// ascending). What depends on the claim count (the inverse frequencies, the text weights)
// is recomputed from the lists, as indexClaims does. Either way the result is the index
// indexClaims would build over the same claims in the same order.

import { buildCorpusIndex, inverseFrequency, wordStatistics, type CorpusIndex, type IndexedClaim, type ReportMeta } from './corpus-index';
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
  return appended(base, buildCorpusIndex([...latest.values()], index.pack));
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

  // Each claim's new id, or -1 when its report leaves; what was derived per claim stays with it.
  const claimId = new Int32Array(index.claims.length);
  const claims: IndexedClaim[] = [];
  const claimTerms: string[][] = [];
  const keyText: string[] = [];
  const wordSets: (Set<string> | undefined)[] = [];
  index.claims.forEach((c, i) => {
    const report = reportPosition[c.report]!;
    if (report < 0) {
      claimId[i] = -1;
      return;
    }
    claimId[i] = claims.length;
    claims.push(report === c.report ? c : { ...c, report });
    claimTerms.push(index.claimTerms[i]!);
    keyText.push(index.keyText[i]!);
    wordSets.push(index.wordSets[i]);
  });

  // The ids only move down, in order: each list stays ascending. A term no claim carries any more goes.
  const postings = new Map<string, Int32Array>();
  for (const [t, list] of index.postings) {
    let kept = 0;
    for (let i = 0; i < list.length; i++) if (claimId[list[i]!]! >= 0) kept++;
    if (kept === 0) continue;
    const moved = new Int32Array(kept);
    let k = 0;
    for (let i = 0; i < list.length; i++) {
      const id = claimId[list[i]!]!;
      if (id >= 0) moved[k++] = id;
    }
    postings.set(t, moved);
  }
  return withStatistics(index, { reports, claims, postings, claimTerms, keyText, wordSets });
}

/** The same index indexClaims would build over the old claims followed by the new reports' (`own`, indexed on their own). */
function appended(index: CorpusIndex, own: CorpusIndex): CorpusIndex {
  const first = index.claims.length;
  const offset = index.reports.length;
  const claims = index.claims.concat(own.claims.map((c) => ({ ...c, report: offset + c.report })));

  const grown = new Map<string, number[]>();
  own.claimTerms.forEach((terms, i) => {
    for (const t of terms) {
      let list = grown.get(t);
      if (!list) grown.set(t, (list = []));
      list.push(first + i);
    }
  });
  const postings = new Map(index.postings);
  for (const [t, ids] of grown) {
    const old = postings.get(t);
    if (!old) {
      postings.set(t, Int32Array.from(ids));
      continue;
    }
    const list = new Int32Array(old.length + ids.length);
    list.set(old);
    list.set(ids, old.length);
    postings.set(t, list);
  }
  return withStatistics(index, {
    reports: [...index.reports, ...own.reports],
    claims,
    postings,
    claimTerms: index.claimTerms.concat(own.claimTerms),
    keyText: index.keyText.concat(own.keyText),
    wordSets: index.wordSets.concat(new Array<Set<string> | undefined>(own.claims.length)),
  });
}

/** An index of `index`'s version and pack over these claims and lists, with the figures that depend on the claim count computed again. */
function withStatistics(
  index: CorpusIndex,
  parts: Pick<CorpusIndex, 'reports' | 'claims' | 'postings' | 'claimTerms' | 'keyText' | 'wordSets'>,
): CorpusIndex {
  const n = Math.max(1, parts.claims.length);
  const idf = new Map<string, number>();
  for (const [t, list] of parts.postings) idf.set(t, inverseFrequency(n, list.length));
  const { wordIdf, wordDf, textWeight } = wordStatistics(parts.postings, idf, parts.claims);
  return { version: index.version, pack: index.pack, ...parts, idf, textWeight, wordIdf, wordDf };
}
