// The bench's output: the JSON object (stable names, documented in docs/performance.md),
// the goals of issue 6 checked against it, and the readable report.

import type { MatchingResult, MatchingSize } from './matching';
import { GOALS as MATCH_GOALS } from './matching';
import type { PageResult } from './page';
import type { PipelineResult } from './pipeline';
import type { SizeResult } from './size';
import type { CopiesResult } from './copies';
import type { StorageResult } from './storage';
import type { Breakdown } from './profile';
import type { Summary } from './stats';
import { bytes, formatNumber, formatTable, kb, medianAndSlowest, section, type Cell } from './table';

export const GOALS = {
  matchingAt: 100_000,
  speedup: MATCH_GOALS.speedup,
  recallAt5: MATCH_GOALS.recallAt5,
  articleMatchMs: MATCH_GOALS.articleMs,
  offTopicPageMs: 5,
  /** The same, by the content script's own meter (issue 14). */
  offTopicMeteredMs: 2,
  sidebarMs: 150,
  longTasks: 0,
  contentScriptGzipBytes: 40 * 1024,
} as const;

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface BenchResult {
  machine: {
    cpu: string;
    cores: number;
    memoryGB: number;
    node: string;
    platform: string;
    chromium: string | null;
    date: string;
    gcExposed: boolean;
    quick: boolean;
    /** os.loadavg() (1, 5, 15 min) when the run started and ended. */
    loadAverage: { start: number[]; end: number[] };
  };
  matching: MatchingSize[] | null;
  matchingInfo: Omit<MatchingResult, 'sizes'> | null;
  pipeline: PipelineResult | null;
  page: PageResult | null;
  size: SizeResult | null;
  storage: StorageResult | null;
  copies: CopiesResult | null;
  /** Sections that failed, with the reason. */
  errors: Record<string, string>;
  goals: Goal[];
  totalSeconds: number;
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${formatNumber(x)} ms`);

export function evaluateGoals(r: BenchResult): Goal[] {
  const goals: Goal[] = [];
  const largest = r.matching?.find((m) => m.corpusClaims === GOALS.matchingAt) ?? null;
  const at = largest ? '100,000 claims' : 'largest corpus measured';
  const m = largest ?? r.matching?.at(-1) ?? null;
  if (m) {
    goals.push({ goal: `matching ${at}: speed-up over naive`, target: `≥ ${GOALS.speedup}×`, measured: `${formatNumber(m.speedup)}×`, met: largest ? m.speedup >= GOALS.speedup : null });
    goals.push({
      goal: `matching ${at}: recall@5 vs naive`, target: `≥ ${GOALS.recallAt5}`,
      measured: m.recallAt5 === null ? '–' : `${m.recallAt5} (${m.recallQueries} queries, ${m.recallSource})`,
      met: largest && m.recallAt5 !== null ? m.recallAt5 >= GOALS.recallAt5 : null,
    });
    goals.push({ goal: `matching ${at}: whole article (median)`, target: `< ${GOALS.articleMatchMs} ms`, measured: ms(m.crosscheckMs.median), met: largest ? m.crosscheckMs.median < GOALS.articleMatchMs : null });
  }
  if (r.page) {
    goals.push({ goal: 'off-topic page: main-thread cost (p95 over pages)', target: `< ${GOALS.offTopicPageMs} ms`, measured: `${ms(r.page.offTopicMainThreadMs.p95)} (max ${ms(r.page.offTopicMainThreadMs.max)}; floor ${ms(r.page.offTopicFloorMainThreadMs?.p95)})`, met: r.page.offTopicMainThreadMs.p95 < GOALS.offTopicPageMs });
    const metered = r.page.offTopicMeteredMs;
    goals.push({
      goal: 'off-topic page: main-thread cost by its own meter (p95 over pages)', target: `< ${GOALS.offTopicMeteredMs} ms`,
      measured: metered ? `${ms(metered.p95)} (median ${ms(metered.median)}; floor ${ms(r.page.offTopicFloorMeteredMs?.p95)})` : 'not measured',
      met: metered ? metered.p95 < GOALS.offTopicMeteredMs : null,
    });
    goals.push({ goal: 'long tasks caused by Crosscheck', target: `${GOALS.longTasks}`, measured: String(r.page.longTasks), met: r.page.longTasks === GOALS.longTasks });
    goals.push({
      goal: 'sidebar visible after DOMContentLoaded (p95)', target: `≤ ${GOALS.sidebarMs} ms`,
      measured: r.page.sidebarMs ? `${ms(r.page.sidebarMs.p95)} (median ${ms(r.page.sidebarMs.median)})` : 'never shown',
      met: r.page.sidebarMs ? r.page.sidebarMs.p95 <= GOALS.sidebarMs : false,
    });
  }
  if (r.size) {
    const gz = r.size.contentScriptGzipBytes;
    goals.push({ goal: 'content script (both stages), gzipped', target: `< ${kb(GOALS.contentScriptGzipBytes)}`, measured: kb(gz), met: gz === null ? null : gz < GOALS.contentScriptGzipBytes });
    goals.push({ goal: 'first stage (injected into every page), gzipped', target: 'a few KB', measured: kb(r.size.firstStageGzipBytes), met: null });
  }
  return goals;
}

export function printReport(r: BenchResult): string {
  const out: string[] = [];
  const mc = r.machine;
  out.push(`Crosscheck benchmarks — ${mc.cpu}, ${mc.cores} cores, ${mc.memoryGB} GB, Node ${mc.node}${mc.chromium ? `, ${mc.chromium}` : ''}`);
  out.push(`${mc.date}${mc.quick ? '  (--quick: smaller samples)' : ''}; ${r.totalSeconds} s; load average ${mc.loadAverage.start.join(' ')} at the start, ${mc.loadAverage.end.join(' ')} at the end`);

  if (r.matching) {
    out.push(section('Matching: 40-claim article against synthetic corpora (+ the 5 seeds)'));
    out.push(
      formatTable(
        ['corpus claims', 'indexed', 'Crosscheck median', 'p95', 'naive (article)', 'naive timed on', 'speed-up', 'recall@5', 'score-aware', 'index build', 'read back', 'heap/claim', 'table/claim', 'cache/claim'],
        r.matching.map((m) => [
          m.corpusClaims, m.indexedClaims, ms(m.crosscheckMs.median), ms(m.crosscheckMs.p95), ms(m.naiveMs.median),
          m.naiveSampled ? `${m.naiveSampleSize} of ${m.claims} queries` : `all ${m.claims}`,
          `${formatNumber(m.speedup)}×`, m.recallAt5 === null ? '–' : `${m.recallAt5} (${m.recallQueries}q, ${m.recallSource})`,
          m.recallAt5ScoreAware, ms(m.indexBuildMs), ms(m.indexRestoreMs), bytes(m.bytesPerClaim), bytes(m.tableBytesPerClaim), `${formatNumber(m.serializedBytesPerClaim)} B`,
        ]),
      ),
    );
    if (r.matchingInfo) {
      const a = r.matchingInfo.article;
      out.push(`Article: ${a.sentences} claim sentences, ${a.claimsExtracted} extracted as claims by lib/claims.ts. Naive baseline: lib/match.ts matchClaimsNaive, fuse.js threshold ${r.matchingInfo.naiveFuseThreshold}.`);
      if (a.notExtracted.length) out.push(`Not extracted: ${a.notExtracted.map((s) => `"${s.slice(0, 70)}${s.length > 70 ? '…' : ''}"`).join('; ')}`);
    }
    for (const m of r.matching) {
      if (m.breakdown) breakdownTables(out, `Where the matcher's time goes at ${m.corpusClaims.toLocaleString('en-US')} claims`, m.breakdown);
    }
    notes(out, r.matchingInfo?.notes);
  }

  if (r.pipeline) {
    const p = r.pipeline;
    out.push(section(`Page pipeline in Node: ${p.pages} saved real pages (linkedom, ${p.repeats} runs each, median per page)`));
    const row = (name: string, s: Summary | null) => [name, s ? s.n : 0, ms(s?.median), ms(s?.p95), ms(s?.max)];
    out.push(
      formatTable(['step', 'pages', 'median', 'p95', 'max'], [
        row('verdict (every step taken)', p.offTopicRejectMs),
        row('cheap check only', p.cheapCheckMs),
        row('pages past the cheap check', p.fullPathMs),
        row(`on-topic: full analysis`, p.onTopicAnalysisMs),
        row(`  content script part`, p.onTopicContentScriptMs),
        row(`  background part`, p.onTopicBackgroundMs),
      ]),
    );
    out.push(`Verdicts: ${Object.entries(p.verdicts).map(([k, v]) => `${k} ${v}`).join(', ')}; wrongly on-topic: ${p.falseOnTopic.length ? p.falseOnTopic.join(', ') : 'none'}.`);
    out.push(`On-topic pages (5 seeds × ${p.onTopicPages / 5} real layouts): ${p.onTopicFound}/${p.onTopicPages} found on-topic.`);
    out.push(`Slowest: ${p.slowest.map((s) => `${s.page} (${s.kb} KB, ${s.verdict}) ${ms(s.ms)}`).join('; ')}`);
    const la = p.longArticle;
    out.push(
      `The ${la.words}-word article of the sidebar timing: content-script steps ${ms(la.contentScriptMs.median)}, ` +
        `the background's analysis ${ms(la.backgroundMs.median)} (median; ${la.claims} claims against the seed corpus).`,
    );
    if (la.breakdown) breakdownTables(out, `Where the background's analysis of that article goes`, la.breakdown);
    notes(out, p.notes);
  }

  if (r.page) {
    const p = r.page;
    out.push(section(`In Chromium: ${p.pages.length} real pages, with and without the extension (${p.repeats} loads each)`));
    out.push(
      formatTable(
        ['page', 'KB', 'verdict', 'Crosscheck (trace)', 'in one task', 'own meter', 'longest step', 'page without ext', 'page with ext', 'long tasks caused'],
        p.loads.map((l) => [
          l.page, l.kb, l.verdict ?? '–', ms(l.crosscheckMs), ms(l.maxCrosscheckMsInTask), ms(l.meteredMs), ms(l.longestStepMs),
          ms(l.taskMsWithout), ms(l.taskMsWith), l.longTasksCaused,
        ]),
      ),
    );
    out.push(
      formatTable(['figure', 'median', 'p95', 'max'], [
        ['Crosscheck on off-topic pages (trace, profiler on)', ms(p.offTopicMainThreadMs.median), ms(p.offTopicMainThreadMs.p95), ms(p.offTopicMainThreadMs.max)],
        ['  its own meter, untraced load', ms(p.offTopicMeteredMs?.median), ms(p.offTopicMeteredMs?.p95), ms(p.offTopicMeteredMs?.max)],
        ['the floor: a script that only says "off-topic" (trace)', ms(p.offTopicFloorMainThreadMs?.median), ms(p.offTopicFloorMainThreadMs?.p95), ms(p.offTopicFloorMainThreadMs?.max)],
        ['  its meter, untraced load', ms(p.offTopicFloorMeteredMs?.median), ms(p.offTopicFloorMeteredMs?.p95), ms(p.offTopicFloorMeteredMs?.max)],
        ['page main thread, no extension', ms(p.baselineMainThreadMs.median), ms(p.baselineMainThreadMs.p95), ms(p.baselineMainThreadMs.max)],
        ['page main thread, with extension', ms(p.withExtensionMainThreadMs.median), ms(p.withExtensionMainThreadMs.p95), ms(p.withExtensionMainThreadMs.max)],
        [`DCL → sidebar in page (${p.onTopicWords}-word article)`, ms(p.sidebarMs?.median), ms(p.sidebarMs?.p95), ms(p.sidebarMs?.max)],
        ['DCL → sidebar shows the claims', ms(p.sidebarContentMs?.median), ms(p.sidebarContentMs?.p95), ms(p.sidebarContentMs?.max)],
        ['  the same, the service worker stopped first: sidebar in the page', ms(p.sidebarColdWorkerMs?.median), ms(p.sidebarColdWorkerMs?.p95), ms(p.sidebarColdWorkerMs?.max)],
        ['  … and shows the claims', ms(p.sidebarContentColdWorkerMs?.median), ms(p.sidebarContentColdWorkerMs?.p95), ms(p.sidebarContentColdWorkerMs?.max)],
        ['DCL → sidebar lists every match', ms(p.sidebarSettledMs?.median), ms(p.sidebarSettledMs?.p95), ms(p.sidebarSettledMs?.max)],
        ['Crosscheck on the on-topic article (trace)', ms(p.onTopicMainThreadMs?.median), ms(p.onTopicMainThreadMs?.p95), ms(p.onTopicMainThreadMs?.max)],
        ['  its own meter, untraced load', ms(p.onTopicMeteredMs?.median), ms(p.onTopicMeteredMs?.p95), ms(p.onTopicMeteredMs?.max)],
      ]),
    );
    out.push(`Long tasks (≥ 50 ms) caused by Crosscheck: ${p.longTasks} (on the on-topic article: ${p.longTasksOnTopic}).`);
    out.push(
      `On the on-topic article (medians): the content script starts ${ms(p.contentScriptStartAfterDclMs?.median)} after DOMContentLoaded (document_idle), ` +
        `works ${ms(p.workBeforeSidebarMs?.median)} on the main thread before the sidebar is mounted, and the background's analysis takes ` +
        `${ms(p.backgroundAnalyzeMs?.median)}; the rest of the ${ms(p.sidebarMs?.median)} is waiting (idle callbacks, messaging).`,
    );
    for (const [label, b] of [['off-topic pages', p.offTopicBreakdown], ['the on-topic article', p.onTopicBreakdown]] as const) {
      if (!b || !b.loads) continue;
      out.push(`\nWhere Crosscheck's main-thread time goes on ${label} (per load, ${b.loads} loads, sampled under the profiler: ${ms(b.sampledMs)} + script evaluation ${ms(b.evaluateMs)}):`);
      out.push(formatTable(['function (inclusive, source-mapped)', 'ms/load'], b.functions.map((f) => [f.name, f.ms])));
      out.push(formatTable(['module (self)', 'ms/load'], b.modules.map((m) => [m.module, m.ms])));
    }
    notes(out, p.notes);
  }

  if (r.size) {
    out.push(section(`Bundle sizes (${r.size.buildDir}, zlib level 9)`));
    out.push(formatTable(['entrypoint', 'raw', 'gzip', 'largest modules (raw bytes in the bundle)'], r.size.entrypoints.map((e) => [e.name, kb(e.rawBytes), kb(e.gzipBytes), e.top.slice(0, 5).map((t) => `${t.module} ${kb(t.bytes)}`).join(', ')])));
  }

  if (r.storage) {
    const s = r.storage;
    out.push(section('Storage in Chromium (IndexedDB through the background)'));
    out.push(
      formatTable(['figure', 'value'], [
        ['seed install (5 reports), median', ms(s.seedInstallMs)],
        ['  the same request with seeds present', ms(s.seedCheckMs)],
        [`import of ${s.corpus10kReports.toLocaleString('en-US')} reports (${s.corpus10kImports} files, ${kb(s.corpus10kFileBytes)} JSON)`, ms(s.corpus10kInstallMs)],
        ['  reports in the corpus afterwards (seeds included)', s.corpus10kStored.toLocaleString('en-US')],
        ['  database growth (storage.estimate)', kb(s.corpus10kBytes)],
        ['first analysis after the import', ms(s.firstAnalysisAfterImportMs)],
        ['  persisted index (its cache row)', kb(s.indexCacheBytes)],
        ['next analysis (index warm)', ms(s.warmAnalysisMs)],
        ['  once the index is persisted (median of 3)', ms(s.settledAnalysisMs)],
        ['worker stopped first (median of 5): a page\'s settings', medianAndSlowest(s.coldWorkerSettingsMs)],
        ['  the article\'s claims (page/claims)', medianAndSlowest(s.coldWorkerClaimsMs)],
        ['  its matches (page/analyze)', medianAndSlowest(s.coldWorkerAnalysisMs)],
      ]),
    );
    const m = s.remembered1000;
    if (m) {
      out.push(section(`Remembered reading: ${m.articles.toLocaleString('en-US')} articles kept (storage.remembered1000)`));
      out.push(
        formatTable(['figure', 'value'], [
          [`database growth (${m.articles.toLocaleString('en-US')} articles, ${m.meanArticleChars.toLocaleString('en-US')} characters each on average)`, kb(m.databaseBytes)],
          ['persisted index (its cache row)', kb(m.indexCacheBytes)],
          ['analysis of an article, seeds only (index warm)', ms(m.seedsOnlyAnalysisMs)],
          ['first article after them (index built over all)', ms(m.firstAnalysisMs)],
          ['each next article while remembering (the one before just joined)', ms(m.nextAnalysisRememberingMs)],
          ['  keeping it (write and index extension, after the sidebar has its results)', ms(m.rememberWriteMs)],
          ['the same article, remembering off (index warm)', ms(m.warmAnalysisMs)],
        ]),
      );
      notes(out, m.notes);
    }
    notes(out, s.notes);
  }

  if (r.copies) {
    const c = r.copies;
    out.push(section('Syndicated copies (lib/near-duplicates.ts): signing, lookup, and the analysis with and without the copy step'));
    out.push(
      formatTable(['figure', 'median', 'p95'], [
        [`sign one report (${c.wordsPerReport} words, n=${c.signPerReportMs.n})`, ms(c.signPerReportMs.median), ms(c.signPerReportMs.p95)],
        [`sign the bench article (${c.articleWords} words)`, ms(c.signArticleMs.median), ms(c.signArticleMs.p95)],
        ...c.lookup.flatMap((l): Cell[][] => [
          [`find a copy among ${l.reports.toLocaleString('en-US')} signatures, every one compared`, ms(l.linearMs.median), ms(l.linearMs.p95)],
          [`  through the packed index (built in ${formatNumber(l.indexBuildMs)} ms; same answer ${l.agree}/${l.probes})`, ms(l.indexMs.median), ms(l.indexMs.p95)],
        ]),
        [`analysis of the bench article, ${c.analysis.corpusClaims.toLocaleString('en-US')} corpus claims, without the copy step`, ms(c.analysis.withoutMs.median), ms(c.analysis.withoutMs.p95)],
        [`  the same with it (${c.analysis.matchedReports} matched reports): ratio ${c.analysis.ratio}`, ms(c.analysis.withMs.median), ms(c.analysis.withMs.p95)],
        ['  the copy step alone (ids, lookup, new matches), 200 runs', ms(c.analysis.stepMs.median), ms(c.analysis.stepMs.p95)],
      ]),
    );
    out.push(`An import of ${c.importBatch.reports.toLocaleString('en-US')} reports: parsing and checking the file ${ms(c.importBatch.parseMs)}, signing and linking them ${ms(c.importBatch.signAndLinkMs)}.`);
    out.push(`One stored signature: ${c.signatureBytes} bytes of JSON. Template-built synthetic reports linked as copies: ${c.syntheticLinked.linked} of ${c.syntheticLinked.reports}.`);
  }

  if (Object.keys(r.errors).length) {
    out.push(section('Sections that could not run'));
    for (const [k, v] of Object.entries(r.errors)) out.push(`${k}: ${v}`);
  }

  out.push(section('Goals (issue 6)'));
  out.push(formatTable(['goal', 'target', 'measured', 'met'], r.goals.map((g) => [g.goal, g.target, g.measured, g.met === null ? 'n/a' : g.met ? 'yes' : 'NO'])));
  return out.join('\n');
}

function breakdownTables(out: string[], title: string, b: Breakdown): void {
  out.push(`\n${title} (V8 sampling profile, ${b.runs} runs, ${ms(b.msPerRun)} per run under the profiler):`);
  out.push(formatTable(['stage (inclusive)', 'ms/run', 'share'], b.stages.map((s) => [s.name, s.ms, `${Math.round(s.share * 100)}%`])));
  out.push(formatTable(['hottest (self)', 'ms/run', 'share'], b.hottest.map((s) => [s.name, s.selfMs, `${Math.round(s.share * 100)}%`])));
}

function notes(out: string[], list: string[] | undefined): void {
  for (const n of list ?? []) out.push(`note: ${n}`);
}

