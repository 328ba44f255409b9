// Remembered reading in the background. After each analysis of a page, the background alone
// decides whether its article joins the corpus: only when the reader said yes, the page is
// an on-topic article by the background's own verdict, and its site is not paused. The
// content script only sends its page for analysis, as it always did; it has no request that
// stores a report, and the address kept is its page's as the browser reports it.
//
// Until the reader answers the question, the article of each tab waits in storage.session
// (extension-only, gone when the browser closes), so that "yes" keeps the article the reader
// was reading when asked; "no" drops every waiting article.

import { browser } from 'wxt/browser';
import { siteOf } from '../../lib/site';
import { makeReadingReport, readingAddress, sameOrigin, type ReadArticle } from '../../lib/reading';
import type { Settings } from '../../lib/protocol';
import type { Report } from '../../lib/types';
import type { Corpus } from './corpus';

const WAITING_PREFIX = 'reading:';
const waitingKey = (tabId: number) => `${WAITING_PREFIX}${tabId}`;

/** The addresses under which a page's article may already be in the corpus: the page must not be matched against them. */
export function ownAddresses(senderUrl: string, pageUrl: string): string[] {
  const candidates = [senderUrl, readingAddress(senderUrl), pageUrl, readingAddress(pageUrl)];
  return [...new Set(candidates.filter((u): u is string => typeof u === 'string' && u.length > 0))];
}

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
export async function afterAnalysis(corpus: Corpus, settings: Settings, page: AnalysedPage, now = Date.now()): Promise<boolean> {
  await browser.storage.session.remove(waitingKey(page.tabId));
  if (!page.onTopic || !page.article.isArticle || settings.rememberReading === 'off') return false;
  if (settings.pausedSites.includes(siteOf(page.senderUrl))) return false;
  // A single-page app may name a new address within its own site, never another site's.
  const url = sameOrigin(page.url, page.senderUrl) ? page.url : page.senderUrl;
  const report = makeReadingReport({ ...page, url }, now);
  if (!report) return false;
  if (settings.rememberReading === 'unasked') {
    await browser.storage.session.set({ [waitingKey(page.tabId)]: report });
    return false;
  }
  return (await corpus.remember(report)) !== 'kept-yours';
}

/**
 * The reader's answer (the sidebar's question, the popup's or options page's switch). Yes keeps
 * the article waiting for `tabId`, unless its site was paused meanwhile. Returns whether it did.
 */
export async function answerReading(corpus: Corpus, settings: Settings, tabId: number | null): Promise<boolean> {
  if (settings.rememberReading !== 'on') {
    await dropWaitingArticles();
    return false;
  }
  if (tabId === null) return false;
  const key = waitingKey(tabId);
  const waiting = (await browser.storage.session.get(key))[key] as Report | undefined;
  await browser.storage.session.remove(key);
  if (!waiting?.url || settings.pausedSites.includes(siteOf(waiting.url))) return false;
  return (await corpus.remember(waiting)) !== 'kept-yours';
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
