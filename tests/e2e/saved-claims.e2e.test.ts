// Saved claims that follow the reader between devices, in real Chromium with the built
// extension. Two browser profiles (two user-data-dirs) stand for two devices. A claim
// saved from the sidebar on a news page of ours (its story swapped for an on-topic one,
// tests/e2e/news-pages.ts) lands in the first profile's chrome.storage.sync as
// docs/sync-format.md describes. Those exact items are then written into the second
// profile's storage.sync, as the browser's sync would deliver them (that fires onChanged
// there, like a real delivery); the second profile's popup and options list show the
// claim; removing it there writes a tombstone, which travels back the same way and
// removes the claim from the first profile's sidebar, popup and options list.
// Chromium's sync itself (the server between devices) is not run: no account here.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimIdFor } from '../../lib/sync/format';
import { axeViolationsInBothSchemes } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { newsPage, readArticleFixture } from './news-pages';
import { SIDEBAR_SETTLED, UI_TIMEOUT } from './probes';
import { startServer, type TestServer } from './server';

// The extension API as the functions handed to sw.evaluate see it in the service worker.
declare const chrome: {
  storage: {
    sync: {
      get(k: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(k: string | string[]): Promise<void>;
      getBytesInUse(k: string | string[] | null): Promise<number>;
    };
  };
};

const PAGE = 'main-asides';
const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
/** The engine writes 1.5 s after the last change, at most 10 s after the first (lib/sync/limits.ts). */
const SYNC_TIMEOUT = 20_000;
/** What the filled sync area leaves free: less than any claim item needs. */
const FREE_BYTES_LEFT = 200;

/** A claim item as docs/sync-format.md writes it (`c:<claimId>`). */
interface WireClaim {
  v: number;
  u: string;
  z?: 1;
  l?: string;
  t?: string;
  x?: string;
  s?: [number, number, string];
  a?: string;
  n?: string;
}

let server: TestServer;
/** The reader's laptop: saves the claim. */
let laptop: ExtensionBrowser;
/** The reader's other browser: receives it, removes it. */
let desktop: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  server.set(`/on/${PAGE}.html`, newsPage(PAGE, ARTICLE));
  // Two profiles, each with its own user-data-dir: two devices of one reader.
  laptop = await launchWithExtension();
  desktop = await launchWithExtension();
});

afterAll(async () => {
  await laptop?.close();
  await desktop?.close();
  await server?.close();
});

async function syncItems(browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  return (await browser.serviceWorker()).evaluate(() => chrome.storage.sync.get(null));
}

/** The claim items of a profile's sync area, decoded per docs/sync-format.md. */
async function claimItems(browser: ExtensionBrowser): Promise<Map<string, WireClaim>> {
  const items = await syncItems(browser);
  return new Map(Object.entries(items).filter(([key]) => key.startsWith('c:')).map(([key, value]) => [key.slice(2), value as WireClaim]));
}

/**
 * Delivers what changed in `from`'s sync area to `to`'s, as the browser's sync does: the
 * changed items written, the vanished keys removed. Returns the keys delivered.
 */
async function deliver(from: ExtensionBrowser, to: ExtensionBrowser): Promise<string[]> {
  const [source, target] = await Promise.all([syncItems(from), syncItems(to)]);
  const changed = Object.fromEntries(Object.entries(source).filter(([key, value]) => JSON.stringify(target[key]) !== JSON.stringify(value)));
  const gone = Object.keys(target).filter((key) => !(key in source));
  const sw = await to.serviceWorker();
  if (Object.keys(changed).length > 0) await sw.evaluate((items) => chrome.storage.sync.set(items), changed);
  if (gone.length > 0) await sw.evaluate((keys) => chrome.storage.sync.remove(keys), gone);
  return [...Object.keys(changed), ...gone];
}

async function newPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  // The saved page names its site's scripts and images; nothing leaves this machine.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

async function openSidebar(browser: ExtensionBrowser, page: Page): Promise<Frame> {
  await page.goto(server.url(`/on/${PAGE}.html`), { waitUntil: 'domcontentloaded' });
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().startsWith(browser.extensionUrl('sidebar.html')))) !== undefined, { timeout: UI_TIMEOUT })
    .toBe(true);
  await frame!.locator(SIDEBAR_SETTLED).first().waitFor({ timeout: UI_TIMEOUT });
  return frame!;
}

