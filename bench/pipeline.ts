// The page pipeline in Node over the 130 saved real pages: the steps the content script
// takes on every page before it gives up (title + first prose → quickTopicCheck), and
// the rest of the way when the cheap check lets a page through (Readability's check,
// extraction, the background's topic score and analysis). Then the full analysis of
// on-topic pages: real page markup with a seed report as its article.
//
// The Document is parsed before the clock starts: in a browser the page is already
// parsed when the content script runs. Idle waits between steps are left out; their
// work is summed. These are Node (linkedom) times; bench/page.ts measures Chromium.

import { cheapTopicCheck, extractPage, isProbablyArticle } from '../entrypoints/crosscheck.content/detect';
import { buildCorpusIndex } from '../lib/corpus-index';
import type { PageSnapshot } from '../lib/protocol';
import { pageDocument } from './dom';
import { analyzeArticleText } from '../lib/analyze';
import { savedPages, seedReports, type SavedPage } from './fixtures';
import { longOnTopicArticle, withArticle } from './on-topic-page';
import { ANALYSIS_STAGES, profileBreakdown, type Breakdown } from './profile';
import { now, summarize, type Summary } from './stats';
import { DEFAULT_PACK } from '../lib/topics';

/** Timings per page; each page's median is what enters the distribution. */
const REPEATS = 5;
const QUICK_REPEATS = 2;
/** Pages run once before timing, so the JIT has compiled the hot paths as it has in a long-lived tab. */
const WARMUP_PAGES = 10;
/** Saved pages whose markup hosts the on-topic articles: news layouts whose article paragraphs sit in one container. */
export const ON_TOPIC_HOSTS = ['nytimes-1', 'guardian-1', 'bbc-1', 'cnn', 'yahoo-2'] as const;
/** The background's default sensitivity (lib/protocol DEFAULT_SETTINGS). */
const SENSITIVITY = 0.5;

type Verdict = 'cheap-reject' | 'not-article' | 'no-article-text' | 'scored-off-topic' | 'on-topic';

interface PathTiming {
  verdict: Verdict;
  total: number;
  cheap: number;
  readerable: number;
  extract: number;
  analyze: number;
  claims: number;
}

export interface PipelineResult {
  pages: number;
  repeats: number;
  /** Every saved page: time to the content script's verdict (all steps it took). */
  offTopicRejectMs: Summary;
  /** The cheap check alone (cheapPageText + quickTopicCheck), every page. */
  cheapCheckMs: Summary;
  /** Pages the cheap check let through: the whole way to the background's verdict. */
  fullPathMs: Summary | null;
  verdicts: Record<Verdict, number>;
  /** Pages wrongly found on-topic (every saved page is off-topic). */
  falseOnTopic: string[];
  slowest: { page: string; kb: number; verdict: Verdict; ms: number }[];
  onTopicPages: number;
  /** Content script (cheap check, Readability check, extraction) + background (analysis). */
  onTopicAnalysisMs: Summary | null;
  onTopicContentScriptMs: Summary | null;
  onTopicBackgroundMs: Summary | null;
  onTopicFound: number;
  onTopicClaims: Summary | null;
  /** The ~2,000-word article of the sidebar timing (bench/page.ts), analysed as the background does. */
  longArticle: { words: number; claims: number; contentScriptMs: Summary; backgroundMs: Summary; breakdown: Breakdown | null };
  notes: string[];
}

/** Analyses of the long article timed, and profiled to say where the background's time goes. */
const LONG_ARTICLE_REPEATS = 5;
const LONG_ARTICLE_PROFILE_RUNS = 3;
/** The background's share of the sidebar goal (150 ms) above which the analysis is profiled. */
const BACKGROUND_BUDGET_MS = 100;

