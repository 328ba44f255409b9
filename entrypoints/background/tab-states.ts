// What each tab shows, kept in storage.session: it survives a service-worker restart,
// is gone when the browser closes, and is not readable by content scripts or pages.
import { browser } from 'wxt/browser';
import type { TabState } from '../../lib/protocol';

const key = (tabId: number) => `tab:${tabId}`;

/**
 * The states this worker has read or written: storage.session is what survives a restart,
 * this is its copy while the worker lives, so that a patch (several per analysis, each
 * carrying the whole report) does not read back what it just wrote. Every write of a `tab:`
 * key goes through this module, so the copy cannot fall behind.
 */
const known = new Map<number, TabState>();

export function emptyTabState(tabId: number, url = ''): TabState {
  return { tabId, url, status: 'waiting', article: null, topic: null, report: null, sidebarOpen: false, error: null };
}

export async function readTabState(tabId: number): Promise<TabState> {
  const copy = known.get(tabId);
  if (copy) return copy;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabState | undefined;
  // A write that finished meanwhile is newer than what this read found.
  if (stored && !known.has(tabId)) known.set(tabId, stored);
  return stored ?? emptyTabState(tabId);
}

export async function writeTabState(state: TabState): Promise<TabState> {
  // Forgotten first: were the write to fail (quota), the next read asks storage again.
  known.delete(state.tabId);
  await browser.storage.session.set({ [key(state.tabId)]: state });
  known.set(state.tabId, state);
  return state;
}

/** Per tab, the last patch begun: the next one starts after it. */
const patching = new Map<number, Promise<unknown>>();

/**
 * Changes some fields of a tab's state. Patches of one tab run one after another: two at
 * once would each read the old state and the second write would undo the first (the page
 * saying its sidebar is open while the analysis stores its matches).
 */
export function patchTabState(tabId: number, patch: Partial<TabState>): Promise<TabState> {
  const before = patching.get(tabId) ?? Promise.resolve();
  const done = before.catch(() => undefined).then(async () => writeTabState({ ...(await readTabState(tabId)), ...patch, tabId }));
  patching.set(tabId, done);
  void done.catch(() => undefined).finally(() => {
    if (patching.get(tabId) === done) patching.delete(tabId);
  });
  return done;
}

export async function forgetTab(tabId: number): Promise<void> {
  known.delete(tabId);
  await browser.storage.session.remove(key(tabId));
  // A read that began before the removal may have kept the old state meanwhile.
  known.delete(tabId);
}
