// `npm run eval -- <dataset folder> [--json] [--misses] [--pages <folder>]`
//
// Measures Crosscheck's judgment on a labelled set of real articles in the format of the
// development set's README (articles.jsonl, claim_pairs.jsonl): the topic confusion matrix
// (the set's articles as text and placed in a news page's markup, plus the real pages of
// READABILITY_PAGES as negatives), recall@5 of the right evidence sentence, per-stance
// precision/recall/F1, unrelated pairs shown as agreeing or conflicting, and where the
// missed pairs broke. Scoring lives in eval-score.ts. The texts stay where they are: this
// reads them in place and writes nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractArticle, extractArticleFromText, extractPageText, countWords } from '../lib/article';
import { analyzeArticleText, type AnalyzeInput } from '../lib/analyze';
import { buildCorpusIndex, type CorpusIndex } from '../lib/corpus-index';
import type { Analysis } from '../lib/types';
import { parseHtml } from './dom';
import { contain, scorePair, scorePairs, topicScores, type LabelledPair, type PairOutcome, type PairScores, type TopicCounts } from './eval-score';
import { loadSeedReports } from './load-reports';
import { newsPageHtml } from './news-page-markup';
import { DEFAULT_PACK } from '../lib/topics';

const USAGE = 'usage: npm run eval -- <dataset folder> [--json] [--misses] [--pages <folder of real pages>]';

interface LabelledArticle {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  text: string;
  label: 'on_topic' | 'off_topic';
}

const NO_HEADLINE = '[no headline in retrieved text]';

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
      }
    });
}

function headlineOf(a: LabelledArticle): string | null {
  return a.title.startsWith(NO_HEADLINE) ? null : a.title;
}

/** The article as a reader's text file: its text, dated as the page dates it. */
function asText(a: LabelledArticle): AnalyzeInput {
  const x = extractArticleFromText(a.text);
  return {
    title: headlineOf(a) ?? x.title,
    text: x.text,
    article: { isArticle: x.isArticle, title: headlineOf(a) ?? x.title, byline: x.byline, siteName: a.outlet ?? x.siteName, publishedTime: a.date ?? x.publishedTime, words: x.words },
  };
}

/** The article placed in a news page's markup and read back the way the extension reads pages. */
function asPage(a: LabelledArticle): AnalyzeInput {
  return pageInput(newsPageHtml({ headline: headlineOf(a), outlet: a.outlet, date: a.date, text: a.text }));
}

function pageInput(html: string): AnalyzeInput {
  const doc = parseHtml(html);
  const x = extractArticle(doc);
  if (x) return { title: x.title, text: x.text, article: { isArticle: x.isArticle, title: x.title, byline: x.byline, siteName: x.siteName, publishedTime: x.publishedTime, words: x.words } };
  const text = extractPageText(doc);
  const title = doc.title?.trim() || null;
  return { title, text, article: { isArticle: false, title, byline: null, siteName: null, publishedTime: null, words: countWords(text) } };
}

interface TopicRow {
  id: string;
  label: boolean;
  text: Analysis['topic'];
  page: Analysis['topic'];
}

