// Markdown tables from a saved `npm run bench -- --json` result, for docs/performance.md:
//   npm run bench -- --json > /tmp/bench.json && npx tsx bench/markdown.ts /tmp/bench.json
// The figures are copied by code, not by hand.

import { readFileSync } from 'node:fs';
import type { BenchResult } from './report';
import { bytes, formatNumber, kb, medianAndSlowest } from './table';

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${formatNumber(x)} ms`);

function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function markdown(r: BenchResult): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `Run of ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB), Node ${m.node}, ${m.chromium ?? 'no Chromium'}; ` +
      `${r.totalSeconds} s; load average ${m.loadAverage.start.join(' / ')} at the start, ${m.loadAverage.end.join(' / ')} at the end.`,
  );
  if (r.matching) {
    out.push('\n**Matching** (the 40-sentence article, ' + `${r.matchingInfo?.article.claimsExtracted ?? '?'} claims extracted)\n`);
    out.push(
      table(
        ['corpus claims (indexed)', 'Crosscheck median / p95', 'naive, whole article', 'speed-up', 'recall@5 (score-aware)', 'index build', 'read back from its cache', 'heap / claim', 'admission table / claim', 'cache row / claim'],
        r.matching.map((s) => [
          `${formatNumber(s.corpusClaims)} (${formatNumber(s.indexedClaims)})`,
          `${ms(s.crosscheckMs.median)} / ${ms(s.crosscheckMs.p95)}`,
          `${formatNumber(Math.round(s.naiveMs.median / 100) / 10)} s${s.naiveSampled ? ` (${s.naiveSampleSize} queries timed)` : ''}`,
          `${formatNumber(s.speedup)}×`,
          s.recallAt5 === null ? '–' : `${s.recallAt5} (${s.recallAt5ScoreAware}) over ${s.recallQueries} queries, ${s.recallSource}`,
          ms(s.indexBuildMs),
          ms(s.indexRestoreMs),
          bytes(s.bytesPerClaim),
          bytes(s.tableBytesPerClaim),
          `${formatNumber(s.serializedBytesPerClaim)} B`,
        ]),
      ),
    );
  }
  if (r.pipeline) {
    const p = r.pipeline;
    out.push(`\n**Page pipeline in Node** (${p.pages} saved pages, linkedom, median of ${p.repeats} runs per page)\n`);
    out.push(
      table(['figure', 'median', 'p95', 'max'], [
        ['verdict on every saved page (offTopicRejectMs)', ms(p.offTopicRejectMs.median), ms(p.offTopicRejectMs.p95), ms(p.offTopicRejectMs.max)],
        ['cheap check alone', ms(p.cheapCheckMs.median), ms(p.cheapCheckMs.p95), ms(p.cheapCheckMs.max)],
        [`on-topic pages, full analysis (onTopicAnalysisMs, ${p.onTopicPages} pages)`, ms(p.onTopicAnalysisMs?.median), ms(p.onTopicAnalysisMs?.p95), ms(p.onTopicAnalysisMs?.max)],
        [`${p.longArticle.words}-word article: background analysis`, ms(p.longArticle.backgroundMs.median), ms(p.longArticle.backgroundMs.p95), ms(p.longArticle.backgroundMs.max)],
      ]),
    );
    out.push(`\nVerdicts: ${Object.entries(p.verdicts).map(([k, v]) => `${k} ${v}`).join(', ')}; on-topic fixtures found: ${p.onTopicFound}/${p.onTopicPages}.`);
  }
  if (r.page) {
    const p = r.page;
    out.push(`\n**In Chromium** (${p.pages.length} real pages, with and without the extension)\n`);
    out.push(
      table(['figure', 'median', 'p95', 'max'], [
        ['Crosscheck main thread, off-topic pages (trace, profiler on)', ms(p.offTopicMainThreadMs.median), ms(p.offTopicMainThreadMs.p95), ms(p.offTopicMainThreadMs.max)],
        ['  of which script evaluation (mean)', ms(p.offTopicBreakdown.evaluateMs), '', ''],
        ['  the content script\'s own meter, untraced', ms(p.offTopicMeteredMs?.median), ms(p.offTopicMeteredMs?.p95), ms(p.offTopicMeteredMs?.max)],
        ['the floor: a content script that only says "off-topic" (trace, profiler on)', ms(p.offTopicFloorMainThreadMs?.median), ms(p.offTopicFloorMainThreadMs?.p95), ms(p.offTopicFloorMainThreadMs?.max)],
        ['  its meter, untraced', ms(p.offTopicFloorMeteredMs?.median), ms(p.offTopicFloorMeteredMs?.p95), ms(p.offTopicFloorMeteredMs?.max)],
        ['page main thread without the extension (baseline)', ms(p.baselineMainThreadMs.median), ms(p.baselineMainThreadMs.p95), ms(p.baselineMainThreadMs.max)],
        [`DCL → sidebar in the page (${p.onTopicWords}-word article)`, ms(p.sidebarMs?.median), ms(p.sidebarMs?.p95), ms(p.sidebarMs?.max)],
        ['DCL → sidebar shows the claims', ms(p.sidebarContentMs?.median), ms(p.sidebarContentMs?.p95), ms(p.sidebarContentMs?.max)],
        ['  the same, the service worker stopped first: sidebar in the page', ms(p.sidebarColdWorkerMs?.median), ms(p.sidebarColdWorkerMs?.p95), ms(p.sidebarColdWorkerMs?.max)],
        ['  … and shows the claims', ms(p.sidebarContentColdWorkerMs?.median), ms(p.sidebarContentColdWorkerMs?.p95), ms(p.sidebarContentColdWorkerMs?.max)],
        ['DCL → sidebar lists every match', ms(p.sidebarSettledMs?.median), ms(p.sidebarSettledMs?.p95), ms(p.sidebarSettledMs?.max)],
        ['  content script starts after DCL', ms(p.contentScriptStartAfterDclMs?.median), '', ''],
        ['  its main-thread work before the sidebar', ms(p.workBeforeSidebarMs?.median), '', ''],
        ['  background page/analyze', ms(p.backgroundAnalyzeMs?.median), ms(p.backgroundAnalyzeMs?.p95), ''],
        ['long tasks (≥ 50 ms) caused by Crosscheck', String(p.longTasks), '', ''],
      ]),
    );
  }
  if (r.size) {
    out.push('\n**Bundles** (the bench builds with `wxt build` into .output/bench/chrome-mv3, hidden source maps; gzip level 9)\n');
    out.push(table(['entrypoint', 'raw', 'gzip', 'largest modules'], r.size.entrypoints.map((e) => [e.name, kb(e.rawBytes), kb(e.gzipBytes), e.top.slice(0, 4).map((t) => `${t.module} ${kb(t.bytes)}`).join(', ')])));
  }
  if (r.storage) {
    const s = r.storage;
    out.push('\n**Storage** (IndexedDB in Chromium, through the background)\n');
    out.push(
      table(['figure', 'value'], [
        ['seed install (seedInstallMs)', ms(s.seedInstallMs)],
        [`import of ${formatNumber(s.corpus10kReports)} reports in ${s.corpus10kImports} files, ${kb(s.corpus10kFileBytes)} JSON (corpus10kInstallMs)`, ms(s.corpus10kInstallMs)],
        ['reports in the corpus afterwards, seeds included (corpus10kStored)', formatNumber(s.corpus10kStored)],
        ['database growth (corpus10kBytes)', kb(s.corpus10kBytes)],
        ['first analysis after the import (firstAnalysisAfterImportMs)', ms(s.firstAnalysisAfterImportMs)],
        ['persisted index, its cache row (indexCacheBytes)', kb(s.indexCacheBytes)],
        ['next analysis, index warm', ms(s.warmAnalysisMs)],
        ['the same once the index is persisted (settledAnalysisMs)', ms(s.settledAnalysisMs)],
        ['worker stopped first: a page\'s settings (coldWorkerSettingsMs)', medianAndSlowest(s.coldWorkerSettingsMs)],
        ['worker stopped first: the article\'s claims (coldWorkerClaimsMs)', medianAndSlowest(s.coldWorkerClaimsMs)],
        ['worker stopped first: its matches (coldWorkerAnalysisMs)', medianAndSlowest(s.coldWorkerAnalysisMs)],
      ]),
    );
    const m = s.remembered1000;
    if (m) {
      out.push(`\n**Remembered reading** (${formatNumber(m.articles)} articles kept, \`storage.remembered1000\`)\n`);
      out.push(
        table(['figure', 'value'], [
          ['database growth (databaseBytes)', kb(m.databaseBytes)],
          ['persisted index (indexCacheBytes)', kb(m.indexCacheBytes)],
          ['analysis, seeds only (seedsOnlyAnalysisMs)', ms(m.seedsOnlyAnalysisMs)],
          ['first article after them (firstAnalysisMs)', ms(m.firstAnalysisMs)],
          ['each next article while remembering (nextAnalysisRememberingMs)', ms(m.nextAnalysisRememberingMs)],
          ['keeping it (rememberWriteMs)', ms(m.rememberWriteMs)],
          ['remembering off, index warm (warmAnalysisMs)', ms(m.warmAnalysisMs)],
        ]),
      );
    }
  }
  out.push('\n**Goals**\n');
  out.push(table(['goal', 'target', 'measured', 'met'], r.goals.map((g) => [g.goal, g.target, g.measured, g.met === null ? 'n/a' : g.met ? 'yes' : '**no**'])));
  return out.join('\n');
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx bench/markdown.ts <result.json>\n');
  process.exit(2);
}
process.stdout.write(markdown(JSON.parse(readFileSync(file, 'utf8')) as BenchResult) + '\n');

