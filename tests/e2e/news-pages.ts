// News pages for the demo and the tests, in two kinds:
//
// - Our own layouts (tests/fixtures/pages/): a wire story with header, navigation, share bar,
//   related stories and comments; a live blog with timestamped updates; a paywall teaser; an
//   article inside <main> among asides and ads; a single-page app that swaps its article on
//   navigation. Each is a whole page with a story of its own, not on the tracked topic;
//   `newsPage` pours one of our article texts into it instead. These come with the repository,
//   so everything that must run on a fresh clone uses them.
// - The saved real pages of the Readability corpus (tests/real-pages.ts), read in place and
//   never copied, for the tier of tests that needs real sites' markup.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { readRealPage } from '../real-pages';

export const LAYOUTS = ['wire-story', 'live-blog', 'paywall', 'main-asides', 'spa'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Where each layout keeps its article's paragraphs (the live blog: its feed of updates). */
export const ARTICLE_BODY: Record<Layout, string> = {
  'wire-story': '.story-body',
  'live-blog': '.live-feed',
  paywall: '.teaser',
  'main-asides': '.article-body',
  spa: '#view article',
};

/** A paywalled page shows this many paragraphs of the article before its subscription offer. */
export const TEASER_PARAGRAPHS = 3;
/** Minutes between two updates of the live blog. */
const LIVE_UPDATE_MINUTES = 25;

export interface ArticleText {
  headline: string;
  paragraphs: string[];
}

export interface PageOptions {
  /** The outlet's name in the page's metadata and title (default: the layout's own). */
  siteName?: string;
  /** ISO time of publication (default: the layout's own). */
  published?: string;
}

/** A text fixture: the headline on the first line, paragraphs separated by blank lines. */
export function readArticleFixture(path: string): ArticleText {
  const [first = '', ...rest] = readFileSync(path, 'utf8').trim().split(/\n\s*\n/);
  // Some fixtures put the body right under the headline line, with no blank line between.
  const [headline = '', ...firstBody] = first.split('\n');
  const paragraphs = [firstBody.join(' '), ...rest].map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { headline: headline.trim(), paragraphs };
}

/** The layout as written, carrying its own story (off the tracked topic). */
export function layoutPage(layout: Layout): string {
  return readFileSync(`tests/fixtures/pages/${layout}.html`, 'utf8');
}

type Doc = ReturnType<typeof parseHTML>['document'];

function paragraphsOf(document: Doc, texts: readonly string[]) {
  return texts.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  });
}

