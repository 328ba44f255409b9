// The extension's life cycle in real Chromium: the MV3 service worker stopped in the middle
// of an analysis (as Chrome does to idle workers) is started again and the page still gets
// its sidebar; an update of the extension (a new version loaded in place) with several
// pages open takes every old sidebar and highlight off them, throws nothing into them,
// keeps the reports the reader added, and a reload of a page brings exactly one working
// sidebar of the new version.
//
// The update goes through CDP's Extensions.loadUnpacked on a copy of the build whose
// manifest version the test raises: `chrome.runtime.reload()` unloads an extension loaded
// with --load-extension in this headless Chromium and never brings it back.
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentCost } from '../../lib/protocol';
import { CHROME_BUILD, launchWithExtension, type ExtensionBrowser } from './chromium';
import { ON_TOPIC } from './hostile-pages';
import { layoutPage, newsPage } from './news-pages';
import { collectErrors, highlightedTexts, injected, NOTHING_INJECTED, sidebarFrame, UI_TIMEOUT, waitForSidebar } from './probes';
import { startServer, type TestServer } from './server';
import { tabStatesIn } from '../../lib/stored-tab-states';

// The extension APIs as the functions handed to an extension page's evaluate see them.
declare const chrome: {
  storage: { session: { get(k: string | null): Promise<Record<string, unknown>> } };
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<{ ok: boolean; value: ContentCost }> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value: unknown; error?: string }>; getManifest(): { version: string } };
};

/** Paragraphs of the on-topic article repeated into a long page: about 200 claims, a second or more of analysis in the worker. */
const LONG_REPEATS = 60;

let browser: ExtensionBrowser;
let server: TestServer;
/** The copy of the build that the update test changes in place. */
let extensionDir: string;
/** A second CDP client on the same browser, for the browser-level Extensions domain. */
let cdpBrowser: Browser;
let browserCdp: CDPSession;
/** An extension page kept open: it reads the background's records without waking or holding the worker. */
let probe: Page;
let probeCdp: CDPSession;
const workerEvents: string[] = [];

beforeAll(async () => {
  server = await startServer();
  server.set('/favicon.ico', '', 'image/x-icon');
  const counter = `<script>window.__ticks = 0; setInterval(() => window.__ticks++, 20);</script>`;
  const long = { headline: ON_TOPIC.headline, paragraphs: Array.from({ length: LONG_REPEATS }, () => ON_TOPIC.paragraphs).flat() };
  server.set('/long-article', newsPage('main-asides', long).replace('</body>', `${counter}</body>`));
  server.set('/on/live-blog', newsPage('live-blog', ON_TOPIC).replace('</body>', `${counter}</body>`));
  server.set('/on/wire-story', newsPage('wire-story', ON_TOPIC).replace('</body>', `${counter}</body>`));
  server.set('/real/main-asides', layoutPage('main-asides').replace('</body>', `${counter}</body>`));
  extensionDir = mkdtempSync(join(tmpdir(), 'crosscheck-update-'));
  cpSync(CHROME_BUILD, extensionDir, { recursive: true });
  browser = await launchWithExtension({ extensionDir, args: ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0'] });
  const port = readFileSync(join(browser.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  cdpBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  browserCdp = await cdpBrowser.newBrowserCDPSession();
  probe = await browser.context.newPage();
  await probe.goto(browser.extensionUrl('options.html'));
  probeCdp = await browser.context.newCDPSession(probe);
  probeCdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(browser.extensionUrl(''))) workerEvents.push(`${v.versionId}:${v.runningStatus}`);
  });
  await probeCdp.send('ServiceWorker.enable');
});

afterAll(async () => {
  await cdpBrowser?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

/** Asks the background from an extension page, as the options page does. */
async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ crosscheck: 1, type: t, payload: p }), [type, payload] as const);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

interface StoredTab { tabId: number; url: string; status: string }
const tabOf = async (page: Page): Promise<StoredTab | undefined> =>
  (tabStatesIn(await probe.evaluate(async () => chrome.storage.session.get(null))) as StoredTab[]).find((s) => s.url === page.url());

