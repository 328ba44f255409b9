// Imports and deletions through the background change the search index it holds in memory
// instead of dropping it: the next page is matched against the reports imported, and no
// longer against a report deleted, without every report being read again (a rebuild parses
// every report's text: ten seconds at 10,000 reports, bench storage.firstAnalysisAfterImportMs).
// Pages send 'page/analyze' as their content scripts do; the options page imports and deletes.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { askBackground, handleRequests } from '../../adapters/messaging';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { readingReportId } from '../../lib/reading';
import { REQUEST_SENDERS, type BackgroundRequests, type PageReport, type PageSnapshot, type Result } from '../../lib/protocol';
import { startBackground } from './helpers/background';
import { installChromeMessaging, type ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const FIXTURES = 'tests/fixtures/remembered';
const IMPORTED = ['1-hur-kursk-arrivals.txt', '2-pentagon-kursk-count.txt', '3-kremlin-denies-kursk.txt'];
const NEXT = '4-seoul-kursk-update.txt';
const PAGE_URL = 'https://news.example.org/seoul-kursk';

let db: CrosscheckDB;
let messaging: ChromeMessaging;

beforeEach(async () => {
  ({ messaging, db } = await startBackground('index-updates'));
});


function article(file: string): { title: string; text: string } {
  const [title = '', ...paragraphs] = readFileSync(`${FIXTURES}/${file}`, 'utf8').trim().split(/\n\s*\n/);
  return { title, text: paragraphs.join('\n\n') };
}

/** Our three articles as one export file, each at its own address. */
function importFile() {
  const reports = IMPORTED.map((file, i) => ({ ...article(file), outlet: `Wire ${i}`, date: '2024-11-06', url: `https://wire${i}.example.org/story` }));
  return { name: 'reports.json', text: JSON.stringify({ format: 'crosscheck-reports', version: 1, reports }) };
}

/** The next article as its page's content script sends it. */
function nextPage(): PageSnapshot {
  const { title, text } = article(NEXT);
  return {
    url: PAGE_URL, title, text,
    article: { isArticle: true, title, byline: null, siteName: 'Example News', publishedTime: '2024-11-07T09:00:00Z', words: 150 },
    topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
  };
}

async function analyzeNext(): Promise<PageReport> {
  return value((await messaging.sendFromTab(7, PAGE_URL, { crosscheck: 1, type: 'page/analyze', payload: nextPage() })) as Result<PageReport>);
}

/** What the reader sees of each claim: the reports listed beside it, their stance and reason, best first. */
const shown = (report: PageReport) => report.claims.map((c) => ({ claim: c.text, matches: c.matches.map((m) => [m.reportId, m.stance, m.why]) }));
const listedIds = (report: PageReport) => new Set(report.claims.flatMap((c) => c.matches.map((m) => m.reportId)));

/** The imported reports' ids, in the order of the file. */
async function importedIds(): Promise<string[]> {
  const listed = value(await askBackground('reports/list', null));
  return IMPORTED.map((_, i) => listed.find((r) => r.url === `https://wire${i}.example.org/story`)!.id);
}

/** The same page analysed by a background started afresh on the same database, whose index is built from every stored report. */
async function analysedAfresh(): Promise<PageReport> {
  await db.cache.clear();
  fakeBrowser.reset();
  messaging = installChromeMessaging();
  handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus: new Corpus(db, seedReports()), analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
  return analyzeNext();
}

describe('the index the background holds, through imports and deletions', () => {
  it('an import adds its reports to the index without reading every report again, and the next page is matched as by a fresh background', async () => {
    await analyzeNext(); // The index is in memory, as it is once a reader has opened an article.
    const rebuilds = vi.spyOn(db.reports, 'toArray');
    expect(value(await askBackground('reports/import', { files: [importFile()] })).added).toBe(3);
    const next = await analyzeNext();
    expect(rebuilds).not.toHaveBeenCalled();
    const ids = await importedIds();
    for (const id of ids) expect(listedIds(next)).toContain(id);
    rebuilds.mockRestore();
    expect(shown(next)).toEqual(shown(await analysedAfresh()));
  });

  it('an import into a background that holds no index yet (just started) builds it from the reports already there and adds the import to it', async () => {
    value(await askBackground('reports/import', { files: [importFile()] }));
    const rebuilds = vi.spyOn(db.reports, 'toArray');
    const next = await analyzeNext();
    expect(rebuilds).not.toHaveBeenCalled();
    for (const id of await importedIds()) expect(listedIds(next)).toContain(id);
  });

  it('a deleted report leaves the index without reading every report again: its matches are gone, the others stay', async () => {
    await analyzeNext();
    value(await askBackground('reports/import', { files: [importFile()] }));
    const [first, pentagon, kremlin] = (await importedIds()) as [string, string, string];
    // The report deleted is one the next article is matched with (it conflicts with the article's count).
    expect(listedIds(await analyzeNext())).toContain(pentagon);
    const rebuilds = vi.spyOn(db.reports, 'toArray');
    value(await askBackground('reports/delete', { id: pentagon }));
    const next = await analyzeNext();
    expect(rebuilds).not.toHaveBeenCalled();
    expect(listedIds(next)).not.toContain(pentagon);
    expect(listedIds(next)).toContain(first);
    expect(listedIds(next)).toContain(kremlin);
    rebuilds.mockRestore();
    expect(shown(next)).toEqual(shown(await analysedAfresh()));
  });

  it('removing every remembered article takes them all out of the index without reading every report again', async () => {
    value(await askBackground('reading/set', { remember: true }));
    const remembered: string[] = [];
    for (const [i, file] of IMPORTED.entries()) {
      const url = `https://site${i}.example.org/story`;
      const { title, text } = article(file);
      const page: PageSnapshot = { ...nextPage(), url, title, text };
      messaging.setTab(20 + i, (type) => (type === 'content/article' ? { ...page, byline: null, siteName: null, publishedTime: null } : null));
      value((await messaging.sendFromTab(20 + i, url, { crosscheck: 1, type: 'page/analyze', payload: page })) as Result<PageReport>);
      remembered.push(readingReportId(url));
    }
    const before = listedIds(await analyzeNext());
    expect(remembered.filter((id) => before.has(id)).length).toBeGreaterThan(0);
    const rebuilds = vi.spyOn(db.reports, 'toArray');
    expect(value(await askBackground('reading/forget-all', null))).toEqual({ removed: 3 });
    const next = await analyzeNext();
    expect(rebuilds).not.toHaveBeenCalled();
    for (const id of remembered) expect(listedIds(next)).not.toContain(id);
    rebuilds.mockRestore();
    expect(shown(next)).toEqual(shown(await analysedAfresh()));
  });

  it('the index grown by an import is persisted, so a restarted background reads it instead of every report', async () => {
    await analyzeNext();
    value(await askBackground('reports/import', { files: [importFile()] }));
    const ids = await importedIds();
    // Written a moment after the last change (PERSIST_AFTER_CHANGE_MS).
    await expect.poll(async () => ((await db.cache.get('corpus-index'))?.value as { reports?: { id: string }[] } | undefined)?.reports?.map((r) => r.id) ?? [], { timeout: 10_000 }).toEqual(expect.arrayContaining(ids));
    const rebuilds = vi.spyOn(db.reports, 'toArray');
    const restarted = await new Corpus(db, seedReports()).getIndex();
    expect(rebuilds).not.toHaveBeenCalled();
    expect(restarted.reports.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
  });

  it('a restarted background reads no seed report while the database holds them all, and installs them when it lacks them', async () => {
    await analyzeNext();
    const reports = vi.fn(seedReports);
    const shipped = { count: seedReports().length, reports };
    // The worker starts again for almost every page after a pause: it answers from the database.
    await new Corpus(db, shipped).getIndex();
    expect(reports).not.toHaveBeenCalled();
    // A database without them (a cleared profile): the seeds are read and installed.
    await db.reports.where('origin').equals('seed').delete();
    await new Corpus(db, shipped).getIndex();
    expect(reports).toHaveBeenCalled();
    expect(await db.reports.where('origin').equals('seed').count()).toBe(shipped.count);
  });

  it('a restarted background answers a page\'s settings, status, topic probe and claims without reading its index; matching the claims reads it', async () => {
    await analyzeNext();
    value(await askBackground('reports/import', { files: [importFile()] }));
    // The worker again, as the browser starts it for the next page after 30 s idle.
    fakeBrowser.reset();
    messaging = installChromeMessaging();
    const corpus = new Corpus(db, seedReports());
    const indexReads = vi.spyOn(corpus, 'getIndex');
    handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
    const fromPage = (type: string, payload: unknown) => messaging.sendFromTab(7, PAGE_URL, { crosscheck: 1, type, payload });
    const page = nextPage();

    // Most pages: their settings, then "off-topic".
    expect(value(await fromPage('page/settings', { url: PAGE_URL }) as Result<{ paused: boolean }>).paused).toBe(false);
    value(await fromPage('page/status', { url: PAGE_URL, status: 'off-topic', note: null }) as Result<null>);
    // A page on the topic: its prose probed, then its claims listed.
    expect(value(await fromPage('page/topic', { title: page.title, text: page.text }) as Result<{ worthReading: boolean }>).worthReading).toBe(true);
    const claims = value(await fromPage('page/claims', page) as Result<PageReport>);
    expect(claims.claims.length).toBeGreaterThan(2);
    expect(claims.corpusSize).toBeNull();
    expect(indexReads).not.toHaveBeenCalled();

    // Their matches need the corpus: the same as a background that never stopped.
    const matched = value(await fromPage('page/analyze', page) as Result<PageReport>);
    expect(indexReads).toHaveBeenCalled();
    expect(matched.claims.map((c) => c.text)).toEqual(claims.claims.map((c) => c.text));
    expect(matched.corpusSize).toBe(seedReports().length + IMPORTED.length);
    expect(shown(matched)).toEqual(shown(await analysedAfresh()));
  });

  // The count is the index's and the copy links are kept per index (neither is read from the
  // database again at every page): both must follow every change of the reports.
  it('each analysis says how many reports it was checked against, and which listed reports copy another, through an import and a deletion', async () => {
    const before = await analyzeNext();
    expect(before.corpusSize).toBe(seedReports().length);
    // The first imported article again at another address and outlet: a syndicated copy of it.
    const reports = [...IMPORTED, IMPORTED[0]!].map((file, i) => ({ ...article(file), outlet: `Wire ${i}`, date: '2024-11-06', url: `https://wire${i}.example.org/story` }));
    value(await askBackground('reports/import', { files: [{ name: 'reports.json', text: JSON.stringify({ format: 'crosscheck-reports', version: 1, reports }) }] }));
    const listed = value(await askBackground('reports/list', null));
    const original = listed.find((r) => r.url === 'https://wire0.example.org/story')!.id;
    const copy = listed.find((r) => r.url === 'https://wire3.example.org/story')!.id;
    const copyLinks = (report: PageReport) => new Set(report.claims.flatMap((c) => c.matches.filter((m) => m.reportId === copy).map((m) => m.copyOf ?? 'none')));

    const first = await analyzeNext();
    const again = await analyzeNext();
    for (const report of [first, again]) {
      expect(report.corpusSize).toBe(seedReports().length + 4);
      expect(listedIds(report)).toContain(copy);
      expect(copyLinks(report)).toEqual(new Set([original]));
    }
    const pentagon = (await importedIds())[1]!;
    value(await askBackground('reports/delete', { id: pentagon }));
    const after = await analyzeNext();
    expect(after.corpusSize).toBe(seedReports().length + 3);
    expect(copyLinks(after)).toEqual(new Set([original]));
    const afresh = await analysedAfresh();
    expect(afresh.corpusSize).toBe(after.corpusSize);
    expect(after.claims.map((c) => c.matches.map((m) => [m.reportId, m.copyOf ?? null]))).toEqual(afresh.claims.map((c) => c.matches.map((m) => [m.reportId, m.copyOf ?? null])));
  });
});