function timeLabel(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${date}, ${time} GMT`;
}

/** Headline, metadata and structured data of the page say what the new article says. */
function fillMetadata(document: Doc, article: ArticleText, opts: PageOptions): void {
  const oldHeadline = document.querySelector('[data-slot="headline"]')?.textContent ?? '';
  const oldSite = document.querySelector('meta[data-slot="site-name"]')?.getAttribute('content') ?? '';
  const siteName = opts.siteName ?? oldSite;
  const titleEl = document.querySelector('title');
  if (titleEl) {
    // Keep the site's own title pattern ("Headline | Site").
    const oldTitle = titleEl.textContent ?? '';
    const suffix = oldTitle.startsWith(oldHeadline) ? oldTitle.slice(oldHeadline.length).replace(oldSite, siteName) : '';
    titleEl.textContent = article.headline + suffix;
  }
  for (const el of document.querySelectorAll('[data-slot="headline"]')) el.textContent = article.headline;
  for (const meta of document.querySelectorAll('meta[data-slot="title"]')) meta.setAttribute('content', article.headline);
  for (const meta of document.querySelectorAll('meta[data-slot="description"]')) meta.setAttribute('content', article.paragraphs[0] ?? '');
  for (const meta of document.querySelectorAll('meta[data-slot="site-name"]')) meta.setAttribute('content', siteName);
  const published = opts.published ?? document.querySelector('meta[data-slot="published"]')?.getAttribute('content') ?? '';
  for (const meta of document.querySelectorAll('meta[data-slot="published"]')) meta.setAttribute('content', published);
  for (const time of document.querySelectorAll('time[data-slot="dateline"]')) {
    time.setAttribute('datetime', published);
    if (published) time.textContent = timeLabel(published);
  }
  for (const ld of document.querySelectorAll('script[data-slot="ld"]')) {
    const data = JSON.parse(ld.textContent ?? '{}') as Record<string, unknown>;
    Object.assign(data, { headline: article.headline, datePublished: published, publisher: { '@type': 'Organization', name: siteName } });
    ld.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
  }
}

/** One update per paragraph, newest first, each with its time: how live blogs list them. */
function fillLiveUpdates(document: Doc, feed: Element, paragraphs: readonly string[], published: string): void {
  const start = Date.parse(published || '2024-10-18T06:00:00Z');
  const updates = paragraphs.map((text, i) => {
    const at = new Date(start + i * LIVE_UPDATE_MINUTES * 60_000).toISOString();
    const update = document.createElement('article');
    update.className = 'live-update';
    update.id = `update-${i + 1}`;
    const header = document.createElement('header');
    const time = document.createElement('time');
    time.setAttribute('datetime', at);
    time.textContent = `${at.slice(11, 16)} GMT`;
    header.append(time);
    const share = document.createElement('div');
    share.className = 'actions';
    const button = document.createElement('button');
    button.setAttribute('type', 'button');
    button.textContent = 'Share';
    share.append(button);
    update.append(header, ...paragraphsOf(document, [text]), share);
    return update;
  });
  feed.replaceChildren(...updates.reverse());
}

/** A layout of ours carrying `article` instead of its own story. */
export function newsPage(layout: Layout, article: ArticleText, opts: PageOptions = {}): string {
  const { document } = parseHTML(layoutPage(layout));
  fillMetadata(document, article, opts);
  const body = document.querySelector('[data-slot="body"]');
  const teaser = document.querySelector('[data-slot="teaser"]');
  const feed = document.querySelector('[data-slot="updates"]');
  if (body) body.replaceChildren(...paragraphsOf(document, article.paragraphs));
  else if (teaser) teaser.replaceChildren(...paragraphsOf(document, article.paragraphs.slice(0, TEASER_PARAGRAPHS)));
  else if (feed) fillLiveUpdates(document, feed as unknown as Element, article.paragraphs, document.querySelector('meta[data-slot="published"]')?.getAttribute('content') ?? '');
  else throw new Error(`${layout}: no place for the article`);
  return document.toString();
}

export interface SpaStory {
  /** The navigation link's text, e.g. "World". */
  section: string;
  article: ArticleText;
}

/**
 * The single-page app: the first story rendered in the page, every story in the data the
 * site's router reads; a click on a section link pushes its URL (/spa/story-N) and swaps
 * the article in, and going back swaps the earlier one in again.
 */
export function spaPage(stories: readonly SpaStory[], opts: PageOptions = {}): string {
  const [first] = stories;
  if (!first) throw new Error('spaPage needs at least one story');
  const { document } = parseHTML(newsPage('spa', first.article, opts));
  const nav = document.querySelector('[data-slot="spa-nav"]')!;
  nav.replaceChildren(
    ...stories.map((s, i) => {
      const a = document.createElement('a');
      a.setAttribute('href', `/spa/story-${i}`);
      a.setAttribute('data-story', String(i));
      if (i === 0) a.setAttribute('aria-current', 'page');
      a.textContent = s.section;
      return a;
    }),
  );
  document.querySelector('[data-slot="stories"]')!.textContent = JSON.stringify(stories.map((s) => s.article)).replace(/</g, '\\u003c');
  return document.toString();
}

// ---- The real-pages tier: saved pages of the Readability corpus, read in place ----

/** Where each saved page keeps its article (looked at by hand in the saved source). */
export const REAL_ARTICLE_BODY: Record<string, string> = {
  'bbc-1': '.story-body__inner',
  'nytimes-1': '#story',
  'guardian-1': '[itemprop="articleBody"]',
};
/** The article's own body paragraphs, not captions, pull quotes or the dateline. */
const REAL_BODY_PARAGRAPHS: Record<string, string> = {
  'bbc-1': '.story-body__inner > p',
  'nytimes-1': 'p.story-body-text',
  'guardian-1': '[itemprop="articleBody"] > p',
};
/** A paragraph shorter than this (characters) is furniture ("Advertisement", an empty spacer), not body text. */
const MIN_BODY_PARAGRAPH_CHARS = 60;

/**
 * A saved real page with its headline, description and body paragraphs replaced by
 * `article`. The paragraph elements themselves stay (their classes, their place in the
 * layout); body paragraphs beyond the new article's length, and the old article's lists and
 * cross-headings, are removed.
 */
export function realPageWithArticle(name: string, article: ArticleText): string {
  const { document } = parseHTML(readRealPage(name));
  const body = document.querySelector(REAL_ARTICLE_BODY[name]!);
  if (!body) throw new Error(`${name}: no article body at ${REAL_ARTICLE_BODY[name]}`);
  const paragraphs = [...document.querySelectorAll(REAL_BODY_PARAGRAPHS[name]!)].filter((p) => (p.textContent ?? '').trim().length >= MIN_BODY_PARAGRAPH_CHARS);
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
