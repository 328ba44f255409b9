// Crosscheck in real Chromium: what the content script costs the pages a reader opens.
//
// Off-topic pages: a sample of the saved real pages (large ones included), served from
// 127.0.0.1 with their own inline scripts, loaded in two browsers of the same run, with
// and without the extension. Each load is traced (CDP Tracing with the V8 sampling
// profiler); bench/trace.ts attributes the main thread's time to the extension's code
// and finds the long tasks it caused. The page's own main-thread time (CDP
// Performance.getMetrics TaskDuration) is reported for both browsers as the baseline.
//
// On-topic article (~2,000 words in a real page's markup): time from DOMContentLoaded to
// the sidebar's host element in the page, and to the sidebar frame showing the claims.

import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { startServer } from '../tests/e2e/server';
import { launchChromium, workerStopper, type BenchBrowser } from './browser';
import { contentScriptSender } from './extension-requests';
import { floorExtension } from './floor-extension';
import { cheapTopicCheck, extractPage, isProbablyArticle } from '../entrypoints/crosscheck.content/detect';
import { pageDocument } from './dom';
import { savedPages } from './fixtures';
import { longOnTopicArticle } from './on-topic-page';
import { summarize, round, type Summary } from './stats';
import { analyzeTrace, type TraceAnalysis, type TraceEvent } from './trace';
import type { ContentCost } from '../lib/protocol';
import { TAB_STATE_PREFIX } from '../lib/stored-tab-states';
import { SourceMapLookup } from './sourcemap';
import { moduleOf } from './size';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Off-topic sample: big news pages, encyclopaedia pages, and the two hard negatives that pass the cheap check. */
export const PAGE_SAMPLE = [
  'nytimes-1', 'nytimes-5', 'wikipedia', 'wikipedia-2', 'yahoo-1', 'yahoo-2', 'guardian-1', 'bbc-1',
  'schema-org-context-object', 'wapo-1',
] as const;
const QUICK_SAMPLE = ['nytimes-1', 'wikipedia', 'schema-org-context-object'] as const;
/** Loads per page and browser by default (one: each load is traced, and ten pages already give the spread; `--page-loads` sets more). */
const REPEATS = 1;
/** Sidebar timings on the on-topic article (after one warm-up load). */
const SIDEBAR_REPEATS = 5;
const QUICK_SIDEBAR_REPEATS = 2;
/**
 * Loads of the on-topic article with the background's service worker stopped first: the
 * browser stops an idle extension worker after 30 s, so a reader who spent longer than that
 * on the last article opens the next one with a worker that starts from nothing.
 */
const COLD_WORKER_REPEATS = 3;
const QUICK_COLD_WORKER_REPEATS = 1;
/** Traced loads of the on-topic article (attribution, long tasks). */
const TRACED_ON_TOPIC_LOADS = 2;
/** After the content script's verdict (or load, without the extension), late work is given this long. */
const SETTLE_MS = 400;
/** Longest wait for the content script's verdict. */
const VERDICT_TIMEOUT_MS = 8_000;
/** An off-topic page of our own whose content script sends the timed background analyses. */
const ANALYSIS_HOST_PAGE = '<!doctype html><html lang="en"><head><title>Garden notes</title></head><body><p>Tomatoes like sun.</p></body></html>';
/** The prefix of every extension URL in Chromium's traces. */
const EXTENSION_ORIGIN = 'chrome-extension://';
const TRACE_CATEGORIES = [
  '-*', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8',
  'disabled-by-default-v8.cpu_profiler', 'blink.user_timing',
];

export interface PageLoad {
  page: string;
  kb: number;
  /** The content script's verdict as the background recorded it ('off-topic', 'not-article', …). */
  verdict: string | null;
  crosscheckMs: number;
  /** The content script's own cost meter ('content/cost') in a load without tracing: its timed steps summed, and the longest. */
  meteredMs: number | null;
  longestStepMs: number | null;
  /** That meter's steps, from the first untraced load: which step an off-topic page pays for. */
  meteredSteps: ContentCost | null;
  maxCrosscheckMsInTask: number;
  /** The same page with the floor script in place of the content script (bench/floor-extension.ts): traced, and by its meter. */
  floorMs: number;
  floorMeteredMs: number | null;
  longTasksCaused: number;
  longTasksWith: number;
  longTasksWithout: number;
  taskMsWith: number;
  taskMsWithout: number;
}

