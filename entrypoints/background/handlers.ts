// The background's answers to every request of the protocol, built from the corpus and the
// analysis function it is given. Kept apart from index.ts so that wiring tests can
// register exactly these handlers against a fake browser and a fake IndexedDB.

import { browser } from 'wxt/browser';
import { askTab, broadcast, type Handlers } from '../../adapters/messaging';
import { readSettings, siteOf, updateSettings } from '../../adapters/settings';
import { unmatchedResult, type AnalysisSteps, type ReadArticle } from '../../lib/analyze';
import type { Analysis, ClaimResult } from '../../lib/types';
import { matchedReportIds, withReportDetails, type ReportDetails } from '../../lib/report-details';
import { capArticleText, capTitle, withoutInvisibles } from '../../lib/page-limits';
import { tabOfRequest, type BackgroundRequests, type PageReport, type Sender, type TabState } from '../../lib/protocol';
import { checkedPageStatus, checkedSnapshotFields } from '../../lib/tab-state-limits';
import { PROSE_PROBE_CHARS } from '../../lib/topic';
import { articleFigureSource, buildTimeline, corpusFigureSources, type FigureSource } from '../../lib/timeline';
import type { Corpus } from './corpus';
import { afterAnalysis, answerReading, ownAddresses } from './reading';
import { emptyTabState, patchTabState, readTabState, type WriteOptions } from './tab-states';

export interface BackgroundServices {
  corpus: Corpus;
  /** lib/analyze's two halves (reading, then matching claim by claim), passed in so the handlers do not pin the engine. */
  analyze: AnalysisSteps;
}

/** Matching gives the thread back this often (ms), so the sidebar's own requests are answered meanwhile. */
export const MATCH_SLICE_MS = 25;
/** The sidebar is told about the matches found so far at most this often (ms) while the rest are matched. */
export const PARTIAL_REPORT_MS = 150;

/** Tabs whose last article read is kept for the 'page/analyze' that follows 'page/claims'. */
const MAX_READ_TABS = 8;

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

