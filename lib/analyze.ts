// The whole analysis of one article: is it about the tracked topic, which of its
// sentences are checkable claims, and how each claim stands against the corpus. The
// content script, the CLI and the tests all call this one function.

import { extractClaims, parseClaim, type ExtractedClaim } from './claims';
import type { CorpusIndex } from './corpus-index';
import { matchClaims } from './match';
import { MAX_CLAIMS_PER_PAGE } from './page-limits';
import { scoreTopic } from './topic';
import { DEFAULT_TOPIC, type TopicDefinition } from './topics/index';
import type { Analysis, ArticleInfo } from './types';

export interface AnalyzeInput {
  title: string | null;
  /** The article's body text, paragraphs separated by blank lines. */
  text: string;
  article: ArticleInfo;
}

export interface AnalyzeOptions {
  topic?: TopicDefinition;
  /** Extract and match even when the article is not on the topic. */
  force?: boolean;
  /** Topic sensitivity 0..1 (see lib/topic.ts). */
  sensitivity?: number;
  /** Reports never matched: the report being analysed when it is itself in the corpus. */
  excludeReportIds?: readonly string[];
}

/** Topic verdict, then claims and their matches (none when off-topic, unless forced). */
export function analyzeArticleText(input: AnalyzeInput, index: CorpusIndex, opts: AnalyzeOptions = {}): Analysis {
  const scored = scoreTopic(opts.topic ?? DEFAULT_TOPIC, { title: input.title, text: input.text }, { sensitivity: opts.sensitivity });
  const topic = { id: scored.id, onTopic: scored.onTopic, score: scored.score, evidence: scored.evidence };
  if (!topic.onTopic && !opts.force) return { article: input.article, topic, claims: [] };
  const claims = articleClaims(input.title, input.text, isoDate(input.article.publishedTime)).slice(0, MAX_CLAIMS_PER_PAGE);
  return {
    article: input.article,
    topic,
    claims: matchClaims(claims, index, { excludeReportIds: opts.excludeReportIds }),
  };
}

/** The headline's claim (when it states one the body does not repeat word for word), then the body's. */
export function articleClaims(title: string | null, text: string, documentDate: string | null = null): ExtractedClaim[] {
  const body = extractClaims(text, { documentDate });
  if (!title) return body;
  const headline = parseClaim(title.trim(), { documentDate });
  const repeated = body.some((c) => c.text.replace(/\s+/g, ' ') === headline.text.replace(/\s+/g, ' '));
  return headline.checkable.length && !repeated ? [headline, ...body] : body;
}

/** `YYYY-MM-DD` from an ISO timestamp, or null. */
function isoDate(published: string | null): string | null {
  const m = published ? /^(\d{4}-\d{2}-\d{2})/.exec(published) : null;
  return m ? m[1]! : null;
}
