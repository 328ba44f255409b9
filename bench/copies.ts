// Syndicated copies: what copy detection costs. A report is signed once, when it enters the
// corpus (lib/near-duplicates.ts copySignature), and a new report is compared with every
// stored signature (findCopyOf, a linear scan). Per analysis the background only adds the
// stored copy links and first words to the matches (lib/report-details.ts); the matcher is
// untouched, so an analysis is timed with and without that step, interleaved, in one run.

import { analyzeArticleText } from '../lib/analyze';
import { buildCorpusIndex } from '../lib/corpus-index';
import { DEFAULT_PACK } from '../lib/topics';
import { CopyIndex, copyLinks, copySignature, findCopyOf, type SignedReport } from '../lib/near-duplicates';
import { detailsOf, matchedReportIds, withReportDetails } from '../lib/report-details';
import { exportReportsJson, MAX_IMPORT_REPORTS, parseImportFiles } from '../lib/report-import';
import { benchArticle, seedReports } from './fixtures';
import { syntheticReports } from './synthetic-corpus';
import { now, round, summarize, type Summary } from './stats';

/** Corpus sizes (reports) the copy lookup is timed against. */
const LOOKUP_SIZES = [1_000, 10_000] as const;
/** Claims of the corpus the analysis is timed on (1,000 reports). */
const ANALYSIS_CLAIMS = 10_000;
const ANALYSIS_REPEATS = 15;
const QUICK_ANALYSIS_REPEATS = 4;

export interface CopiesResult {
  /** Signing one report of the synthetic corpus (about 10 sentences). */
  signPerReportMs: Summary;
  /** Words in those reports (median), to scale by. */
  wordsPerReport: number;
  /** Signing the 40-sentence bench article (about 1,000 words). */
  signArticleMs: Summary;
  articleWords: number;
  /**
   * Finding one new report's copy among this many stored signatures: every signature
   * compared (findCopyOf over a list) and through the packed index the background keeps
   * (CopyIndex); `agree` counts probes (each a copy of a stored report) both answer alike.
   */
  lookup: { reports: number; linearMs: Summary; indexMs: Summary; agree: number; probes: number; indexBuildMs: number }[];
  /** Synthetic reports (template sentences) linked as copies of one another: false links on text that is not copied. */
  syntheticLinked: { reports: number; linked: number };
  /** The whole analysis of the bench article, without and with the copy/name step, interleaved. */
  analysis: { corpusClaims: number; withoutMs: Summary; withMs: Summary; ratio: number; matchedReports: number; stepMs: Summary };
  /**
   * One import at its limit (MAX_IMPORT_REPORTS reports into an empty corpus), side by side:
   * what the import already did (parse and check the file) and what copy detection adds
   * (sign every report and link it against the ones before it, a scan that grows with each).
   */
  importBatch: { reports: number; parseMs: number; signAndLinkMs: number };
  /** JSON size of one stored signature. */
  signatureBytes: number;
}

function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): number[] {
  return items.map((item) => {
    const t0 = now();
    fn(item);
    return now() - t0;
  });
}

export function measureCopies(opts: { quick: boolean }): CopiesResult {
  const synthetic = syntheticReports(LOOKUP_SIZES[LOOKUP_SIZES.length - 1]! * 10, 20241104);
  const article = benchArticle();
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

  // Warm-up, then every report signed once and timed.
  for (const r of synthetic.slice(0, 200)) copySignature(r.text);
  const sample = opts.quick ? synthetic.slice(0, 1_000) : synthetic;
  const signTimes = timeEach(sample, (r) => copySignature(r.text));
  const signed: SignedReport[] = synthetic.map((r) => ({ id: r.id, signature: copySignature(r.text) }));
  const articleTimes = Array.from({ length: opts.quick ? 5 : 30 }, () => {
    const t0 = now();
    copySignature(article.text);
    return now() - t0;
  });

  const probes = synthetic.slice(0, opts.quick ? 20 : 100).map((r) => copySignature(`${r.text}\n\nA paragraph the copying site added.`));
  const lookup = LOOKUP_SIZES.map((size) => {
    const corpus = signed.slice(0, size);
    const t0 = now();
    const index = new CopyIndex(corpus);
    const indexBuildMs = round(now() - t0);
    const agree = probes.filter((p) => findCopyOf(p, corpus) === index.findCopyOf(p)).length;
    return {
      reports: size,
      linearMs: summarize(timeEach(probes, (p) => findCopyOf(p, corpus))),
      indexMs: summarize(timeEach(probes, (p) => index.findCopyOf(p))),
      agree,
      probes: probes.length,
      indexBuildMs,
    };
  });
  const linked = copyLinks(signed.slice(0, 1_000)).size;

  const batch = synthetic.slice(0, MAX_IMPORT_REPORTS);
  const file = { name: 'bench.json', text: exportReportsJson(batch, 0) };
  let t0 = now();
  parseImportFiles([file], 0);
  const parseMs = round(now() - t0);
  t0 = now();
  const batchIndex = new CopyIndex();
  for (const r of batch) {
    const signature = copySignature(r.text);
    batchIndex.add({ id: r.id, signature, copyOf: batchIndex.findCopyOf(signature) });
  }
  const signAndLinkMs = round(now() - t0);

  // The analysis as the background runs it, with and without the step this adds, interleaved so load hits both alike.
  const reports = [...seedReports(), ...syntheticReports(ANALYSIS_CLAIMS)];
  const index = buildCorpusIndex(reports, DEFAULT_PACK);
  const details = new Map(reports.map((r) => [r.id, detailsOf({ ...r, copyOf: null })]));
  const input = { title: article.title, text: article.text, article: { isArticle: true, title: article.title, byline: null, siteName: null, publishedTime: null, words: words(article.text) } };
  const without: number[] = [];
  const withStep: number[] = [];
  let matchedReports = 0;
  const repeats = opts.quick ? QUICK_ANALYSIS_REPEATS : ANALYSIS_REPEATS;
  analyzeArticleText(input, index, { force: true });
  for (let i = 0; i < repeats; i++) {
    let t0 = now();
    analyzeArticleText(input, index, { force: true });
    without.push(now() - t0);
    t0 = now();
    const bare = analyzeArticleText(input, index, { force: true });
    const ids = matchedReportIds(bare);
    withReportDetails(bare, new Map(ids.flatMap((id) => (details.has(id) ? [[id, details.get(id)!] as const] : []))));
    withStep.push(now() - t0);
    matchedReports = ids.length;
  }
  // The step alone, on one analysis: what the timings above differ by, without their noise.
  const bare = analyzeArticleText(input, index, { force: true });
  const stepTimes = Array.from({ length: 200 }, () => {
    const t1 = now();
    const ids = matchedReportIds(bare);
    withReportDetails(bare, new Map(ids.flatMap((id) => (details.has(id) ? [[id, details.get(id)!] as const] : []))));
    return now() - t1;
  });
  const withoutMs = summarize(without);
  const withMs = summarize(withStep);

  return {
    signPerReportMs: summarize(signTimes),
    wordsPerReport: summarize(sample.map((r) => words(r.text))).median,
    signArticleMs: summarize(articleTimes),
    articleWords: words(article.text),
    lookup,
    syntheticLinked: { reports: 1_000, linked },
    analysis: { corpusClaims: ANALYSIS_CLAIMS, withoutMs, withMs, ratio: round(withMs.median / withoutMs.median, 3), matchedReports, stepMs: summarize(stepTimes) },
    importBatch: { reports: batch.length, parseMs, signAndLinkMs },
    signatureBytes: JSON.stringify(signed[0]!.signature).length,
  };
}