describe('the service worker stopped in the middle of an analysis', () => {
  it('is started again by the content script asking once more, and the sidebar appears', async () => {
    const page = await newPage();
    const errors = collectErrors(page);
    await page.goto(server.url('/long-article'), { waitUntil: 'domcontentloaded' });
    // The moment the background records the analysis as started, Chrome is told to stop the worker.
    await expect.poll(async () => (await tabOf(page))?.status, { timeout: UI_TIMEOUT, interval: 20 }).toBe('analyzing');
    const stoppedAt = workerEvents.length;
    await probeCdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => workerEvents.slice(stoppedAt).includes('0:stopped') || workerEvents.slice(stoppedAt).some((e) => e.endsWith(':stopped')), { timeout: UI_TIMEOUT }).toBe(true);

    const frame = await waitForSidebar(browser, page);
    await frame.locator('[data-stance="conflicts"]').first().waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    // The worker ran again after it was stopped.
    expect(workerEvents.slice(stoppedAt).filter((e) => e.endsWith(':running')).length).toBeGreaterThan(0);
    const { tabId } = (await tabOf(page))!;
    const cost = await probe.evaluate((id) => chrome.tabs.sendMessage(id, { crosscheck: 1, type: 'content/cost', payload: null }, { frameId: 0 }), tabId);
    expect(cost.value.analyzeRetries).toBe(1);
    expect((await tabOf(page))?.status).toBe('ready');
    expect(errors.fromExtension()).toEqual([]);
    console.log(`service worker stopped mid-analysis: worker states after the stop [${workerEvents.slice(stoppedAt).join(', ')}], ${cost.value.analyzeRetries} retry, sidebar shown`);
    await page.close();
  });
});

describe('an update of the extension with several pages open', () => {
  it('takes every old sidebar and highlight off, throws nothing into any page, keeps the added reports, and a page reload brings one sidebar of the new version', async () => {
    const added = await ask<{ id: string }>(probe, 'reports/add', { title: 'Added before the update', text: 'Ukraine said 11,000 North Korean troops were in Kursk.' });
    const open = await newPage();
    const collapsed = await newPage();
    const offTopic = await newPage();
    const logs = [open, collapsed, offTopic].map((p) => collectErrors(p));
    await open.goto(server.url('/on/live-blog'), { waitUntil: 'domcontentloaded' });
    await waitForSidebar(browser, open);
    await collapsed.setViewportSize({ width: 800, height: 900 });
    await collapsed.goto(server.url('/on/wire-story'), { waitUntil: 'domcontentloaded' });
    await expect.poll(() => sidebarFrame(browser, collapsed) !== undefined, { timeout: UI_TIMEOUT }).toBe(true);
    await offTopic.goto(server.url('/real/main-asides'), { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await tabOf(offTopic))?.status, { timeout: UI_TIMEOUT }).toMatch(/^(off-topic|not-article)$/);
    for (const p of [open, collapsed]) await expect.poll(async () => (await highlightedTexts(p)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);

    // Version 0.1.0 becomes 9.9.9, loaded in place over the running one.
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const oldVersion = manifest.version;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '9.9.9' }));
    const updated = browser.context.waitForEvent('serviceworker', { timeout: UI_TIMEOUT });
    expect(await browserCdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)).toEqual({ id: browser.extensionId });
    await updated;

    for (const p of [open, collapsed, offTopic]) await expect.poll(() => injected(p), { timeout: UI_TIMEOUT }).toEqual(NOTHING_INJECTED);
    // The orphaned scripts stay quiet: no "Extension context invalidated", nothing that names the extension.
    await open.waitForTimeout(2_500);
    for (const log of logs) expect(log.fromExtension()).toEqual([]);
    for (const p of [open, collapsed, offTopic]) {
      const before = await p.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
      await p.waitForTimeout(200);
      expect(await p.evaluate(() => (window as unknown as { __ticks: number }).__ticks)).toBeGreaterThan(before);
    }

    // The new version in the same tab: exactly one sidebar, with its results.
    await open.reload({ waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebar(browser, open);
    await frame.locator('[data-stance="conflicts"]').first().waitFor({ timeout: UI_TIMEOUT });
    expect((await injected(open)).hosts).toBe(1);
    expect(logs[0]!.fromExtension()).toEqual([]);

    // Nothing the reader added was lost in the update.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    expect(await options.evaluate(() => chrome.runtime.getManifest().version)).toBe('9.9.9');
    const listed = await ask<{ id: string; title: string }[]>(options, 'reports/list', null);
    expect(listed.find((r) => r.id === added.id)?.title).toBe('Added before the update');
    console.log(`update ${oldVersion} -> 9.9.9 with 3 pages open: old UI removed from all, 0 errors naming the extension, the added report kept, one new sidebar after a page reload`);
    for (const p of [open, collapsed, offTopic, options]) await p.close();
  });
});
