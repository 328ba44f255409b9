// Matches the claims of a page against the corpus.
//
// Three steps, cheapest first, so the cost does not grow with the corpus:
//  1. Preselect: walk the inverted index from the page claim's rarest terms, summing
//     IDF × kind weight per corpus claim, until a budget of postings is spent; the best
//     CANDIDATE_POOL claims go on.
//  2. Bound: a candidate's structural features alone bound its score; those that cannot
//     reach the threshold even with identical wording are dropped.
//  3. Score: fuse.js matches the page claim's salient words (short patterns, never whole
//     sentences) against each remaining candidate's words, and that fuzzy overlap joins the
//     structural features in one 0..1 relevance. Stance and reason come from lib/stance.ts.
//
// `matchClaimsNaive` is the baseline the benchmark compares against: one fuse.js search
// per whole sentence over every corpus claim, then the same scoring.

import Fuse, { type IFuseOptions } from 'fuse.js';
import type { ExtractedClaim } from './claims';
import { idfOf, indexTerms, inverseFrequency, keyTextOf, TERM_KIND_WEIGHTS, type CorpusIndex } from './corpus-index';
import { relevance, relevanceUpperBound } from './match-score';
import { toPublicQuantity } from './quantities';
import { judgeStance } from './stance';
import type { ClaimMatch, ClaimResult, Stance } from './types';

/** Relevance (0..1) at and above which a corpus claim is a match; below it there is no match. */
export const MATCH_THRESHOLD = 0.36;
/** Matches listed per claim (one per report). */
export const MAX_MATCHES_PER_CLAIM = 5;
/** Candidates kept after preselection for structural and fuzzy scoring. */
export const CANDIDATE_POOL = 64;
/** Postings read per claim before preselection stops walking to commoner terms. */
export const SCAN_BUDGET_POSTINGS = 12_000;
/** Posting lists always read, however long, so that a claim of common terms still finds candidates. */
export const MIN_LISTS_SCANNED = 2;
/** Candidates, ranked by partial preselection score, that get the weights of the unread lists too. */
export const RESCORE_POOL = 512;
/** Missing words of a claim (the rarest) that fuse.js looks for fuzzily in each candidate. */
export const MAX_FUZZY_TERMS = 8;
/** Words shorter than this are compared exactly, longer ones also fuzzily. */
export const MIN_FUZZY_TERM_CHARS = 5;
/** fuse.js score (0 = exact, 1 = anything) above which a word does not match. */
export const FUZZY_TERM_THRESHOLD = 0.25;
/** A word the corpus has never seen weighs this share of the rarest seen word. */
export const UNSEEN_TERM_WEIGHT = 0.5;
/** fuse.js threshold of the naive baseline's whole-sentence search. */
export const NAIVE_FUSE_THRESHOLD = 0.6;

export interface MatchOptions {
  /** Reports never matched (the report being analysed, when it is in the corpus). */
  excludeReportIds?: readonly string[];
  threshold?: number;
  maxMatches?: number;
}

export interface ScoredCandidate {
  /** Claim id in the index. */
  claim: number;
  /** Relevance 0..1. */
  score: number;
}

const FUZZY_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  shouldSort: false,
  threshold: FUZZY_TERM_THRESHOLD,
};

/** Matches each claim against the corpus: the fast path. */
export function matchClaims(claims: readonly ExtractedClaim[], index: CorpusIndex, opts: MatchOptions = {}): ClaimResult[] {
  const excluded = excludedReports(index, opts);
  return claims.map((c) => toResult(c, rankCandidates(c, index, excluded, opts), index, opts));
}

/** The baseline: one fuse.js search per whole sentence over every corpus claim, then the same scoring. */
export function matchClaimsNaive(claims: readonly ExtractedClaim[], index: CorpusIndex, opts: MatchOptions = {}): ClaimResult[] {
  const excluded = excludedReports(index, opts);
  const fuse = new Fuse(
    index.claims.map((c) => c.text),
    { includeScore: true, ignoreLocation: true, threshold: NAIVE_FUSE_THRESHOLD },
  );
  return claims.map((c) => {
    const found = fuse.search(c.text).map((r) => r.refIndex).filter((id) => !excluded.has(index.claims[id]!.report));
    return toResult(c, scoreCandidates(c, found, index, opts.threshold ?? MATCH_THRESHOLD, false), index, opts);
  });
}

