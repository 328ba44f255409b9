// Trust boundaries in real Firefox ESR with the built extension (issue 13), the doors Firefox
// has of its own:
// - Firefox offers no way to close storage.local to content scripts (setAccessLevel is for
//   storage.session only), so whatever storage.local holds, any page's renderer can read.
//   The test reads it whole, from the extension's side, after the reader saved a claim with a
//   note and paused a site: none of it may be there.
// - WXT's start-up message and stand-down event, with the add-on's public id (gecko.id).
// The sender checks themselves are the same code in both browsers (tests/e2e/trust.e2e.test.ts
// drives them from a content script's world in Chromium; BiDi cannot enter Firefox's
// content-script sandbox).
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../wxt.config';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { ON_TOPIC } from './hostile-pages';
import { SIDEBAR_SETTLED } from './probes';
import { startServer, type TestServer } from './server';
import { articlePage } from './trust-pages';

const UI_TIMEOUT = 30_000;
const NOTE = 'firefox trust-test private note: call the desk about this figure';
const PAUSED_SITE = 'paused-by-the-reader.example';

// The extension APIs as the functions handed to an extension page's evaluate see them.
declare const browser: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value: unknown; error?: string }> };
  storage: { local: { get(k: null): Promise<Record<string, unknown>> }; sync: { get(k: null): Promise<Record<string, unknown>> } };
};

let firefox: FirefoxWithExtension;
let server: TestServer;
/** An extension page kept open to ask the background and read the extension's storage. */
let probe: Page;

beforeAll(async () => {
  server = await startServer();
  server.set('/article', articlePage(ON_TOPIC.headline, null));
  server.set('/attacker', articlePage(ON_TOPIC.headline, GECKO_ID));
  firefox = await launchFirefoxWithExtension();
  probe = await firefox.openExtensionPage('icon/16.png');
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const open = (path: string): Promise<Page> => firefox.openPage(server.url(path));

async function waitForSidebar(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(async () => (frame = await firefox.extensionFrame(page, 'sidebar.html')) !== undefined, { timeout: UI_TIMEOUT }).toBe(true);
  await expect.poll(() => frame!.evaluate((settled) => document.querySelectorAll(settled).length, SIDEBAR_SETTLED), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
  return frame!;
}

const ask = (type: string, payload: unknown) =>
  probe.evaluate(async (t, p) => JSON.stringify(await browser.runtime.sendMessage({ crosscheck: 1, type: t, payload: p })), type, payload).then((r) => JSON.parse(r) as { ok: boolean; value: unknown });

describe('Firefox: what a content script could read', () => {
  it('storage.local holds neither the saved claim, its note, nor the paused site', async () => {
    const page = await open('/article');
    const frame = await waitForSidebar(page);
    const claimText = await frame.evaluate(() => document.querySelector('[data-claim] .claim__text')?.textContent ?? '');
    // Saved the real way: the sidebar's own button (claims/save).
    await frame.evaluate(() => document.querySelector<HTMLButtonElement>('[data-claim] [data-action="save-claim"]')!.click());
    await expect.poll(() => frame.evaluate(() => document.querySelector('[data-claim] [data-action="save-claim"]')?.textContent?.trim()), { timeout: UI_TIMEOUT }).toBe('Saved');
    const list = (await ask('claims/list', null)) as { value: { id: string }[] };
    expect((await ask('claims/update', { id: list.value[0]!.id, note: NOTE })).ok).toBe(true);
    expect((await ask('settings/set', { pausedSites: [PAUSED_SITE] })).ok).toBe(true);
    // Once the note reached storage.sync every write of the save and the edit is done.
    await expect.poll(() => probe.evaluate(async () => JSON.stringify(await browser.storage.sync.get(null))), { timeout: UI_TIMEOUT }).toContain(NOTE);

    const local = await probe.evaluate(async () => JSON.stringify(await browser.storage.local.get(null)));
    console.log(`firefox storage.local (what any content script could read): ${local.slice(0, 300)}`);
    expect(claimText.length).toBeGreaterThan(20);
    for (const secret of [NOTE, claimText, PAUSED_SITE]) expect(local).not.toContain(secret);
    await page.close();
  });
});

describe('Firefox: what a page script sees of Crosscheck', () => {
  it('no window message from the start-up, and the stand-down event with the add-on’s id does not stop the analysis', async () => {
    const page = await open('/attacker');
    const frame = await waitForSidebar(page);
    const shots = () => page.evaluate(() => (window as unknown as { __standDowns: number }).__standDowns);
    const fired = await shots();
    expect(fired).toBeGreaterThan(0);
    await expect.poll(shots, { timeout: UI_TIMEOUT }).toBeGreaterThan(fired + 20);
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => !m.includes('"messageId":"page"'))).toEqual([]);
    expect(await frame.evaluate(() => document.querySelectorAll('[data-claim]').length)).toBeGreaterThan(0);
    expect(await firefox.extensionFrame(page, 'sidebar.html')).toBeDefined();
    await page.close();
  });
});
