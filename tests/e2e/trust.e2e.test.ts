// Trust boundaries in real Chromium with the built extension (issue 13). Every page a reader
// opens holds a door to the background: Crosscheck's content script runs in the page's
// renderer. These tests go through each door as an attacker would and find it shut.
//
// - The attacker "content script": code evaluated in the content script's own isolated world
//   through the DevTools protocol (Runtime.evaluate in the world Chromium names after the
//   extension), so it calls chrome.runtime.sendMessage and chrome.storage exactly as a
//   compromised renderer could.
// - The attacker page: its own scripts, loaded before the content script starts.
import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_SENDERS, type BackgroundRequests } from '../../lib/protocol';
import { ON_TOPIC } from './hostile-pages';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { tabState, UI_TIMEOUT, waitForSidebar, waitForStatus } from './probes';
import { startServer, type TestServer } from './server';
import { articlePage } from './trust-pages';

// The extension APIs as the functions handed to an extension context's evaluate see them.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value: unknown; error?: string }> };
  storage: {
    local: { get(k: null): Promise<Record<string, unknown>> };
    sync: { get(k: null): Promise<Record<string, unknown>> };
    session: { get(k: string): Promise<Record<string, unknown>> };
  };
};

/** A reader's note on a saved claim: private, so no page and no content script may see it. */
const NOTE = 'trust-test private note: call the desk about this figure';
/** The site the reader paused: also the reader's own business. */
const PAUSED_SITE = 'paused-by-the-reader.example';

let browser: ExtensionBrowser;
let server: TestServer;

/** Code run in the content script's isolated world of a page, as a compromised renderer would run it. */
class ContentWorld {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly contextId: number,
  ) {}

  static async of(page: Page): Promise<ContentWorld> {
    const cdp = await page.context().newCDPSession(page);
    const worlds: { id: number; name: string; type: string; frameId: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) =>
      worlds.push({ id: context.id, name: context.name, type: String(context.auxData?.type), frameId: String(context.auxData?.frameId) }),
    );
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    let world: (typeof worlds)[number] | undefined;
    await expect
      .poll(() => (world = worlds.find((w) => w.type === 'isolated' && w.name === 'Crosscheck' && w.frameId === frameTree.frame.id)), { timeout: UI_TIMEOUT })
      .toBeDefined();
    return new ContentWorld(cdp, world!.id);
  }

  /** Evaluates `expression` (may await) there; its JSON-able value. */
  async run<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression: `(async () => { ${expression} })()`,
      contextId: this.contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  /** What the background answers this world's message. */
  ask(type: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
    return this.run(`
      try { return await chrome.runtime.sendMessage(${JSON.stringify({ crosscheck: 1, type, payload })}) ?? { ok: false, error: 'no answer' }; }
      catch (e) { return { ok: false, error: 'threw: ' + e.message }; }`);
  }
}

/** Asks the background from an extension page (the options page), as the reader's own pages do. */
async function askAsExtension(page: Page, type: string, payload: unknown) {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ crosscheck: 1, type: t, payload: p }), [type, payload] as const);
}

/** A request of each kind a content script is not allowed, with a payload that would do harm. */
function forbiddenRequests(otherTab: number): [keyof BackgroundRequests, unknown][] {
  const crafted = JSON.stringify({
    format: 'crosscheck-saved-claims',
    version: 1,
    claims: [{ url: 'https://evil.example/', title: 'Planted', text: 'Planted claim that would sync to every device.', stance: { corroborates: 9, conflicts: 0, summary: 'agrees' }, savedAt: 1, note: '' }],
  });
  const payloads: { [K in keyof BackgroundRequests]?: unknown } = {
    'tab/state': { tabId: otherTab },
    'tab/sidebar': { tabId: otherTab, open: false },
    'tab/add-article': { tabId: otherTab },
    'corpus/stats': null,
    'reports/list': null,
    'reports/get': { id: 'x' },
    'reports/add': { title: 'Planted', text: 'A planted report that would corroborate the page.' },
    'reports/delete': { id: 'x' },
    'reports/import': { files: [{ name: 'r.json', text: '{}' }] },
    'reports/export': null,
    'settings/get': null,
    'settings/set': { pausedSites: [] },
    'claims/save': { url: 'https://evil.example/', title: 'Planted', text: 'Planted claim.', stance: { corroborates: 1, conflicts: 0, summary: 'x' } },
    'claims/list': null,
    'claims/update': { id: 'x', note: 'x' },
    'claims/remove': { id: 'x' },
    'claims/export': { format: 'json' },
    'claims/import': { text: crafted },
    'claims/status': null,
  };
  const forbidden = (Object.keys(REQUEST_SENDERS) as (keyof BackgroundRequests)[]).filter((type) => REQUEST_SENDERS[type] === 'extension');
  return forbidden.map((type) => [type, payloads[type] ?? null]);
}

