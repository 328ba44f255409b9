// The corpus in IndexedDB, in real Chromium, through the extension's own code paths:
// the seed install the background runs when the seeds are missing, and the reader's
// import of 10,000 reports (as export files of at most MAX_IMPORT_REPORTS each, the most
// one import takes). Sizes come from navigator.storage.estimate() in the extension's
// origin, where the database lives. The analyses after the import are asked from the
// content script of a served page, the only sender the background answers `page/analyze` for.

import type { Page, Worker } from 'playwright-core';
import { exportReportsJson, MAX_IMPORT_REPORTS } from '../lib/report-import';
import { startServer } from '../tests/e2e/server';
import { launchChromium, workerStopper, type BenchBrowser } from './browser';
import { persistedIndexBytes } from './index-cache';
import { measureRemembered, type RememberedResult } from './remembered';
import { syntheticReports, CLAIMS_PER_REPORT } from './synthetic-corpus';
import { summarize, round, type Summary } from './stats';
import { contentScriptSender, request, waitForSeeds, type ContentScriptSender } from './extension-requests';

/** Reports in the large import, as issue 6 fixes it. */
export const IMPORT_REPORTS = 10_000;
/** Seed installs timed (the first one opens the database and is kept apart). */
const SEED_REPEATS = 5;
const DB = 'crosscheck';
const REPORTS_STORE = 'reports';

export interface StorageResult {
  /** Median time of the background's seed install (ensureSeeds → installSeedReports), message round trip included. */
  seedInstallMs: number;
  seedInstall: Summary;
  /** The same request when the seeds are present: the messaging cost inside seedInstallMs. */
  seedCheckMs: number;
  /** Reports imported (10,000; 1,000 with --quick). */
  corpus10kReports: number;
  /** Reports in the corpus after the import, seeds included: what the background stored. */
  corpus10kStored: number;
  corpus10kClaims: number;
  /** The export files of the 10,000 reports, bytes together. */
  corpus10kFileBytes: number;
  /** 'reports/import' requests it took (one per file of at most MAX_IMPORT_REPORTS reports). */
  corpus10kImports: number;
  /** The imports one after another, summed: parse, validate, sign and link, store, and bring the search index up to date. */
  corpus10kInstallMs: number;
  /** Growth of navigator.storage.estimate().usage in the extension's origin over the imports (with the index, where the imports persist it). */
  corpus10kBytes: number;
  /** The background's first page analysis after the import (on the base: index build over 10,000 reports + persist + match). */
  firstAnalysisAfterImportMs: number | null;
  /** The next analysis of the same article, index warm in memory (right after the first: the background may still be writing the index to IndexedDB, which it does 2 s after the last import). */
  warmAnalysisMs: number | null;
  /** The same analysis once that write is done (median of SETTLED_ANALYSES): the analysis alone, with nothing else in the worker. */
  settledAnalysisMs: number | null;
  /**
   * With the 10,000 reports, the worker stopped before each request (as the browser stops it
   * after 30 s idle; COLD_WORKER_REQUESTS of each): a page's settings (what every page asks
   * first), the article's claims ('page/claims', what the sidebar lists first) and its
   * matches ('page/analyze').
   */
  coldWorkerSettingsMs: Summary | null;
  coldWorkerClaimsMs: Summary | null;
  coldWorkerAnalysisMs: Summary | null;
  /** The search index the background persisted after the import (its cache row, bench/index-cache.ts), once it holds every report. */
  indexCacheBytes: number | null;
  /** Remembered reading: 1,000 articles kept, their size and the next article's analysis (bench/remembered.ts), in a browser of its own. */
  remembered1000: RememberedResult | null;
  notes: string[];
}

