// The background's answers to every request of the protocol, built from the corpus and the
// analysis function it is given. Kept apart from index.ts so that wiring tests can
// register exactly these handlers against a fake browser and a fake IndexedDB.

import { browser } from 'wxt/browser';
import { askTab, broadcast, type Handlers } from '../../adapters/messaging';
import { readSettings, siteOf, updateSettings } from '../../adapters/settings';
import type { ExtractedClaim } from '../../lib/claims';
import type { ArticleInfo, Analysis, ClaimResult, TopicResult } from '../../lib/types';
import { capArticleText, capTitle, withoutInvisibles } from '../../lib/page-limits';
import { tabOfRequest, type BackgroundRequests, type PageReport, type PageSnapshot, type Sender, type TabState } from '../../lib/protocol';
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

/** A claim as lib/claims extracts it; before its matches are known it shows its text. */
type ReadClaim = ExtractedClaim;

/**
 * The analysis in two steps, so the page shows its claims before their matches: lib/analyze's
 * `readArticle` (topic verdict and claims) and lib/match's `matchClaims` (per claim, so a batch's
 * results are the whole run's).
 */
export interface StreamedAnalysis {
  read: (page: { title: string; text: string; article: ArticleInfo }, options: { sensitivity: number }) => { topic: TopicResult; claims: ReadClaim[] };
  match: (claims: readonly ReadClaim[], index: CorpusIndexOf<Corpus>) => ClaimResult[];
}

export interface BackgroundServices {
  corpus: Corpus;
  analyze: AnalyzeText;
  /** Without it, 'page/claims' answers with the whole analysis (the matches in one go). */
  stream?: StreamedAnalysis;
}

/**
 * Claims matched per batch while the matches stream in: a batch is a few tens of ms of the
 * worker's time (the 1,800-word bench article: 35 claims in ~135 ms), and between batches the
 * worker answers the sidebar's requests and tells it what landed.
 */
export const MATCH_BATCH_CLAIMS = 8;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A claim shown before its matches are known. */
const pendingResult = (claim: ReadClaim): ClaimResult => ({ text: claim.text, quantities: [], attribution: claim.attribution, matches: [] });

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

export function createBackgroundHandlers({ corpus, analyze, stream }: BackgroundServices): Handlers<BackgroundRequests> {
  /** Matching under way per tab (started by 'page/claims'), for the page text it is about. */
  const matching = new Map<number, { key: string; done: Promise<PageReport> }>();

  /** The page as the engine reads it, bounded here whatever the content script sent. */
  const pageOf = (snapshot: PageSnapshot) => {
    const checked = checkedSnapshotFields(snapshot);
    // The content script cuts too; a page's text is bounded here whatever sends it.
    const text = capArticleText(withoutInvisibles(typeof snapshot.text === 'string' ? snapshot.text : '')).text;
    const article = checked.article ?? { isArticle: true, title: null, byline: null, siteName: null, publishedTime: null, words: 0 };
    return { checked, page: { title: capTitle(snapshot.title) ?? '', text, article }, key: `${checked.url}\n${text}` };
  };

  const analyzeWhole = async (tabId: number, snapshot: PageSnapshot): Promise<PageReport> => {
    const { checked, page } = pageOf(snapshot);
    matching.delete(tabId);
    await changedTab(tabId, { ...checked, status: 'analyzing', error: null });
    try {
      const [index, settings, stats] = await Promise.all([corpus.getIndex(), readSettings(), corpus.stats()]);
      const analysis = analyze(page, index, { sensitivity: settings.sensitivity });
      const report: PageReport = { ...analysis, url: checked.url, analyzedAt: Date.now(), corpusSize: stats.reports };
      await changedTab(tabId, { status: analysis.topic.onTopic ? 'ready' : 'off-topic', topic: analysis.topic, report });
      return report;
    } catch (error) {
      await changedTab(tabId, { status: 'error', error: (error as Error).message });
      throw error;
    }
  };

  /** Matches the claims batch by batch, writing the tab's state after each, while this is still the tab's analysis. */
  const matchInBatches = async (
    tabId: number,
    first: PageReport,
    claims: readonly ReadClaim[],
    index: CorpusIndexOf<Corpus>,
    current: () => boolean,
  ): Promise<PageReport> => {
    const { scoredClaims: _pending, ...whole } = first;
    const results = [...first.claims];
    let report: PageReport = first;
    for (let from = 0; from < claims.length; from += MATCH_BATCH_CLAIMS) {
      // Each batch is a task of its own: the sidebar's requests are answered in between.
      await nextTask();
      const batch = stream!.match(claims.slice(from, from + MATCH_BATCH_CLAIMS), index);
      results.splice(from, batch.length, ...batch);
      const scored = Math.min(claims.length, from + MATCH_BATCH_CLAIMS);
      const done = scored >= claims.length;
      report = done ? { ...whole, claims: [...results] } : { ...whole, claims: [...results], scoredClaims: scored };
      if (!current()) return report;
      await changedTab(tabId, done ? { status: 'ready', report } : { report });
    }
    return report;
  };

  return {
    'page/claims': async (snapshot, sender) => {
      const tabId = ownTab(sender);
      if (!stream) return analyzeWhole(tabId, snapshot);
      const { checked, page, key } = pageOf(snapshot);
      matching.delete(tabId);
      await changedTab(tabId, { ...checked, status: 'analyzing', error: null });
      try {
        const [index, settings, stats] = await Promise.all([corpus.getIndex(), readSettings(), corpus.stats()]);
        const { topic, claims } = stream.read(page, { sensitivity: settings.sensitivity });
        const base = { article: page.article, topic, url: checked.url, analyzedAt: Date.now(), corpusSize: stats.reports };
        if (!topic.onTopic || claims.length === 0) {
          const report: PageReport = { ...base, claims: [] };
          await changedTab(tabId, { status: topic.onTopic ? 'ready' : 'off-topic', topic, report });
          return report;
        }
        const first: PageReport = { ...base, claims: claims.map(pendingResult), scoredClaims: 0 };
        await changedTab(tabId, { status: 'analyzing', topic, report: first });
        const job = { key, done: Promise.resolve(first) };
        job.done = matchInBatches(tabId, first, claims, index, () => matching.get(tabId) === job).catch(async (error: unknown) => {
          if (matching.get(tabId) === job) await changedTab(tabId, { status: 'error', error: (error as Error).message });
          throw error;
        });
        // Nobody may be waiting (the page went away): a failure is in the tab's state already.
        job.done.catch(() => undefined);
        matching.set(tabId, job);
        return first;
      } catch (error) {
        await changedTab(tabId, { status: 'error', error: (error as Error).message });
        throw error;
      }
    },
    'page/analyze': async (snapshot, sender) => {
      const tabId = ownTab(sender);
      const job = matching.get(tabId);
      if (job && job.key === pageOf(snapshot).key) return job.done;
      return analyzeWhole(tabId, snapshot);
    },
    'page/status': async (request, sender) => {
      const tabId = ownTab(sender);
      // The page moved on: a matching still under way for it must not write over this.
      matching.delete(tabId);
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