async function changedTab(tabId: number, patch: Partial<TabState>, options?: WriteOptions): Promise<TabState> {
  const state = await patchTabState(tabId, patch, options);
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
  /** Per tab, the last article read, so that 'page/analyze' after 'page/claims' does not read it again. */
  const lastRead = new Map<number, { key: string; read: ReadArticle }>();

  /**
   * A page's snapshot, checked, bounded and read for the story (its topic and claims). The
   * corpus's index is not needed for that: the claims are listed while it is read (at 10,000
   * reports a stopped worker takes about a second to read it back and build admission's table,
   * bench storage.coldWorkerAnalysisMs).
   */
  const readPage = async (snapshot: unknown, sender: Sender) => {
    const { tabId, url: senderUrl } = contentSender(sender);
    const checked = checkedSnapshotFields(snapshot);
    const fields = (typeof snapshot === 'object' && snapshot !== null ? snapshot : {}) as { text?: unknown; title?: unknown };
    const [settings, ownIds] = await Promise.all([readSettings(), corpus.idsAt(ownAddresses(senderUrl, checked.url))]);
    // The content script cuts too; a page's text is bounded here whatever sends it.
    const text = capArticleText(withoutInvisibles(typeof fields.text === 'string' ? fields.text : '')).text;
    const title = capTitle(typeof fields.title === 'string' ? fields.title : null);
    const article = checked.article ?? { isArticle: true, title: null, byline: null, siteName: null, publishedTime: null, words: 0 };
    const key = `${settings.sensitivity}\u0000${title ?? ''}\u0000${JSON.stringify(article)}\u0000${text}`;
    const kept = lastRead.get(tabId);
    const read = kept && kept.key === key ? kept.read : analyze.read({ title: title ?? '', text, article }, corpus.pack, { sensitivity: settings.sensitivity });
    lastRead.delete(tabId);
    lastRead.set(tabId, { key, read });
    // Only the last few tabs' articles are kept: closed tabs leave nothing behind for long.
    if (lastRead.size > MAX_READ_TABS) lastRead.delete(lastRead.keys().next().value!);
    return { tabId, senderUrl, checked, settings, ownIds, title, text, article, read };
  };

  /**
   * Which story each listed report carries and what names a report without a headline, from
   * what was stored with it. `known` holds the details one analysis has read already: its
   * partial reports list the same reports again and again, and each read loads whole reports.
   */
  const withDetails = async (analysis: Analysis, known = new Map<string, ReportDetails>()) => {
    const missing = matchedReportIds(analysis).filter((id) => !known.has(id));
    if (missing.length > 0) for (const [id, details] of await corpus.details(missing)) known.set(id, details);
    return withReportDetails(analysis, known);
  };

  const pageReport = (page: { checked: { url: string } }, analysis: Analysis, corpusSize: number | null): PageReport => ({
    ...analysis,
    url: page.checked.url,
    analyzedAt: Date.now(),
    corpusSize,
  });

  return {
    'page/claims': async (snapshot, sender) => {
      const page = await readPage(snapshot, sender);
      const { read } = page;
      const report = pageReport(page, { article: read.article, topic: read.topic, claims: read.claims.map(unmatchedResult) }, null);
      // Only an article the sidebar will show changes the tab now; 'page/analyze' says the rest.
      if (read.topic.onTopic && read.claims.length > 0) {
        await changedTab(page.tabId, { ...page.checked, status: 'analyzing', error: null, remembered: false, topic: read.topic, report });
      }
      return report;
    },
    'page/topic': async (request, sender) => {
      contentSender(sender);
      const fields = (typeof request === 'object' && request !== null ? request : {}) as { text?: unknown; title?: unknown };
      const settings = await readSettings();
      // Bounded here whatever the page sends: the probe reads no more than this.
      const text = withoutInvisibles(typeof fields.text === 'string' ? fields.text.slice(0, PROSE_PROBE_CHARS) : '');
      const title = capTitle(typeof fields.title === 'string' ? fields.title : null);
      return analyze.probe({ title, text }, corpus.pack, { sensitivity: settings.sensitivity });
    },
    'page/analyze': async (snapshot, sender) => {
      const tabId = ownTab(sender);
      await changedTab(tabId, { ...checkedSnapshotFields(snapshot), status: 'analyzing', error: null, remembered: false });
      try {
        const page = await readPage(snapshot, sender);
        const { checked, read } = page;
        const index = await corpus.getIndex();
        // The reports this page is matched against are the index's, counted in memory: counting
        // the database's store walks every record (78 ms at 10,000 reports in Chromium).
        const corpusSize = index.reports.length - page.ownIds.length;
        const claims: ClaimResult[] = read.claims.map(unmatchedResult);
        const details = new Map<string, ReportDetails>();
        let sliceFrom = performance.now();
        let toldAt = sliceFrom;
        let i = 0;
        for (const result of analyze.matchEach(read.claims, index, { excludeReportIds: page.ownIds })) {
          claims[i++] = result;
          if (performance.now() - sliceFrom < MATCH_SLICE_MS || i === claims.length) continue;
          // The sidebar lists the claims matched so far; the page's own requests get through.
          if (performance.now() - toldAt >= PARTIAL_REPORT_MS) {
            const partial = pageReport(page, await withDetails({ article: read.article, topic: read.topic, claims: claims.slice() }, details), corpusSize);
            // Kept in the worker only: storing each partial report took 35 to 60 ms at 10,000 reports.
            await changedTab(tabId, { topic: read.topic, report: partial }, { durable: false });
            toldAt = performance.now();
          }
          await yieldToEvents();
          sliceFrom = performance.now();
        }
        const analysis = await withDetails({ article: read.article, topic: read.topic, claims }, details);
        const report = pageReport(page, analysis, corpusSize);
        // Every match is listed before the article is kept (remembered reading): keeping it
        // must not delay them. The tab is 'ready' once both are done, in one change, so that
        // a sidebar that reads its state while it is 'analyzing' sees the outcome too.
        await changedTab(tabId, { topic: analysis.topic, report });
        const remembered = await afterAnalysis(corpus, page.settings, { tabId, senderUrl: page.senderUrl, url: checked.url, title: page.title, text: page.text, article: page.article, onTopic: analysis.topic.onTopic }, readVisibleArticle).catch((error: unknown) => {
          console.error('[crosscheck] could not remember this article:', error);
          return false;
        });
        await changedTab(tabId, { status: analysis.topic.onTopic ? 'ready' : 'off-topic', ...(remembered && { remembered: true }) });
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