export interface PageResult {
  pages: string[];
  repeats: number;
  /** Main-thread ms of the extension's code per off-topic page load (median per page, then over pages). */
  offTopicMainThreadMs: Summary;
  /** The same pages by the content script's own cost meter (its synchronous steps only). */
  offTopicMeteredMs: Summary | null;
  /**
   * The floor under those two: the same pages, loaded alternately with them, with a content
   * script that only tells the background "off-topic" and answers its cost (bench/floor-extension.ts).
   */
  offTopicFloorMainThreadMs: Summary | null;
  offTopicFloorMeteredMs: Summary | null;
  onTopicMeteredMs: Summary | null;
  /** Page main-thread time (CDP TaskDuration) without the extension. */
  baselineMainThreadMs: Summary;
  withExtensionMainThreadMs: Summary;
  /** DOMContentLoaded → the sidebar is shown (its frame may have loaded unseen before: the reader warms it). */
  sidebarMs: Summary | null;
  /** DOMContentLoaded → the shown sidebar lists the claims. */
  sidebarContentMs: Summary | null;
  /** DOMContentLoaded to the sidebar listing every match (the claims come first, their matches as they are found). */
  sidebarSettledMs: Summary | null;
  /** The same article with the service worker stopped before each load (COLD_WORKER_REPEATS): DOMContentLoaded → the sidebar shown. */
  sidebarColdWorkerMs: Summary | null;
  /** … and → the shown sidebar lists the claims. */
  sidebarContentColdWorkerMs: Summary | null;
  onTopicWords: number;
  /** Main-thread ms of the extension's code on the on-topic article (detection, extraction, sidebar, highlights). */
  onTopicMainThreadMs: Summary | null;
  /** Long tasks (≥ 50 ms) that the extension's work caused, all loads measured. */
  longTasks: number;
  longTasksOnTopic: number;
  /** Where the extension's main-thread time goes on off-topic pages (per load, source-mapped). */
  offTopicBreakdown: CostBreakdown;
  onTopicBreakdown: CostBreakdown | null;
  /** DOMContentLoaded → the content script's first work (it runs at document_idle). */
  contentScriptStartAfterDclMs: Summary | null;
  /** The content script's main-thread work on the on-topic article before the sidebar is mounted. */
  workBeforeSidebarMs: Summary | null;
  /** The background's page/analyze of that article (index warm), timed in the content script's world of a served page. */
  backgroundAnalyzeMs: Summary | null;
  loads: PageLoad[];
  notes: string[];
}

export interface CostBreakdown {
  loads: number;
  /** Sampled ms per load (the profiler's view; script evaluation is apart). */
  sampledMs: number;
  /** Evaluation of the content script per load (compile + top-level code). */
  evaluateMs: number;
  /** Functions, inclusive ms per load, heaviest first. */
  functions: { name: string; ms: number }[];
  /** Self ms per load by source module (native DOM calls count for their caller). */
  modules: { module: string; ms: number }[];
}

