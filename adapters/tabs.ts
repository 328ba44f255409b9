// The tabs and extension pages the popup and the sidebar work with. Components reach the
// browser only through adapters (a lint zone enforces it), so they ask here for their tab and
// for the pages they open.

import { browser } from 'wxt/browser';

export interface TabRef {
  id: number;
  /** Undefined when the browser does not disclose the address to the extension. */
  url: string | undefined;
}

/** The tab with this id, or null when it is no longer open. */
export async function getTab(tabId: number): Promise<TabRef | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { id: tabId, url: tab.url || undefined };
  } catch {
    return null;
  }
}

/** The active tab of the current window, or null when there is none. */
export async function activeTab(): Promise<TabRef | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return { id: tab.id, url: tab.url || undefined };
}

/** The tab an extension page is shown in (the sidebar's frame), or null when it is in none or the browser does not say. */
export async function currentTab(): Promise<TabRef | null> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) return null;
  return { id: tab.id, url: tab.url || undefined };
}

export function reloadTab(tabId: number): void {
  void browser.tabs.reload(tabId);
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

/** The options page in a new tab, scrolled to `hash` (an element id on that page). */
export function openOptionsAt(hash: string): void {
  void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#${hash}` });
}