export async function measurePipeline(opts: { quick?: boolean } = {}): Promise<PipelineResult> {
  const notes: string[] = [];
  const repeats = opts.quick ? QUICK_REPEATS : REPEATS;
  const index = buildCorpusIndex(seedReports(), DEFAULT_PACK);
  const analyze = (snapshot: PageSnapshot) =>
    analyzeArticleText({ title: snapshot.title ?? '', text: snapshot.text, article: snapshot.article }, index, { sensitivity: SENSITIVITY });

  const runPath = (doc: Document, url: string): PathTiming => {
    const t: PathTiming = { verdict: 'cheap-reject', total: 0, cheap: 0, readerable: 0, extract: 0, analyze: 0, claims: 0 };
    let t0 = now();
    const quick = cheapTopicCheck(doc);
    t.cheap = now() - t0;
    if (quick.pass) {
      t0 = now();
      const isArticle = isProbablyArticle(doc);
      t.readerable = now() - t0;
      t.verdict = 'not-article';
      if (isArticle) {
        t0 = now();
        const extracted = extractPage(doc, url, quick, isArticle);
        t.extract = now() - t0;
        t.verdict = 'no-article-text';
        if (extracted) {
          t.verdict = 'scored-off-topic';
          t0 = now();
          const analysis = analyze(extracted.snapshot);
          t.analyze = now() - t0;
          t.claims = analysis.claims.length;
          if (analysis.topic.onTopic) t.verdict = 'on-topic';
        }
      }
    }
    t.total = t.cheap + t.readerable + t.extract + t.analyze;
    return t;
  };

  const medianPath = (doc: Document, url: string): PathTiming => {
    const runs = Array.from({ length: repeats }, () => runPath(doc, url));
    const mid = (k: keyof Omit<PathTiming, 'verdict'>) => summarize(runs.map((r) => r[k])).median;
    return { verdict: runs[0]!.verdict, total: mid('total'), cheap: mid('cheap'), readerable: mid('readerable'), extract: mid('extract'), analyze: mid('analyze'), claims: runs[0]!.claims };
  };

  const pages: SavedPage[] = savedPages();
  const docs = pages.map((p) => ({ page: p, url: `http://127.0.0.1/${p.name}/`, doc: pageDocument(p.html, `http://127.0.0.1/${p.name}/`) }));
  for (const d of docs.slice(0, WARMUP_PAGES)) runPath(d.doc, d.url);

  const results = docs.map((d) => ({ page: d.page, t: medianPath(d.doc, d.url) }));
  const verdicts: Record<Verdict, number> = { 'cheap-reject': 0, 'not-article': 0, 'no-article-text': 0, 'scored-off-topic': 0, 'on-topic': 0 };
  for (const r of results) verdicts[r.t.verdict]++;
  const passed = results.filter((r) => r.t.verdict !== 'cheap-reject');

  // On-topic: each seed as the article of each host page.
  const seeds = seedReports();
  const onTopic: PathTiming[] = [];
  for (const host of ON_TOPIC_HOSTS) {
    const page = pages.find((p) => p.name === host);
    if (!page) {
      notes.push(`host page ${host} missing`);
      continue;
    }
    for (const seed of seeds) {
      const html = withArticle(page.html, seed.title ?? 'North Korean troops in Russia', seed.text.split('\n\n'));
      const url = `http://127.0.0.1/on-topic/${host}/${seed.id}`;
      onTopic.push(medianPath(pageDocument(html, url), url));
    }
  }
  const found = onTopic.filter((t) => t.verdict === 'on-topic');

  // The long article: content-script steps and the background's analysis, apart.
  const long = longOnTopicArticle();
  const longUrl = 'http://127.0.0.1/on-topic/';
  const longDoc = pageDocument(long.html, longUrl);
  const longRuns = Array.from({ length: opts.quick ? QUICK_REPEATS : LONG_ARTICLE_REPEATS }, () => runPath(longDoc, longUrl));
  if (longRuns[0]!.verdict !== 'on-topic') notes.push(`the long article's verdict is ${longRuns[0]!.verdict}`);
  const longBackground = summarize(longRuns.map((r) => r.analyze));
  let longBreakdown: Breakdown | null = null;
  if (longBackground.median > BACKGROUND_BUDGET_MS) {
    const quick = cheapTopicCheck(longDoc);
    const extracted = extractPage(longDoc, longUrl, quick, isProbablyArticle(longDoc));
    if (extracted) longBreakdown = await profileBreakdown(() => analyze(extracted.snapshot), LONG_ARTICLE_PROFILE_RUNS, ANALYSIS_STAGES);
  }

  return {
    pages: pages.length,
    repeats,
    offTopicRejectMs: summarize(results.map((r) => r.t.total)),
    cheapCheckMs: summarize(results.map((r) => r.t.cheap)),
    fullPathMs: passed.length ? summarize(passed.map((r) => r.t.total)) : null,
    verdicts,
    falseOnTopic: results.filter((r) => r.t.verdict === 'on-topic').map((r) => r.page.name),
    slowest: results
      .slice()
      .sort((a, b) => b.t.total - a.t.total)
      .slice(0, 5)
      .map((r) => ({ page: r.page.name, kb: Math.round(r.page.bytes / 1024), verdict: r.t.verdict, ms: r.t.total })),
    onTopicPages: onTopic.length,
    onTopicAnalysisMs: summarize(onTopic.map((t) => t.total)),
    onTopicContentScriptMs: summarize(onTopic.map((t) => t.cheap + t.readerable + t.extract)),
    onTopicBackgroundMs: summarize(onTopic.map((t) => t.analyze)),
    onTopicFound: found.length,
    onTopicClaims: summarize(onTopic.map((t) => t.claims)),
    longArticle: {
      words: long.words,
      claims: longRuns[0]!.claims,
      contentScriptMs: summarize(longRuns.map((r) => r.cheap + r.readerable + r.extract)),
      backgroundMs: longBackground,
      breakdown: longBreakdown,
    },
    notes,
  };
}