export async function measurePage(extensionDir: string, opts: { quick?: boolean; loads?: number; log?: (m: string) => void } = {}): Promise<PageResult> {
  const log = opts.log ?? (() => undefined);
  const notes: string[] = [];
  const sample: readonly string[] = opts.quick ? QUICK_SAMPLE : PAGE_SAMPLE;
  const repeats = opts.quick ? 1 : opts.loads ?? REPEATS;
  const pages = savedPages().filter((p) => sample.includes(p.name));
  const server = await startServer();
  for (const p of pages) server.set(`/p/${p.name}/`, p.html);
  const article = longOnTopicArticle();
  server.set('/on-topic/', article.html);

  const withExt = await launchChromium(extensionDir);
  const without = await launchChromium(null);
  const floorDir = floorExtension(extensionDir);
  const floor = await launchChromium(floorDir.dir);
  try {
    const sw = await withExt.serviceWorker();
    const floorSw = await floor.serviceWorker();
    // Any extension origin is ours (the only extension loaded): the reader the first stage
    // imports is web-accessible with use_dynamic_url, so it runs from a per-session host.
    const origin = EXTENSION_ORIGIN;
    // Warm the three browsers (first navigation, the extension's storage and index).
    await loadOnce(without.context, server.url('/p/wikipedia/'), null, origin);
    await loadOnce(withExt.context, server.url('/p/wikipedia/'), sw, origin);
    await loadOnce(floor.context, server.url('/p/wikipedia/'), floorSw, origin);

    const loads: PageLoad[] = [];
    const offTopicTraces: TraceAnalysis[] = [];
    for (const p of pages) {
      const url = server.url(`/p/${p.name}/`);
      const runs: PageLoad[] = [];
      for (let r = 0; r < repeats; r++) {
        const a = await loadOnce(withExt.context, url, sw, origin);
        const b = await loadOnce(without.context, url, null, origin);
        // The meter's figures from a load without the profiler, which slows JavaScript down.
        const c = await loadOnce(withExt.context, url, sw, origin, { trace: false });
        const floorTraced = await loadOnce(floor.context, url, floorSw, origin);
        const floorMetered = await loadOnce(floor.context, url, floorSw, origin, { trace: false });
        if (a.verdict !== 'ready') offTopicTraces.push(a.trace);
        // A floor the background did not hear from measured a script that failed, not the floor.
        if (floorTraced.verdict !== 'off-topic' || floorMetered.verdict !== 'off-topic') notes.push(`the floor script's verdict on ${p.name}: ${floorTraced.verdict ?? 'none'}, ${floorMetered.verdict ?? 'none'} (off-topic expected)`);
        runs.push({
          page: p.name, kb: Math.round(p.bytes / 1024), verdict: a.verdict,
          crosscheckMs: a.trace.originMs, maxCrosscheckMsInTask: a.trace.maxOriginMsInTask,
          floorMs: floorTraced.trace.originMs, floorMeteredMs: floorMetered.cost?.totalMs ?? null,
          meteredMs: c.cost?.totalMs ?? null, longestStepMs: c.cost?.longestStepMs ?? null,
          meteredSteps: c.cost,
          longTasksCaused: a.trace.longTasksCausedByOrigin, longTasksWith: a.trace.longTasks, longTasksWithout: b.trace.longTasks,
          taskMsWith: a.taskDurationMs, taskMsWithout: b.taskDurationMs,
        });
      }
      const mid = (k: 'crosscheckMs' | 'maxCrosscheckMsInTask' | 'floorMs' | 'taskMsWith' | 'taskMsWithout') => summarize(runs.map((x) => x[k])).median;
      const midOrNull = (k: 'meteredMs' | 'longestStepMs' | 'floorMeteredMs') => {
        const v = runs.map((x) => x[k]).filter((x): x is number => x !== null);
        return v.length ? summarize(v).median : null;
      };
      const load: PageLoad = {
        ...runs[0]!,
        crosscheckMs: mid('crosscheckMs'), maxCrosscheckMsInTask: mid('maxCrosscheckMsInTask'),
        floorMs: mid('floorMs'), floorMeteredMs: midOrNull('floorMeteredMs'),
        meteredMs: midOrNull('meteredMs'), longestStepMs: midOrNull('longestStepMs'),
        taskMsWith: mid('taskMsWith'), taskMsWithout: mid('taskMsWithout'),
        longTasksCaused: runs.reduce((s, x) => s + x.longTasksCaused, 0),
        longTasksWith: Math.max(...runs.map((x) => x.longTasksWith)),
        longTasksWithout: Math.max(...runs.map((x) => x.longTasksWithout)),
      };
      loads.push(load);
      log(`page ${p.name}: ${load.verdict ?? 'no verdict'}, Crosscheck ${round(load.crosscheckMs, 2)} ms (floor ${round(load.floorMs, 2)}), page ${round(load.taskMsWithout, 0)} ms`);
    }
    const offTopic = loads.filter((l) => l.verdict !== 'ready');
    if (offTopic.length < loads.length) notes.push(`pages found on-topic: ${loads.filter((l) => l.verdict === 'ready').map((l) => l.page).join(', ')}`);
    const noVerdict = loads.filter((l) => l.verdict === null);
    if (noVerdict.length) notes.push(`no verdict from the content script within ${VERDICT_TIMEOUT_MS} ms: ${noVerdict.map((l) => l.page).join(', ')}`);

    // The on-topic article: sidebar timings.
    const sidebarTimes: number[] = [];
    const contentTimes: number[] = [];
    const settledTimes: number[] = [];
    const onTopicCost: number[] = [];
    const onTopicTraces: TraceAnalysis[] = [];
    const startAfterDcl: number[] = [];
    const workBefore: number[] = [];
    const onTopicMetered: (number | null)[] = [];
    let onTopicLong = 0;
    const sidebarRepeats = opts.quick ? QUICK_SIDEBAR_REPEATS : SIDEBAR_REPEATS;
    // Timings without tracing (the profiler slows JavaScript down), after one warm-up load
    // (the background's first analysis of the article); then traced loads for attribution.
    for (let r = -1; r < sidebarRepeats; r++) {
      const s = await loadOnTopic(withExt.context, server.url('/on-topic/'), sw, origin, false);
      if (r < 0) continue;
      if (s.sidebarMs !== null) sidebarTimes.push(s.sidebarMs);
      if (s.contentMs !== null) contentTimes.push(s.contentMs);
      if (s.settledMs !== null) settledTimes.push(s.settledMs);
      if (s.lateLook) notes.push('on-topic article: the claims were listed before the bench looked into the frame (sidebarContentMs is an upper bound)');
      onTopicMetered.push(s.cost?.totalMs ?? null);
      if (s.verdict !== 'ready') notes.push(`on-topic article: verdict ${s.verdict ?? 'none'} instead of ready`);
    }
    for (let r = 0; r < (opts.quick ? 1 : TRACED_ON_TOPIC_LOADS); r++) {
      const s = await loadOnTopic(withExt.context, server.url('/on-topic/'), sw, origin, true);
      onTopicCost.push(s.trace.originMs);
      onTopicTraces.push(s.trace);
      const dcl = s.trace.domContentLoadedTs;
      if (dcl !== null && s.trace.firstOriginTs !== null) startAfterDcl.push((s.trace.firstOriginTs - dcl) / 1000);
      if (dcl !== null && s.sidebarMs !== null) {
        const mount = dcl + s.sidebarMs * 1000;
        workBefore.push(s.trace.intervals.reduce((sum, iv) => sum + Math.max(0, Math.min(iv.end, mount) - iv.start), 0) / 1000);
      }
      onTopicLong += s.trace.longTasksCausedByOrigin;
    }
    if (!sidebarTimes.length) notes.push('the sidebar never appeared on the on-topic article');
    server.set('/analysis-host', ANALYSIS_HOST_PAGE);
    const analyzeTimes = await timeBackgroundAnalysis(withExt, article.html, server.url('/on-topic/'), server.url('/analysis-host'), sidebarRepeats).catch((error: Error) => {
      notes.push(`background analysis not timed: ${error.message}`);
      return [];
    });

    // Last, since it stops the worker the loads above were given: the article as a reader who
    // lingered over the last one opens it, its worker started from nothing by the page's first
    // message (its code compiled again, its index read from IndexedDB when it first matches).
    const cold = await sidebarWithWorkerStopped(withExt, server.url('/on-topic/'), sw, origin, opts.quick ? QUICK_COLD_WORKER_REPEATS : COLD_WORKER_REPEATS, notes);

    return {
      pages: pages.map((p) => p.name),
      repeats,
      offTopicMainThreadMs: summarize(offTopic.map((l) => l.crosscheckMs)),
      offTopicMeteredMs: summarizeOrNull(offTopic.map((l) => l.meteredMs)),
      offTopicFloorMainThreadMs: summarizeOrNull(offTopic.map((l) => l.floorMs)),
      offTopicFloorMeteredMs: summarizeOrNull(offTopic.map((l) => l.floorMeteredMs)),
      onTopicMeteredMs: summarizeOrNull(onTopicMetered),
      baselineMainThreadMs: summarize(loads.map((l) => l.taskMsWithout)),
      withExtensionMainThreadMs: summarize(loads.map((l) => l.taskMsWith)),
      sidebarMs: sidebarTimes.length ? summarize(sidebarTimes) : null,
      sidebarContentMs: contentTimes.length ? summarize(contentTimes) : null,
      sidebarSettledMs: settledTimes.length ? summarize(settledTimes) : null,
      sidebarColdWorkerMs: summarizeOrNull(cold.map((s) => s.sidebarMs)),
      sidebarContentColdWorkerMs: summarizeOrNull(cold.map((s) => s.contentMs)),
      onTopicWords: article.words,
      onTopicMainThreadMs: onTopicCost.length ? summarize(onTopicCost) : null,
      longTasks: loads.reduce((s, l) => s + l.longTasksCaused, 0) + onTopicLong,
      longTasksOnTopic: onTopicLong,
      offTopicBreakdown: breakdown(offTopicTraces, extensionDir, origin),
      onTopicBreakdown: onTopicTraces.length ? breakdown(onTopicTraces, extensionDir, origin) : null,
      contentScriptStartAfterDclMs: startAfterDcl.length ? summarize(startAfterDcl) : null,
      workBeforeSidebarMs: workBefore.length ? summarize(workBefore) : null,
      backgroundAnalyzeMs: analyzeTimes.length ? summarize(analyzeTimes) : null,
      loads,
      notes: [...new Set(notes)],
    };
  } finally {
    await withExt.close();
    await without.close();
    await floor.close();
    floorDir.dispose();
    await server.close();
  }
}

