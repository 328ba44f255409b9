// Privacy in real Chromium with the built extension.
//
// 1. Every network request of a browsing session is recorded (the pages, their frames,
//    the sidebar frame, the popup and options pages, and the service worker, through
//    Playwright's context-wide network events), and each extension context's own Resource
//    Timing buffer is read at the end as a second, independent record. The pages are real
//    saved pages served from 127.0.0.1 with their remote resources stripped, so any request
//    elsewhere is not theirs: the test fails on any request that leaves 127.0.0.1 and
//    chrome-extension://, and on any request the extension's own contexts make to anything
//    but their own package.
// 2. A malicious page script tries to read the sidebar, the corpus and the saved claims by
//    every route a page has, and gets nothing.
import { parseHTML } from 'linkedom';
import type { Frame, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { ON_TOPIC } from './hostile-pages';
import { LAYOUTS, layoutPage, newsPage } from './news-pages';
import { sidebarFrame, tabState, UI_TIMEOUT, waitForSidebar, waitForStatus } from './probes';
import { startServer, type TestServer } from './server';

// The extension APIs as the functions handed to an extension context's evaluate see them.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value: unknown; error?: string }> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> }; sync: { get(keys: null): Promise<Record<string, unknown>> } };
};

/** A reader's note on a saved claim, saved as the reader saves one (claims/save): no page may ever see it. */
const SAVED_NOTE = 'my private note: ask the desk about the 12,000 figure';


let browser: ExtensionBrowser;
let server: TestServer;
let realNames: string[];

interface Recorded { url: string; from: string; type: string }
const requests: Recorded[] = [];
const outside: string[] = [];

const isLocal = (url: string) => /^https?:\/\/127\.0\.0\.1[:/]/.test(url);
const isOwnPackage = (url: string) => url.startsWith(`chrome-extension://${browser.extensionId}/`);
const isInline = (url: string) => /^(data|blob|about):/.test(url);
/**
 * The content script's second stage, which the first imports on an on-topic page: a file of
 * the package, web-accessible with use_dynamic_url, so Chrome serves it from the extension's
 * per-session host rather than its id.
 */
const isOwnReader = (url: string) => /^chrome-extension:\/\/[0-9a-f-]{36}\/crosscheck-reader\.js$/.test(url);

