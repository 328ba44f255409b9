// On-topic pages for the benchmarks: a real saved page's markup (its head, menus, side
// columns, footer and scripts) with the article replaced by a report on the topic. The
// paragraphs go where the page's own article paragraphs stood, so the page keeps the
// structure Readability and the content script meet in the wild.

import { parseHtml } from '../cli/dom';
import { savedPages, seedReports } from './fixtures';

/** Host page of the long on-topic article, and its length in words. */
export const LONG_ARTICLE_HOST = 'nytimes-1';
export const LONG_ARTICLE_WORDS = 2_000;

/** The element holding the most <p> children is where the page keeps its article text. */
function articleContainer(doc: Document): Element | null {
  let best: Element | null = null;
  let bestCount = 0;
  for (const el of doc.querySelectorAll('body *')) {
    let count = 0;
    for (const child of el.children) if (child.tagName === 'P') count++;
    if (count > bestCount) {
      best = el;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The page's HTML with its title, first heading and article paragraphs replaced by the
 * given headline and paragraphs. Pages without a paragraph container get the article
 * appended to <body> in an <article>.
 */
export function withArticle(pageHtml: string, headline: string, paragraphs: readonly string[]): string {
  const doc = parseHtml(pageHtml);
  const titleEl = doc.querySelector('title');
  if (titleEl) titleEl.textContent = headline;
  for (const meta of doc.querySelectorAll('meta[property="og:title"], meta[name="twitter:title"]')) meta.setAttribute('content', headline);
  for (const meta of doc.querySelectorAll('meta[property="og:description"], meta[name="description"]')) {
    meta.setAttribute('content', paragraphs[0]?.slice(0, 200) ?? '');
  }
  const h1 = doc.querySelector('h1');
  if (h1) h1.textContent = headline;

  const container = articleContainer(doc);
  const make = (text: string) => {
    const p = doc.createElement('p');
    p.textContent = text;
    return p;
  };
  if (container) {
    const old = [...container.children].filter((c) => c.tagName === 'P');
    const anchor = old[0]!;
    for (const text of paragraphs) container.insertBefore(make(text), anchor);
    for (const p of old) p.remove();
  } else {
    const article = doc.createElement('article');
    const h = doc.createElement('h1');
    h.textContent = headline;
    article.append(h, ...paragraphs.map(make));
    doc.body?.append(article);
  }
  const html = doc.toString();
  return /^<!doctype/i.test(html) ? html : `<!DOCTYPE html>\n${html}`;
}

/**
 * An on-topic article of about LONG_ARTICLE_WORDS words in a real news page's markup: the
 * seeds' paragraphs, newest seed first, under the last seed's headline.
 */
export function longOnTopicArticle(): { html: string; words: number; title: string } {
  const seeds = seedReports();
  const paragraphs: string[] = [];
  let words = 0;
  for (const seed of seeds.slice().reverse()) {
    for (const p of seed.text.split('\n\n')) {
      if (words >= LONG_ARTICLE_WORDS) break;
      paragraphs.push(p);
      words += p.split(/\s+/).length;
    }
  }
  const host = savedPages().find((p) => p.name === LONG_ARTICLE_HOST);
  if (!host) throw new Error(`host page ${LONG_ARTICLE_HOST} missing`);
  const title = seeds.at(-1)?.title ?? 'North Korea sends troops to aid Russia’s war in Ukraine';
  return { html: withArticle(host.html, title, paragraphs), words, title };
}