/** Corpus claims relevant to `claim`, best first, at or above the threshold. */
export function rankCandidates(
  claim: ExtractedClaim,
  index: CorpusIndex,
  excluded: ReadonlySet<number> = new Set(),
  opts: MatchOptions = {},
): ScoredCandidate[] {
  const pool = preselect(claim, index, excluded);
  return scoreCandidates(claim, pool, index, opts.threshold ?? MATCH_THRESHOLD, true);
}

/** How one claim stands to another, scored against the corpus's word statistics: what the stance test runs. */
export function judgePair(
  page: ExtractedClaim,
  other: ExtractedClaim,
  index: CorpusIndex,
  threshold = MATCH_THRESHOLD,
): { score: number; stance: Stance | 'unrelated'; why: string } {
  const text = textSimilarity(page, [other], index)[0]!;
  const score = relevance(page, other, text);
  if (score < threshold) return { score, stance: 'unrelated', why: 'no match' };
  return { score, ...judgeStance(page, other) };
}

// ---------------------------------------------------------------------------------------

function excludedReports(index: CorpusIndex, opts: MatchOptions): Set<number> {
  const ids = new Set(opts.excludeReportIds ?? []);
  const out = new Set<number>();
  index.reports.forEach((r, i) => {
    if (ids.has(r.id)) out.add(i);
  });
  return out;
}

