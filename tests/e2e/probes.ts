// What the end-to-end tests look at in a real Chromium tab: the background's
// record of the tab, the sidebar frame, what Crosscheck put into the page, the content
// script's own cost account, and every error that reached the page's console.
import type { ConsoleMessage, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ContentCost } from '../../lib/protocol';
import type { ExtensionBrowser } from './chromium';
import { tabStatesIn } from '../../lib/stored-tab-states';

export const UI_TIMEOUT = 20_000;

// The extension APIs as the functions handed to sw.evaluate see them there.
declare const chrome: {
  storage: { session: { get(k: string | null): Promise<Record<string, unknown>> } };
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<{ ok: boolean; value: ContentCost }> };
};

export interface StoredTab {
  tabId: number;
  url: string;
  status: string;
  error: string | null;
  /** The topic verdict the popup shows, when one was given. */
  topic?: { onTopic: boolean; score: number } | null;
}

/** The background's record of the tab showing this page (found by URL: without the "tabs" permission tab URLs are hidden). */
export async function tabState(browser: ExtensionBrowser, page: Page): Promise<StoredTab | undefined> {
  const sw = await browser.serviceWorker();
  const states = tabStatesIn(await sw.evaluate(async () => chrome.storage.session.get(null)));
  return states.find((s) => s.url === page.url());
}

export async function waitForStatus(browser: ExtensionBrowser, page: Page, status: RegExp): Promise<string> {
  let seen: string | undefined;
  await expect.poll(async () => (seen = (await tabState(browser, page))?.status), { timeout: UI_TIMEOUT }).toMatch(status);
  return seen!;
}

/** The content script's own account of its main-thread time in this tab. */
export async function contentCost(browser: ExtensionBrowser, page: Page): Promise<ContentCost> {
  await expect.poll(async () => (await tabState(browser, page))?.tabId, { timeout: UI_TIMEOUT }).toBeTypeOf('number');
  const tabId = (await tabState(browser, page))!.tabId;
  const sw = await browser.serviceWorker();
  const reply = await sw.evaluate((id) => chrome.tabs.sendMessage(id, { crosscheck: 1, type: 'content/cost', payload: null }, { frameId: 0 }), tabId);
  expect(reply.ok).toBe(true);
  return reply.value;
}

export function sidebarFrame(browser: ExtensionBrowser, page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith(browser.extensionUrl('sidebar.html')));
}

/** The sidebar's frame once it is in the page, open or collapsed. */
export async function waitForSidebarFrame(browser: ExtensionBrowser, page: Page): Promise<Frame> {
  await expect.poll(() => sidebarFrame(browser, page) !== undefined, { timeout: UI_TIMEOUT }).toBe(true);
  return sidebarFrame(browser, page)!;
}

/**
 * A sidebar that lists claims and is done checking them: the claims come first and their
 * matches as they are found, with the list marked busy (aria-busy) until the last one.
 */
export const SIDEBAR_SETTLED = 'main[aria-busy="false"] [data-claim]';

/** The open sidebar, once it lists its claims, all checked. */
export async function waitForSidebar(browser: ExtensionBrowser, page: Page): Promise<Frame> {
  const frame = await waitForSidebarFrame(browser, page);
  await frame.locator(SIDEBAR_SETTLED).first().waitFor({ timeout: UI_TIMEOUT });
  return frame;
}

/** Everything Crosscheck could have put into the page that a reader (or the page) could see. */
export function injected(page: Page) {
  return page.evaluate(() => ({
    hosts: document.querySelectorAll('crosscheck-sidebar').length,
    extensionFrames: [...document.querySelectorAll('iframe')].filter((f) => /^(chrome|moz)-extension:/.test(f.src)).length,
    highlights: typeof CSS !== 'undefined' && CSS.highlights ? CSS.highlights.size : 0,
    marks: document.querySelectorAll('mark[data-crosscheck]').length,
    styles: document.querySelectorAll('style[data-crosscheck-style]').length,
    // The room the open panel reserves beside the page.
    pageShift: document.documentElement.style.marginRight,
  }));
}

export const NOTHING_INJECTED = { hosts: 0, extensionFrames: 0, highlights: 0, marks: 0, styles: 0, pageShift: '' };

export const highlightedTexts = (page: Page) =>
  page.evaluate(() => [...((CSS.highlights.get('crosscheck-claim') as Set<Range> | undefined) ?? [])].map((r) => r.toString()));

/** Errors the page's console and its uncaught-exception handler saw, from any world, each with where it came from. */
export interface ErrorLog {
  all: string[];
  /** Those that are not the page's own (anything but `own`). */
  foreign(own: string): string[];
  /** Those that name the extension (its scripts' URLs, its name, or the orphaned script's error), on a real page with errors of its own. */
  fromExtension(): string[];
}

export function collectErrors(page: Page): ErrorLog {
  const all: string[] = [];
  page.on('pageerror', (e) => all.push(`pageerror: ${e.message} @ ${e.stack ?? ''}`));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning' || /crosscheck|chrome-extension|context invalidated/i.test(m.text())) {
      all.push(`console.${m.type()}: ${m.text()} @ ${m.location().url}`);
    }
  });
  return {
    all,
    foreign: (own) => all.filter((e) => !e.includes(own)),
    fromExtension: () => all.filter((e) => /chrome-extension:|crosscheck|context invalidated/i.test(e)),
  };
}