function origin(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service worker ${worker.url()}`;
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

/**
 * A saved page that asks for nothing outside 127.0.0.1 (our layouts load nothing from elsewhere;
 * this keeps it so if one ever does): icons, fonts and background images named
 * in links, <style>, style attributes and SVG go too, so that any request elsewhere is the extension's.
 */
function quiet(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('link:not([rel="canonical"]), base, meta[http-equiv]')) el.remove();
  for (const el of document.querySelectorAll('style')) el.textContent = (el.textContent ?? '').replace(/url\([^)]*\)|@import[^;]*;/g, 'none');
  for (const el of document.querySelectorAll('[style]')) el.removeAttribute('style');
  for (const el of document.querySelectorAll('[poster], [background], [data]')) for (const a of ['poster', 'background', 'data']) el.removeAttribute(a);
  // SVG images name theirs in (xlink:)href.
  for (const el of document.querySelectorAll('image, use, feImage')) for (const a of ['href', 'xlink:href']) el.removeAttribute(a);
  return '<!doctype html>\n' + document.documentElement.outerHTML;
}

beforeAll(async () => {
  server = await startServer();
  server.set('/favicon.ico', '', 'image/x-icon');
  // A frame of the page's own, which records the window messages it receives.
  server.set('/privacy-frame', '<!doctype html><title>frame</title><script>window.__heard = []; addEventListener("message", (e) => window.__heard.push(JSON.stringify(e.data)));</script>');
  realNames = [...LAYOUTS];
  for (const name of LAYOUTS) server.set(`/real/${name}`, quiet(layoutPage(name)));
  server.set('/on-topic', quiet(newsPage('live-blog', ON_TOPIC, { published: '2024-10-18T06:00:00Z' })));
  browser = await launchWithExtension();
  browser.context.on('request', (r) => requests.push({ url: r.url(), from: origin(r), type: r.resourceType() }));
  // Any web request bound elsewhere is recorded and stopped before it leaves (the extension's
  // own chrome-extension:// files are not routed: aborting them would break the sidebar).
  await browser.context.route(/^(https?|wss?|ftp):\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    outside.push(`${route.request().url()} (from ${origin(route.request())})`);
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The URLs in a context's Resource Timing buffer: everything it fetched since it started. */
const resourceUrls = (target: Page | Frame) => target.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

describe('a browsing session', () => {
  it('makes no network request of its own: nothing leaves 127.0.0.1, and the extension fetches only its own files', async () => {
    const page = await browser.context.newPage();
    for (const name of realNames) {
      await page.goto(server.url(`/real/${name}`), { waitUntil: 'domcontentloaded' });
      await waitForStatus(browser, page, /^(off-topic|not-article|ready)$/);
    }
    await page.goto(server.url('/on-topic'), { waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebar(browser, page);
    // Use the sidebar: jump to a claim, collapse and reopen it.
    await frame.locator('[data-claim]').first().click();
    await frame.locator('.panel__collapse').click();
    await frame.locator('button.handle').click();
    await frame.locator('[data-claim]').first().waitFor({ timeout: UI_TIMEOUT });
    const sidebarResources = await resourceUrls(sidebarFrame(browser, page)!);

    // The popup and the options page, used as a reader would.
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.locator('body').waitFor();
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const added = await options.evaluate(() => chrome.runtime.sendMessage({ crosscheck: 1, type: 'reports/add', payload: { title: 'Mine', text: 'Seoul said 3,000 North Korean soldiers had arrived.' } }));
    expect(added.ok).toBe(true);
    await options.reload();
    await options.getByText('Mine').first().waitFor({ timeout: UI_TIMEOUT });
    const popupResources = await resourceUrls(popup);
    const optionsResources = await resourceUrls(options);
    const worker = await browser.serviceWorker();
    const workerResources = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

    expect(outside).toEqual([]);
    const fromExtension = requests.filter((r) => r.from.startsWith('service worker') || r.from.startsWith('chrome-extension://'));
    expect(fromExtension.filter((r) => !isOwnPackage(r.url) && !isInline(r.url))).toEqual([]);
    expect(requests.filter((r) => !isLocal(r.url) && !isOwnPackage(r.url) && !isInline(r.url) && !isOwnReader(r.url))).toEqual([]);
    // That import happened (the on-topic page was read), from the page's content script only.
    expect(requests.filter((r) => isOwnReader(r.url)).map((r) => r.from)).toEqual([server.url('/on-topic')]);
    for (const url of [...sidebarResources, ...popupResources, ...optionsResources, ...workerResources]) {
      expect(isOwnPackage(url) || isInline(url), url).toBe(true);
    }

    const count = (pred: (r: Recorded) => boolean) => requests.filter(pred).length;
    console.log('\nNetwork requests in the session (pages:', realNames.join(', '), '+ an on-topic page, popup, options)');
    console.log('from | to 127.0.0.1 | to chrome-extension:// | elsewhere');
    console.log(`the pages and their frames | ${count((r) => r.from.startsWith('http') && isLocal(r.url))} | ${count((r) => r.from.startsWith('http') && isOwnPackage(r.url))} | ${count((r) => r.from.startsWith('http') && !isLocal(r.url) && !isOwnPackage(r.url))}`);
    console.log(`extension pages and frames | ${count((r) => r.from.startsWith('chrome-extension://') && isLocal(r.url))} | ${count((r) => r.from.startsWith('chrome-extension://') && isOwnPackage(r.url))} | ${count((r) => r.from.startsWith('chrome-extension://') && !isLocal(r.url) && !isOwnPackage(r.url))}`);
    console.log(`service worker | ${count((r) => r.from.startsWith('service worker') && isLocal(r.url))} | ${count((r) => r.from.startsWith('service worker') && isOwnPackage(r.url))} | ${count((r) => r.from.startsWith('service worker') && !isLocal(r.url) && !isOwnPackage(r.url))}`);
    console.log(`Resource Timing in extension contexts: sidebar ${sidebarResources.length}, popup ${popupResources.length}, options ${optionsResources.length}, worker ${workerResources.length} entries, all chrome-extension://${browser.extensionId}/`);
    // The second record works: a request the options page makes shows up in its Resource Timing buffer.
    const calibration = server.url('/favicon.ico?calibration');
    await options.evaluate((url) => fetch(url).then((r) => r.text()), calibration);
    await expect.poll(() => resourceUrls(options)).toContain(calibration);
    for (const p of [page, popup, options]) await p.close();
  });
});