/**
 * The background's share of the sidebar's wait: page/analyze with the snapshot the content
 * script would send for this page (made in Node by the same detect.ts code), sent from the
 * content script's world of an off-topic page of the same server (the background answers
 * page/analyze only for a tab's own content script; that page's script stops at its quick
 * check, so the only analyses are these), after one warm-up request.
 */
async function timeBackgroundAnalysis(browser: BenchBrowser, html: string, url: string, hostUrl: string, repeats: number): Promise<number[]> {
  const doc = pageDocument(html, url);
  const quick = cheapTopicCheck(doc);
  const extracted = extractPage(doc, url, quick, isProbablyArticle(doc));
  if (!extracted) throw new Error('no article extracted from the on-topic page');
  const page = await browser.newPage();
  try {
    await page.goto(hostUrl);
    const content = await contentScriptSender(browser.context, page, browser.extensionId);
    try {
      const times: number[] = [];
      for (let r = -1; r < repeats; r++) {
        const { ms } = await content.timed('page/analyze', extracted.snapshot);
        if (r >= 0) times.push(ms);
      }
      return times;
    } finally {
      await content.close();
    }
  } finally {
    await page.close();
  }
}

function summarizeOrNull(values: (number | null)[]): Summary | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? summarize(v) : null;
}

/** Functions and modules listed in a breakdown. */
const BREAKDOWN_FUNCTIONS = 14;
const BREAKDOWN_MODULES = 10;

