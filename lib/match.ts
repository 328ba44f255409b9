// Matches the claims of a page against the corpus.
//
// Four steps, cheapest first, so the cost hardly grows with the corpus:
//  1, 2. Admit and preview (lib/admission.ts): the few corpus claims worth scoring, found
//     signature by signature, best bound first.
//  3. Bound: the CANDIDATE_POOL best previews go on; a candidate whose structure cannot reach
//     the threshold even with identical wording is dropped.
//  4. Score: fuse.js matches the page claim's rare words (short patterns, never whole
//     sentences; lib/spelling-variants.ts, each pair of words judged once) against the
//     candidates' words, and that overlap joins the structural
//     features in one 0..1 relevance. Stance and reason come from lib/stance.ts.
//
// `matchClaimsNaive` is the baseline the benchmark compares against: one fuse.js search
// per whole sentence over every corpus claim, then the same scoring of every claim found.

import Fuse from 'fuse.js';
import { CONCEPT_PREFIX, type ExtractedClaim } from './claims';
import { admittedSignatures, preselect } from './admission';
import { conceptWeight, inverseFrequency, UNSEEN_TERM_WEIGHT, type CorpusIndex } from './corpus-index';
import { combine, relevance, signatureFeatures, signatureOf } from './match-score';
import { toPublicQuantity } from './quantities';
import { spellingVariants } from './spelling-variants';
import { judgeStance, mayConflict, type StanceJudgement } from './stance';
import type { ClaimMatch, ClaimResult, Stance } from './types';

export { prepareIndex } from './admission';

/** Relevance (0..1) at and above which a corpus claim is a match; below it there is no match. */
export const MATCH_THRESHOLD = 0.36;
/** Matches listed per claim, best first. */
export const MAX_MATCHES_PER_CLAIM = 5;
/**
 * Sentences of one report listed per claim at most. A report's best-scoring sentence is
 * often its headline or a summary; the sentence that states the same fact may rank just
 * behind it, so one report may give up to three, and the rest of the list stays for others.
 */
export const MAX_MATCHES_PER_REPORT = 3;
/** Contradictions (or corroborations) listed after the best matches, when they rank close behind them. */
export const MAX_DECISIVE_EXTRA = 2;
/** Such a sentence must score at least this share of the lowest listed match: close behind, not far down. */
export const DECISIVE_EXTRA_SCORE_SHARE = 0.85;
/** Missing words of a claim (the rarest) that fuse.js looks for fuzzily in each candidate. */
export const MAX_FUZZY_TERMS = 8;
/** Words shorter than this are compared exactly, longer ones also fuzzily. */
export const MIN_FUZZY_TERM_CHARS = 5;
/** Words found in more corpus claims than this are matched exactly only (common words do not vary in spelling). */
export const FUZZY_MAX_DOCUMENT_FREQUENCY = 3;
/** fuse.js threshold of the naive baseline's whole-sentence search: 1 lets every claim through, so the baseline scores the whole corpus and its top 5 is the true top 5. */
export const NAIVE_FUSE_THRESHOLD = 1;

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

/** Matches each claim against the corpus: the fast path. */
export function matchClaims(claims: readonly ExtractedClaim[], index: CorpusIndex, opts: MatchOptions = {}): ClaimResult[] {
  return [...matchEachClaim(claims, index, opts)];
}

/**
 * `matchClaims` one claim at a time, in order, for a caller that gives the thread back
 * between claims: the background lets the sidebar list the claims while they are matched.
 */
export function* matchEachClaim(claims: readonly ExtractedClaim[], index: CorpusIndex, opts: MatchOptions = {}): Generator<ClaimResult> {
  const excluded = excludedReports(index, opts);
  for (const c of claims) yield toResult(c, rankCandidates(c, index, excluded, opts), index, opts);
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
  const text = textSimilarity(page, null, index, [other])[0]!;
  const score = relevance(page, other, text, index.pack);
  if (score < threshold) return { score, stance: 'unrelated', why: 'no match' };
  return { score, ...judgeStance(page, other, index.pack) };
}

// ---------------------------------------------------------------------------------------

