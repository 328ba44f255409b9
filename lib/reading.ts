// Remembered reading: with the reader's consent, each on-topic article they read joins the
// corpus as a report, so later articles are checked against it. This module decides what
// such a report holds; the background decides when one is kept (entrypoints/background/reading.ts).

import { MAX_REPORT_CHARS, userReportId } from './report-import';
import { siteOf } from './site';
import type { ArticleInfo, Report } from './types';

/** The reader's answer: not asked yet, yes (keep on-topic articles), or no. */
export type RememberReading = 'unasked' | 'on' | 'off';

/** Remembered articles' ids start with this, so a listed match tells it comes from the reader's own reading. */
export const READING_ID_PREFIX = 'reading_';

/**
 * The address an article is remembered under: the page's address without its #fragment (a
 * link to a paragraph is the same article). The query stays: many sites name the article there.
 */
export function readingAddress(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  return parsed.href;
}

/** One id per address: reading the same article again updates its report instead of adding a second. */
export function readingReportId(address: string): string {
  return READING_ID_PREFIX + userReportId(address).slice('user_'.length);
}

export function isFromReading(reportId: string): boolean {
  return reportId.startsWith(READING_ID_PREFIX);
}

export interface ReadArticle {
  /** The page's address as the browser reported the sender's (never a page's own claim). */
  url: string;
  title: string | null;
  /** The article's text as the content script extracted it from what the page shows. */
  text: string;
  article: ArticleInfo;
}

/** The report a read article becomes, or null when there is nothing to keep (no address, no text). */
export function makeReadingReport(read: ReadArticle, now: number): Report | null {
  const address = readingAddress(read.url);
  const text = read.text.replace(/\r\n?/g, '\n').trim().slice(0, MAX_REPORT_CHARS);
  if (!address || !/[\p{L}\p{N}]/u.test(text)) return null;
  const title = (read.title ?? read.article.title)?.trim().slice(0, 500) || null;
  const date = read.article.publishedTime && /^\d{4}-\d{2}-\d{2}/.test(read.article.publishedTime) ? read.article.publishedTime.slice(0, 10) : null;
  return {
    id: readingReportId(address),
    title,
    outlet: read.article.siteName?.trim().slice(0, 200) || siteOf(address),
    date,
    author: read.article.byline?.trim().slice(0, 300) || null,
    url: address,
    text,
    origin: 'reading',
    addedAt: now,
  };
}

/** A page may only speak for its own site: the article's address must share the sender's origin (a single-page app moves within it). */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