/** Sums the traces' sampled frames per load and names them through the build's source maps. */
function breakdown(traces: TraceAnalysis[], extensionDir: string, origin: string): CostBreakdown {
  const maps = new Map<string, SourceMapLookup | null>();
  const position = (key: string) => {
    const [url, line, column] = key.split('|') as [string, string, string];
    const file = url.startsWith(origin) ? url.slice(origin.length).replace(/^[^/]*\//, '') : url;
    if (!maps.has(file)) {
      const path = join(extensionDir, file + '.map');
      maps.set(file, existsSync(path) ? new SourceMapLookup(JSON.parse(readFileSync(path, 'utf8'))) : null);
    }
    return { file, pos: maps.get(file)?.lookup(Number(line), Number(column)) ?? null };
  };
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let sampled = 0;
  let evaluate = 0;
  for (const t of traces) {
    evaluate += t.evaluateMs;
    for (const [key, us] of t.frames) {
      const { file, pos } = position(key);
      const name = pos ? `${pos.source}:${pos.line}${pos.name ? ` ${pos.name}` : ''}` : `${file}:${key.split('|')[1]}`;
      functions.set(name, (functions.get(name) ?? 0) + us);
    }
    for (const [key, us] of t.selfFrames) {
      const { file, pos } = position(key);
      const module = pos ? moduleOf(pos.source) : file;
      modules.set(module, (modules.get(module) ?? 0) + us);
      sampled += us;
    }
  }
  const n = Math.max(1, traces.length);
  const perLoad = (us: number) => round(us / 1000 / n, 2);
  return {
    loads: traces.length,
    sampledMs: perLoad(sampled),
    evaluateMs: round(evaluate / n, 2),
    functions: [...functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, BREAKDOWN_FUNCTIONS).map(([name, us]) => ({ name, ms: perLoad(us) })),
    modules: [...modules.entries()].sort((a, b) => b[1] - a[1]).slice(0, BREAKDOWN_MODULES).map(([module, us]) => ({ module, ms: perLoad(us) })),
  };
}

interface Loaded {
  verdict: string | null;
  /** What the content script's cost meter says (with the extension). */
  cost: ContentCost | null;
  taskDurationMs: number;
  trace: ReturnType<typeof analyzeTrace>;
}

/** One load in a fresh tab, traced unless told not to; with the extension, waits for the content script's verdict. */
async function loadOnce(context: BrowserContext, url: string, sw: Worker | null, origin: string, opts: { trace?: boolean } = {}): Promise<Loaded> {
  const tracing = opts.trace ?? true;
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (tracing) await startTracing(cdp);
    await page.goto(url, { waitUntil: 'load' });
    const { status: verdict, tabId } = sw ? await waitForVerdict(sw, url) : { status: null, tabId: null };
    await page.waitForTimeout(SETTLE_MS);
    const metrics = await cdp.send('Performance.getMetrics');
    const events = tracing ? await stopTracing(cdp) : [];
    const cost = sw ? await contentCost(sw, tabId) : null;
    const taskDuration = metrics.metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    return { verdict, cost, taskDurationMs: taskDuration * 1000, trace: analyzeTrace(events, url, origin) };
  } finally {
    await page.close();
  }
}

