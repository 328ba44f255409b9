// The background's answers to every request of the protocol, built from the corpus and the
// analysis function it is given. Kept apart from index.ts so that wiring tests can
// register exactly these handlers against a fake browser and a fake IndexedDB.

import { browser } from 'wxt/browser';
import { askTab, broadcast, type Handlers } from '../../adapters/messaging';
import { readSettings, siteOf, updateSettings } from '../../adapters/settings';
import type { ArticleInfo, Analysis } from '../../lib/types';
import { matchedReportIds, withReportDetails } from '../../lib/report-details';
import { capArticleText, capTitle, withoutInvisibles } from '../../lib/page-limits';
import { tabOfRequest, type BackgroundRequests, type PageReport, type Sender, type TabState } from '../../lib/protocol';
import { checkedPageStatus, checkedSnapshotFields } from '../../lib/tab-state-limits';
import { articleFigureSource, buildTimeline, corpusFigureSources, type FigureSource } from '../../lib/timeline';
import type { Corpus } from './corpus';
import { afterAnalysis, answerReading, ownAddresses } from './reading';
import { emptyTabState, patchTabState, readTabState } from './tab-states';

type CorpusIndexOf<C> = C extends { getIndex(): Promise<infer I> } ? I : never;

/** lib/analyze's `analyzeArticleText`, passed in so the handlers do not pin the engine. */
export type AnalyzeText = (
  page: { title: string; text: string; article: ArticleInfo },
  index: CorpusIndexOf<Corpus>,
  options: { sensitivity: number; excludeReportIds?: readonly string[] },
) => Analysis;

export interface BackgroundServices {
  corpus: Corpus;
  analyze: AnalyzeText;
}

/** The article a tab shows, visible paragraphs only (what "Add this article" keeps too). */
async function readVisibleArticle(tabId: number) {
  const reply = await askTab(tabId, 'content/article', null);
  return reply.ok ? reply.value : null;
}

/** The corpus's figure sources, read once per index (a new index is built when the corpus changes). */
const corpusFigures = new WeakMap<object, FigureSource[]>();

/** A content script's own tab (the messaging layer lets only content scripts send page/*). */
function ownTab(sender: Sender): number {
  return contentSender(sender).tabId;
}

function contentSender(sender: Sender): Extract<Sender, { kind: 'content' }> {
  if (sender.kind !== 'content') throw new Error('Only a page may say this about itself');
  return sender;
}

/** The tab an extension page's request is about, or none (the options page names none and sits in none). */
function optionalTab(tabId: unknown, sender: Sender): number | null {
  return tabId === undefined && sender.tabId === null ? null : tabOfRequest(tabId, sender);
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
      const page = contentSender(sender);
      const tabId = page.tabId;
      const checked = checkedSnapshotFields(snapshot);
      await changedTab(tabId, { ...checked, status: 'analyzing', error: null, remembered: false });
      try {
        const [index, settings, stats, ownIds] = await Promise.all([corpus.getIndex(), readSettings(), corpus.stats(), corpus.idsAt(ownAddresses(page.url, checked.url))]);
        // The content script cuts too; a page's text is bounded here whatever sends it.
        const text = capArticleText(withoutInvisibles(typeof snapshot.text === 'string' ? snapshot.text : '')).text;
        const title = capTitle(snapshot.title);
        const article = checked.article ?? { isArticle: true, title: null, byline: null, siteName: null, publishedTime: null, words: 0 };
        // An article already in the corpus (remembered, or added by the reader) is not its own corroboration.
        const bare = analyze({ title: title ?? '', text, article }, index, { sensitivity: settings.sensitivity, excludeReportIds: ownIds });
        // Which story each listed report carries and what names a report without a headline, from what was stored with it.
        const analysis = withReportDetails(bare, await corpus.details(matchedReportIds(bare)));
        const report: PageReport = { ...analysis, url: checked.url, analyzedAt: Date.now(), corpusSize: stats.reports - ownIds.length };
        await changedTab(tabId, { status: analysis.topic.onTopic ? 'ready' : 'off-topic', topic: analysis.topic, report });
        // After the sidebar has its results: keeping the article must not delay them.
        const remembered = await afterAnalysis(corpus, settings, { tabId, senderUrl: page.url, url: checked.url, title, text, article, onTopic: analysis.topic.onTopic }, readVisibleArticle).catch((error: unknown) => {
          console.error('[crosscheck] could not remember this article:', error);
          return false;
        });
        if (remembered) await changedTab(tabId, { remembered: true });
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
    'figures/timeline': async (request, sender) => {
      const [index, state] = await Promise.all([corpus.getIndex(), readTabState(tabOfRequest(request?.tabId, sender))]);
      let sources = corpusFigures.get(index);
      if (!sources) corpusFigures.set(index, (sources = corpusFigureSources(index)));
      // The article's own figures count only when it was read as on the topic; a report kept at
      // its address (remembered, or added by the reader) is that same article, not counted twice.
      const report = state.status === 'ready' ? state.report : undefined;
      if (!report) return buildTimeline(sources, index.pack.figureKinds);
      const own = new Set(await corpus.idsAt([report.url]));
      return buildTimeline([articleFigureSource(report, index.pack), ...sources.filter((r) => !own.has(r.reportId ?? ''))], index.pack.figureKinds);
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
    'reading/set': async ({ remember, tabId }, sender) => {
      const tab = optionalTab(tabId, sender);
      const settings = await updateSettings({ rememberReading: remember === true ? 'on' : 'off' });
      broadcast('settings/changed', settings);
      const kept = await answerReading(corpus, settings, tab, readVisibleArticle);
      if (kept) await changedTab(tab!, { remembered: true });
      return { settings, kept };
    },
    'reading/forget-all': async () => {
      const removed = await corpus.forgetReading();
      return { removed };
    },
    'settings/get': () => readSettings(),
    'settings/set': async (patch) => {
      const settings = await updateSettings(patch);
      broadcast('settings/changed', settings);
      void tellPages();
      return settings;
    },
  };
}
