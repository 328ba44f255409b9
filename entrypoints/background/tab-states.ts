// What each tab shows, kept in storage.session: it survives a service-worker restart,
// is gone when the browser closes, and is not readable by content scripts or pages.
import { browser } from 'wxt/browser';
import type { TabState } from '../../lib/protocol';
import { joinedTabState, tabReportKey as reportKey, tabStateKey as key } from '../../lib/stored-tab-states';

// A tab's report is kept under a key of its own (lib/stored-tab-states.ts). The state changes
// several times per analysis (analysing, each partial report, the report, ready, the sidebar
// opened), the report only with the matches: a change of status writes a few hundred bytes,
// not the report again (160 KB for a long article; about 35 ms a write at 10,000 reports in
// Chromium's service worker, where the report lists more reports).

/**
 * The states this worker has read or written: storage.session is what survives a restart,
 * this is its copy while the worker lives, so that a patch (several per analysis) does not
 * read back what it just wrote. Every write of a `tab:` or `tab-report:` key goes through
 * this module, so the copy cannot fall behind.
 */
const known = new Map<number, TabState>();
/** The report object storage holds for each tab, as far as this worker knows: the report is written again only when another. */
const storedReports = new Map<number, TabState['report']>();

export function emptyTabState(tabId: number, url = ''): TabState {
  return { tabId, url, status: 'waiting', article: null, topic: null, report: null, sidebarOpen: false, error: null };
}

export async function readTabState(tabId: number): Promise<TabState> {
  const copy = known.get(tabId);
  if (copy) return copy;
  const items = await browser.storage.session.get([key(tabId), reportKey(tabId)]);
  const found = items[key(tabId)] as TabState | undefined;
  const report = items[reportKey(tabId)] as TabState['report'] | undefined;
  const stored = found && joinedTabState(found, report);
  // A write that finished meanwhile is newer than what this read found.
  if (stored && !known.has(tabId)) {
    known.set(tabId, stored);
    // Only a report under its own key counts as stored: one found inside an older state
    // (Firefox may keep storage.session across an update) is written to its key next time.
    storedReports.set(tabId, report ?? null);
  }
  return stored ?? emptyTabState(tabId);
}

export interface WriteOptions {
  /**
   * false: this worker's copy only, for a state that is over in a moment (an analysis's
   * partial reports, several a second while matches come in). A restarted worker has lost
   * the analysis anyway; the next durable write stores what the copy holds then.
   */
  durable?: boolean;
}

export async function writeTabState(state: TabState, { durable = true }: WriteOptions = {}): Promise<TabState> {
  const { tabId } = state;
  if (!durable) {
    known.set(tabId, state);
    return state;
  }
  // The copy holds the new state while it is written: a read meanwhile (the sidebar asking
  // for its tab) gets what is being stored, not the older state storage still holds.
  known.set(tabId, state);
  // The report is written with the state when it is another object than the one stored:
  // in one call, so that storage never holds a state beside another state's report.
  const items: Record<string, unknown> = { [key(tabId)]: { ...state, report: null } };
  const reportStored = storedReports.has(tabId) && storedReports.get(tabId) === state.report;
  storedReports.delete(tabId);
  if (!reportStored) items[reportKey(tabId)] = state.report;
  try {
    await browser.storage.session.set(items);
  } catch (error) {
    // Not stored (quota): the next read asks storage again.
    if (known.get(tabId) === state) known.delete(tabId);
    throw error;
  }
  storedReports.set(tabId, state.report);
  return state;
}

/** Per tab, the last patch begun: the next one starts after it. */
const patching = new Map<number, Promise<unknown>>();

/**
 * Changes some fields of a tab's state. Patches of one tab run one after another: two at
 * once would each read the old state and the second write would undo the first (the page
 * saying its sidebar is open while the analysis stores its matches).
 */
export function patchTabState(tabId: number, patch: Partial<TabState>, options?: WriteOptions): Promise<TabState> {
  const before = patching.get(tabId) ?? Promise.resolve();
  const done = before.catch(() => undefined).then(async () => writeTabState({ ...(await readTabState(tabId)), ...patch, tabId }, options));
  patching.set(tabId, done);
  void done.catch(() => undefined).finally(() => {
    if (patching.get(tabId) === done) patching.delete(tabId);
  });
  return done;
}

export async function forgetTab(tabId: number): Promise<void> {
  known.delete(tabId);
  storedReports.delete(tabId);
  await browser.storage.session.remove([key(tabId), reportKey(tabId)]);
  // A read that began before the removal may have kept the old state meanwhile.
  known.delete(tabId);
  storedReports.delete(tabId);
}