describe('a malicious page', () => {
  it('cannot read the sidebar, the corpus or the saved claims by any route a page has', async () => {
    // The reader saves a claim of this very page with a note, through the background's
    // claims/save (what the sidebar's save button sends), from an extension page.
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const saved = await options.evaluate(
      ({ url, note }) =>
        chrome.runtime.sendMessage({
          crosscheck: 1,
          type: 'claims/save',
          payload: { url, title: 'North Korean troops in Russia', text: 'North Korea has sent about 1,500 special forces troops', note, stance: { corroborates: 2, conflicts: 1, summary: '1 conflicting' } },
        }),
      { url: server.url('/on-topic'), note: SAVED_NOTE },
    );
    expect(saved.ok, saved.error).toBe(true);
    // Control: the note is really kept: the extension's own pages list it (the background keeps
    // this device's copy in its IndexedDB, and storage.sync gets it once the debounced write runs).
    const stored = await options.evaluate(async () => JSON.stringify(await chrome.runtime.sendMessage({ crosscheck: 1, type: 'claims/list', payload: null })));
    expect(stored).toContain(SAVED_NOTE);
    // Control: an extension page can fetch the sidebar by the extension's fixed id (the page below must not).
    const ownFetch = await options.evaluate((url) => fetch(url).then((r) => r.status), browser.extensionUrl('sidebar.html'));
    expect(ownFetch).toBe(200);
    await options.close();

    const page = await browser.context.newPage();
    // The page's own script, before anything else: it wraps attachShadow to keep every
    // shadow root made in its world, listens to every window message, and watches the DOM.
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const roots: ShadowRoot[] = [];
      const heard: string[] = [];
      const added: string[] = [];
      w.__roots = roots;
      w.__heard = heard;
      w.__added = added;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        const root = attach.call(this, { ...init, mode: 'open' });
        roots.push(root);
        return root;
      };
      addEventListener('message', (e) => heard.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)), true);
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) added.push(`${n.tagName} ${[...n.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}`);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url('/on-topic'), { waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebar(browser, page);
    await frame.locator('[data-stance="conflicts"]').first().waitFor({ timeout: UI_TIMEOUT });
    // What the reader sees, that the page must not: the reasons, the reports' titles, a saved report's title.
    const secrets = [
      ...(await frame.locator('.report__why').allTextContents()).slice(0, 5),
      ...(await frame.locator('.report__title').allTextContents()).slice(0, 5),
      SAVED_NOTE,
    ].map((s) => s.trim()).filter((s) => s.length > 8);
    expect(secrets.length).toBeGreaterThan(3);
    const tabId = (await tabState(browser, page))!.tabId;

    const found = await page.evaluate(async ({ extensionId, tabId, frameUrl, localUrl }) => {
      const w = window as unknown as Record<string, unknown> & { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } };
      const host = document.querySelector('crosscheck-sidebar, [data-crosscheck-host]');
      const texts: string[] = [document.documentElement.innerText, document.documentElement.outerHTML];
      for (const root of w.__roots as ShadowRoot[]) texts.push(root.innerHTML);
      // Frames of the page's own (the sidebar's frame stands in a closed shadow tree, outside
      // window.frames): one from 127.0.0.1, one inline, each recording the messages it gets.
      for (const src of [frameUrl, null]) {
        const iframe = document.createElement('iframe');
        if (src) iframe.src = src;
        else iframe.srcdoc = '<script>window.__heard = []; addEventListener("message", (e) => window.__heard.push(JSON.stringify(e.data)));</script>';
        const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
        document.body.append(iframe);
        await loaded;
      }
      const frames: string[] = [];
      for (let i = 0; i < window.frames.length; i++) {
        const f = window.frames[i]!;
        try {
          texts.push(f.document.documentElement.outerHTML);
          frames.push('read');
        } catch (error) {
          frames.push(`document: ${(error as Error).name}`);
        }
      }
      // Forged messages of the extension's protocol (marked, so the page can tell them from any
      // answer), to the page's own window, where a content script could listen, and to every frame.
      const FORGED = ['reports/list', 'claims/list', 'tab/state', 'reports/export', 'claims/export', 'tab/sidebar'];
      const forge = (target: Window) => {
        for (const type of FORGED) target.postMessage({ crosscheck: 1, type, payload: { tabId, open: false, format: 'json' }, forgedByPage: true }, '*');
        return FORGED.length;
      };
      const posted = { window: forge(window), frames: 0 };
      for (let i = 0; i < window.frames.length; i++) posted.frames += forge(window.frames[i]!);
      // Messages straight to the extension: no externally_connectable, so no way in.
      let runtime = 'no chrome.runtime in the page';
      try {
        await (w.chrome as { runtime: { sendMessage: (...a: unknown[]) => Promise<unknown> } }).runtime.sendMessage(extensionId, { crosscheck: 1, type: 'reports/list', payload: null });
        runtime = 'sent';
      } catch (error) {
        runtime = `refused: ${(error as Error).name}`;
      }
      await new Promise((r) => setTimeout(r, 1_000));
      // What the page's frames heard: the forged messages reached them (so "nothing answered" means something).
      const heardInFrames = [...Array(window.frames.length).keys()].map((i) => ((window.frames[i] as unknown as { __heard?: string[] }).__heard ?? []).length);
      const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
      const cacheNames = 'caches' in window ? await caches.keys() : [];
      const entries = performance.getEntries().map((e) => e.name);
      // The sidebar's files are web-accessible, but only through Chrome's per-session dynamic id
      // (use_dynamic_url): a page that learnt the fixed id cannot fetch them to tell Crosscheck is there.
      const probe = async (url: string) => {
        try {
          const res = await fetch(url);
          return `fetched (${res.status})`;
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      };
      const packageProbe = await probe(`chrome-extension://${extensionId}/sidebar.html`);
      // Control: the page's fetch itself works.
      const localProbe = await probe(localUrl);
      const heard = w.__heard as string[];
      // Everything the page heard except its own forged messages: an answer would be here.
      const answers = heard.filter((m) => !m.includes('"forgedByPage":true'));
      texts.push(...answers, ...(w.__added as string[]));
      return {
        shadowRoot: host ? String(host.shadowRoot) : 'no host',
        capturedRoots: (w.__roots as ShadowRoot[]).length,
        frames,
        posted,
        heardOwnForgeries: heard.length - answers.length,
        heardInFrames,
        runtime,
        databases,
        localStorage: Object.keys(localStorage),
        sessionStorage: Object.keys(sessionStorage),
        cookie: document.cookie,
        cacheNames,
        extensionEntries: entries.filter((n) => n.startsWith('chrome-extension:')),
        packageProbe,
        localProbe,
        answers,
        texts,
      };
    }, { extensionId: browser.extensionId, tabId, frameUrl: server.url('/privacy-frame'), localUrl: server.url('/favicon.ico?page-control') });

    expect(found.shadowRoot).toBe('null'); // the host is there, closed,
    expect(found.capturedRoots).toBe(0); // and the page's attachShadow never saw it made (another world's prototype).
    // The forged messages were delivered where frames are: to the page's window and to its two frames.
    expect(found.frames).toHaveLength(2);
    expect(found.heardOwnForgeries).toBe(found.posted.window);
    expect(found.heardInFrames).toEqual([found.posted.frames / 2, found.posted.frames / 2]);
    expect(found.runtime).toMatch(/^refused: TypeError$/);
    expect(found.databases).toEqual([]);
    expect(found.localStorage).toEqual([]);
    expect(found.sessionStorage).toEqual([]);
    expect(found.cookie).toBe('');
    expect(found.cacheNames).toEqual([]);
    expect(found.extensionEntries).toEqual([]);
    expect(found.localProbe).toBe('fetched (200)');
    expect(found.packageProbe).toBe('refused: TypeError');
    const everything = found.texts.join('\n');
    for (const secret of secrets) expect(everything.includes(secret), secret).toBe(false);
    // Nothing answered the forged messages, and they changed nothing: the sidebar is still open
    // (a forged tab/sidebar asked to close it) and lists its claims.
    expect(found.answers.filter((m) => m.includes('"crosscheck":1'))).toEqual([]);
    expect(await frame.evaluate(() => innerWidth > 120)).toBe(true);
    expect(await frame.locator('[data-claim]').count()).toBeGreaterThan(0);
    console.log(
      `malicious page: ${found.frames.length} frames of its own (${found.frames.join(', ')}); the sidebar's frame is not among window.frames; ` +
        `forged messages: ${found.posted.window} to its window (heard ${found.heardOwnForgeries}), ${found.posted.frames} to its frames (heard ${found.heardInFrames.join(' + ')}), other messages heard ${found.answers.length} (below); ` +
        `chrome.runtime ${found.runtime}; ${found.extensionEntries.length} extension URLs in performance entries; ${found.capturedRoots} shadow roots captured`,
    );
    // Not an answer, but heard: WXT's own start-up notice, which names the extension's id (issue 13).
    console.log(`other window messages the page heard: ${found.answers.join(' | ') || 'none'}`);
    console.log(`the page fetching chrome-extension://<id>/sidebar.html: ${found.packageProbe} (its fetch of 127.0.0.1: ${found.localProbe}; the options page's fetch of the same file: ${ownFetch})`);
    await page.close();
  });
});