/** Step 1: the claims sharing the most (and rarest) salient terms with `claim`. */
function preselect(claim: ExtractedClaim, index: CorpusIndex, excluded: ReadonlySet<number>): number[] {
  const lists: { postings: Int32Array; weight: number }[] = [];
  for (const t of indexTerms(claim)) {
    const postings = index.postings.get(t);
    if (postings) lists.push({ postings, weight: idfOf(index, t) * (TERM_KIND_WEIGHTS[t[0]!] ?? 1) });
  }
  lists.sort((a, b) => a.postings.length - b.postings.length);

  const acc = accumulator(index);
  const touched: number[] = [];
  let scanned = 0;
  let read = 0;
  for (; read < lists.length; read++) {
    const { postings, weight } = lists[read]!;
    if (read >= MIN_LISTS_SCANNED && scanned + postings.length > SCAN_BUDGET_POSTINGS) break;
    for (let i = 0; i < postings.length; i++) {
      const id = postings[i]!;
      if (acc[id] === 0) touched.push(id);
      acc[id] = acc[id]! + weight;
    }
    scanned += postings.length;
  }

  let pool = topByScore(touched, acc, RESCORE_POOL, index, excluded);
  // The lists left unread are long (common terms); add their weight to the best partial candidates only.
  if (read < lists.length) {
    const scores = pool.map((id) => {
      let s = acc[id]!;
      for (let l = read; l < lists.length; l++) if (contains(lists[l]!.postings, id)) s += lists[l]!.weight;
      return s;
    });
    pool = pool.map((id, i) => [id, scores[i]!] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  }
  for (const id of touched) acc[id] = 0;
  return pool.slice(0, CANDIDATE_POOL);
}

const accumulators = new WeakMap<CorpusIndex, Float64Array>();
function accumulator(index: CorpusIndex): Float64Array {
  let acc = accumulators.get(index);
  if (!acc || acc.length !== index.claims.length) {
    acc = new Float64Array(index.claims.length);
    accumulators.set(index, acc);
  }
  return acc;
}

/** The `k` touched claims with the highest accumulated score (ties by id), skipping excluded reports. */
function topByScore(touched: number[], acc: Float64Array, k: number, index: CorpusIndex, excluded: ReadonlySet<number>): number[] {
  const heap: number[] = []; // min-heap on (score, -id)
  const less = (a: number, b: number) => acc[a]! < acc[b]! || (acc[a] === acc[b] && a > b);
  for (const id of touched) {
    if (excluded.size && excluded.has(index.claims[id]!.report)) continue;
    if (heap.length < k) {
      heap.push(id);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (less(heap[0]!, id)) {
      heap[0] = id;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
  }
  return heap.sort((a, b) => acc[b]! - acc[a]! || a - b);
}

function contains(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Steps 2 and 3: bound, then fuzzy text and structure. */
function scoreCandidates(claim: ExtractedClaim, ids: number[], index: CorpusIndex, threshold: number, bound: boolean): ScoredCandidate[] {
  const live = bound ? ids.filter((id) => relevanceUpperBound(claim, index.claims[id]!) >= threshold) : ids;
  if (!live.length) return [];
  const texts = textSimilarity(claim, live.map((id) => index.claims[id]!), index);
  const out: ScoredCandidate[] = [];
  live.forEach((id, i) => {
    const score = relevance(claim, index.claims[id]!, texts[i]!);
    if (score >= threshold) out.push({ claim: id, score });
  });
  return out.sort((a, b) => b.score - a.score || a.claim - b.claim);
}

/**
 * How much of the claim's wording each candidate shares, 0..1: an F1 of IDF-weighted
 * content words. Every word is looked up exactly; the rarest missing ones (the names and
 * terms that carry a sentence) are also searched fuzzily by fuse.js in the candidate's
 * words, so "Ussuriisk" finds "Ussuriysk" and "mobilised" finds "mobilized".
 */
function textSimilarity(claim: ExtractedClaim, candidates: readonly ExtractedClaim[], index: CorpusIndex): number[] {
  const maxIdf = inverseFrequency(Math.max(1, index.claims.length), 1);
  const weightOf = (term: string) => (index.idf.has(`w:${term}`) ? idfOf(index, `w:${term}`) : UNSEEN_TERM_WEIGHT * maxIdf);
  const weigh = (terms: readonly string[]) => terms.reduce((sum, t) => sum + weightOf(t), 0);

  const query = claim.terms.map((t) => [t, weightOf(t)] as const);
  const queryWeight = query.reduce((s, [, w]) => s + w, 0);
  const sets = candidates.map((c) => new Set(c.terms));
  const overlap = new Float64Array(candidates.length);
  const fuzzyTerms: (readonly [string, number])[] = [];
  for (const [term, w] of query) {
    let missing = false;
    sets.forEach((set, j) => {
      if (set.has(term)) overlap[j] = overlap[j]! + w;
      else missing = true;
    });
    if (missing && term.length >= MIN_FUZZY_TERM_CHARS) fuzzyTerms.push([term, w]);
  }
  if (fuzzyTerms.length) {
    fuzzyTerms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const fuse = new Fuse(candidates.map((c) => keyTextOf(c.terms)), FUZZY_OPTIONS);
    for (const [term, w] of fuzzyTerms.slice(0, MAX_FUZZY_TERMS)) {
      for (const r of fuse.search(` ${term} `)) {
        if (!sets[r.refIndex]!.has(term)) overlap[r.refIndex] = overlap[r.refIndex]! + w * (1 - (r.score ?? 1));
      }
    }
  }
  return candidates.map((c, j) => {
    const total = queryWeight + weigh(c.terms);
    return total > 0 ? Math.min(1, (2 * overlap[j]!) / total) : 0;
  });
}

function toResult(claim: ExtractedClaim, ranked: ScoredCandidate[], index: CorpusIndex, opts: MatchOptions): ClaimResult {
  const max = opts.maxMatches ?? MAX_MATCHES_PER_CLAIM;
  // One match per report: its best corroboration or conflict when it has one (what the reader
  // checks), else its best related claim.
  const best = new Map<number, ClaimMatch>();
  for (const { claim: id, score } of ranked) {
    const other = index.claims[id]!;
    const current = best.get(other.report);
    if (current && current.stance !== 'related') continue;
    const { stance, why } = judgeStance(claim, other);
    if (current && stance === 'related') continue;
    const report = index.reports[other.report]!;
    best.set(other.report, {
      reportId: report.id,
      reportTitle: report.title,
      outlet: report.outlet,
      date: report.date,
      claim: other.text,
      stance,
      score: round(score),
      why,
      source: other.attribution,
    });
  }
  const decisive = (m: ClaimMatch) => (m.stance === 'related' ? 1 : 0);
  const matches = [...best.values()]
    .sort((a, b) => decisive(a) - decisive(b) || b.score - a.score || (a.reportId < b.reportId ? -1 : 1))
    .slice(0, max);
  return {
    text: claim.text,
    quantities: claim.quantities.map(toPublicQuantity),
    attribution: claim.attribution,
    matches,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