function excludedReports(index: CorpusIndex, opts: MatchOptions): Set<number> {
  const ids = new Set(opts.excludeReportIds ?? []);
  const out = new Set<number>();
  // Nearly every page excludes nothing: no pass over 100,000 reports' ids for it (2.3 ms a page).
  if (ids.size === 0) return out;
  index.reports.forEach((r, i) => {
    if (ids.has(r.id)) out.add(i);
  });
  return out;
}

/** Steps 2 and 3: bound, then fuzzy text and structure. */
function scoreCandidates(claim: ExtractedClaim, ids: number[], index: CorpusIndex, threshold: number, bound: boolean): ScoredCandidate[] {
  // The fast path (bound) reads its candidates' signatures from admission's table: looking
  // each up by its claim (signatureOf, a WeakMap) took microseconds a claim at 100,000 claims.
  const own = signatureOf(claim, index.pack);
  const signatures = bound ? admittedSignatures(index, ids) : ids.map((id) => signatureOf(index.claims[id]!, index.pack));
  const features = signatures.map((s) => signatureFeatures(own, s));
  // Identical wording (text similarity 1) bounds what a candidate can score.
  const live = ids.map((id, i) => ({ id, f: features[i]! })).filter((c) => !bound || combine(c.f, 1) >= threshold);
  if (!live.length) return [];
  const texts = textSimilarity(claim, live.map((c) => c.id), index);
  const out: ScoredCandidate[] = [];
  live.forEach((c, i) => {
    const score = combine(c.f, texts[i]!);
    if (score >= threshold) out.push({ claim: c.id, score });
  });
  return out.sort((a, b) => b.score - a.score || a.claim - b.claim);
}

/**
 * How much of the claim's wording each candidate shares, 0..1: an F1 of IDF-weighted
 * content words. Every word is looked up exactly; the rarest missing ones (the names and
 * terms that carry a sentence) are also searched fuzzily by fuse.js in the candidate's
 * words, so "Ussuriisk" finds "Ussuriysk" and "mobilised" finds "mobilized".
 */
function textSimilarity(claim: ExtractedClaim, ids: readonly number[] | null, index: CorpusIndex, others?: readonly ExtractedClaim[]): number[] {
  const maxIdf = inverseFrequency(Math.max(1, index.claims.length), 1);
  const weightOf = (term: string) => index.wordIdf.get(term) ?? UNSEEN_TERM_WEIGHT * maxIdf * conceptWeight(term);
  // Candidates from the index use its cached word sets and weights; loose claims (judgePair) are computed here.
  const count = ids ? ids.length : others!.length;
  const termsOf = (j: number) => (ids ? index.claims[ids[j]!]!.terms : others![j]!.terms);
  const setOf = (j: number): Set<string> => {
    if (!ids) return new Set(others![j]!.terms);
    const id = ids[j]!;
    return (index.wordSets[id] ??= new Set(index.claims[id]!.terms));
  };
  const weightOfCandidate = (j: number) => (ids ? index.textWeight[ids[j]!]! : termsOf(j).reduce((s, t) => s + weightOf(t), 0));

  const sets = Array.from({ length: count }, (_, j) => setOf(j));
  const overlap = new Float64Array(count);
  let queryWeight = 0;
  const fuzzyTerms: (readonly [string, number])[] = [];
  for (const term of claim.terms) {
    const w = weightOf(term);
    queryWeight += w;
    let missing = false;
    for (let j = 0; j < count; j++) {
      if (sets[j]!.has(term)) overlap[j] = overlap[j]! + w;
      else missing = true;
    }
    // Common words are spelled one way; names and rare words ("Ussuriysk", "Zelenskiy") vary.
    if (missing && term.length >= MIN_FUZZY_TERM_CHARS && !term.startsWith(CONCEPT_PREFIX) && (index.wordDf.get(term) ?? 0) <= FUZZY_MAX_DOCUMENT_FREQUENCY) {
      fuzzyTerms.push([term, w]);
    }
  }
  if (fuzzyTerms.length) {
    // fuse.js compares each missing word with the candidates' words (their shared vocabulary,
    // searched once), not with whole sentences; a candidate then counts its closest word.
    fuzzyTerms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const vocabulary = new Set<string>();
    for (const set of sets) for (const t of set) vocabulary.add(t);
    for (const [term, w] of fuzzyTerms.slice(0, MAX_FUZZY_TERMS)) {
      const near = spellingVariants(term, vocabulary);
      if (!near.size) continue;
      for (let j = 0; j < count; j++) {
        if (sets[j]!.has(term)) continue;
        let best = 0;
        for (const [word, similarity] of near) if (similarity > best && sets[j]!.has(word)) best = similarity;
        overlap[j] = overlap[j]! + w * best;
      }
    }
  }
  const out = new Array<number>(count);
  for (let j = 0; j < count; j++) {
    const total = queryWeight + weightOfCandidate(j);
    out[j] = total > 0 ? Math.min(1, (2 * overlap[j]!) / total) : 0;
  }
  return out;
}

