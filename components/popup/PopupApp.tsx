// Wires the popup to the browser: finds its tab, asks the background for the tab's state,
// the settings and the corpus size, follows their broadcasts, and runs the reader's actions.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import { siteOf } from '../../adapters/settings';
import { activeTab, getTab, openOptionsAt, openOptionsPage, reloadTab, type TabRef } from '../../adapters/tabs';
import type { CorpusStats, Settings, TabState } from '../../lib/protocol';
import { RememberReadingSwitch } from '../reading/RememberReadingSwitch';
import { reportLead, reportName } from '../../lib/report-name';
import { useFigureTimeline } from '../figures/use-figure-timeline';
import { PopupSavedClaims } from '../saved-claims/PopupSavedClaims';
import { pageUrlOf } from './popup-model';
import { PopupView, type Feedback, type PopupBusy } from './PopupView';

/** The tab named by `?tab=<id>` (how tests and links open the popup for a given tab), or null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

async function findTab(search: string): Promise<TabRef> {
  const named = tabIdFromSearch(search);
  if (named !== null) {
    const tab = await getTab(named);
    if (!tab) throw new Error('The tab this popup was opened for is no longer open.');
    return tab;
  }
  const tab = await activeTab();
  if (!tab) throw new Error('There is no tab to show.');
  return tab;
}

/** The options page, scrolled to its saved-claims list. */
export function openSavedClaimsList(): void {
  openOptionsAt('saved-claims');
}

export function PopupApp({ search }: { search: string }) {
  const [tab, setTab] = useState<TabRef | null>(null);
  const [state, setState] = useState<TabState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [stats, setStats] = useState<CorpusStats | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState<PopupBusy>(null);

  useEffect(() => {
    findTab(search).then(setTab, (error: Error) => setFailure(error.message));
  }, [search]);

  const loadStats = useCallback(async () => {
    const reply = await askBackground('corpus/stats', null);
    if (reply.ok) setStats(reply.value);
  }, []);

  const loadState = useCallback(async (tabId: number) => {
    // The address may have changed since the popup opened (the tab navigated).
    const current = await getTab(tabId);
    const reply = await askBackground('tab/state', { tabId });
    if (current) {
      const url = current.url;
      setTab((prev) => (prev && prev.id === tabId && prev.url !== url ? { id: tabId, url } : prev));
    }
    if (reply.ok) {
      setState(reply.value);
      setFailure(null);
    } else {
      setFailure(reply.error);
    }
  }, []);

  const tabId = tab?.id;
  useEffect(() => {
    if (tabId === undefined) return undefined;
    void loadState(tabId);
    void loadStats();
    void askBackground('settings/get', null).then((reply) => (reply.ok ? setSettings(reply.value) : setFailure(reply.error)));
    const stops = [
      onBroadcast('tab/changed', ({ tabId: changed }) => {
        if (changed === tabId) void loadState(tabId);
      }),
      onBroadcast('corpus/changed', () => void loadStats()),
      onBroadcast('settings/changed', setSettings),
    ];
    return () => stops.forEach((stop) => stop());
  }, [tabId, loadState, loadStats]);

  // The figures over time, once the tab's article is read as on the topic.
  const figures = useFigureTimeline(tabId, state?.status === 'ready' ? state.report?.analyzedAt : undefined);

  const run = async (kind: Exclude<PopupBusy, null>, action: () => Promise<Feedback | null>) => {
    setBusy(kind);
    setFeedback(null);
    try {
      setFeedback(await action());
    } finally {
      setBusy(null);
    }
  };

  const site = (() => {
    const url = pageUrlOf({ tabUrl: tab?.url, state });
    return url ? siteOf(url) : '';
  })();

  return (
    <PopupView
      tabUrl={tab?.url}
      state={state}
      settings={settings}
      failure={failure}
      stats={stats}
      feedback={feedback}
      busy={busy}
      onSidebar={(open) =>
        tab &&
        void run('sidebar', async () => {
          const reply = await askBackground('tab/sidebar', { tabId: tab.id, open });
          if (!reply.ok) return { tone: 'error', text: reply.error };
          setState(reply.value);
          return null;
        })
      }
      onPause={(pause) =>
        void run('pause', async () => {
          if (!site) return null;
          const current = settings?.pausedSites ?? [];
          const pausedSites = pause ? [...current, site] : current.filter((s) => s !== site);
          const reply = await askBackground('settings/set', { pausedSites });
          if (!reply.ok) return { tone: 'error', text: `Could not change the setting: ${reply.error}` };
          setSettings(reply.value);
          return { tone: 'ok', text: pause ? `Crosscheck is paused on ${site}.` : `Crosscheck is back on ${site}.` };
        })
      }
      onAddArticle={() =>
        tab &&
        void run('add', async () => {
          const reply = await askBackground('tab/add-article', { tabId: tab.id });
          if (!reply.ok) return { tone: 'error', text: reply.error };
          return {
            tone: 'ok',
            text: `Added “${reportName({ ...reply.value, lead: reportLead(reply.value.text) })}” to your reports. Pages you read from now on are matched against it too.`,
          };
        })
      }
      onReload={() => tab && reloadTab(tab.id)}
      onOpenOptions={openOptionsPage}
      savedClaims={<PopupSavedClaims onOpenList={openSavedClaimsList} />}
      rememberReading={
        settings && (
          <RememberReadingSwitch
            setting={settings.rememberReading}
            idPrefix="popup-remember"
            onChange={async (remember) => {
              // Turned on here, the article in this tab is kept too when it is on the topic.
              const reply = await askBackground('reading/set', tab ? { remember, tabId: tab.id } : { remember });
              if (!reply.ok) return reply.error;
              setSettings(reply.value.settings);
              return null;
            }}
          />
        )
      }
      figures={figures}
    />
  );
}
