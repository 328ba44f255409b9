// Real news pages for the reading tests: saved pages of the Readability test corpus, read in
// place (never copied into the repo), served unchanged or with their article body swapped
// for an on-topic article, so the layout, the menus, the scripts' markup and the related
// links around the article stay those of a real site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export const READABILITY_PAGES = process.env.READABILITY_PAGES ?? '../shared/corpora/readability-test-pages';

/** Where each page keeps its article (looked at by hand in the saved source). */
export const ARTICLE_BODY: Record<string, string> = {
  'bbc-1': '.story-body__inner',
  'nytimes-1': '#story',
  'guardian-1': '[itemprop="articleBody"]',
};
/** The article's own body paragraphs, not captions, pull quotes or the dateline. */
const BODY_PARAGRAPHS: Record<string, string> = {
  'bbc-1': '.story-body__inner > p',
  'nytimes-1': 'p.story-body-text',
  'guardian-1': '[itemprop="articleBody"] > p',
};

/** A paragraph shorter than this (characters) is furniture ("Advertisement", an empty spacer), not body text. */
const MIN_BODY_PARAGRAPH_CHARS = 60;

export interface ArticleText {
  headline: string;
  paragraphs: string[];
}

/** A text fixture: the headline on the first line, paragraphs separated by blank lines. */
export function readArticleFixture(path: string): ArticleText {
  const [headline, ...paragraphs] = readFileSync(path, 'utf8').trim().split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  return { headline: headline!, paragraphs };
}

export function readRealPage(name: string): string {
  return readFileSync(join(READABILITY_PAGES, name, 'source.html'), 'utf8');
}

/**
 * The page with its headline, description and body paragraphs replaced by `article`.
 * The paragraph elements themselves stay (their classes, their place in the layout);
 * body paragraphs beyond the new article's length, and the old article's lists and
 * cross-headings, are removed.
 */
export function withArticle(name: string, html: string, article: ArticleText): string {
  const { document } = parseHTML(html);
  const body = document.querySelector(ARTICLE_BODY[name]!);
  if (!body) throw new Error(`${name}: no article body at ${ARTICLE_BODY[name]}`);
  const paragraphs = [...document.querySelectorAll(BODY_PARAGRAPHS[name]!)].filter((p) => (p.textContent ?? '').trim().length >= MIN_BODY_PARAGRAPH_CHARS);
  if (paragraphs.length === 0) throw new Error(`${name}: no body paragraphs`);
  for (const el of body.querySelectorAll('ul, ol, h2, h3')) el.remove();
  article.paragraphs.forEach((text, i) => {
    let p = paragraphs[i];
    if (!p) {
      p = paragraphs[paragraphs.length - 1]!.cloneNode(false) as typeof paragraphs[number];
      paragraphs[paragraphs.length - 1]!.after(p);
      paragraphs.push(p);
    }
    p.textContent = text;
  });
  for (const p of paragraphs.slice(article.paragraphs.length)) p.remove();

  for (const h1 of document.querySelectorAll('h1')) h1.textContent = article.headline;
  const title = document.querySelector('title');
  if (title) title.textContent = article.headline;
  for (const meta of document.querySelectorAll('meta[property="og:title"], meta[name="twitter:title"]')) meta.setAttribute('content', article.headline);
  for (const meta of document.querySelectorAll('meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]')) {
    meta.setAttribute('content', article.paragraphs[0]!);
  }
  // Structured data names the old headline; a real page's would name the new one.
  for (const ld of document.querySelectorAll('script[type="application/ld+json"]')) ld.remove();
  return document.toString();
}