function toResult(claim: ExtractedClaim, ranked: ScoredCandidate[], index: CorpusIndex, opts: MatchOptions): ClaimResult {
  const max = opts.maxMatches ?? MAX_MATCHES_PER_CLAIM;
  // Best first, each report with at most MAX_MATCHES_PER_REPORT of its sentences. Then up to
  // MAX_DECISIVE_EXTRA sentences ranked close behind that contradict the claim (or corroborate
  // it, for a listed report shown only as related): where a report stands on the claim is
  // what the reader came for, and a headline agreeing in general must not hide it.
  const taken: ClaimMatch[] = [];
  const perReport = new Map<number, number>();
  /** Reports with a corroboration or contradiction listed. */
  const decisive = new Set<number>();
  const listed = new Set<number>();
  // The search for extras below passes over the same candidates once per stance wanted: each is judged once.
  const judgements = new Map<number, StanceJudgement>();
  const judge = (id: number): StanceJudgement => {
    let judged = judgements.get(id);
    if (!judged) judgements.set(id, (judged = judgeStance(claim, index.claims[id]!, index.pack)));
    return judged;
  };
  const take = (id: number, score: number, judged: StanceJudgement) => {
    const other = index.claims[id]!;
    const report = index.reports[other.report]!;
    perReport.set(other.report, (perReport.get(other.report) ?? 0) + 1);
    if (judged.stance !== 'related') decisive.add(other.report);
    listed.add(id);
    taken.push({
      reportId: report.id,
      reportTitle: report.title,
      outlet: report.outlet,
      date: report.date,
      claim: other.text,
      stance: judged.stance,
      score: round(score),
      why: judged.why,
      source: other.attribution,
    });
  };
  for (const { claim: id, score } of ranked) {
    if (taken.length >= max) break;
    const other = index.claims[id]!;
    if ((perReport.get(other.report) ?? 0) >= MAX_MATCHES_PER_REPORT) continue;
    take(id, score, judge(id));
  }
  // Close behind the list: first contradictions, from any report that shows none yet; then
  // corroborations, from a listed report that shows none of either.
  const floor = DECISIVE_EXTRA_SCORE_SHARE * (taken.length ? Math.min(...taken.map((m) => m.score)) : 0);
  const conflicting = new Set(taken.filter((m) => m.stance === 'conflicts').map((m) => m.reportId));
  let extra = 0;
  for (const wanted of ['conflicts', 'corroborates'] as const) {
    for (const { claim: id, score } of ranked) {
      if (extra >= MAX_DECISIVE_EXTRA || score < floor) break;
      const other = index.claims[id]!;
      if (listed.has(id)) continue;
      if (wanted === 'conflicts' ? conflicting.has(index.reports[other.report]!.id) : decisive.has(other.report) || !perReport.has(other.report)) continue;
      // Most candidates cannot conflict at all: a quick test spares their full judgement.
      if (wanted === 'conflicts' && !mayConflict(claim, other, index.pack)) continue;
      const judged = judge(id);
      if (judged.stance !== wanted) continue;
      take(id, score, judged);
      conflicting.add(index.reports[other.report]!.id);
      extra++;
    }
  }
  return {
    text: claim.text,
    quantities: claim.quantities.map(toPublicQuantity),
    attribution: claim.attribution,
    matches: taken,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