interface OnTopicLoad extends Loaded {
  sidebarMs: number | null;
  contentMs: number | null;
  settledMs: number | null;
  /** The claims were listed before the bench could look into the frame (contentMs is then an upper bound). */
  lateLook: boolean;
}

/**
 * The sidebar frame shows the article's claims: a claim group, the collapsed handle's count,
 * or the summary naming the claims it checks (the claims come before their matches).
 */
const SIDEBAR_READY = '.group, .handle__count, .panel__summary[data-claims]';
/** Every match is in: the list is no longer busy and lists its claims. */
const SIDEBAR_SETTLED = 'main[aria-busy="false"] .group, .handle__count';

/**
 * Loads of the on-topic article, each after the extension's service worker was stopped
 * (bench/browser.ts workerStopper): what the browser does to a worker left idle for 30 s. The
 * page's first message starts it again, and Playwright's handle on it works again once it runs.
 */
async function sidebarWithWorkerStopped(browser: BenchBrowser, url: string, sw: Worker, origin: string, repeats: number, notes: string[]): Promise<OnTopicLoad[]> {
  const stopper = await workerStopper(browser);
  const loads: OnTopicLoad[] = [];
  try {
    for (let r = 0; r < repeats; r++) {
      if (!(await stopper.stop())) {
        notes.push('the service worker did not stop: no cold-worker timings');
        break;
      }
      const load = await loadOnTopic(browser.context, url, sw, origin, false);
      if (load.verdict !== 'ready') notes.push(`on-topic article, worker stopped first: verdict ${load.verdict ?? 'none'} instead of ready`);
      loads.push(load);
    }
  } finally {
    await stopper.close();
  }
  return loads;
}

