// The whole analysis of one article: is it about the tracked topic, which of its
// sentences are checkable claims, and how each claim stands against the corpus. The
// content script, the CLI and the tests all call this one function.

import { extractClaims, parseClaim, type ExtractedClaim } from './claims';
import type { CorpusIndex } from './corpus-index';
import { matchClaims, matchEachClaim } from './match';
import { MAX_CLAIMS_PER_PAGE } from './page-limits';
import { probeProse, scoreTopic, type TopicInput } from './topic';
import type { TopicPack } from './topics/types';
import { toPublicQuantity } from './quantities';
import type { Analysis, ArticleInfo, ClaimResult, TopicResult } from './types';

export interface AnalyzeInput {
  title: string | null;
  /** The article's body text, paragraphs separated by blank lines. */
  text: string;
  article: ArticleInfo;
}

export interface AnalyzeOptions {
  /** Extract and match even when the article is not on the topic. */
  force?: boolean;
  /** Topic sensitivity 0..1 (see lib/topic.ts). */
  sensitivity?: number;
  /** Reports never matched: the report being analysed when it is itself in the corpus. */
  excludeReportIds?: readonly string[];
}

/**
 * Topic verdict, then claims and their matches (none when off-topic, unless forced). The
 * story is the one the index was read for (`index.pack`): the article is read with it too.
 */
export function analyzeArticleText(input: AnalyzeInput, index: CorpusIndex, opts: AnalyzeOptions = {}): Analysis {
  const read = readArticle(input, index.pack, opts);
  return { article: read.article, topic: read.topic, claims: matchClaims(read.claims, index, { excludeReportIds: opts.excludeReportIds }) };
}

/** The first half of the analysis: the topic verdict and the claims, before any matching. */
export interface ReadArticle {
  article: ArticleInfo;
  topic: TopicResult;
  claims: ExtractedClaim[];
}

/** The topic verdict and the claims (none when off-topic, unless forced); `analyzeArticleText` matches them next. */
export function readArticle(input: AnalyzeInput, pack: TopicPack, opts: AnalyzeOptions = {}): ReadArticle {
  const scored = scoreTopic(pack.topic, { title: input.title, text: input.text }, { sensitivity: opts.sensitivity });
  const topic = { id: scored.id, onTopic: scored.onTopic, score: scored.score, evidence: scored.evidence };
  if (!topic.onTopic && !opts.force) return { article: input.article, topic, claims: [] };
  const claims = articleClaims(pack, input.title, input.text, isoDate(input.article.publishedTime)).slice(0, MAX_CLAIMS_PER_PAGE);
  return { article: input.article, topic, claims };
}

/** A claim as the analysis lists it before it is matched: no match yet. */
export function unmatchedResult(claim: ExtractedClaim): ClaimResult {
  return { text: claim.text, quantities: claim.quantities.map(toPublicQuantity), attribution: claim.attribution, matches: [] };
}

/**
 * The analysis in its two halves, for a caller that shows the claims before their matches
 * (the background, so that the sidebar lists them at once and fills in the matches).
 * `read` (with the index's pack) then every claim of `matchEach` gives exactly
 * `analyzeArticleText`. Only matching needs the index: the probe and the reading need the
 * story's pack alone, so a background can answer them before it has read its corpus.
 */
export const ANALYSIS_STEPS = {
  /** Before the article is extracted: is the page's prose worth it (lib/topic.ts probeProse)? */
  probe: (input: TopicInput, pack: TopicPack, opts: AnalyzeOptions = {}) => probeProse(pack.topic, input, opts),
  read: (input: AnalyzeInput, pack: TopicPack, opts: AnalyzeOptions = {}): ReadArticle => readArticle(input, pack, opts),
  matchEach: matchEachClaim,
};
export type AnalysisSteps = typeof ANALYSIS_STEPS;

/** The headline's claim (when it states one the body does not repeat word for word), then the body's. */
export function articleClaims(pack: TopicPack, title: string | null, text: string, documentDate: string | null = null): ExtractedClaim[] {
  const body = extractClaims(text, { pack, documentDate });
  if (!title) return body;
  const headline = parseClaim(title.trim(), { pack, documentDate });
  const repeated = body.some((c) => c.text.replace(/\s+/g, ' ') === headline.text.replace(/\s+/g, ' '));
  return headline.checkable.length && !repeated ? [headline, ...body] : body;
}

/** `YYYY-MM-DD` from an ISO timestamp, or null. */
function isoDate(published: string | null): string | null {
  const m = published ? /^(\d{4}-\d{2}-\d{2})/.exec(published) : null;
  return m ? m[1]! : null;
}
