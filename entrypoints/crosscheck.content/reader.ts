// What the content script does in a tab: notices by itself when the page is an article
// on the tracked topic, asks the background for the matches, shows the sidebar and the
// highlights, follows single-page navigations and late-arriving articles, and removes
// everything it added when the page changes or the extension is updated.

import { browser } from 'wxt/browser';
import { askBackground, handleRequests } from '../../adapters/messaging';
import { CONTENT_REQUEST_SENDERS, type ContentRequests, type PageReport, type PageSettings, type PageStatus } from '../../lib/protocol';
import type { TopicResult } from '../../lib/types';
import { visibleParagraphs } from '../../lib/visible-text';
import { NAVIGATION_SETTLE_MS, type PageContext } from './page-context';
import { watchLateContent } from './late-content';
import type { QuickCheck } from '../../lib/topic';
import { OVER_BUDGET_NOTE, PASS_BUDGET_MS, type CostMeter } from './cost-meter';
import { cheapTopicCheck, extractPage, isProbablyArticle, narrowedDocument, type ExtractedPage } from './detect';
import { LEFTOVER_SELECTOR, locateClaims, paintHighlights, removeAllHighlights, type ClaimHighlights } from './highlights';
import { findArticleRoot } from './page-text';
import { probeText } from './quick-check';
import type { HandedPage } from './second-stage';
import { HOST_SELECTOR, mountSidebarFrame, removeAllSidebars, WIDE_VIEWPORT_PX, type SidebarFrame } from './sidebar-frame';

/** A lost answer to 'page/analyze' (the service worker was stopped mid-way) is asked again this many times. */
export const MAX_ANALYZE_RETRIES = 1;
/** What Chrome and Firefox say when the background went away before it answered. */
const LOST_REPLY = /message port closed|message channel closed|Receiving end does not exist|No answer from Crosscheck/i;
/** Main-thread time one slice of the claims' search in the page may take before it gives the thread back. */
export const HIGHLIGHT_SLICE_MS = 12;
/** The expensive steps wait for an idle moment, but not longer than this. */
export const IDLE_TIMEOUT_MS = 1_000;
/**
 * While something is shown, how often to ask whether the extension is still there: after
 * an update or a reload Chrome leaves this script running, orphaned, with a dead frame.
 */
export const INVALIDATION_CHECK_MS = 2_000;

interface Shown {
  sidebar: SidebarFrame;
  highlights: ClaimHighlights | null;
  /** The interval that notices an orphaned script (ctx.setInterval checks validity on each tick). */
  watchdog: number;
}

