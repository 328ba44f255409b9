// What a content script may tell the background about its page, checked and cut before it is
// kept in the tab's state. The content script lives in the page's renderer: a compromised one
// can send anything, so nothing it sends is stored as sent. Every field is copied by name,
// of the right type, at a bounded length; an unknown status is refused.

import type { PageStatus } from './protocol';
import type { ArticleInfo, TopicResult } from './types';

/** Longest address kept (characters); browsers handle far longer, no article needs it. */
export const MAX_URL_CHARS = 2_048;
/** Longest note kept: one or two sentences for the popup. */
export const MAX_NOTE_CHARS = 500;
/** Topic evidence kept: the names that fired, most important first. */
export const MAX_EVIDENCE = 20;
const MAX_EVIDENCE_CHARS = 100;
const MAX_TOPIC_ID_CHARS = 100;

const STATUSES: ReadonlySet<PageStatus> = new Set(['waiting', 'not-article', 'off-topic', 'paused', 'analyzing', 'ready', 'error']);

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null;
}

/** An http(s) address, cut to MAX_URL_CHARS; anything else is no address (''). */
export function checkedUrl(value: unknown): string {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return '';
  return value.slice(0, MAX_URL_CHARS);
}

export function checkedArticle(value: unknown): ArticleInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  const words = typeof a.words === 'number' && Number.isFinite(a.words) ? Math.min(10_000_000, Math.max(0, Math.round(a.words))) : 0;
  return {
    isArticle: a.isArticle === true,
    title: text(a.title, 1_000),
    byline: text(a.byline, 300),
    siteName: text(a.siteName, 200),
    publishedTime: text(a.publishedTime, 40),
    words,
  };
}

export function checkedTopic(value: unknown): TopicResult | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  const score = typeof t.score === 'number' && Number.isFinite(t.score) ? Math.min(1, Math.max(0, t.score)) : 0;
  const evidence = Array.isArray(t.evidence)
    ? t.evidence.slice(0, MAX_EVIDENCE).filter((e): e is string => typeof e === 'string').map((e) => e.slice(0, MAX_EVIDENCE_CHARS))
    : [];
  return { id: text(t.id, MAX_TOPIC_ID_CHARS) ?? '', onTopic: t.onTopic === true, score, evidence };
}

/** The fields of a page snapshot that the tab's state keeps while the page is analysed. */
export function checkedSnapshotFields(snapshot: unknown): { url: string; article: ArticleInfo | null; topic: TopicResult | null } {
  const s = (typeof snapshot === 'object' && snapshot !== null ? snapshot : {}) as Record<string, unknown>;
  return { url: checkedUrl(s.url), article: checkedArticle(s.article), topic: checkedTopic(s.topic) };
}

export interface CheckedPageStatus {
  url: string;
  status: PageStatus;
  article: ArticleInfo | null;
  topic: TopicResult | null;
  note: string | null;
}

/** A 'page/status' request as the tab's state keeps it; throws on a status that is not one of ours. */
export function checkedPageStatus(request: unknown): CheckedPageStatus {
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (typeof r.status !== 'string' || !STATUSES.has(r.status as PageStatus)) throw new Error('Not a page status');
  return {
    url: checkedUrl(r.url),
    status: r.status as PageStatus,
    article: checkedArticle(r.article),
    topic: checkedTopic(r.topic),
    note: text(r.note, MAX_NOTE_CHARS),
  };
}
