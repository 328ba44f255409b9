// The first stage: what runs in every page a reader opens. It asks whether the site is
// paused, runs the quick topic check, follows single-page navigations and late-arriving
// text, and answers the extension's requests about the page, and nothing else: no
// Readability, no polyfill, no UI, so that the pages that are not ours (almost all of them)
// pay for a few KB of script and one cheap check. A page that passes is handed to the
// second stage (second-stage.ts), which reads the article and shows the sidebar.

import { askVia, handleRequestsVia, type Req, type RuntimeLike } from '../../adapters/messaging-core';
import { nativeRuntime } from '../../adapters/native-runtime';
import { CONTENT_REQUEST_SENDERS, type BackgroundRequests, type ContentRequests, type PageSettings, type PageStatus } from '../../lib/protocol';
import { createCostMeter, type CostMeter } from './cost-meter';
import { watchLateContent } from './late-content';
import { NAVIGATION_SETTLE_MS, type PageContext } from './page-context';
import { cheapTopicCheck, probeText } from './quick-check';
import { loadReader, type HandedPage, type Reader } from './second-stage';

/**
 * Left by a Crosscheck that ran here before an extension update (sidebar-frame.ts' HOST_SELECTOR,
 * highlights.ts' LEFTOVER_SELECTOR; spelled out so the first stage does not carry those modules).
 * The reader removes them.
 */
const LEFTOVERS = 'crosscheck-sidebar, [data-crosscheck-host], mark[data-crosscheck-mark], style[data-crosscheck-style]';

const withoutHash = (url: string | URL) => String(url).replace(/#.*$/, '');

export interface FirstStageDeps {
  runtime: () => RuntimeLike | undefined;
  loadReader: () => Promise<Reader>;
}

const BROWSER_DEPS: FirstStageDeps = { runtime: nativeRuntime, loadReader };

export function startFirstStage(ctx: PageContext, deps: FirstStageDeps = BROWSER_DEPS): void {
  const meter = createCostMeter();
  meter.time('start', () => gate(ctx, meter, deps));
}

function gate(ctx: PageContext, meter: CostMeter, deps: FirstStageDeps): void {
  const doc = document;
  const runtime = deps.runtime();
  if (!runtime) return;
  const ask = <K extends keyof BackgroundRequests>(type: K, payload: Req<BackgroundRequests, K>) => askVia<BackgroundRequests, K>(runtime, type, payload);

  let generation = 0;
  let settings: PageSettings | null = null;
  let lastStatus = '';
  let running = false;
  let again = false;
  let handedOver = false;
  let stopWatching = () => {};
  let stopHandling = () => {};
  let stopNavigation = () => {};

  const tellStatus = (status: PageStatus, url: string, note: string | null = null) => {
    const key = `${status} ${url} ${note}`;
    if (key === lastStatus) return;
    lastStatus = key;
    void ask('page/status', { url, status, note });
  };

  const pageSettings = async (url: string): Promise<PageSettings> => {
    const reply = await ask('page/settings', { url });
    return reply.ok ? reply.value : { paused: false, sidebarCollapsed: false };
  };

  /** The page passed: the reader takes over everything (its own watchers, listeners and checks). */
  const handOver = async (handed?: HandedPage): Promise<void> => {
    const reader = await deps.loadReader();
    if (handedOver || ctx.isInvalid) return;
    handedOver = true;
    generation++;
    stopWatching();
    stopNavigation();
    stopHandling();
    reader.startReading(ctx, meter, handed);
  };

  const check = async (): Promise<void> => {
    if (handedOver) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const url = location.href;
    const gen = generation;
    const stale = () => gen !== generation || ctx.isInvalid || handedOver;
    try {
      settings = await pageSettings(url);
      if (stale()) return;
      if (settings.paused) {
        stopWatching();
        tellStatus('paused', url);
        return;
      }
      const quick = meter.time('cheapCheck', () => cheapTopicCheck(doc));
      if (!quick.pass) {
        tellStatus('off-topic', url);
        return;
      }
      // The background scores the page's prose while the reader loads (reader.ts waits for it).
      const probe = ask('page/topic', meter.time('prose', () => probeText(doc)));
      await handOver({ url, settings, quick, probe });
    } catch (error) {
      // Whatever went wrong stays out of the page's console; the popup tells the reader.
      if (!ctx.isInvalid) tellStatus('error', url, `Crosscheck could not read this page (${(error as Error)?.message ?? error}).`);
    } finally {
      running = false;
      if (again) {
        again = false;
        void check();
      }
    }
  };

  /** A fresh start for the page as it is now (load, single-page navigation, un-pausing). */
  const restart = (delayMs: number) => {
    generation++;
    stopWatching();
    if (doc.body) stopWatching = watchLateContent(ctx, doc.body, () => void check());
    if (delayMs > 0) ctx.setTimeout(() => void check(), delayMs);
    else void check();
  };

  // A Crosscheck that ran here before an extension update left its sidebar or highlights:
  // the reader removes them, and checks the page as usual.
  if (doc.querySelector(LEFTOVERS)) {
    void handOver().catch(() => restart(0));
    return;
  }

  stopHandling = handleRequestsVia<ContentRequests>(runtime, {
    // Nothing is shown before the reader takes over.
    'content/sidebar': () => ({ open: false }),
    'content/scroll-to-claim': () => ({ found: false }),
    // "Add this article" works on any article, on the topic or not: the reader extracts it.
    'content/article': async () => (await deps.loadReader()).articleForCorpus(doc),
    'content/cost': () => meter.report(),
    'content/settings-changed': async () => {
      const wasPaused = settings?.paused ?? false;
      settings = await pageSettings(location.href);
      if (settings.paused !== wasPaused) restart(0);
      return null;
    },
  }, CONTENT_REQUEST_SENDERS);

  stopNavigation = ctx.onLocationChange((newUrl, oldUrl) => {
    // An in-page anchor is the same page.
    if (withoutHash(newUrl) === withoutHash(oldUrl)) return;
    lastStatus = '';
    restart(NAVIGATION_SETTLE_MS);
  });

  ctx.onInvalidated(() => {
    generation++;
    stopWatching();
    try {
      stopHandling();
    } catch {
      // The extension is gone; so are its listeners.
    }
  });

  restart(0);
}
