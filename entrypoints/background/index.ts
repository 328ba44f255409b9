import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CrosscheckDB } from '../../adapters/db';
import { askTab, broadcast, handleRequests } from '../../adapters/messaging';
import { readSettings, updateSettings } from '../../adapters/settings';
import { analyzeArticleText } from '../../lib/analyze';
import type { BackgroundRequests, PageReport } from '../../lib/protocol';
import { Corpus } from './corpus';
import { SEED_REPORTS } from './seeds';
import { emptyTabState, forgetTab, patchTabState, readTabState } from './tab-states';

export default defineBackground(() => {
  const corpus = new Corpus(new CrosscheckDB(), SEED_REPORTS, () => broadcast('corpus/changed', null));

  browser.runtime.onInstalled.addListener(() => {
    void corpus.installSeeds();
  });

  const tabOf = (tabId: number | undefined, sender: Browser.runtime.MessageSender): number => {
    const id = tabId ?? sender.tab?.id;
    if (id === undefined) throw new Error('No tab to answer for');
    return id;
  };

  const changedTab = async (tabId: number, patch: Parameters<typeof patchTabState>[1]) => {
    const state = await patchTabState(tabId, patch);
    broadcast('tab/changed', { tabId });
    return state;
  };

  const setSidebar = async (tabId: number, open: boolean | 'toggle') => {
    const reply = await askTab(tabId, 'content/sidebar', { open });
    if (!reply.ok) throw new Error('Crosscheck is not running in this tab (reload the page, or it is a page extensions may not read)');
    return changedTab(tabId, { sidebarOpen: reply.value.open });
  };

  handleRequests<BackgroundRequests>({
    'page/analyze': async (snapshot, sender) => {
      const tabId = tabOf(undefined, sender);
      await changedTab(tabId, { url: snapshot.url, status: 'analyzing', article: snapshot.article, topic: snapshot.topic, error: null });
      try {
        const [index, settings, stats] = await Promise.all([corpus.getIndex(), readSettings(), corpus.stats()]);
        const analysis = analyzeArticleText(
          { title: snapshot.title ?? '', text: snapshot.text, article: snapshot.article },
          index,
          { sensitivity: settings.sensitivity },
        );
        const report: PageReport = { ...analysis, url: snapshot.url, analyzedAt: Date.now(), corpusSize: stats.reports };
        await changedTab(tabId, { status: analysis.topic.onTopic ? 'ready' : 'off-topic', topic: analysis.topic, report });
        return report;
      } catch (error) {
        await changedTab(tabId, { status: 'error', error: (error as Error).message });
        throw error;
      }
    },
    'page/status': async ({ url, status, article, topic }, sender) => {
      const tabId = tabOf(undefined, sender);
      const base = emptyTabState(tabId, url);
      await changedTab(tabId, { ...base, status, article: article ?? null, topic: topic ?? null });
      return null;
    },
    'tab/state': async ({ tabId }, sender) => readTabState(tabOf(tabId, sender)),
    'tab/sidebar': async ({ tabId, open }, sender) => setSidebar(tabOf(tabId, sender), open),
    'tab/add-article': async ({ tabId }) => {
      const reply = await askTab(tabId, 'content/article', null);
      if (!reply.ok) throw new Error('Could not read the article in this tab: ' + reply.error);
      const a = reply.value;
      return corpus.add({ title: a.title, text: a.text, url: a.url, outlet: a.siteName, author: a.byline, date: a.publishedTime });
    },
    'corpus/stats': () => corpus.stats(),
    'reports/list': () => corpus.list(),
    'reports/get': async ({ id }) => (await corpus.get(id)) ?? null,
    'reports/add': (input) => corpus.add(input),
    'reports/delete': async ({ id }) => {
      await corpus.remove(id);
      return null;
    },
    'reports/import': ({ files }) => corpus.import(files),
    'reports/export': () => corpus.exportJson(),
    'settings/get': () => readSettings(),
    'settings/set': async (patch) => {
      const settings = await updateSettings(patch);
      broadcast('settings/changed', settings);
      return settings;
    },
  });

  browser.commands?.onCommand.addListener((command) => {
    if (command !== 'toggle-sidebar') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) return setSidebar(tab.id, 'toggle').catch(() => undefined);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // Warm the index after a restart so the first page analysed does not wait for it.
  void corpus.getIndex().catch(() => undefined);
});
