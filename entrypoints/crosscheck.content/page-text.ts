// The cheap read of a page: its title and the first few thousand characters of visible
// prose, gathered node by node and stopped early. Never `body.innerText` (forces layout
// of the whole page) nor `body.textContent` (copies every script and every menu).

/** Subtrees that never hold the article's prose. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS',
  'NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'CROSSCHECK-SIDEBAR',
]);

/** Where an article's text usually lives, most specific first; read first when it holds enough text. */
const ARTICLE_ROOTS = ['[itemprop="articleBody"]', 'article', '[role="main"]', 'main'];
/** An article root with less text than this (characters) is a teaser card: read the body instead. */
export const MIN_ROOT_CHARS = 400;
/** Elements tried per selector: past the first few <article>s, they are all teaser cards. */
const MAX_ROOT_CANDIDATES = 3;

/**
 * Paragraph elements, and nodes of a walk, looked at per read at most: a page of 100,000
 * empty or hidden elements costs a bounded time, not one visit per element.
 */
export const MAX_PARAGRAPHS_VISITED = 2_000;
export const MAX_NODES_VISITED = 20_000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function skip(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true'
    || el.getAttribute('role') === 'navigation';
}

/** The same subtrees as SKIP_TAGS (and hidden ones), as a selector for `closest`. */
const SKIP_SELECTOR = [...SKIP_TAGS].map((t) => t.toLowerCase()).join(', ') + ', [hidden], [aria-hidden="true"], [role="navigation"]';

/**
 * Up to `maxChars` characters of the visible text under `root`, whitespace collapsed.
 * Paragraph elements first: a live collection read only as far as needed, with native
 * textContent, is several times cheaper than visiting every node from script. Pages that
 * set their prose in other elements are walked node by node.
 */
export function gatherText(root: Element | Document, maxChars: number): string {
  const fromParagraphs = paragraphText(root, maxChars);
  return fromParagraphs.length >= Math.min(maxChars, MIN_ROOT_CHARS) ? fromParagraphs : walkText(root, maxChars);
}

function paragraphText(root: Element | Document, maxChars: number): string {
  const paragraphs = root.getElementsByTagName('p');
  const parts: string[] = [];
  let length = 0;
  const last = Math.min(paragraphs.length, MAX_PARAGRAPHS_VISITED);
  for (let i = 0; i < last && length < maxChars; i++) {
    const p = paragraphs[i]!;
    if (p.closest(SKIP_SELECTOR)) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length + 1;
  }
  const text = parts.join(' ');
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

function walkText(root: Node, maxChars: number): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => (node.nodeType === ELEMENT_NODE && skip(node as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  for (let node = walker.nextNode(); node && length < maxChars && visited < MAX_NODES_VISITED; node = walker.nextNode(), visited++) {
    if (node.nodeType !== TEXT_NODE) continue;
    const data = (node as Text).data;
    if (!/\S/.test(data)) continue;
    const piece = data.replace(/\s+/g, ' ').trim();
    parts.push(piece);
    length += piece.length + 1;
  }
  const text = parts.join(' ');
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

export interface CheapText {
  title: string;
  /** The page's description first (a one-line summary is the densest signal), then prose. */
  text: string;
}

/** Title, description and the first `maxChars` of prose, preferring the article's own container. */
export function cheapPageText(doc: Document, maxChars: number): CheapText {
  const description = doc.querySelector('meta[property="og:description"], meta[name="description"]')?.getAttribute('content')?.trim() ?? '';
  const root = findArticleRoot(doc);
  const prose = root ? gatherText(root, maxChars) : doc.body ? gatherText(doc.body, maxChars) : '';
  const text = description ? `${description} ${prose}` : prose;
  return { title: doc.title ?? '', text: text.length > maxChars ? text.slice(0, maxChars) : text };
}

/** The element that holds the article's prose, when the page marks one up; else null. */
export function findArticleRoot(doc: Document): Element | null {
  for (const selector of ARTICLE_ROOTS) {
    const candidates = doc.querySelectorAll(selector);
    for (let i = 0; i < candidates.length && i < MAX_ROOT_CANDIDATES; i++) {
      const el = candidates[i]!;
      if (gatherText(el, MIN_ROOT_CHARS).length >= MIN_ROOT_CHARS) return el;
    }
  }
  return null;
}
