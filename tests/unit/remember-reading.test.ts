// Remembered reading through the background's real handlers (fake browser, Dexie on
// fake-indexeddb): pages send 'page/analyze' as their content scripts do, the sidebar and
// options page answer with 'reading/set'. What is kept is read back from the database.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { askBackground, broadcast, handleRequests } from '../../adapters/messaging';
import { resetPrivateDbForTests } from '../../adapters/private-db';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { readingReportId } from '../../lib/reading';
import { REQUEST_SENDERS, type BackgroundRequests, type PageReport, type PageSnapshot, type Result, type TabState } from '../../lib/protocol';
import type { Report } from '../../lib/types';
import { installChromeMessaging, type ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const FIXTURES = 'tests/fixtures/remembered';
const FILES = ['1-hur-kursk-arrivals.txt', '2-pentagon-kursk-count.txt', '3-kremlin-denies-kursk.txt', '4-seoul-kursk-update.txt'];
const OFF_TOPIC = readFileSync('tests/fixtures/topic/off-icbm-launch.txt', 'utf8');

let db: CrosscheckDB;
let messaging: ChromeMessaging;
let dbCount = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  await resetPrivateDbForTests();
  messaging = installChromeMessaging();
  db = new CrosscheckDB(`remember-reading-${++dbCount}`);
  const corpus = new Corpus(db, seedReports(), () => broadcast('corpus/changed', null));
  handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
  await corpus.installSeeds();
});


/** One of our articles as its page's content script sends it. */
function snapshot(file: string, url: string, extra: Partial<PageSnapshot['article']> = {}): PageSnapshot {
  const [title = '', ...paragraphs] = readFileSync(`${FIXTURES}/${file}`, 'utf8').trim().split(/\n\s*\n/);
  return {
    url,
    title,
    text: paragraphs.join('\n\n'),
    article: { isArticle: true, title, byline: 'A. Writer', siteName: 'Example Wire', publishedTime: '2024-11-06T09:00:00Z', words: 150, ...extra },
    topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
  };
}

/**
 * Sent from tab `tabId` whose page is at `pageUrl` as the browser reports it. The tab's content
 * script then answers 'content/article' with what the page shows (`shown`: its visible text
 * and its own address, by default those of the snapshot).
 */
function analyze(tabId: number, pageUrl: string, page: PageSnapshot, shown: { url?: string; text?: string } = {}) {
  messaging.setTab(tabId, (type) =>
    type === 'content/article'
      ? { ...page, url: shown.url ?? page.url, text: shown.text ?? page.text, byline: page.article.byline, siteName: page.article.siteName, publishedTime: page.article.publishedTime }
      : null,
  );
  return messaging.sendFromTab(tabId, pageUrl, { crosscheck: 1, type: 'page/analyze', payload: page }) as Promise<Result<PageReport>>;
}
const fromTab = (tabId: number, pageUrl: string, type: string, payload: unknown) =>
  messaging.sendFromTab(tabId, pageUrl, { crosscheck: 1, type, payload }) as Promise<Result<unknown>>;
const kept = () => db.reports.where('origin').equals('reading').toArray();
const tabState = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabState;
const listedIds = (report: PageReport) => new Set(report.claims.flatMap((c) => c.matches.map((m) => m.reportId)));
const URL_1 = 'https://wire.example.net/world/hur-kursk';