async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.goto(browser.extensionUrl('popup.html'));
  return popup;
}

async function openSavedClaimsList(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`${browser.extensionUrl('options.html')}#saved-claims`);
  await options.locator('[data-testid="saved-claims-heading"]').filter({ hasText: /saved claims?$|saved claims? match/ }).waitFor({ timeout: UI_TIMEOUT });
  return options;
}


describe('a saved claim follows the reader to another browser profile, and its removal comes back', () => {
  let claimText = '';
  let claimId = '';
  let laptopPage: Page;
  let laptopSidebar: Frame;

  it('the laptop: “Save this claim” in the sidebar (keyboard) puts the claim into chrome.storage.sync, one item per claim', async () => {
    laptopPage = await newPage(laptop);
    laptopSidebar = await openSidebar(laptop, laptopPage);
    const card = laptopSidebar.locator('[data-claim]').first();
    claimText = (await card.locator('.claim__text').textContent()) ?? '';
    const save = card.locator('[data-action="save-claim"]');
    // The button as assistive technology names it.
    await card.getByRole('button', { name: 'Save this claim' }).waitFor({ timeout: UI_TIMEOUT });
    await save.focus();
    await laptopPage.keyboard.press('Enter');
    await save.filter({ hasText: /^Saved$/ }).waitFor({ timeout: UI_TIMEOUT });
    await card.locator('.claim__saved').filter({ hasText: /^Synced\.$/ }).waitFor({ timeout: SYNC_TIMEOUT });

    const pageUrl = laptopPage.url();
    claimId = claimIdFor(pageUrl, claimText);
    const items = await syncItems(laptop);
    const item = items[`c:${claimId}`] as WireClaim;
    console.log(`laptop storage.sync after the save: ${Object.keys(items).join(', ')}; c:${claimId} = ${JSON.stringify(item).length} chars, stance "${item.s?.[2]}"`);
    expect(items.meta).toEqual({ v: 1 });
    expect(item).toMatchObject({ v: 1, l: pageUrl, t: ARTICLE.headline, x: claimText });
    expect(item.u).toMatch(/^[0-9a-z]+\.[0-9a-z]+\.[0-9a-z]{4,16}$/);
    const [corroborating = 0, conflicting = 0, summary = ''] = item.s ?? [];
    expect(corroborating + conflicting).toBeGreaterThan(0);
    expect(summary).toMatch(/\d+ (conflicting|corroborating)/);
    expect(Number.parseInt(item.a ?? '', 36)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('the desktop: the items arrive as sync delivers them, and its popup and options list show the claim', async () => {
    // The desktop's engine writes the same layout item ({"v":1}) once it has started (its first
    // flush waits 1.5 s for more changes; the laptop's save can be synced sooner than that):
    // once it is there, only the claim travels.
    await expect.poll(async () => (await syncItems(desktop)).meta, { timeout: SYNC_TIMEOUT }).toEqual({ v: 1 });
    const delivered = await deliver(laptop, desktop);
    expect(delivered).toEqual([`c:${claimId}`]);

    const popup = await openPopup(desktop);
    await popup.getByRole('heading', { name: 'Saved claims: 1' }).waitFor({ timeout: UI_TIMEOUT });
    await popup.locator('[data-testid="saved-claims-sync"]').filter({ hasText: /^All saved claims synced$/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await axeViolationsInBothSchemes(popup, 'body')).toEqual([]);
    await popup.close();

    const options = await openSavedClaimsList(desktop);
    const item = options.locator(`[data-claim-id="${claimId}"]`);
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.locator('blockquote').textContent()).toBe(claimText);
    expect(await item.getByRole('link', { name: ARTICLE.headline }).getAttribute('href')).toBe(laptopPage.url());
    expect(await options.locator('[data-testid="sync-message"]').textContent()).toBe('The saved claim is synced.');
    expect(await axeViolationsInBothSchemes(options, '#saved-claims')).toEqual([]);

    // Removed on the desktop: a tombstone replaces the item under the same key.
    await item.getByRole('button', { name: 'Remove' }).click();
    await options.getByRole('button', { name: 'Yes, remove it' }).click();
    await options.locator('[data-testid="saved-claims-heading"]').filter({ hasText: /^0 saved claims$/ }).waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(async () => (await claimItems(desktop)).get(claimId), { timeout: SYNC_TIMEOUT }).toMatchObject({ v: 1, z: 1 });
    console.log(`desktop tombstone: c:${claimId} = ${JSON.stringify((await claimItems(desktop)).get(claimId))}`);
    await options.close();
  });

  it('the laptop: the removal travels back; its sidebar, popup and options list no longer list the claim', async () => {
    const popup = await openPopup(laptop);
    await popup.getByRole('heading', { name: 'Saved claims: 1' }).waitFor({ timeout: UI_TIMEOUT });
    const options = await openSavedClaimsList(laptop);
    await options.locator(`[data-claim-id="${claimId}"]`).waitFor({ timeout: UI_TIMEOUT });

    const delivered = await deliver(desktop, laptop);
    expect(delivered).toEqual([`c:${claimId}`]);

    // Open pages follow the change by themselves (the background's 'claims/changed').
    const card = laptopSidebar.locator('[data-claim]').first();
    await card.locator('[data-action="save-claim"]').filter({ hasText: /^Save this claim$/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await card.locator('.claim__saved').textContent()).toBe('');
    await popup.getByRole('heading', { name: 'Saved claims: 0' }).waitFor({ timeout: UI_TIMEOUT });
    await options.locator('[data-testid="saved-claims-heading"]').filter({ hasText: /^0 saved claims$/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await options.locator(`[data-claim-id="${claimId}"]`).count()).toBe(0);
    await popup.close();
    await options.close();
  });
});

describe('when sync storage is full', () => {
  it('the sidebar says the claim is saved on this device only and why; the options page shows the way out; room lets it sync', async () => {
    const page = await newPage(laptop);
    const sidebar = await openSidebar(laptop, page);
    // Another feature's items fill the area (they count against the same 100 KB quota).
    const sw = await laptop.serviceWorker();
    const left = await sw.evaluate(async (leaveBytes) => {
      const filler: Record<string, string> = {};
      for (let i = 0; i < 12; i++) filler[`other-feature-${i}`] = 'x'.repeat(8_100);
      await chrome.storage.sync.set(filler);
      // The last one leaves less room than one claim takes (~470 bytes).
      const key = 'other-feature-12';
      const room = 102_400 - (await chrome.storage.sync.getBytesInUse(null));
      await chrome.storage.sync.set({ [key]: 'x'.repeat(room - leaveBytes - key.length - 2) });
      return 102_400 - (await chrome.storage.sync.getBytesInUse(null));
    }, FREE_BYTES_LEFT);
    expect(left).toBe(FREE_BYTES_LEFT);
    const card = sidebar.locator('[data-claim]').nth(1);
    await card.getByRole('button', { name: 'Save this claim' }).click();
    const line = card.locator('.claim__saved');
    await line.filter({ hasText: /^Saved on this device only — not synced\./ }).waitFor({ timeout: SYNC_TIMEOUT });
    const said = (await line.textContent()) ?? '';
    console.log(`sidebar with sync full: ${said}`);
    expect(said).toBe('Saved on this device only — not synced. Sync storage is full (100 KB). 1 claim is saved on this device only. Export or remove old claims to sync them.');

    const options = await openSavedClaimsList(laptop);
    await options.locator('[data-testid="sync-status"][data-state="quota-full"]').waitFor({ timeout: UI_TIMEOUT });
    await options.getByRole('button', { name: 'Export all as JSON' }).waitFor();
    await options.getByRole('button', { name: 'List the oldest claims first' }).waitFor();
    expect(await axeViolationsInBothSchemes(options, '#saved-claims')).toEqual([]);
    // The export holds the claim in full.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all as JSON' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; claims: { text: string }[] };
    expect(exported.format).toBe('crosscheck-saved-claims');
    expect(exported.claims.map((c) => c.text)).toEqual([await card.locator('.claim__text').textContent()]);

    // Room again: the waiting claim goes to sync by itself.
    await sw.evaluate(() => chrome.storage.sync.remove(Array.from({ length: 13 }, (_, i) => `other-feature-${i}`)));
    await line.filter({ hasText: /^Synced\.$/ }).waitFor({ timeout: SYNC_TIMEOUT });
    await options.locator('[data-testid="sync-status"][data-state="synced"]').waitFor({ timeout: UI_TIMEOUT });
    await options.close();
    await page.close();
  });
});
