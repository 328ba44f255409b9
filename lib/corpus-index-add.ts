// One report added to a built search index without reading every report again. Remembered
// reading adds a report after each article read; rebuilding the whole index each time would
// parse every report's text anew (seconds at 1,000 articles, bench `storage.remembered1000`).
// Only the new report's text is read. A new report's claims take the next claim ids, so the
// posting lists only grow at their ends; what depends on the claim count (the inverse
// frequencies, the text weights) is recomputed from the lists, as indexClaims does.

import { buildCorpusIndex, indexClaims, inverseFrequency, wordStatistics, type CorpusIndex, type IndexedClaim } from './corpus-index';
import type { Report } from './types';

/** The index with `report` in it: appended, or in place of the report with its id. */
export function withReport(index: CorpusIndex, report: Report): CorpusIndex {
  const own = buildCorpusIndex([report], index.pack);
  const replaced = index.reports.findIndex((r) => r.id === report.id);
  return replaced < 0 ? appended(index, own) : replacedBy(index, replaced, own);
}

/** A report read again: its claims go, the new ones come last, and everything is indexed again from the extracted claims. */
function replacedBy(index: CorpusIndex, replaced: number, own: CorpusIndex): CorpusIndex {
  const reports = index.reports.filter((_, i) => i !== replaced);
  const claims: IndexedClaim[] = [];
  for (const c of index.claims) {
    if (c.report === replaced) continue;
    claims.push(c.report > replaced ? { ...c, report: c.report - 1 } : c);
  }
  const position = reports.length;
  reports.push(...own.reports);
  for (const c of own.claims) claims.push({ ...c, report: position });
  return indexClaims(reports, claims, index.pack);
}

/** The same index indexClaims would build over the old claims followed by the new report's. */
function appended(index: CorpusIndex, own: CorpusIndex): CorpusIndex {
  const first = index.claims.length;
  const position = index.reports.length;
  const claims = index.claims.concat(own.claims.map((c) => ({ ...c, report: position })));

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

  const n = Math.max(1, claims.length);
  const idf = new Map<string, number>();
  for (const [t, list] of postings) idf.set(t, inverseFrequency(n, list.length));
  const { wordIdf, wordDf, textWeight } = wordStatistics(postings, idf, claims);
  return {
    version: index.version,
    pack: index.pack,
    reports: [...index.reports, ...own.reports],
    claims,
    postings,
    idf,
    claimTerms: index.claimTerms.concat(own.claimTerms),
    keyText: index.keyText.concat(own.keyText),
    textWeight,
    wordIdf,
    wordDf,
    wordSets: index.wordSets.concat(new Array<Set<string> | undefined>(own.claims.length)),
  };
}
