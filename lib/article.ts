// Article detection and extraction. Two questions kept apart, as Readability does:
// the cheap one (is this page probably an article?) runs on every page the reader
// opens; the expensive one (what is the article?) runs only when the cheap one says yes.
//
// Pure: the caller hands in a Document (the page's own in the browser, one parsed by
// cli/dom.ts in Node). Nothing here reads globals.

import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseReportText } from './report-text';
import type { ArticleInfo } from './types';

/** What extraction found: the article's metadata plus its readable text. */
export interface ExtractedArticle extends ArticleInfo {
  /** The article's plain text, paragraphs separated by "\n\n". */
  text: string;
  /** The page's declared language (`<html lang>`), or null. */
  lang: string | null;
  /** The page's description, or the article's first paragraph; null when neither exists. */
  excerpt: string | null;
}

export interface DetectOptions {
  /** Readability's default: text nodes shorter than this (characters) do not count. */
  minContentLength?: number;
  /** Readability's default: the summed paragraph score a page needs to be readable. */
  minScore?: number;
}

export interface ExtractOptions {
  /** Give up (null) on documents with more elements than this; 0 or absent = no limit (Readability's default). */
  maxElemsToParse?: number;
  /** Below this many characters of text Readability retries with looser rules (its default: 500). */
  charThreshold?: number;
  /** The caller's answer from isProbablyArticle, so it is not computed twice. */
  isArticle?: boolean;
}

/** Readability's isProbablyReaderable defaults, named so the plain-text path uses the same rule. */
export const MIN_PARAGRAPH_CHARS = 140;
export const MIN_READERABLE_SCORE = 20;
/** An excerpt made from the first paragraph is cut to about this many characters. */
export const MAX_EXCERPT_CHARS = 300;

/**
 * The cheap question: does this page look like an article? Mozilla's isProbablyReaderable,
 * which is what Firefox uses to offer Reader View: it scores visible paragraphs only and
 * never builds the article.
 */
export function isProbablyArticle(doc: Document, opts: DetectOptions = {}): boolean {
  return isProbablyReaderable(doc, {
    minContentLength: opts.minContentLength ?? MIN_PARAGRAPH_CHARS,
    minScore: opts.minScore ?? MIN_READERABLE_SCORE,
  });
}

/**
 * The expensive question: the article itself. Readability rewrites the DOM it parses,
 * so it works on a clone and the page stays untouched. Null when Readability finds no
 * article or the article has no text.
 */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle | null {
  // Readability has this limit too, but counts with getElementsByTagName('*'), which
  // linkedom answers with 0; counting here keeps the limit working in Node as well.
  if (opts.maxElemsToParse && doc.querySelectorAll('*').length > opts.maxElemsToParse) return null;
  const isArticle = opts.isArticle ?? isProbablyArticle(doc);
  const clone = doc.cloneNode(true) as Document;
  // The serializer hands back Readability's content element itself, so the text can be
  // read paragraph by paragraph instead of from a flattened textContent.
  const reader = new Readability<Element>(clone, {
    serializer: (node) => node as Element,
    ...(opts.charThreshold !== undefined && { charThreshold: opts.charThreshold }),
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    // A page Readability cannot read is, for the reader, a page without an article.
    return null;
  }
  if (!parsed?.content) return null;
  const text = blockText(parsed.content);
  if (!text) return null;
  return {
    isArticle,
    title: cleanField(parsed.title),
    byline: cleanField(parsed.byline),
    siteName: cleanField(parsed.siteName),
    publishedTime: cleanField(parsed.publishedTime),
    words: countWords(text),
    text,
    lang: cleanField(parsed.lang),
    excerpt: cleanField(parsed.excerpt) ?? excerptOf(text),
  };
}

/**
 * An article from plain text (a saved .txt report): the headline is the first
 * headline-like line, as lib/report-text.ts reads captured reports. The same paragraph
 * score as isProbablyReaderable decides whether it is an article.
 */
export function extractArticleFromText(raw: string): ExtractedArticle {
  const report = parseReportText('text', raw);
  const paragraphs = report.text ? report.text.split('\n\n') : [];
  return {
    isArticle: readerableScore(paragraphs) > MIN_READERABLE_SCORE,
    title: report.title,
    byline: report.author,
    siteName: report.outlet,
    publishedTime: report.date,
    words: countWords(report.text),
    text: report.text,
    lang: null,
    excerpt: excerptOf(report.text),
  };
}

/**
 * The visible text of a whole page, paragraphs separated by "\n\n" (scripts, styles,
 * templates and hidden elements left out). For pages that are not articles, where there is nothing
 * better to read.
 */
export function extractPageText(doc: Document): string {
  return doc.body ? blockText(doc.body) : '';
}

/** Words in a text; each Chinese or Japanese character counts as one, since they are written without spaces. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

// A word may hold apostrophes, hyphens, dots and commas between its letters or digits ("Korea’s", "12,000").
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const SPACED = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`;
const WORD = new RegExp(`[${CJK}]|${SPACED}(?:['’.,\\-]${SPACED})*`, 'gu');

/** Tags whose start and end break a paragraph. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
/** Table cells stay on their row's line, apart from each other. */
const CELL_TAGS = new Set(['TD', 'TH']);
/** Elements whose text is never read as prose. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'TEXTAREA', 'BUTTON']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Walks the element's blocks and returns their text, one paragraph per block, "\n\n" between. */
function blockText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const el = child as HTMLElement;
        if (SKIP_TAGS.has(el.tagName.toUpperCase()) || isHidden(el)) continue;
        const tag = el.tagName.toUpperCase();
        if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else {
          if (CELL_TAGS.has(tag)) current += ' ';
          walk(child);
          if (CELL_TAGS.has(tag)) current += ' ';
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** Hidden the ways Readability's visibility check knows: the attribute, display:none, aria-hidden. */
function isHidden(el: HTMLElement): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.style?.display === 'none';
}

/** isProbablyReaderable's score on text paragraphs: long paragraphs add the square root of their excess length. */
function readerableScore(paragraphs: string[]): number {
  let score = 0;
  for (const p of paragraphs) {
    if (p.length >= MIN_PARAGRAPH_CHARS) score += Math.sqrt(p.length - MIN_PARAGRAPH_CHARS);
  }
  return score;
}

function excerptOf(text: string): string | null {
  const first = text.split('\n\n')[0]?.trim();
  if (!first) return null;
  if (first.length <= MAX_EXCERPT_CHARS) return first;
  const cut = first.lastIndexOf(' ', MAX_EXCERPT_CHARS);
  return first.slice(0, cut > 0 ? cut : MAX_EXCERPT_CHARS) + '…';
}

function cleanField(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}
