// How much of a page Crosscheck reads at most, and the characters it reads past. Pages are written by anyone: a 10 MB article,
// a 100,000-element page or a 5,000-deep nesting must cost a bounded time, on the page's
// main thread (the content script) and in the background's analysis alike. Both sides cut
// at the same limits, so a content script of another version cannot hand over more.

/**
 * Characters of article text analysed at most: about 30,000 words, several times the
 * longest news article in the corpora; the analysis of this much takes about half a second.
 */
export const MAX_ARTICLE_CHARS = 200_000;
/**
 * Claims matched per page at most, in reading order. Matching costs a few milliseconds a
 * claim; a long news article holds 20 to 80 claims, and a sidebar of a thousand helps nobody.
 */
export const MAX_CLAIMS_PER_PAGE = 200;
/** A title longer than this (characters) is not a headline: it is cut. */
export const MAX_TITLE_CHARS = 1_000;
/** The text is cut at a paragraph break when one stands this close (share of the limit) to it, else at a space. */
const MIN_KEPT_SHARE = 0.8;

export interface CappedText {
  text: string;
  /** True when the text was longer than the limit and was cut. */
  cut: boolean;
}

/** The text, or its first `max` characters ending at a paragraph break (else a word break). */
export function capArticleText(text: string, max = MAX_ARTICLE_CHARS): CappedText {
  if (text.length <= max) return { text, cut: false };
  // Never end inside a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  const head = text.slice(0, end);
  const paragraph = head.lastIndexOf('\n\n');
  const space = head.search(/\s\S*$/);
  const at = paragraph >= max * MIN_KEPT_SHARE ? paragraph : space >= max * MIN_KEPT_SHARE ? space : end;
  return { text: head.slice(0, at).trimEnd(), cut: true };
}

export function capTitle(title: string | null): string | null {
  return title && title.length > MAX_TITLE_CHARS ? title.slice(0, MAX_TITLE_CHARS) : title;
}

/**
 * Characters that are in a page's text but not in what a reader sees: zero-width spaces and
 * joiners, the word joiner, the byte-order mark and soft hyphens. Inside a claim they break
 * it ("1,\u200b500 troops" would read as 1 and 500); the highlights fold them away as well
 * (entrypoints/crosscheck.content/text-anchor.ts), so a claim without them is still found in the page.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}
