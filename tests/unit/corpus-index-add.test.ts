// Adding reports to a built index, and removing them, gives the index a full rebuild would
// give, so remembered reading, imports and deletions update it without reading every report again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeedReports } from '../../cli/load-reports';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex, type CorpusIndex } from '../../lib/corpus-index';
import { withoutReports, withReport, withReports } from '../../lib/corpus-index-add';
import type { Report } from '../../lib/types';
import { DEFAULT_PACK } from '../../lib/topics';

const SEEDS = loadSeedReports();
const FIXTURES = 'tests/fixtures/remembered';

function report(file: string, id: string): Report {
  const [title = '', ...paragraphs] = readFileSync(`${FIXTURES}/${file}`, 'utf8').trim().split(/\n\s*\n/);
  return { id, title, outlet: 'Example Wire', date: '2024-11-06', author: null, url: `https://example.org/${id}`, text: paragraphs.join('\n\n'), origin: 'reading', addedAt: 1 };
}

/** The article a reader opens next: its claims are matched against the corpus. */
const NEXT = report('4-seoul-kursk-update.txt', 'next');
const NEXT_PAGE = { title: NEXT.title, text: NEXT.text, article: { isArticle: true, title: NEXT.title, byline: null, siteName: null, publishedTime: null, words: 100 } };

/** Every report listed beside any claim of the next article. */
const listedReports = (index: CorpusIndex) => new Set(analyzeArticleText(NEXT_PAGE, index).claims.flatMap((c) => c.matches.map((m) => m.reportId)));

/** What the matcher reads of an index, in a comparable form. */
const contents = (index: CorpusIndex) => ({
  version: index.version,
  pack: index.pack.id,
  reports: index.reports,
  claims: index.claims,
  textWeight: [...index.textWeight],
  wordIdf: [...index.wordIdf].sort(),
  wordDf: [...index.wordDf].sort(),
  wordSets: index.wordSets.length,
});

describe('adding one report to the index', () => {
  it('appending gives the same index as building with the reports last, one after another', () => {
    const added = ['1-hur-kursk-arrivals.txt', '2-pentagon-kursk-count.txt', '3-kremlin-denies-kursk.txt'].map((f, i) => report(f, `reading_${i}`));
    const incremental = added.reduce(withReport, buildCorpusIndex(SEEDS, DEFAULT_PACK));
    expect(contents(incremental)).toEqual(contents(buildCorpusIndex([...SEEDS, ...added], DEFAULT_PACK)));
  });

  it('a report read again replaces its earlier version, and the next article is matched the same as on a rebuild', () => {
    const first = report('1-hur-kursk-arrivals.txt', 'reading_a');
    const second = report('2-pentagon-kursk-count.txt', 'reading_b');
    const reread = { ...report('3-kremlin-denies-kursk.txt', 'reading_a') };
    const incremental = withReport(withReport(withReport(buildCorpusIndex(SEEDS, DEFAULT_PACK), first), second), reread);
    const rebuilt = buildCorpusIndex([...SEEDS, second, reread], DEFAULT_PACK);
    expect(contents(incremental)).toEqual(contents(rebuilt));
    const next = report('4-seoul-kursk-update.txt', 'next');
    const page = { title: next.title, text: next.text, article: { isArticle: true, title: next.title, byline: null, siteName: null, publishedTime: null, words: 100 } };
    expect(analyzeArticleText(page, incremental)).toEqual(analyzeArticleText(page, rebuilt));
  });
});

describe('an import, then a deletion, update the index in place', () => {
  const imported = ['1-hur-kursk-arrivals.txt', '2-pentagon-kursk-count.txt', '3-kremlin-denies-kursk.txt'].map((f, i) => report(f, `user_${i}`));
  const [first, deleted, last] = imported as [Report, Report, Report];

  it('an import of several reports at once gives the index and the matches of a build from scratch', () => {
    const grown = withReports(buildCorpusIndex(SEEDS, DEFAULT_PACK), imported);
    const rebuilt = buildCorpusIndex([...SEEDS, ...imported], DEFAULT_PACK);
    expect(contents(grown)).toEqual(contents(rebuilt));
    expect(analyzeArticleText(NEXT_PAGE, grown)).toEqual(analyzeArticleText(NEXT_PAGE, rebuilt));
  });

  it('deleting one of them gives the index and the matches of a build from scratch without it, and its matches are gone', () => {
    const grown = withReports(buildCorpusIndex(SEEDS, DEFAULT_PACK), imported);
    // The report deleted is one the next article is matched with (a conflicting count), and not the last: the claims after its own move down.
    expect(listedReports(grown)).toContain(deleted.id);
    const shrunk = withoutReports(grown, [deleted.id]);
    const rebuilt = buildCorpusIndex([...SEEDS, first, last], DEFAULT_PACK);
    expect(contents(shrunk)).toEqual(contents(rebuilt));
    expect(analyzeArticleText(NEXT_PAGE, shrunk)).toEqual(analyzeArticleText(NEXT_PAGE, rebuilt));
    const listed = listedReports(shrunk);
    expect(listed).not.toContain(deleted.id);
    expect(listed).toContain(first.id);
    expect(listed).toContain(last.id);
  });

  it('a report imported again in place of one the index holds keeps only its new version', () => {
    const grown = withReports(buildCorpusIndex(SEEDS, DEFAULT_PACK), [first, deleted]);
    const again = { ...last, id: first.id };
    const updated = withReports(grown, [again]);
    expect(contents(updated)).toEqual(contents(buildCorpusIndex([...SEEDS, deleted, again], DEFAULT_PACK)));
  });

  it('deleting an id the index does not hold changes nothing', () => {
    const index = buildCorpusIndex(SEEDS, DEFAULT_PACK);
    expect(withoutReports(index, ['no-such-report'])).toBe(index);
  });
});
