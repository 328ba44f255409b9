// The background's record of each tab, as storage.session holds it: the state under `tab:<id>`
// and its report under `tab-report:<id>` (entrypoints/background/tab-states.ts keeps them
// apart so that a change of status does not write the report again). The tests read the
// whole area in the worker and put each state back together here.
import type { TabState } from '../../lib/protocol';

export function tabStatesIn(items: Record<string, unknown>): TabState[] {
  return Object.entries(items)
    .filter(([key, value]) => key.startsWith('tab:') && value !== null && typeof value === 'object')
    .map(([key, value]) => {
      const report = items[`tab-report:${key.slice('tab:'.length)}`] as TabState['report'] | undefined;
      return { ...(value as TabState), report: report ?? (value as TabState).report ?? null };
    });
}
