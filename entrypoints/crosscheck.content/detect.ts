// The two questions the content script asks of a page, cheapest first: can this page be
// about the tracked topic at all (title + a few thousand characters, on every page), and
// what is the article (Readability on a clone, only for pages that pass).

import { extractArticle, isProbablyArticle, type ExtractedArticle } from '../../lib/article';
import type { PageSnapshot } from '../../lib/protocol';
import { QUICK_TEXT_CHARS, quickTopicCheck, type QuickCheck } from '../../lib/topic';
import { DEFAULT_TOPIC } from '../../lib/topics';
import { cheapPageText, findArticleRoot } from './page-text';

/**
 * Readability gives up on documents with more elements than this (it then finds no
 * article): its parse runs in one task and grows with the element count. The saved BBC,
 * NYT and Guardian pages hold 1,100 to 2,100 elements.
 */
export const MAX_ELEMENTS_TO_PARSE = 15_000;
/**
 * Above this many elements, and when the page marks up its article's container, Readability
 * reads only that container (with the page's <head> for the metadata): a third to a tenth
 * of the elements, the same paragraphs.
 */
export const NARROW_ABOVE_ELEMENTS = 1_000;

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
  const opts = { isArticle, maxElemsToParse: MAX_ELEMENTS_TO_PARSE };
  const narrow = narrowedDocument(doc);
  const article: ExtractedArticle | null = (narrow && extractArticle(narrow, opts)) || extractArticle(doc, opts);
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

/** The page's <head> and its article container alone, for a big page that marks one up; else null. */
export function narrowedDocument(doc: Document): Document | null {
  if (doc.getElementsByTagName('*').length <= NARROW_ABOVE_ELEMENTS) return null;
  const root = findArticleRoot(doc);
  if (!root || root === doc.body || !doc.head) return null;
  const narrow = doc.implementation.createHTMLDocument('');
  const lang = doc.documentElement.getAttribute('lang');
  if (lang) narrow.documentElement.setAttribute('lang', lang);
  narrow.head.replaceWith(narrow.importNode(doc.head, true));
  narrow.body.append(narrow.importNode(root, true));
  return narrow;
}
