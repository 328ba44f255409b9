// Adding one report to a built index gives the index a full rebuild would give, so remembered
// reading can add each article read without reading every report again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeedReports } from '../../cli/load-reports';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex, serializeCorpusIndex, type CorpusIndex } from '../../lib/corpus-index';
import { withReport } from '../../lib/corpus-index-add';
import type { Report } from '../../lib/types';
import { DEFAULT_PACK } from '../../lib/topics';

const SEEDS = loadSeedReports();
const FIXTURES = 'tests/fixtures/remembered';

function report(file: string, id: string): Report {
  const [title = '', ...paragraphs] = readFileSync(`${FIXTURES}/${file}`, 'utf8').trim().split(/\n\s*\n/);
  return { id, title, outlet: 'Example Wire', date: '2024-11-06', author: null, url: `https://example.org/${id}`, text: paragraphs.join('\n\n'), origin: 'reading', addedAt: 1 };
}

/** What the matcher reads of an index, in a comparable form. */
const contents = (index: CorpusIndex) => ({
  ...serializeCorpusIndex(index),
  postings: [...index.postings].map(([t, ids]) => [t, [...ids]]).sort(),
  idf: [...index.idf].sort(),
  claimTerms: index.claimTerms,
  keyText: index.keyText,
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
