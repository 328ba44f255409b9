// Test pages built from real news pages: a saved page from the shared Readability corpus,
// read in place at test time, with its article body replaced by a text of ours (a seed
// report or a fixture). The markup around the article (navigation, share bars, related
// links, footers) stays the site's own, so the content script meets a real page.

import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

export const CORPUS_DIR = '../shared/corpora/readability-test-pages';

export interface ArticleText {
  title: string;
  paragraphs: string[];
  siteName?: string;
  /** ISO date. */
  published?: string;
}

/** A headline line, a blank line, then paragraphs separated by blank lines (tests/fixtures, seeds). */
export function readArticleText(path: string): ArticleText {
  const [title = '', ...paragraphs] = readFileSync(path, 'utf8').trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
  return { title, paragraphs: paragraphs.filter(Boolean) };
}

function readCorpusPage(name: string): string {
  return readFileSync(`${CORPUS_DIR}/${name}/source.html`, 'utf8');
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** Scripts and remote resources go: this machine has no network, and a test must not wait on one. */
function stripRemote(document: Doc): void {
  for (const el of document.querySelectorAll('script, noscript, iframe, object, embed, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="prefetch"]')) el.remove();
  for (const el of document.querySelectorAll('[src], [srcset]')) {
    el.removeAttribute('src');
    el.removeAttribute('srcset');
  }
}

/** The element whose own paragraphs hold the article: the one with the most substantial <p> children. */
function articleBody(document: Doc) {
  let best: Element | null = null;
  let bestCount = 0;
  for (const el of document.querySelectorAll('article, main, section, div')) {
    const count = [...el.children].filter((c) => c.tagName === 'P' && (c.textContent ?? '').trim().length > 40).length;
    if (count > bestCount) {
      best = el as unknown as Element;
      bestCount = count;
    }
  }
  if (!best) throw new Error('No article body found in the template page');
  return best;
}

/** A real page as it was saved, without its scripts and remote resources. */
export function realPage(name: string): string {
  const { document } = parseHTML(readCorpusPage(name));
  stripRemote(document);
  return '<!doctype html>\n' + document.documentElement.outerHTML;
}

/** A real news page carrying our article instead of its own. */
export function newsPageFrom(template: string, article: ArticleText): string {
  const { document } = parseHTML(readCorpusPage(template));
  stripRemote(document);
  // The template's own metadata would describe its old story.
  for (const meta of document.querySelectorAll('meta[property^="og:"], meta[property^="article:"], meta[name^="twitter:"], meta[name="description"], meta[name="keywords"]')) meta.remove();
  const head = document.head;
  const title = document.querySelector('title') ?? head.appendChild(document.createElement('title'));
  title.textContent = article.title;
  const addMeta = (property: string, content: string) => {
    const meta = document.createElement('meta');
    meta.setAttribute('property', property);
    meta.setAttribute('content', content);
    head.appendChild(meta);
  };
  addMeta('og:title', article.title);
  if (article.siteName) addMeta('og:site_name', article.siteName);
  if (article.published) addMeta('article:published_time', article.published);

  const body = articleBody(document);
  while (body.firstChild) body.firstChild.remove();
  for (const text of article.paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    body.appendChild(p as unknown as Node);
  }
  const h1 = document.querySelector('h1');
  if (h1) h1.textContent = article.title;
  else body.parentElement?.insertBefore(Object.assign(document.createElement('h1'), { textContent: article.title }) as unknown as Node, body);
  return '<!doctype html>\n' + document.documentElement.outerHTML;
}
