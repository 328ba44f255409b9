// How the background keeps each tab's state in storage.session: the state under `tab:<id>`,
// its report under `tab-report:<id>`. A change of status (several per analysis) then writes a
// few hundred bytes instead of the report again (entrypoints/background/tab-states.ts writes
// them). Whatever reads the area whole (the demo, the bench, the end-to-end tests) puts each
// state back together with `tabStatesIn`.
import type { TabState } from './protocol';

/** Prefix of the keys that hold tab states (a report's key has another). */
export const TAB_STATE_PREFIX = 'tab:';
const TAB_REPORT_PREFIX = 'tab-report:';

export const tabStateKey = (tabId: number | string) => `${TAB_STATE_PREFIX}${tabId}`;
export const tabReportKey = (tabId: number | string) => `${TAB_REPORT_PREFIX}${tabId}`;

/** A tab's state as read from its two keys (a state stored before reports had a key of their own holds its report itself). */
export function joinedTabState(state: TabState, report: TabState['report'] | undefined): TabState {
  return { ...state, report: report ?? state.report ?? null };
}

/** Every tab's state in a dump of storage.session (`storage.session.get(null)`), each with its report. */
export function tabStatesIn(items: Record<string, unknown>): TabState[] {
  return Object.entries(items)
    .filter(([key, value]) => key.startsWith(TAB_STATE_PREFIX) && value !== null && typeof value === 'object')
    .map(([key, value]) => joinedTabState(value as TabState, items[tabReportKey(key.slice(TAB_STATE_PREFIX.length))] as TabState['report'] | undefined));
}
