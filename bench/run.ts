// `npm run bench`: Crosscheck's performance on this machine, as a readable report, or
// as one JSON object with `-- --json`. Flags:
//   --json            JSON on stdout (progress goes to stderr)
//   --quick           smaller samples, for a fast check that the bench runs
//   --only a,b        sections: matching, pipeline, page, size, storage, copies
//   --naive-full      compute the naive baseline for all 40 queries at every size (slow:
//                     minutes, on every core) and store it in bench/naive-truth.json
//   --page-loads N    loads of each off-topic page in the page section (default 1: each
//                     load is traced; more to compare two builds, whose one-load figures
//                     vary by more than a first-stage change moves them)
// Every input is read from the repo and the real-pages corpus (READABILITY_PAGES), generated
// with fixed seeds. Without the corpus, the sections over real pages are skipped (one line says so).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { measureCopies, type CopiesResult } from './copies';
import { measureMatching, type MatchingResult } from './matching';
import { measurePipeline, type PipelineResult } from './pipeline';
import { measurePage, type PageResult } from './page';
import { BENCH_CHROME_BUILD, buildForBench, measureSize, type SizeResult } from './size';
import { measureStorage, type StorageResult } from './storage';
import { chromiumAvailable } from './browser';
import { CHROMIUM_MISSING, findChromium } from '../tests/e2e/browsers';
import { benchArticle } from './fixtures';
import { REAL_PAGES_AVAILABLE, REAL_PAGES_SKIP_LINE } from '../tests/real-pages';
import { evaluateGoals, printReport, type BenchResult } from './report';

const SECTIONS = ['size', 'matching', 'pipeline', 'page', 'storage', 'copies'] as const;
type SectionName = (typeof SECTIONS)[number];
/** Sections that read the saved real pages. */
const REAL_PAGE_SECTIONS: readonly SectionName[] = ['pipeline', 'page'];

/** The value of a flag given as `--name=value` or `--name value`; undefined when the flag is absent. */
function flagValue(argv: string[], name: string): string | undefined {
  const arg = argv.find((a) => a === name || a.startsWith(`${name}=`));
  if (arg === undefined) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[argv.indexOf(arg) + 1] ?? '';
}

function parseArgs(argv: string[]) {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const naiveFull = argv.includes('--naive-full');
  const onlyValue = flagValue(argv, '--only');
  let only: SectionName[] = [...SECTIONS];
  if (onlyValue !== undefined) {
    only = onlyValue.split(',').map((s) => s.trim()).filter(Boolean) as SectionName[];
    const unknown = only.filter((s) => !SECTIONS.includes(s));
    if (unknown.length) throw new Error(`Unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  }
  const pageLoadsValue = flagValue(argv, '--page-loads');
  const pageLoads = pageLoadsValue === undefined ? undefined : Number(pageLoadsValue);
  if (pageLoads !== undefined && (!Number.isInteger(pageLoads) || pageLoads < 1 || pageLoads > 20)) {
    throw new Error(`--page-loads takes a whole number from 1 to 20, not "${pageLoadsValue}"`);
  }
  return { json, quick, naiveFull, only, pageLoads };
}

/** global.gc without a node flag: heap deltas then measure what is retained, not garbage. */
function exposeGc(): boolean {
  if (typeof (globalThis as { gc?: unknown }).gc === 'function') return true;
  try {
    setFlagsFromString('--expose-gc');
    (globalThis as { gc?: unknown }).gc = runInNewContext('gc');
    return typeof (globalThis as { gc?: unknown }).gc === 'function';
  } catch {
    return false;
  }
}

function chromiumVersion(): string | null {
  if (!chromiumAvailable()) return null;
  try {
    return execFileSync(findChromium()!, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
  const gc = exposeGc();
  const started = performance.now();
  const cpu = cpus();
  const result: BenchResult = {
    machine: {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${platform()} ${release()}`,
      chromium: args.only.some((s) => s === 'page' || s === 'storage') ? chromiumVersion() : null,
      date: new Date().toISOString(),
      gcExposed: gc,
      quick: args.quick,
      // Other work on the machine slows every figure down: the load at the start and the end say how much there was.
      loadAverage: { start: loadavg().map((x) => Math.round(x * 100) / 100), end: [] },
    },
    matching: null,
    matchingInfo: null,
    pipeline: null,
    page: null,
    size: null,
    storage: null,
    copies: null,
    errors: {},
    goals: [],
    totalSeconds: 0,
  };

  const run = async <T>(name: SectionName, fn: () => Promise<T>): Promise<T | null> => {
    if (!args.only.includes(name)) return null;
    if (REAL_PAGE_SECTIONS.includes(name) && !REAL_PAGES_AVAILABLE) {
      log(`${name}: ${REAL_PAGES_SKIP_LINE}`);
      return null;
    }
    const t0 = performance.now();
    log(`${name}…`);
    try {
      const value = await fn();
      log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return value;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      result.errors[name] = message;
      log(`${name} failed: ${message}`);
      return null;
    }
  };

  // The build first: sizes come from it and both browser sections load it.
  let built = false;
  result.size = await run('size', async (): Promise<SizeResult> => {
    const size = await measureSize();
    built = true;
    return size;
  });
  const ensureBuild = async () => {
    if (built) return;
    log('building the extension (.output/bench/chrome-mv3)…');
    await buildForBench();
    built = true;
  };
  const matching = await run('matching', (): Promise<MatchingResult> => measureMatching({ quick: args.quick, naiveFull: args.naiveFull, log }));
  if (matching) {
    const { sizes, ...info } = matching;
    result.matching = sizes;
    result.matchingInfo = info;
  }
  result.pipeline = await run('pipeline', (): Promise<PipelineResult> => measurePipeline({ quick: args.quick }));
  result.page = await run('page', async (): Promise<PageResult> => {
    if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING);
    await ensureBuild();
    return measurePage(BENCH_CHROME_BUILD, { quick: args.quick, loads: args.pageLoads, log });
  });
  result.storage = await run('storage', async (): Promise<StorageResult> => {
    if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING);
    await ensureBuild();
    const article = benchArticle();
    return measureStorage(BENCH_CHROME_BUILD, { quick: args.quick, article: { title: article.title, text: article.text } });
  });

  result.copies = await run('copies', async (): Promise<CopiesResult> => measureCopies({ quick: args.quick }));

  result.totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  result.machine.loadAverage.end = loadavg().map((x) => Math.round(x * 100) / 100);
  result.goals = evaluateGoals(result);
  if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(printReport(result) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
