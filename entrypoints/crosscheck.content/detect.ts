// The two questions the content script asks of a page, cheapest first: can this page be
// about the tracked topic at all (title + a few thousand characters, on every page), and
// what is the article (Readability on a clone, only for pages that pass).

import { extractArticle, isProbablyArticle, type ExtractedArticle } from '../../lib/article';
import type { PageSnapshot } from '../../lib/protocol';
import { QUICK_TEXT_CHARS, quickTopicCheck, type QuickCheck } from '../../lib/topic';
import { DEFAULT_TOPIC } from '../../lib/topics';
import { cheapPageText } from './page-text';

/**
 * Readability gives up on documents with more elements than this (it then finds no
 * article). Parsing is linear in elements and runs in one task; real article pages
 * (the Guardian's 1 MB pages included) stay well under it.
 */
export const MAX_ELEMENTS_TO_PARSE = 15_000;

export function cheapTopicCheck(doc: Document): QuickCheck {
  return quickTopicCheck(DEFAULT_TOPIC, cheapPageText(doc, QUICK_TEXT_CHARS));
}

export { isProbablyArticle };

export interface ExtractedPage {
  snapshot: PageSnapshot;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/** The article of a page as the background wants it, or null when there is none. */
export function extractPage(doc: Document, url: string, quick: QuickCheck, isArticle: boolean): ExtractedPage | null {
  const article: ExtractedArticle | null = extractArticle(doc, { isArticle, maxElemsToParse: MAX_ELEMENTS_TO_PARSE });
  if (!article) return null;
  const title = article.title ?? (doc.title || null);
  return {
    snapshot: {
      url,
      title,
      text: article.text,
      article: {
        isArticle: article.isArticle,
        title,
        byline: article.byline,
        siteName: article.siteName,
        publishedTime: article.publishedTime,
        words: article.words,
      },
      // Provisional: the background scores the topic on the whole text and returns the verdict.
      topic: { id: DEFAULT_TOPIC.id, onTopic: quick.pass, score: quick.score, evidence: [] },
    },
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
  };
}