async function loadOnTopic(context: BrowserContext, url: string, sw: Worker, origin: string, tracing: boolean): Promise<OnTopicLoad> {
  const page = await context.newPage();
  try {
    // Records, in the page's own clock, when the sidebar's host element arrives (it may come
    // early, its frame loading unseen) and when the sidebar is shown (the host arrives
    // without its waiting mark, or loses it).
    await page.addInitScript(() => {
      const w = window as unknown as { __hostAt?: number; __sidebarAt?: number };
      new MutationObserver((_, observer) => {
        if (w.__hostAt === undefined && document.querySelector('crosscheck-sidebar, [data-crosscheck-host]')) w.__hostAt = performance.now();
        if (document.querySelector('crosscheck-sidebar:not([data-crosscheck-waiting]), [data-crosscheck-host]:not([data-crosscheck-waiting])')) {
          w.__sidebarAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-crosscheck-waiting'] });
    });
    const cdp = await context.newCDPSession(page);
    if (tracing) await startTracing(cdp);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let sidebarMs: number | null = null;
    let contentMs: number | null = null;
    let settledMs: number | null = null;
    let lateLook = false;
    type Marks = { __hostAt?: number; __sidebarAt?: number };
    const dclEpoch = await page
      .waitForFunction(() => (window as unknown as Marks).__hostAt !== undefined, null, { timeout: VERDICT_TIMEOUT_MS })
      .then(() =>
        page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return performance.timeOrigin + nav.domContentLoadedEventStart;
        }),
      )
      .catch(() => null);
    if (dclEpoch !== null) {
      // The frame is watched from the moment it exists, before the analysis is over: the
      // claims come first, and a look taken after the verdict would date them to the look.
      const frame = await waitForSidebarFrame(page);
      // Polled inside the frame at each animation frame, so the time is the frame's own, not
      // the bench's. A list the frame holds while still unseen is dated to when it is shown,
      // the first moment a reader can see it. Both watches start together.
      const when = (selector: string) =>
        frame
          ? frame
              .evaluate(async (selector) => {
                const atFirstLook = document.querySelector(selector) !== null;
                const deadline = performance.now() + 8_000;
                while (!document.querySelector(selector) && performance.now() < deadline) {
                  await new Promise((r) => requestAnimationFrame(() => r(null)));
                }
                return document.querySelector(selector) ? { at: performance.timeOrigin + performance.now(), atFirstLook } : null;
              }, selector)
              .catch(() => null)
          : Promise.resolve(null);
      const shownAt = page
        .waitForFunction(() => (window as unknown as Marks).__sidebarAt !== undefined, null, { timeout: VERDICT_TIMEOUT_MS })
        .then(() => page.evaluate(() => performance.timeOrigin + (window as unknown as Required<Marks>).__sidebarAt))
        .catch(() => null);
      const [shown, settled, revealed] = await Promise.all([when(SIDEBAR_READY), when(SIDEBAR_SETTLED), shownAt]);
      if (revealed !== null) sidebarMs = revealed - dclEpoch;
      if (shown) contentMs = Math.max(shown.at, revealed ?? shown.at) - dclEpoch;
      if (settled) settledMs = Math.max(settled.at, revealed ?? settled.at) - dclEpoch;
      // Already there at the first look: the time is when the bench looked, an upper bound.
      lateLook = Boolean(shown?.atFirstLook);
    }
    const { status: verdict, tabId } = await waitForVerdict(sw, url);
    await page.waitForTimeout(SETTLE_MS);
    const events = tracing ? await stopTracing(cdp) : [];
    const cost = await contentCost(sw, tabId);
    return { verdict, cost, taskDurationMs: 0, trace: analyzeTrace(events, url, origin), sidebarMs, contentMs, settledMs, lateLook };
  } finally {
    await page.close();
  }
}

async function waitForSidebarFrame(page: Page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) return frame;
    await page.waitForTimeout(20);
  }
  return null;
}

/** The status the background keeps for the tab showing `url` (storage.session), once it is a verdict, and that tab's id. */
async function waitForVerdict(sw: Worker, url: string): Promise<{ status: string | null; tabId: number | null }> {
  const deadline = Date.now() + VERDICT_TIMEOUT_MS;
  const final = new Set(['off-topic', 'not-article', 'ready', 'error', 'paused']);
  let last: { status: string | null; tabId: number | null } = { status: null, tabId: null };
  while (Date.now() < deadline) {
    // Read in the worker, so that the reports stored beside the states are not carried out of it.
    last = await sw.evaluate(async ({ u, prefix }) => {
      const all = await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(null);
      // Tab states only (lib/stored-tab-states.ts): a report under its own key has an address too.
      for (const [key, v] of Object.entries(all)) {
        const s = v as { url?: string; status?: string; tabId?: number } | null;
        if (key.startsWith(prefix) && s?.url === u && s.status) return { status: s.status, tabId: s.tabId ?? null };
      }
      return { status: null, tabId: null };
    }, { u: url, prefix: TAB_STATE_PREFIX });
    if (last.status && final.has(last.status)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { status: null, tabId: last.tabId };
}

/** The content script's own account of its main-thread time ('content/cost'), asked through the background. */
async function contentCost(sw: Worker, tabId: number | null): Promise<ContentCost | null> {
  if (tabId === null) return null;
  return sw
    .evaluate(async (id) => {
      const chrome = (globalThis as unknown as {
        chrome: { tabs: { sendMessage(id: number, m: unknown, o: { frameId: number }): Promise<{ ok: boolean; value?: unknown } | undefined> } };
      }).chrome;
      const reply = await chrome.tabs.sendMessage(id, { crosscheck: 1, type: 'content/cost', payload: null }, { frameId: 0 });
      return reply?.ok ? (reply.value as ContentCost) : null;
    }, tabId)
    .catch(() => null);
}


async function startTracing(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
}

async function stopTracing(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: Buffer[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
}