export async function measureStorage(extensionDir: string, opts: { quick?: boolean; article?: { title: string; text: string } } = {}): Promise<StorageResult> {
  const notes: string[] = [];
  const browser = await launchChromium(extensionDir);
  const server = await startServer();
  try {
    const sw = await browser.serviceWorker();
    const page = await browser.newPage();
    // An extension page is a tab of the extension's origin: it talks to the background like the popup does.
    await page.goto(browser.extensionUrl('popup.html'));
    await waitForSeeds(page);

    const seedTimes: number[] = [];
    const checkTimes: number[] = [];
    const repeats = opts.quick ? 2 : SEED_REPEATS;
    for (let i = 0; i < repeats; i++) {
      await deleteSeeds(sw);
      seedTimes.push(await timeRequest(page, 'corpus/stats', null));
      checkTimes.push(await timeRequest(page, 'corpus/stats', null));
    }

    const reportsCount = opts.quick ? IMPORT_REPORTS / 10 : IMPORT_REPORTS;
    const reports = syntheticReports(reportsCount * CLAIMS_PER_REPORT, 4242);
    const files: string[] = [];
    for (let i = 0; i < reports.length; i += MAX_IMPORT_REPORTS) files.push(exportReportsJson(reports.slice(i, i + MAX_IMPORT_REPORTS), Date.UTC(2024, 11, 1)));
    const before = await usage(sw);
    let importMs = 0;
    for (const [i, file] of files.entries()) importMs += await timeRequest(page, 'reports/import', { files: [{ name: `bench-corpus-${i + 1}.json`, text: file }] });
    const stats = (await request(page, 'corpus/stats', null)) as { reports: number; added: number };
    if (stats.added !== reportsCount) notes.push(`import stored ${stats.added} reports, expected ${reportsCount}`);
    const after = await usage(sw);
    if (opts.quick) notes.push(`--quick: ${reportsCount} reports imported instead of ${IMPORT_REPORTS}`);

    let firstAnalysis: number | null = null;
    let warmAnalysis: number | null = null;
    let settledAnalysis: number | null = null;
    let indexCacheBytes: number | null = null;
    let cold: ColdWorkerTimes = { settings: null, claims: null, analysis: null };
    if (opts.article) {
      // An off-topic page of our own: its content script stops at the quick check, so the only analyses are the two asked below.
      server.set('/host', '<!doctype html><html lang="en"><head><title>Garden notes</title></head><body><p>Tomatoes like sun.</p></body></html>');
      const host = await browser.newPage();
      await host.goto(server.url('/host'));
      const snapshot = {
        url: server.url('/host'), title: opts.article.title, text: opts.article.text,
        article: { isArticle: true, title: opts.article.title, byline: null, siteName: null, publishedTime: null, words: opts.article.text.split(/\s+/).length },
        topic: { id: 'dprk-troops-russia', onTopic: true, score: 1, evidence: [] },
      };
      const content = await contentScriptSender(browser.context, host, browser.extensionId);
      try {
        firstAnalysis = (await content.timed('page/analyze', snapshot)).ms;
        warmAnalysis = (await content.timed('page/analyze', snapshot)).ms;
        indexCacheBytes = await persistedIndexBytes(sw, stats.reports, PERSIST_TIMEOUT_MS);
        if (indexCacheBytes === null) notes.push(`the search index over ${stats.reports} reports was not persisted within ${PERSIST_TIMEOUT_MS / 1000} s`);
        else {
          const settled: number[] = [];
          for (let i = 0; i < SETTLED_ANALYSES; i++) settled.push((await content.timed('page/analyze', snapshot)).ms);
          settledAnalysis = summarize(settled).median;
          cold = await coldWorkerTimes(browser, content, snapshot, opts.quick ? 1 : COLD_WORKER_REQUESTS);
        }
      } catch (error) {
        notes.push(`page/analyze failed: ${(error as Error).message}`);
      } finally {
        await content.close();
      }
    }
    return {
      seedInstallMs: summarize(seedTimes).median,
      seedInstall: summarize(seedTimes),
      seedCheckMs: summarize(checkTimes).median,
      corpus10kReports: reportsCount,
      corpus10kStored: stats.reports,
      corpus10kClaims: reportsCount * CLAIMS_PER_REPORT,
      corpus10kFileBytes: files.reduce((n, f) => n + Buffer.byteLength(f), 0),
      corpus10kImports: files.length,
      corpus10kInstallMs: round(importMs),
      corpus10kBytes: after - before,
      firstAnalysisAfterImportMs: firstAnalysis === null ? null : round(firstAnalysis),
      warmAnalysisMs: warmAnalysis === null ? null : round(warmAnalysis),
      settledAnalysisMs: settledAnalysis === null ? null : round(settledAnalysis),
      coldWorkerSettingsMs: cold.settings,
      coldWorkerClaimsMs: cold.claims,
      coldWorkerAnalysisMs: cold.analysis,
      indexCacheBytes,
      remembered1000: await measureRemembered(extensionDir, { quick: opts.quick }).catch((error: unknown) => {
        notes.push(`remembered reading: ${(error as Error).message}`);
        return null;
      }),
      notes,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Requests of each kind timed with the worker stopped first (coldWorker*Ms). */
const COLD_WORKER_REQUESTS = 5;

interface ColdWorkerTimes {
  settings: Summary | null;
  claims: Summary | null;
  analysis: Summary | null;
}

/** Each request asked of a worker stopped just before (null where the worker would not stop). */
async function coldWorkerTimes(browser: BenchBrowser, content: ContentScriptSender, snapshot: { url: string }, repeats: number): Promise<ColdWorkerTimes> {
  const stopper = await workerStopper(browser);
  try {
    const timed = async (type: string, payload: unknown): Promise<Summary | null> => {
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        if (!(await stopper.stop())) return null;
        times.push((await content.timed(type, payload)).ms);
      }
      return summarize(times);
    };
    const settings = await timed('page/settings', { url: snapshot.url });
    const claims = await timed('page/claims', snapshot);
    const analysis = await timed('page/analyze', snapshot);
    return { settings, claims, analysis };
  } finally {
    await stopper.close();
  }
}

/** How long the background may take to persist its index after the import. */
const PERSIST_TIMEOUT_MS = 120_000;
/** Analyses timed once the index is persisted; their median is `settledAnalysisMs`. */
const SETTLED_ANALYSES = 3;

/** Wall time of one request, measured inside the page so the CDP round trip is not counted. */
async function timeRequest(page: Page, type: string, payload: unknown): Promise<number> {
  const { ms, reply } = await page.evaluate(async ([type, payload]) => {
    const t0 = performance.now();
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage({ crosscheck: 1, type, payload })) as { ok: boolean; error?: string };
    return { ms: performance.now() - t0, reply };
  }, [type, payload] as const);
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return ms;
}


/** Removes the seed rows behind Dexie's back (a second connection), so the next request reinstalls them. */
async function deleteSeeds(sw: Worker): Promise<void> {
  await sw.evaluate(
    ([dbName, store]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          const cursor = os.index('origin').openCursor(IDBKeyRange.only('seed'));
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (c) {
              c.delete();
              c.continue();
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [DB, REPORTS_STORE] as const,
  );
}

async function usage(sw: Worker): Promise<number> {
  return sw.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}