function realPages(dir: string): { id: string; html: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => ({ id: d.name, html: readFileSync(join(dir, d.name, 'source.html'), 'utf8') }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function count(rows: { label: boolean; predicted: boolean }[]): TopicCounts {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows) {
    if (r.label && r.predicted) c.tp++;
    else if (r.label) c.fn++;
    else if (r.predicted) c.fp++;
    else c.tn++;
  }
  return c;
}

export interface EvalResult {
  dataset: string;
  topic: { asText: ReturnType<typeof topicScores>; asPage: ReturnType<typeof topicScores>; realPagesChecked: number; realPageFalsePositives: string[]; missed: { id: string; score: number }[]; falsePositives: { id: string; score: number }[] };
  pairs: PairScores;
  outcomes: PairOutcome[];
}

export function runEval(dataset: string, pagesDir: string | null, index: CorpusIndex): EvalResult {
  const articles = readJsonl<LabelledArticle>(join(dataset, 'articles.jsonl'));
  const pairs = readJsonl<LabelledPair>(join(dataset, 'claim_pairs.jsonl'));
  const byId = new Map(articles.map((a) => [a.id, a]));

  const rows: TopicRow[] = articles.map((a) => ({
    id: a.id,
    label: a.label === 'on_topic',
    text: analyzeArticleText(asText(a), index).topic,
    page: analyzeArticleText(asPage(a), index).topic,
  }));
  const pages = pagesDir ? realPages(pagesDir) : [];
  const pageFalsePositives = pages.filter((p) => analyzeArticleText(pageInput(p.html), index).topic.onTopic).map((p) => p.id);
  const flagged = new Set(pageFalsePositives);
  const negatives = pages.map((p) => ({ label: false, predicted: flagged.has(p.id) }));

  const analyses = new Map<string, Analysis>();
  const outcomes = pairs.map((pair) => {
    const a = byId.get(pair.article_id);
    if (!a) throw new Error(`pair ${pair.pair_id} names article ${pair.article_id}, which is not in articles.jsonl`);
    if (!analyses.has(a.id)) analyses.set(a.id, analyzeArticleText(asText(a), index, { force: true }));
    return scorePair(pair, analyses.get(a.id)!);
  });

  return {
    dataset,
    topic: {
      asText: topicScores(count([...rows.map((r) => ({ label: r.label, predicted: r.text.onTopic })), ...negatives])),
      asPage: topicScores(count([...rows.map((r) => ({ label: r.label, predicted: r.page.onTopic })), ...negatives])),
      realPagesChecked: pages.length,
      realPageFalsePositives: pageFalsePositives,
      missed: rows.filter((r) => r.label && !(r.text.onTopic && r.page.onTopic)).map((r) => ({ id: r.id, score: Math.min(r.text.score, r.page.score) })),
      falsePositives: rows.filter((r) => !r.label && (r.text.onTopic || r.page.onTopic)).map((r) => ({ id: r.id, score: Math.max(r.text.score, r.page.score) })),
    },
    pairs: scorePairs(outcomes),
    outcomes,
  };
}

const f2 = (x: number) => x.toFixed(2);

function printReadable(r: EvalResult, misses: boolean): void {
  const out: string[] = [];
  const t = r.topic;
  out.push(`Dataset  ${r.dataset}`);
  out.push(`Topic (negatives include ${t.realPagesChecked} real pages${t.realPagesChecked ? '' : ': READABILITY_PAGES not found, so none'})`);
  for (const [name, s] of [['as text', t.asText], ['as a page', t.asPage]] as const) {
    out.push(`  ${name.padEnd(10)} TP ${s.tp}  FN ${s.fn}  FP ${s.fp}  TN ${s.tn}   precision ${f2(s.precision)}  recall ${f2(s.recall)}  F1 ${f2(s.f1)}`);
  }
  out.push(`  false positives among the real pages: ${t.realPageFalsePositives.length}${t.realPageFalsePositives.length ? ` (${t.realPageFalsePositives.join(', ')})` : ''}`);
  if (t.missed.length) out.push(`  on-topic missed: ${t.missed.map((m) => `${m.id} ${f2(m.score)}`).join(', ')}`);
  if (t.falsePositives.length) out.push(`  near-topic taken as on-topic: ${t.falsePositives.map((m) => `${m.id} ${f2(m.score)}`).join(', ')}`);
  const p = r.pairs;
  out.push(`Pairs    ${p.pairs} (${p.labelledRelated} with a stance, ${p.unrelated} unrelated)`);
  out.push(`  recall@5 ${f2(p.recallAt5)} (${p.matchedAt5} of ${p.labelledRelated})`);
  for (const [s, v] of Object.entries(p.stances)) {
    out.push(`  ${s.padEnd(12)} precision ${f2(v.precision)}  recall ${f2(v.recall)}  F1 ${f2(v.f1)}  (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`);
  }
  out.push(`  macro-F1 ${f2(p.macroF1)}`);
  out.push(`  unrelated shown as corroborating or conflicting: ${p.unrelatedShownAgreeingOrConflicting} of ${p.unrelated} (${f2(p.falseMatchRate)})`);
  out.push(`  not right: ${Object.entries(p.misses).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  if (misses) {
    out.push('', 'Misses');
    for (const o of r.outcomes.filter((x) => x.miss)) {
      out.push(`- ${o.pair.pair_id} [${o.miss}] labelled ${o.pair.stance}${o.predicted ? `, shown ${o.predicted}` : ''}${o.rank !== null ? ` at rank ${o.rank}` : ''}`);
      out.push(`    article: ${o.pair.sentence}`);
      out.push(`    seed ${o.pair.seed_file}: ${o.pair.seed_sentence}`);
      if (o.claim && o.miss !== 'not a claim') out.push(`    claim: ${o.claim}`);
      const seed = o.listed.filter((m) => m.reportId === o.pair.seed_file.replace(/\.txt$/, '')).slice(0, 2);
      for (const m of seed) out.push(`    listed (${m.stance}, contain ${f2(contain(m.claim, o.pair.seed_sentence))}): ${m.claim}`);
    }
  }
  // The four closing lines hold the headline figures, for tools that read only the tail.
  out.push('');
  out.push(`topic: F1 ${f2(t.asText.f1)} as text, ${f2(t.asPage.f1)} as a page; ${t.realPageFalsePositives.length} false positives among ${t.realPagesChecked} real pages`);
  out.push(`matching: recall@5 ${f2(p.recallAt5)}`);
  out.push(`stance: macro-F1 ${f2(p.macroF1)}; conflicts F1 ${f2(p.stances.conflicts.f1)}; corroborates F1 ${f2(p.stances.corroborates.f1)}; related F1 ${f2(p.stances.related.f1)}`);
  out.push(`false matches: ${f2(p.falseMatchRate)} of unrelated pairs shown as corroborating or conflicting`);
  console.log(out.join('\n'));
}

function main(argv: string[]): number {
  let dataset: string | null = null;
  let json = false;
  let misses = false;
  let pages: string | null = process.env.READABILITY_PAGES ?? null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--misses') misses = true;
    else if (a === '--pages') pages = argv[++i] ?? null;
    else if (a.startsWith('--') || dataset) {
      console.error(`crosscheck eval: ${USAGE}`);
      return 2;
    } else dataset = a;
  }
  if (!dataset) {
    console.error(`crosscheck eval: ${USAGE}`);
    return 2;
  }
  dataset = resolve(dataset);
  for (const f of ['articles.jsonl', 'claim_pairs.jsonl']) {
    if (!existsSync(join(dataset, f))) {
      console.error(`crosscheck eval: ${dataset} has no ${f} (${USAGE})`);
      return 2;
    }
  }
  const defaultPages = resolve(dataset, '../corpora/readability-test-pages');
  const pagesDir = pages ? resolve(pages) : existsSync(defaultPages) ? defaultPages : null;
  if (pagesDir && !existsSync(pagesDir)) {
    console.error(`crosscheck eval: no real pages at ${pagesDir}`);
    return 2;
  }
  try {
    const result = runEval(dataset, pagesDir, buildCorpusIndex(loadSeedReports(), DEFAULT_PACK));
    if (json) console.log(JSON.stringify({ ...result, outcomes: undefined }, null, 2));
    else printReadable(result, misses);
    return 0;
  } catch (e) {
    console.error(`crosscheck eval: ${(e as Error).message.split('\n')[0]}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
