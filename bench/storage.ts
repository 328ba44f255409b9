// The corpus in IndexedDB, in real Chromium, through the extension's own code paths:
// the seed install the background runs when the seeds are missing, and the reader's
// import of a 10,000-report export file. Sizes come from navigator.storage.estimate()
// in the extension's origin, where the database lives.

import type { Page, Worker } from 'playwright-core';
import { exportReportsJson } from '../lib/report-import';
import { launchChromium } from './browser';
import { measureRemembered, type RememberedResult } from './remembered';
import { syntheticReports, CLAIMS_PER_REPORT } from './synthetic-corpus';
import { summarize, round, type Summary } from './stats';
import { request, waitForSeeds } from './extension-requests';

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
  corpus10kReports: number;
  corpus10kClaims: number;
  /** JSON export file of the 10,000 reports, bytes. */
  corpus10kFileBytes: number;
  /** 'reports/import' of that file: parse, validate, bulkPut in one transaction, cache cleared. */
  corpus10kInstallMs: number;
  /** Growth of navigator.storage.estimate().usage in the extension's origin. */
  corpus10kBytes: number;
  /** The background's first page analysis after the import: index build over 10,000 reports + persist + match. */
  firstAnalysisAfterImportMs: number | null;
  /** The next analysis of the same article, index warm in memory. */
  warmAnalysisMs: number | null;
  /** Growth of storage usage by the first analysis: the search index the background persists (its cache table). */
  indexCacheBytes: number | null;
  /** Remembered reading: 1,000 articles kept, their size and the next article's analysis (bench/remembered.ts), in a browser of its own. */
  remembered1000: RememberedResult | null;
  notes: string[];
}

export async function measureStorage(extensionDir: string, opts: { quick?: boolean; article?: { title: string; text: string } } = {}): Promise<StorageResult> {
  const notes: string[] = [];
  const browser = await launchChromium(extensionDir);
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
    const file = exportReportsJson(reports, Date.UTC(2024, 11, 1));
    const before = await usage(sw);
    const importMs = await timeRequest(page, 'reports/import', { files: [{ name: 'bench-corpus.json', text: file }] });
    const stats = (await request(page, 'corpus/stats', null)) as { reports: number };
    if (stats.reports < reportsCount) notes.push(`import stored ${stats.reports} reports, expected ${reportsCount}+`);
    const after = await usage(sw);
    if (opts.quick) notes.push(`--quick: ${reportsCount} reports imported instead of ${IMPORT_REPORTS}`);

    let firstAnalysis: number | null = null;
    let warmAnalysis: number | null = null;
    let indexCacheBytes: number | null = null;
    if (opts.article) {
      const snapshot = {
        url: 'http://127.0.0.1/bench-article', title: opts.article.title, text: opts.article.text,
        article: { isArticle: true, title: opts.article.title, byline: null, siteName: null, publishedTime: null, words: opts.article.text.split(/\s+/).length },
        topic: { id: 'dprk-troops-russia', onTopic: true, score: 1, evidence: [] },
      };
      try {
        firstAnalysis = await timeRequest(page, 'page/analyze', snapshot);
        indexCacheBytes = (await usage(sw)) - after;
        warmAnalysis = await timeRequest(page, 'page/analyze', snapshot);
      } catch (error) {
        notes.push(`page/analyze failed: ${(error as Error).message}`);
      }
    }
    return {
      seedInstallMs: summarize(seedTimes).median,
      seedInstall: summarize(seedTimes),
      seedCheckMs: summarize(checkTimes).median,
      corpus10kReports: reportsCount,
      corpus10kClaims: reportsCount * CLAIMS_PER_REPORT,
      corpus10kFileBytes: Buffer.byteLength(file),
      corpus10kInstallMs: round(importMs),
      corpus10kBytes: after - before,
      firstAnalysisAfterImportMs: firstAnalysis === null ? null : round(firstAnalysis),
      warmAnalysisMs: warmAnalysis === null ? null : round(warmAnalysis),
      indexCacheBytes,
      remembered1000: await measureRemembered(extensionDir, { quick: opts.quick }).catch((error: unknown) => {
        notes.push(`remembered reading: ${(error as Error).message}`);
        return null;
      }),
      notes,
    };
  } finally {
    await browser.close();
  }
}

/** Sends one request from the extension page and returns its value (throws on an error Result). */

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
