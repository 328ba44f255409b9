// Remembered reading at scale, in real Chromium through the extension's own paths: a profile
// holding 1,000 remembered articles, its database size, and how long the background takes
// to analyse the next article a reader opens (served from 127.0.0.1 in our own page layout,
// read by the real content script). Side by side in the same run: the same kind of article
// with only the seeds, and at 1,000 with the index warm.
//
// The 1,000 articles are written as rows of the shape Corpus.remember writes (origin
// 'reading', id from the address): reading 1,000 pages one by one would take hours, since
// each remembered article invalidates the search index (the cost measured below).

import type { Page, Worker } from 'playwright-core';
import { readingReportId } from '../lib/reading';
import { TAB_STATE_PREFIX } from '../lib/stored-tab-states';
import type { Report } from '../lib/types';
import { newsPage, readArticleFixture } from '../tests/e2e/news-pages';
import { startServer } from '../tests/e2e/server';
import { launchChromium } from './browser';
import { persistedIndexBytes } from './index-cache';
import { round } from './stats';
import { syntheticReports } from './synthetic-corpus';
import { request, waitForSeeds } from './extension-requests';

export const REMEMBERED_ARTICLES = 1_000;
/** Synthetic reports of 10 claim sentences joined into one article: about the sentences of a news article. */
const REPORTS_PER_ARTICLE = 3;
const FIXTURES = 'tests/fixtures/remembered';
const NEXT_ARTICLES = ['4-seoul-kursk-update.txt', '1-hur-kursk-arrivals.txt', '2-pentagon-kursk-count.txt', '3-kremlin-denies-kursk.txt'];
const EVENT_TIMEOUT_MS = 120_000;

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { session: { onChanged: { addListener(l: (changes: Record<string, { newValue?: unknown }>) => void): void } } };
};

export interface RememberedResult {
  articles: number;
  /** Mean characters of text per remembered article. */
  meanArticleChars: number;
  /** Growth of navigator.storage.estimate().usage from writing the 1,000 rows. */
  databaseBytes: number;
  /** The background's analysis of an article (status 'analyzing' to 'ready' in its tab state), seeds only, index warm. */
  seedsOnlyAnalysisMs: number;
  /** The first article after the 1,000: builds and persists the index over them, then matches. */
  firstAnalysisMs: number;
  /** The persisted index over the 1,000 and the seeds (its cache row, bench/index-cache.ts), after the three articles read. */
  indexCacheBytes: number;
  /** Each later article while remembering is on: the article before it joined the corpus, so the index is built again. Mean of two. */
  nextAnalysisRememberingMs: number;
  /** Keeping the article after its analysis (its tab 'ready' to 'remembered'): the report's write, with the index's extension that runs beside it. Mean of the three reads with remembering on. */
  rememberWriteMs: number;
  /** The same article again with remembering off: the index warm in memory, 1,000 remembered in it. */
  warmAnalysisMs: number;
  notes: string[];
}

/** 1,000 on-topic articles of about 30 claim sentences each, as remembered reading stores them. */
function rememberedRows(count: number): Report[] {
  const parts = syntheticReports(count * REPORTS_PER_ARTICLE * 10, 8080);
  const rows: Report[] = [];
  for (let i = 0; i < count; i++) {
    const group = parts.slice(i * REPORTS_PER_ARTICLE, (i + 1) * REPORTS_PER_ARTICLE);
    const url = `https://news${i % 40}.example.org/world/2024/story-${i}`;
    rows.push({ ...group[0]!, id: readingReportId(url), url, text: group.map((r) => r.text).join('\n\n'), origin: 'reading', addedAt: Date.UTC(2024, 11, 1) + i * 60_000 });
  }
  return rows;
}