describe('remembered reading in the background', () => {
  it('keeps nothing until the reader answers; "yes" keeps the article of the sidebar’s tab, with its title, outlet, site, date and text', async () => {
    expect(value(await askBackground('settings/get', null)).rememberReading).toBe('unasked');
    value(await analyze(3, URL_1, snapshot(FILES[0]!, URL_1)));
    expect(await kept()).toEqual([]);

    const answer = value(await askBackground('reading/set', { remember: true, tabId: 3 }));
    expect(answer).toMatchObject({ settings: { rememberReading: 'on' }, kept: true });
    const [report] = await kept();
    expect(report).toMatchObject({
      id: readingReportId(URL_1),
      origin: 'reading',
      url: URL_1,
      title: 'Ukraine says 7,000 North Korean soldiers have reached Kursk',
      outlet: 'Example Wire',
      author: 'A. Writer',
      date: '2024-11-06',
    });
    expect(report!.text).toContain('7,000 North Korean soldiers had reached the Kursk region');
    expect((await tabState(3)).remembered).toBe(true);
  });

  it('"no" keeps nothing, drops the article waiting for the answer, and nothing read afterwards is kept', async () => {
    value(await analyze(3, URL_1, snapshot(FILES[0]!, URL_1)));
    expect(value(await askBackground('reading/set', { remember: false, tabId: 3 }))).toMatchObject({ settings: { rememberReading: 'off' }, kept: false });
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('reading:'))).toEqual([]);
    value(await analyze(4, 'https://capital.example.com/kursk', snapshot(FILES[1]!, 'https://capital.example.com/kursk')));
    expect(await kept()).toEqual([]);
    // Turning it on later (the options page names no tab) keeps what is read from then on.
    value(await askBackground('reading/set', { remember: true }));
    expect(await kept()).toEqual([]);
    value(await analyze(4, 'https://capital.example.com/kursk', snapshot(FILES[1]!, 'https://capital.example.com/kursk')));
    expect((await kept()).map((r) => r.url)).toEqual(['https://capital.example.com/kursk']);
  });

  it('three articles read, the fourth lists them; an article is never matched against itself, and reading it again updates it', async () => {
    value(await askBackground('reading/set', { remember: true }));
    const urls = FILES.map((_, i) => `https://site${i}.example.org/story#top`);
    for (const [i, file] of FILES.slice(0, 3).entries()) value(await analyze(10 + i, urls[i]!, snapshot(file, urls[i]!)));
    const ids = urls.slice(0, 3).map((u) => readingReportId(u.replace('#top', '')));
    expect((await kept()).map((r) => r.id).sort()).toEqual([...ids].sort());

    const fourth = value(await analyze(13, urls[3]!, snapshot(FILES[3]!, urls[3]!)));
    const listed = listedIds(fourth);
    for (const id of ids) expect(listed).toContain(id);
    const decisive = fourth.claims.flatMap((c) => c.matches).filter((m) => ids.includes(m.reportId) && m.stance !== 'related');
    expect(new Set(decisive.map((m) => m.reportId)).size).toBeGreaterThanOrEqual(2);

    // The fourth page read again (its #fragment changed): not its own corroboration, one report, first-read time kept.
    const fourthId = readingReportId('https://site3.example.org/story');
    const first = (await db.reports.get(fourthId))!;
    const edited = snapshot(FILES[3]!, 'https://site3.example.org/story#comments');
    edited.text += '\n\nThe spy agency added that more troops were expected in December.';
    const again = value(await analyze(13, 'https://site3.example.org/story#comments', edited));
    expect(listedIds(again)).not.toContain(fourthId);
    expect(await kept()).toHaveLength(4);
    const updated = (await db.reports.get(fourthId))!;
    expect(updated.text).toContain('more troops were expected in December');
    expect(updated.addedAt).toBe(first.addedAt);
    // The same article seen from another address is matched against it like any report.
    expect(listedIds(value(await analyze(14, 'https://elsewhere.example/copy', snapshot(FILES[3]!, 'https://elsewhere.example/copy'))))).toContain(fourthId);
  });

  it('a remembered article joins the index in memory and in its persisted copy, so a restarted background does not read every report again', async () => {
    value(await askBackground('reading/set', { remember: true }));
    value(await analyze(3, URL_1, snapshot(FILES[0]!, URL_1)));
    const id = readingReportId(URL_1);
    // The copy a restarted service worker reads (written a moment later: PERSIST_AFTER_CHANGE_MS).
    await expect.poll(async () => ((await db.cache.get('corpus-index'))?.value as { reports?: { id: string }[] } | undefined)?.reports?.map((r) => r.id) ?? [], { timeout: 10_000 }).toContain(id);
    const restarted = new Corpus(db, seedReports());
    expect((await restarted.getIndex()).reports.map((r) => r.id)).toContain(id);
    // A change of another kind still clears it.
    value(await askBackground('reports/add', { title: 'Mine', text: 'Ukraine said 7,000 North Korean soldiers had reached Kursk.' }));
    expect(await db.cache.get('corpus-index')).toBeUndefined();
  });

  it('keeps the address the browser reports for the page, never one the page names on another site', async () => {
    value(await askBackground('reading/set', { remember: true }));
    value(await analyze(5, 'https://news.example.org/a', snapshot(FILES[0]!, 'https://victim.example.com/planted'), { url: 'https://news.example.org/a' }));
    expect((await kept()).map((r) => r.url)).toEqual(['https://news.example.org/a']);
    // Within its own site a single-page app's new address is kept.
    value(await analyze(5, 'https://news.example.org/a', snapshot(FILES[1]!, 'https://news.example.org/b')));
    expect((await kept()).map((r) => r.url).sort()).toEqual(['https://news.example.org/a', 'https://news.example.org/b']);
  });

  it('keeps the text the page shows, as the content script reads it for “Add this article”, never the hidden rest of the extraction', async () => {
    value(await askBackground('reading/set', { remember: true }));
    const page = snapshot(FILES[0]!, URL_1);
    const visible = page.text.split('\n\n').slice(0, 2).join('\n\n');
    value(await analyze(3, URL_1, page, { text: visible }));
    expect((await kept()).map((r) => r.text)).toEqual([visible]);
    // The tab moved on to another article before it answered: nothing is kept.
    value(await analyze(4, 'https://news.example.org/x', snapshot(FILES[1]!, 'https://news.example.org/x'), { url: 'https://news.example.org/y' }));
    expect(await kept()).toHaveLength(1);
  });

  it('a content script cannot answer for the reader nor remove what is kept', async () => {
    expect(await fromTab(5, 'https://news.example.org/a', 'reading/set', { remember: true })).toMatchObject({ ok: false });
    expect(value(await askBackground('settings/get', null)).rememberReading).toBe('unasked');
    value(await askBackground('reading/set', { remember: true }));
    value(await analyze(5, URL_1, snapshot(FILES[0]!, URL_1)));
    expect(await fromTab(5, URL_1, 'reading/forget-all', null)).toMatchObject({ ok: false });
    expect(await kept()).toHaveLength(1);
  });

  it('never keeps a paused site’s article, an off-topic page, or a page that is not an article', async () => {
    value(await askBackground('settings/set', { pausedSites: ['paused.example'] }));
    value(await askBackground('reading/set', { remember: true }));
    value(await analyze(6, 'https://www.paused.example/kursk', snapshot(FILES[0]!, 'https://www.paused.example/kursk')));
    const [title = '', ...rest] = OFF_TOPIC.trim().split(/\n\s*\n/);
    value(await analyze(7, 'https://news.example.org/icbm', { ...snapshot(FILES[0]!, 'https://news.example.org/icbm'), title, text: rest.join('\n\n') }));
    value(await analyze(8, 'https://news.example.org/list', snapshot(FILES[1]!, 'https://news.example.org/list', { isArticle: false })));
    expect(await kept()).toEqual([]);

    // Paused after it was read, before the reader said yes: not kept either.
    value(await askBackground('reading/set', { remember: false }));
    value(await askBackground('settings/set', { rememberReading: 'unasked' }));
    value(await analyze(9, 'https://later.example/kursk', snapshot(FILES[2]!, 'https://later.example/kursk')));
    value(await askBackground('settings/set', { pausedSites: ['paused.example', 'later.example'] }));
    value(await askBackground('reading/set', { remember: true, tabId: 9 }));
    expect(await kept()).toEqual([]);
  });

  it('a report the reader added at that address is not kept a second time; removing all keeps the reader’s own and the seeds', async () => {
    value(await askBackground('reading/set', { remember: true }));
    const mine: Report = value(await askBackground('reports/add', { title: 'Mine', text: 'Ukraine said 7,000 North Korean soldiers had reached Kursk.', url: URL_1 }));
    value(await analyze(3, URL_1, snapshot(FILES[0]!, URL_1)));
    expect(await kept()).toEqual([]);
    for (const [i, file] of FILES.slice(1).entries()) value(await analyze(20 + i, `https://s${i}.example/x`, snapshot(file, `https://s${i}.example/x`)));
    expect(await kept()).toHaveLength(3);
    // One by one, as the options page deletes a report.
    value(await askBackground('reports/delete', { id: readingReportId('https://s0.example/x') }));
    expect(await kept()).toHaveLength(2);
    expect(value(await askBackground('reading/forget-all', null))).toEqual({ removed: 2 });
    expect(await kept()).toEqual([]);
    expect(await db.reports.get(mine.id)).toBeDefined();
    expect(await db.reports.where('origin').equals('seed').count()).toBe(seedReports().length);
  });

  it('a remembered copy of a wire story already in the corpus is linked to it, one voice rather than two', async () => {
    value(await askBackground('reading/set', { remember: true }));
    const page = snapshot(FILES[0]!, URL_1);
    // The reader added the wire's own copy earlier, under another headline and address.
    const wire: Report = value(await askBackground('reports/add', { title: 'Wire copy', text: page.text, url: 'https://wire.example.org/original' }));
    value(await analyze(3, URL_1, page));
    const [copy] = await kept();
    expect(copy?.copyOf).toBe(wire.id);
    // An article the corpus has no copy of stands on its own.
    const other = snapshot(FILES[1]!, 'https://s1.example/x');
    value(await analyze(4, other.url, other));
    expect((await kept()).find((r) => r.url === other.url)?.copyOf ?? null).toBeNull();
  });
});
