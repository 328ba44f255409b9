// Remembered reading in the background. After each analysis of a page, the background alone
// decides whether its article joins the corpus: only when the reader said yes, the page is
// an on-topic article by the background's own verdict, and its site is not paused. The
// content script only sends its page for analysis, as it always did; it has no request that
// stores a report, and the address kept is its page's as the browser reports it.
//
// The text kept is the one the tab's content script gives for "Add this article": only the
// paragraphs the reader can see, so a page cannot plant hidden text in the reader's corpus.
//
// Until the reader answers the question, each tab's on-topic article is noted (its address
// only) in storage.session (extension-only, gone when the browser closes), so that "yes"
// keeps the article the reader was reading when asked; "no" drops every note.

import { browser } from 'wxt/browser';
import { siteOf } from '../../lib/site';
import { makeReadingReport, readingAddress, sameOrigin, type ReadArticle } from '../../lib/reading';
import type { Corpus } from './corpus';
import type { ContentRequests, Settings } from '../../lib/protocol';

const WAITING_PREFIX = 'reading:';
const waitingKey = (tabId: number) => `${WAITING_PREFIX}${tabId}`;

/** The addresses under which a page's article may already be in the corpus: the page must not be matched against them. */
export function ownAddresses(senderUrl: string, pageUrl: string): string[] {
  const candidates = [senderUrl, readingAddress(senderUrl), pageUrl, readingAddress(pageUrl)];
  return [...new Set(candidates.filter((u): u is string => typeof u === 'string' && u.length > 0))];
}

/** The article as the tab's content script gives it, visible paragraphs only ('content/article'); null when it cannot. */
export type ReadVisibleArticle = (tabId: number) => Promise<ContentRequests['content/article']['res'] | null>;

export interface AnalysedPage extends ReadArticle {
  tabId: number;
  /** The page's address as the browser knows the sender's. */
  senderUrl: string;
  /** The background's own verdict on the article it analysed. */
  onTopic: boolean;
}

/**
 * What happens to an analysed page's article: kept (true), waiting for the reader's answer,
 * or nothing. Returns whether it is now in the corpus.
 */
export async function afterAnalysis(corpus: Corpus, settings: Settings, page: AnalysedPage, readVisible: ReadVisibleArticle, now = Date.now()): Promise<boolean> {
  await browser.storage.session.remove(waitingKey(page.tabId));
  if (!page.onTopic || !page.article.isArticle || settings.rememberReading === 'off') return false;
  if (settings.pausedSites.includes(siteOf(page.senderUrl))) return false;
  // A single-page app may name a new address within its own site, never another site's.
  const url = readingAddress(sameOrigin(page.url, page.senderUrl) ? page.url : page.senderUrl);
  if (!url) return false;
  if (settings.rememberReading === 'unasked') {
    await browser.storage.session.set({ [waitingKey(page.tabId)]: url });
    return false;
  }
  return keepVisibleArticle(corpus, page.tabId, url, readVisible, now);
}

/** Keeps what the tab shows at `url` now, read from its visible text; false when the tab moved on or shows nothing. */
async function keepVisibleArticle(corpus: Corpus, tabId: number, url: string, readVisible: ReadVisibleArticle, now: number): Promise<boolean> {
  const shown = await readVisible(tabId).catch(() => null);
  if (!shown || readingAddress(shown.url) !== url) return false;
  const report = makeReadingReport(
    { url, title: shown.title, text: shown.text, article: { ...shown.article, byline: shown.byline, siteName: shown.siteName, publishedTime: shown.publishedTime } },
    now,
  );
  return report !== null && (await corpus.remember(report)) !== 'kept-yours';
}

/**
 * The reader's answer (the sidebar's question, the popup's or options page's switch). Yes keeps
 * the article waiting for `tabId`, unless its site was paused meanwhile. Returns whether it did.
 */
export async function answerReading(corpus: Corpus, settings: Settings, tabId: number | null, readVisible: ReadVisibleArticle, now = Date.now()): Promise<boolean> {
  if (settings.rememberReading !== 'on') {
    await dropWaitingArticles();
    return false;
  }
  if (tabId === null) return false;
  const key = waitingKey(tabId);
  const waiting = (await browser.storage.session.get(key))[key];
  await browser.storage.session.remove(key);
  if (typeof waiting !== 'string' || settings.pausedSites.includes(siteOf(waiting))) return false;
  return keepVisibleArticle(corpus, tabId, waiting, readVisible, now);
}

/** The tab closed: its waiting article goes with it. */
export async function forgetWaitingArticle(tabId: number): Promise<void> {
  await browser.storage.session.remove(waitingKey(tabId));
}

async function dropWaitingArticles(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(WAITING_PREFIX));
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