export async function measureRemembered(extensionDir: string, opts: { quick?: boolean } = {}): Promise<RememberedResult> {
  const notes: string[] = [];
  const count = opts.quick ? REMEMBERED_ARTICLES / 10 : REMEMBERED_ARTICLES;
  if (opts.quick) notes.push(`--quick: ${count} remembered articles instead of ${REMEMBERED_ARTICLES}`);
  const server = await startServer();
  const browser = await launchChromium(extensionDir);
  try {
    NEXT_ARTICLES.forEach((file, i) => server.set(`/next/${i}`, newsPage('wire-story', readArticleFixture(`${FIXTURES}/${file}`), { siteName: `Bench Site ${i}`, published: '2024-11-06T09:00:00Z' })));
    const sw = await browser.serviceWorker();
    const options = await browser.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await waitForSeeds(options);
    await recordTabStates(options);
    await request(options, 'settings/set', { rememberReading: 'off' });

    // Seeds only: the article read twice, the second with the index warm.
    await read(browser.newPage, options, server.url('/next/0'), false);
    const seedsOnly = await read(browser.newPage, options, server.url('/next/0'), false);

    const rows = rememberedRows(count);
    const before = await usage(sw);
    await writeRows(sw, rows);
    const databaseBytes = (await usage(sw)) - before;
    // Rows written behind the background's back: a report added makes it drop its index (reports/add still does; deleting it then leaves no index to change).
    const probe = (await request(options, 'reports/add', { title: 'bench probe', text: 'North Korean troops in Russia: a probe.' })) as { id: string };
    await request(options, 'reports/delete', { id: probe.id });
    const stats = (await request(options, 'corpus/stats', null)) as { reports: number };
    if (stats.reports < count) notes.push(`only ${stats.reports} reports in the corpus, expected ${count}+`);

    await request(options, 'settings/set', { rememberReading: 'on' });
    const first = await read(browser.newPage, options, server.url('/next/1'), true);
    const second = await read(browser.newPage, options, server.url('/next/2'), true);
    const third = await read(browser.newPage, options, server.url('/next/3'), true);
    const indexCacheBytes = await persistedIndexBytes(sw, count + 3, 20_000);
    if (indexCacheBytes === null) notes.push('the persisted index did not hold the three articles read');

    await request(options, 'settings/set', { rememberReading: 'off' });
    await read(browser.newPage, options, server.url('/next/0'), false);
    const warm = await read(browser.newPage, options, server.url('/next/0'), false);

    return {
      articles: count,
      meanArticleChars: Math.round(rows.reduce((n, r) => n + r.text.length, 0) / rows.length),
      databaseBytes,
      seedsOnlyAnalysisMs: round(seedsOnly.analysisMs),
      firstAnalysisMs: round(first.analysisMs),
      indexCacheBytes: indexCacheBytes ?? 0,
      nextAnalysisRememberingMs: round((second.analysisMs + third.analysisMs) / 2),
      rememberWriteMs: round((first.rememberMs! + second.rememberMs! + third.rememberMs!) / 3),
      warmAnalysisMs: round(warm.analysisMs),
      notes,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The extension page keeps every change of a tab's state with its time, as the background writes it. */
async function recordTabStates(options: Page): Promise<void> {
  await options.evaluate((prefix) => {
    const events: { t: number; status: string; remembered: boolean }[] = [];
    (globalThis as unknown as { benchEvents: typeof events }).benchEvents = events;
    chrome.storage.session.onChanged.addListener((changes) => {
      for (const [key, change] of Object.entries(changes)) {
        const state = change.newValue as { status?: string; remembered?: boolean } | undefined;
        if (key.startsWith(prefix) && state?.status) events.push({ t: performance.now(), status: state.status, remembered: state.remembered === true });
      }
    });
  }, TAB_STATE_PREFIX);
}

/** Opens the article in a new tab; the analysis time is from 'analyzing' to 'ready', the keeping from 'ready' to 'remembered'. */
async function read(newPage: () => Promise<Page>, options: Page, url: string, remembering: boolean): Promise<{ analysisMs: number; rememberMs: number | null }> {
  await options.evaluate(() => ((globalThis as unknown as { benchEvents: unknown[] }).benchEvents.length = 0));
  const tab = await newPage();
  await tab.goto(url);
  await options.waitForFunction(
    (remembering) => {
      const events = (globalThis as unknown as { benchEvents: { status: string; remembered: boolean }[] }).benchEvents;
      return events.some((e) => e.status === 'ready' && (!remembering || e.remembered));
    },
    remembering,
    { timeout: EVENT_TIMEOUT_MS, polling: 20 },
  );
  const events = await options.evaluate(() => (globalThis as unknown as { benchEvents: { t: number; status: string; remembered: boolean }[] }).benchEvents);
  await tab.close();
  const ready = events.find((e) => e.status === 'ready')!;
  const analyzing = events.filter((e) => e.status === 'analyzing' && e.t <= ready.t).at(-1);
  if (!analyzing) throw new Error(`no 'analyzing' state before 'ready' for ${url}`);
  const kept = events.find((e) => e.remembered);
  return { analysisMs: ready.t - analyzing.t, rememberMs: remembering && kept ? kept.t - ready.t : null };
}

/** Writes the rows in one transaction of a second connection to the background's database. */
async function writeRows(sw: Worker, rows: Report[]): Promise<void> {
  await sw.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('crosscheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('reports', 'readwrite');
          for (const row of rows) tx.objectStore('reports').put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

async function usage(sw: Worker): Promise<number> {
  return sw.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}
