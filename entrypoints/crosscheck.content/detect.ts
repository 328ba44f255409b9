// The second question the content script asks of a page, once the quick check
// (quick-check.ts, on every page) has passed: what is the article (Readability on a clone).

import { extractArticle, isProbablyArticle, type ExtractedArticle } from '../../lib/article';
import { capArticleText, capTitle, withoutInvisibles } from '../../lib/page-limits';
import type { PageSnapshot } from '../../lib/protocol';
import type { QuickCheck } from '../../lib/topic';
import { DEFAULT_TOPIC } from '../../lib/topics';
import { findArticleRoot } from './page-text';

export { cheapTopicCheck } from './quick-check';

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
/**
 * Characters of page text handed to Readability at most. Its parse grows with the text as
 * well as the elements (10 MB of prose took a second on the main thread); the article
 * analysed is at most 200,000 characters (lib/page-limits.ts), so this leaves room for the
 * page's furniture around it.
 */
export const MAX_PARSE_CHARS = 300_000;

/** Subtrees never copied for Readability: it drops them anyway, and their text would use up the budget. */
const NOT_COPIED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CROSSCHECK-SIDEBAR']);

export { isProbablyArticle };

export interface ExtractedPage {
  snapshot: PageSnapshot;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

/**
 * The article of a page as the background wants it, or null when there is none. `narrow` is
 * narrowedDocument(doc) when the caller made that copy already (the reader does, in a task of
 * its own: copy and parse together were one long task on a big page).
 */
export function extractPage(doc: Document, url: string, quick: QuickCheck, isArticle: boolean, narrow: Document | null = narrowedDocument(doc)): ExtractedPage | null {
  const opts = { isArticle, maxElemsToParse: MAX_ELEMENTS_TO_PARSE };
  const article: ExtractedArticle | null = (narrow && extractArticle(narrow, opts)) || extractArticle(fitsWhole(doc) ? doc : boundedCopy(doc, doc.body), opts);
  if (!article) return null;
  const title = capTitle(article.title ?? (doc.title || null));
  return {
    snapshot: {
      url,
      title,
      // Zero-width characters would split "1,\u200b500" into two numbers; the highlights find the text without them.
      text: capArticleText(withoutInvisibles(article.text)).text,
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

/** The page's <head> and its article container alone (within the parse limits), for a big page that marks one up; else null. */
export function narrowedDocument(doc: Document): Document | null {
  if (doc.getElementsByTagName('*').length <= NARROW_ABOVE_ELEMENTS) return null;
  const root = findArticleRoot(doc);
  if (!root || root === doc.body || !doc.head) return null;
  return boundedCopy(doc, root);
}

/** Whether Readability may read the page as it is: within the element and character limits. */
function fitsWhole(doc: Document): boolean {
  if (!doc.body) return true;
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS_TO_PARSE) return false;
  const walker = doc.createTreeWalker(doc.body, 0x4 /* SHOW_TEXT */);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    if (chars > MAX_PARSE_CHARS) return false;
  }
  return true;
}

/**
 * The page's <head> and the start of `source`, as a document of its own: elements and text
 * copied in document order until MAX_ELEMENTS_TO_PARSE elements or MAX_PARSE_CHARS
 * characters. Iterative, so a page nested thousands deep costs no stack; it visits only
 * what it copies.
 */
export function boundedCopy(doc: Document, source: Element): Document {
  const copy = doc.implementation.createHTMLDocument('');
  const lang = doc.documentElement.getAttribute('lang');
  if (lang) copy.documentElement.setAttribute('lang', lang);
  if (doc.head) copy.head.replaceWith(copy.importNode(doc.head, true));
  const top = source === doc.body ? copy.body : copy.body.appendChild(copy.importNode(source, false));
  const stack: { next: Node | null; into: Node }[] = [{ next: source.firstChild, into: top }];
  let chars = 0;
  // The head's elements count too: Readability counts the whole document against its limit.
  let elements = copy.getElementsByTagName('*').length;
  while (stack.length > 0 && chars < MAX_PARSE_CHARS && elements < MAX_ELEMENTS_TO_PARSE) {
    const level = stack[stack.length - 1]!;
    const node = level.next;
    if (!node) {
      stack.pop();
      continue;
    }
    level.next = node.nextSibling;
    if (node.nodeType === 3) {
      const data = (node as Text).data.slice(0, MAX_PARSE_CHARS - chars);
      level.into.appendChild(copy.createTextNode(data));
      chars += data.length;
    } else if (node.nodeType === 1 && !NOT_COPIED.has((node as Element).tagName.toUpperCase())) {
      elements++;
      const el = level.into.appendChild(copy.importNode(node, false));
      stack.push({ next: node.firstChild, into: el });
    }
  }
  return copy;
}