let reader: Page;
let other: Page;
let options: Page;
let sidebar: Frame;
let world: ContentWorld;
let claimText = '';
let readerTab = -1;

beforeAll(async () => {
  server = await startServer();
  server.set('/article', articlePage(ON_TOPIC.headline, null));
  server.set('/other', articlePage('Another tab: ' + ON_TOPIC.headline, null));
  browser = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// What the attacks below go after, made the way the reader makes it.
it('the reader pauses a site, reads two articles, and saves a claim from the sidebar with a note', async () => {
  options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  // The reader paused a site (through the options page, the real way).
  expect((await askAsExtension(options, 'settings/set', { pausedSites: [PAUSED_SITE] })).ok).toBe(true);
  other = await browser.context.newPage();
  await other.goto(server.url('/other'));
  await waitForSidebar(browser, other);
  reader = await browser.context.newPage();
  await reader.goto(server.url('/article'));
  sidebar = await waitForSidebar(browser, reader);
  world = await ContentWorld.of(reader);
  readerTab = (await tabState(browser, reader))!.tabId;
  // A claim saved the real way: the sidebar's own "Save this claim" (claims/save), then a note from the options page.
  const card = sidebar.locator('[data-claim]').first();
  claimText = (await card.locator('.claim__text').textContent()) ?? '';
  await card.locator('[data-action="save-claim"]').click();
  await card.locator('[data-action="save-claim"]').filter({ hasText: /^Saved$/ }).waitFor({ timeout: UI_TIMEOUT });
  const saved = (await askAsExtension(options, 'claims/list', null)) as { ok: boolean; value: { id: string }[] };
  expect(saved.value).toHaveLength(1);
  expect((await askAsExtension(options, 'claims/update', { id: saved.value[0]!.id, note: NOTE })).ok).toBe(true);
}, 120_000);

describe('a content script (a compromised renderer) asks the background', () => {
  it('is refused every request that is not about its own page, and changes nothing', async () => {
    const otherTab = (await tabState(browser, other))!.tabId;
    const claimsBefore = await askAsExtension(options, 'claims/list', null);
    const reportsBefore = await askAsExtension(options, 'reports/list', null);
    const answers: Record<string, unknown> = {};
    for (const [type, payload] of forbiddenRequests(otherTab)) {
      const reply = await world.ask(type, payload);
      answers[type] = reply.ok ? `ANSWERED: ${JSON.stringify(reply.value).slice(0, 80)}` : reply.error;
    }
    const refused = Object.fromEntries(Object.keys(answers).map((type) => [type, 'Crosscheck does not answer this request from here.']));
    expect(answers).toEqual(refused);
    // Nothing it tried took effect: the saved claims and the settings are as the reader left them.
    expect(await askAsExtension(options, 'claims/list', null)).toEqual(claimsBefore);
    expect(await askAsExtension(options, 'reports/list', null)).toEqual(reportsBefore);
    expect(((await askAsExtension(options, 'settings/get', null)) as { value: { pausedSites: string[] } }).value.pausedSites).toEqual([PAUSED_SITE]);
  });

  it('cannot read or change another tab by naming it: page/* always concern the sender’s own tab', async () => {
    const otherTab = (await tabState(browser, other))!.tabId;
    const stateBefore = await tabState(browser, other);
    expect((await world.ask('tab/state', { tabId: otherTab })).ok).toBe(false);
    // A page/* request that names the other tab anyway is about the sender's own.
    await world.ask('page/status', { url: other.url(), status: 'paused', tabId: otherTab });
    await world.ask('page/sidebar', { open: false, remember: false, tabId: otherTab });
    expect(await tabState(browser, other)).toEqual(stateBefore);
    // The page's own settings answer says only whether this page is paused, not which sites are.
    const mine = await world.ask('page/settings', { url: reader.url() });
    expect(mine).toEqual({ ok: true, value: { paused: false, sidebarCollapsed: false } });
    expect(JSON.stringify(mine)).not.toContain(PAUSED_SITE);
  });

  it('keeps its page’s state within limits: an unknown status is refused, an oversized one cut', async () => {
    const tabId = readerTab;
    expect((await world.ask('page/status', { url: reader.url(), status: 'pwned' })).ok).toBe(false);
    const huge = 'x'.repeat(100_000);
    expect((await world.ask('page/status', { url: `${reader.url()}?${huge}`, status: 'error', note: huge, topic: { id: huge, onTopic: true, score: 7, evidence: Array(2000).fill(huge.slice(0, 1000)) } })).ok).toBe(true);
    const worker = await browser.serviceWorker();
    const stored = await worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { url: string; error: string | null }, tabId);
    expect(JSON.stringify(stored).length).toBeLessThan(10_000);
    expect(stored.url.length).toBe(2_048);
    expect(stored!.error!.length).toBe(500);
  });
});

describe('what a content script can read', () => {
  it('finds neither the saved claim, its note, nor the paused site in extension storage, and hears none of them change', async () => {
    // Listens to every storage change, then the reader edits the note again.
    await world.run(`
      globalThis.__heard = [];
      try { chrome.storage.onChanged.addListener((changes, area) => globalThis.__heard.push(area + ' ' + JSON.stringify(changes))); } catch (e) { globalThis.__heard.push('no listener: ' + e.message); }
      return null;`);
    const id = ((await askAsExtension(options, 'claims/list', null)) as { value: { id: string }[] }).value[0]!.id;
    expect((await askAsExtension(options, 'claims/update', { id, note: `${NOTE} (edited)` })).ok).toBe(true);
    expect((await askAsExtension(options, 'settings/set', { pausedSites: [PAUSED_SITE, `second.${PAUSED_SITE}`] })).ok).toBe(true);
    // Once the edit reached storage.sync, every storage change it made has been announced.
    const worker = await browser.serviceWorker();
    await expect.poll(() => worker.evaluate(async () => JSON.stringify(await chrome.storage.sync.get(null))), { timeout: UI_TIMEOUT }).toContain('(edited)');
    const read = await world.run<string>(`
      const seen = [];
      for (const area of ['local', 'sync', 'session']) {
        try { seen.push(area + ': ' + JSON.stringify(await chrome.storage[area].get(null))); }
        catch (e) { seen.push(area + ': refused (' + e.message + ')'); }
      }
      return seen.join('\\n') + '\\nheard: ' + globalThis.__heard.join('\\n');`);
    console.log(`what the content script's world reads of extension storage:\n${read.slice(0, 600)}`);
    expect(claimText.length).toBeGreaterThan(20);
    for (const secret of [NOTE, claimText, PAUSED_SITE]) expect(read).not.toContain(secret);
  });

  it('cannot find the saved claim by searching from the page either: the search is for extension pages only', async () => {
    const word = claimText.split(/\s+/).find((w) => w.length > 6) ?? claimText;
    const found = await world.ask('claims/list', { query: word });
    expect(found.ok).toBe(false);
    expect(JSON.stringify(found)).not.toContain(claimText);
    // The reader's own page finds it.
    const own = (await askAsExtension(options, 'claims/list', { query: word })) as { value: { text: string }[] };
    expect(own.value.map((c) => c.text)).toContain(claimText);
  });
});

describe('what a page can plant', () => {
  it('“Add this article” stores only what the reader sees, not text the page hides', async () => {
    const planted = 'Officials confirmed that 100,000 North Korean soldiers had already reached the front.';
    const html = articlePage(ON_TOPIC.headline, null)
      .replace('</head>', '<style>.aside-note { display: none; }</style></head>')
      .replace('</article>', `<p class="aside-note">${planted}</p><p style="visibility:hidden">${planted}</p></article>`);
    server.set('/hidden-text', html);
    const page = await browser.context.newPage();
    await page.goto(server.url('/hidden-text'));
    await waitForSidebar(browser, page);
    const tabId = (await tabState(browser, page))!.tabId;
    const added = (await askAsExtension(options, 'tab/add-article', { tabId })) as { ok: boolean; value: { id: string; text: string } };
    expect(added.ok).toBe(true);
    expect(added.value.text).toContain(ON_TOPIC.paragraphs[1]!.slice(0, 60));
    expect(added.value.text).not.toContain('100,000');
    await page.close();
  });
});

describe('what a page script sees of Crosscheck', () => {
  it('no window message from the start-up, so no extension id, and the stand-down event does not stop the analysis', async () => {
    const page = await browser.context.newPage();
    // The page even knows the id (in a real attack it would come from the posted message).
    server.set('/attacker', articlePage(ON_TOPIC.headline, browser.extensionId));
    await page.goto(server.url('/attacker'));
    const frame = await waitForSidebar(browser, page);
    await waitForStatus(browser, page, /^ready$/);
    const seen = await page.evaluate(() => ({ messages: (window as unknown as { __messages: string[] }).__messages, standDowns: (window as unknown as { __standDowns: number }).__standDowns }));
    expect(seen.standDowns).toBeGreaterThan(0);
    expect(seen.messages.filter((m) => !m.includes('"messageId":"page"'))).toEqual([]);
    // Still there after the page has fired at it many more times.
    const fired = seen.standDowns;
    await expect.poll(() => page.evaluate(() => (window as unknown as { __standDowns: number }).__standDowns), { timeout: UI_TIMEOUT }).toBeGreaterThan(fired + 20);
    expect(await frame.locator('[data-claim]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-crosscheck-host]').count()).toBe(1);
    await page.close();
  });
});