const withoutHash = (url: string | URL) => String(url).replace(/#.*$/, '');

/**
 * Takes the page over from the first stage (first-stage.ts), which loads this module only
 * when the page passed the quick check; `meter` is the first stage's, so the page's cost is
 * one account.
 */
export function startReading(ctx: PageContext, meter: CostMeter, handed?: HandedPage): void {
  meter.time('start', () => begin(ctx, meter, handed));
}

/** The article of the page as the corpus would keep it ("Add this article"): only what the reader can see. */
export function articleForCorpus(doc: Document, page: ExtractedPage | null = null): ContentRequests['content/article']['res'] {
  const current = page ?? extractPage(doc, location.href, { pass: false, score: 0 }, isProbablyArticle(doc));
  if (!current) throw new Error('Crosscheck found no article on this page');
  const { snapshot, byline, siteName, publishedTime } = current;
  // Added to the corpus, this text may later "corroborate" other pages: only what the
  // reader can see goes, never text the page hides (display: none, visibility: hidden).
  const text = visibleParagraphs(snapshot.text, doc.body?.innerText ?? '');
  if (!text) throw new Error('Crosscheck found no visible article text on this page');
  return { ...snapshot, text, byline, siteName, publishedTime };
}

/** Runs `steps` until it is done or `ms` have passed (at least one step). */
function advanceFor<T>(steps: Generator<void, T>, ms: number): IteratorResult<void, T> {
  const until = performance.now() + ms;
  let step = steps.next();
  while (!step.done && performance.now() < until) step = steps.next();
  return step;
}

function begin(ctx: PageContext, meter: CostMeter, handed?: HandedPage): void {
  const doc = document;
  // Leftovers of a Crosscheck that ran here before an extension update (one query on the
  // common path where there are none).
  if (doc.querySelector(`${HOST_SELECTOR}, ${LEFTOVER_SELECTOR}`)) {
    removeAllSidebars(doc);
    removeAllHighlights(doc);
  }

  let generation = 0;
  let settings: PageSettings | null = null;
  let page: ExtractedPage | null = null;
  let report: PageReport | null = null;
  let shown: Shown | null = null;
  let lastStatus = '';
  let running = false;
  let again = false;
  let stopWatching = () => {};

  const idle = () => new Promise<void>((resolve) => ctx.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS }));
  /**
   * The next task: the page's input and rendering get through in between, but nothing waits
   * for the page to fall idle (on a page still loading, that wait was the sidebar's).
   */
  const nextTask = () => new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));

  const tellStatus = (status: PageStatus, url: string, note: string | null = null, topic: TopicResult | null = null) => {
    const key = `${status} ${url} ${note}`;
    if (key === lastStatus) return;
    lastStatus = key;
    void askBackground('page/status', { url, status, note, topic });
  };

  const hide = () => {
    if (!shown) return;
    clearInterval(shown.watchdog);
    shown.highlights?.remove();
    shown.sidebar.remove();
    shown = null;
  };

  /**
   * What the settings say about this page, asked of the background: the content script
   * never reads the settings themselves (the list of paused sites is the reader's own).
   */
  const pageSettings = async (url: string): Promise<PageSettings> => {
    const reply = await askBackground('page/settings', { url });
    return reply.ok ? reply.value : { paused: false, sidebarCollapsed: false };
  };

  /** One pass of detection for the page as it is now; stale passes drop their results. Never throws into the page. */
  const detect = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const url = location.href;
    try {
      await pass(url);
    } catch (error) {
      // Whatever went wrong stays out of the page's console; the popup tells the reader.
      if (!ctx.isInvalid) tellStatus('error', url, `Crosscheck could not read this page (${(error as Error)?.message ?? error}).`);
    } finally {
      running = false;
      if (again) {
        again = false;
        if (!shown) void detect();
      }
    }
  };

  /** Cheap check, article check, extraction, analysis, display: each step only if the last one says so. */
  const pass = async (url: string): Promise<void> => {
    const gen = generation;
    const stale = () => gen !== generation || ctx.isInvalid;
    const spentBefore = meter.totalMs();
    const overBudget = () => meter.totalMs() - spentBefore > PASS_BUDGET_MS;
    // The first pass starts from what the first stage found moments ago (one answer from
    // the background and one quick check fewer before the sidebar); later passes ask anew.
    const first = handed && handed.url === url ? handed : undefined;
    handed = undefined;
    settings = first?.settings ?? (await pageSettings(url));
    if (stale()) return;
    if (settings.paused) {
      stopWatching();
      hide();
      tellStatus('paused', url);
      return;
    }
    const quick: QuickCheck = first?.quick ?? meter.time('cheapCheck', () => cheapTopicCheck(doc));
    if (!quick.pass) {
      tellStatus('off-topic', url);
      return;
    }
    // The background scores the page's prose on the whole topic while this waits for an idle
    // moment and asks whether the page is an article: a page that names the story only in
    // passing is let go before Readability reads it, the costliest step such a page could pay.
    const probe = first?.probe ?? askProbe();
    await idle();
    if (stale()) return;
    if (overBudget()) return tellStatus('error', url, OVER_BUDGET_NOTE);
    const isArticle = meter.time('articleCheck', () => isProbablyArticle(doc));
    if (!isArticle) {
      tellStatus('not-article', url);
      return;
    }
    const probed = await probe;
    if (stale()) return;
    // Without an answer the article is read as before: the background's verdict on it decides.
    if (probed.ok && !probed.value.worthReading) {
      tellStatus('off-topic', url, null, probed.value.topic);
      return;
    }
    // A page whose prose alone is on the topic will very likely show the sidebar: its frame
    // starts loading now, unseen, while Readability reads the article.
    if (probed.ok && probed.value.topic.onTopic) warmSidebar(url);
    try {
      await readAndShow(url, gen, quick, isArticle, stale, overBudget);
    } finally {
      // The frame warmed up for nothing (another verdict, an error): it goes, unseen.
      if (gen === generation && shown && !shown.sidebar.revealed) hide();
    }
  };

  const askProbe = () => askBackground('page/topic', meter.time('prose', () => probeText(doc)));

  const readAndShow = async (url: string, gen: number, quick: QuickCheck, isArticle: boolean, stale: () => boolean, overBudget: () => boolean): Promise<void> => {
    if (overBudget()) return tellStatus('error', url, OVER_BUDGET_NOTE);
    // The article's container copied at once, in the task that had the background's verdict
    // (the frame, if warmed, loads in its own process meanwhile), then read by Readability in
    // the next task: the two in one task passed 50 ms on a big page while the frame was loading.
    const narrow = meter.time('extract', () => narrowedDocument(doc));
    await nextTask();
    if (stale()) return;
    const extracted = meter.time('extract', () => extractPage(doc, url, quick, isArticle, narrow));
    if (!extracted) {
      tellStatus('not-article', url);
      return;
    }
    page = extracted;
    lastStatus = '';
    // The claims first: the sidebar lists them at once and fills in their matches as the
    // background finds them ('page/analyze' below, which reads the same snapshot).
    const early = await askBackground('page/claims', extracted.snapshot);
    if (stale()) return;
    if (early.ok && early.value.topic.onTopic && early.value.claims.length > 0) mountSidebar();
    else if (shown && !shown.sidebar.revealed) hide();
    let reply = await askBackground('page/analyze', extracted.snapshot);
    // A service worker stopped in the middle of the analysis loses the answer; the next message starts it again.
    for (let retry = 0; retry < MAX_ANALYZE_RETRIES && !reply.ok && LOST_REPLY.test(reply.error) && !stale(); retry++) {
      meter.countRetry();
      reply = await askBackground('page/analyze', extracted.snapshot);
    }
    if (stale() || !reply.ok) return;
    report = reply.value;
    if (report.topic.onTopic && report.claims.length > 0) {
      stopWatching();
      await show(report, gen, !overBudget());
    } else hide();
  };

  const openAtFirst = () => !(settings?.sidebarCollapsed ?? false) && window.innerWidth >= WIDE_VIEWPORT_PX;

  /** The sidebar frame, loading unseen: `mountSidebar` shows it. */
  const warmSidebar = (url: string): void => {
    if (shown) return;
    // The tab's state may still be the last page's (a link followed from one article to the
    // next): the frame must not load that report and show it for a moment when it is shown.
    tellStatus('waiting', url);
    const sidebar = meter.time('mount', () => mountSidebarFrame(doc, browser.runtime.getURL('/sidebar.html'), openAtFirst(), true));
    // The tick does nothing: ctx.setInterval notices a dead extension before running it and tears down.
    shown = { sidebar, highlights: null, watchdog: ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS) };
  };

  /** The sidebar frame, in the page at once (shown, if it was loading unseen); it follows the tab's analysis by itself. */
  const mountSidebar = (): Shown => {
    if (shown?.sidebar.revealed) return shown;
    const open = openAtFirst();
    if (shown) meter.time('mount', () => shown!.sidebar.reveal(open));
    else {
      const sidebar = meter.time('mount', () => mountSidebarFrame(doc, browser.runtime.getURL('/sidebar.html'), open));
      shown = { sidebar, highlights: null, watchdog: ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS) };
    }
    // The background's record of the tab follows what the page shows.
    void askBackground('page/sidebar', { open, remember: false });
    return shown;
  };

  /** The analysis in the page: the sidebar (mounted already when the claims came first) and the highlights of matched claims. */
  const show = async (analysis: PageReport, gen: number, withHighlights: boolean) => {
    shown?.highlights?.remove();
    if (shown) shown.highlights = null;
    // Highlights in an idle moment.
    await idle();
    if (gen !== generation) return;
    const claims = analysis.claims
      .map((c, index) => ({ index, text: c.text, matched: c.matches.length > 0, conflicted: c.matches.some((m) => m.stance === 'conflicts') }))
      .filter((c) => c.matched);
    // Past the pass's budget the sidebar still comes, without the highlights (the costly part).
    let highlights: ClaimHighlights | null = null;
    if (withHighlights) {
      const root = meter.time('highlight', () => findArticleRoot(doc));
      // The claims are looked for a few at a time, each slice in an idle moment of its own:
      // done in one go, mapping and searching a long article on a big page was one long task.
      const locating = locateClaims(doc, claims, root && root !== doc.body ? [root, doc.body] : [doc.body]);
      let step = meter.time('highlight', () => advanceFor(locating, HIGHLIGHT_SLICE_MS));
      while (!step.done) {
        await idle();
        if (gen !== generation) return;
        step = meter.time('highlight', () => advanceFor(locating, HIGHLIGHT_SLICE_MS));
      }
      const located = step.value;
      highlights = meter.time('highlight', () => paintHighlights(doc, located));
    }
    if (!shown) {
      // The frame's creation is a task of its own.
      await idle();
      if (gen !== generation) {
        highlights?.remove();
        return;
      }
    }
    mountSidebar().highlights = highlights;
  };

  const setOpen = (open: boolean, focus: boolean): boolean => {
    if (!shown?.sidebar.revealed) return false;
    if (open !== shown.sidebar.open) {
      shown.sidebar.setOpen(open);
      // The reader's choice is remembered for the next article.
      void askBackground('page/sidebar', { open, remember: true });
      if (open && focus) shown.sidebar.focus();
    }
    return shown.sidebar.open;
  };

  /** Watches for an article body that arrives after load (client-rendered pages). */
  const watchForLateContent = () => {
    stopWatching();
    if (doc.body) stopWatching = watchLateContent(ctx, doc.body, () => void detect());
  };

  /** A fresh start for the page as it is now (load, single-page navigation, un-pausing). */
  const restart = (delayMs: number) => {
    generation++;
    hide();
    page = null;
    report = null;
    watchForLateContent();
    if (delayMs > 0) ctx.setTimeout(() => void detect(), delayMs);
    else void detect();
  };

  const stopHandling = handleRequests<ContentRequests>({
    'content/sidebar': ({ open }) => {
      // A frame still loading unseen is not a sidebar the reader can open yet.
      if (!shown?.sidebar.revealed) return { open: false };
      return { open: setOpen(open === 'toggle' ? !shown.sidebar.open : open, true) };
    },
    'content/scroll-to-claim': ({ index }) => ({ found: shown?.highlights?.reveal(index) ?? false }),
    'content/article': () => articleForCorpus(doc, page),
    'content/cost': () => meter.report(),
    'content/settings-changed': async () => {
      const wasPaused = settings?.paused ?? false;
      settings = await pageSettings(location.href);
      if (settings.paused !== wasPaused) restart(0);
      return null;
    },
  }, CONTENT_REQUEST_SENDERS);

  // A click on a highlighted claim brings it up in the sidebar. Passive: the page's own
  // links and handlers work as before.
  ctx.addEventListener(
    doc,
    'click',
    (event: MouseEvent) => {
      const highlights = shown?.highlights;
      if (!highlights || event.button !== 0 || !doc.getSelection()?.isCollapsed) return;
      const index = highlights.claimAt(event.clientX, event.clientY, event.target);
      if (index === null) return;
      highlights.setFocused(index);
      if (!shown!.sidebar.open) setOpen(true, false);
      void askBackground('page/focus-claim', { index });
    },
    { passive: true },
  );

  ctx.onLocationChange((newUrl, oldUrl) => {
    // An in-page anchor is the same article.
    if (withoutHash(newUrl) === withoutHash(oldUrl)) return;
    lastStatus = '';
    restart(NAVIGATION_SETTLE_MS);
  });

  // The page first (what the reader sees), then the listeners: on an orphaned script the
  // extension APIs throw "Extension context invalidated", which must not reach the console.
  ctx.onInvalidated(() => {
    generation++;
    stopWatching();
    hide();
    try {
      stopHandling();
    } catch {
      // The extension is gone; so are its listeners.
    }
  });

  restart(0);
}
