// The background's answers to every request of the protocol, built from the corpus and the
// analysis function it is given. Kept apart from index.ts so that wiring tests can
// register exactly these handlers against a fake browser and a fake IndexedDB.

import { browser } from 'wxt/browser';
import { askTab, broadcast, type Handlers } from '../../adapters/messaging';
import { readSettings, siteOf, updateSettings } from '../../adapters/settings';
import type { ArticleInfo, Analysis } from '../../lib/types';
import { capArticleText, capTitle, withoutInvisibles } from '../../lib/page-limits';
import { tabOfRequest, type BackgroundRequests, type PageReport, type Sender, type TabState } from '../../lib/protocol';
import { checkedPageStatus, checkedSnapshotFields } from '../../lib/tab-state-limits';
import type { Corpus } from './corpus';
import { emptyTabState, patchTabState, readTabState } from './tab-states';

type CorpusIndexOf<C> = C extends { getIndex(): Promise<infer I> } ? I : never;

/** lib/analyze's `analyzeArticleText`, passed in so the handlers do not pin the engine. */
export type AnalyzeText = (
  page: { title: string; text: string; article: ArticleInfo },
  index: CorpusIndexOf<Corpus>,
  options: { sensitivity: number },
) => Analysis;

export interface BackgroundServices {
  corpus: Corpus;
  analyze: AnalyzeText;
}

/** A content script's own tab (the messaging layer lets only content scripts send page/*). */
function ownTab(sender: Sender): number {
  if (sender.kind !== 'content') throw new Error('Only a page may say this about itself');
  return sender.tabId;
}

/** Tells every tab's content script that the settings changed; tabs without one do not answer. */
async function tellPages(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : askTab(tab.id, 'content/settings-changed', null))));
}

async function changedTab(tabId: number, patch: Partial<TabState>): Promise<TabState> {
  const state = await patchTabState(tabId, patch);
  broadcast('tab/changed', { tabId });
  return state;
}

/** Opens, closes or toggles the sidebar in a tab through its content script. */
export async function setSidebar(tabId: number, open: boolean | 'toggle'): Promise<TabState> {
  const reply = await askTab(tabId, 'content/sidebar', { open });
  if (!reply.ok) throw new Error('Crosscheck is not running in this tab (reload the page, or it is a page extensions may not read)');
  return changedTab(tabId, { sidebarOpen: reply.value.open });
}

export function createBackgroundHandlers({ corpus, analyze }: BackgroundServices): Handlers<BackgroundRequests> {
  return {
    'page/analyze': async (snapshot, sender) => {
      const tabId = ownTab(sender);
      const checked = checkedSnapshotFields(snapshot);
      await changedTab(tabId, { ...checked, status: 'analyzing', error: null });
      try {
        const [index, settings, stats] = await Promise.all([corpus.getIndex(), readSettings(), corpus.stats()]);
        // The content script cuts too; a page's text is bounded here whatever sends it.
        const text = capArticleText(withoutInvisibles(typeof snapshot.text === 'string' ? snapshot.text : '')).text;
        const analysis = analyze(
          { title: capTitle(snapshot.title) ?? '', text, article: checked.article ?? { isArticle: true, title: null, byline: null, siteName: null, publishedTime: null, words: 0 } },
          index,
          { sensitivity: settings.sensitivity },
        );
        const report: PageReport = { ...analysis, url: checked.url, analyzedAt: Date.now(), corpusSize: stats.reports };
        await changedTab(tabId, { status: analysis.topic.onTopic ? 'ready' : 'off-topic', topic: analysis.topic, report });
        return report;
      } catch (error) {
        await changedTab(tabId, { status: 'error', error: (error as Error).message });
        throw error;
      }
    },
    'page/status': async (request, sender) => {
      const tabId = ownTab(sender);
      const { url, status, article, topic, note } = checkedPageStatus(request);
      await changedTab(tabId, { ...emptyTabState(tabId, url), status, article, topic, error: note });
      return null;
    },
    'page/settings': async ({ url }) => {
      const settings = await readSettings();
      return { paused: settings.pausedSites.includes(siteOf(typeof url === 'string' ? url : '')), sidebarCollapsed: settings.sidebarCollapsed };
    },
    'page/sidebar': async ({ open, remember }, sender) => {
      const tabId = ownTab(sender);
      await changedTab(tabId, { sidebarOpen: open === true });
      if (remember === true) {
        const settings = await updateSettings({ sidebarCollapsed: open !== true });
        broadcast('settings/changed', settings);
      }
      return null;
    },
    'page/focus-claim': ({ index }, sender) => {
      if (typeof index === 'number' && Number.isInteger(index) && index >= 0) broadcast('sidebar/focus-claim', { tabId: ownTab(sender), index });
      return null;
    },
    'tab/state': async ({ tabId }, sender) => readTabState(tabOfRequest(tabId, sender)),
    'tab/sidebar': async ({ tabId, open }, sender) => setSidebar(tabOfRequest(tabId, sender), open),
    'tab/add-article': async ({ tabId }, sender) => {
      const reply = await askTab(tabOfRequest(tabId, sender), 'content/article', null);
      if (!reply.ok) throw new Error('Could not read the article in this tab: ' + reply.error);
      const a = reply.value;
      if (!a.article.isArticle) throw new Error('This page does not look like a news article, so it was not added');
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
      void tellPages();
      return settings;
    },
  };
}
