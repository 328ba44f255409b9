// Scoring of Crosscheck's judgment against labelled data, exactly as the development set's
// README defines it, so that every tool reports the same numbers: topic precision/recall/F1,
// recall@5 of the right evidence sentence, per-stance precision/recall/F1, the false-match
// rate of unrelated pairs, and where each missed pair broke.
import type { Analysis, Stance } from '../lib/types';

export type PairStance = Stance | 'unrelated';

export interface LabelledPair {
  pair_id: string;
  article_id: string;
  sentence: string;
  seed_file: string;
  seed_sentence: string;
  stance: PairStance;
  why?: string;
}

/** Where a pair that is not right broke, first failure first. */
export type Miss = 'not a claim' | 'nothing from that report' | 'another sentence of the report' | 'matched at rank >= 5' | 'wrong stance';

export interface PairOutcome {
  pair: LabelledPair;
  found: boolean;
  /** Rank of the first listed match that is the labelled seed sentence, or null. */
  rank: number | null;
  predicted: Stance | null;
  miss: Miss | null;
  /** The claim the pair's sentence was found as (for reading the misses). */
  claim: string | null;
  /** What was listed instead, for reading the misses. */
  listed: { reportId: string; stance: Stance; claim: string }[];
}

export const RANK_CUTOFF = 5;
export const FOUND_AS_CLAIM = 0.6;
export const SAME_SEED_SENTENCE = 0.5;

export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
}

/** Share of `part`'s distinct tokens found in `whole`. */
export function contain(whole: string, part: string): number {
  const p = new Set(tokens(part));
  if (!p.size) return 0;
  const w = new Set(tokens(whole));
  let n = 0;
  for (const t of p) if (w.has(t)) n++;
  return n / p.size;
}

export function seedIdOf(seedFile: string): string {
  return seedFile.replace(/\.txt$/, '');
}

/** Scores one pair against the analysis of its article (topic gate forced open). */
export function scorePair(pair: LabelledPair, analysis: Analysis): PairOutcome {
  const claims = analysis.claims.filter((c) => contain(c.text, pair.sentence) >= FOUND_AS_CLAIM);
  const seedId = seedIdOf(pair.seed_file);
  const base = { pair, found: claims.length > 0, claim: claims[0]?.text ?? null };
  const listed = claims.flatMap((c) => c.matches.map((m) => ({ reportId: m.reportId, stance: m.stance, claim: m.claim })));
  let best: { rank: number; stance: Stance; claim: string } | null = null;
  for (const c of claims) {
    const rank = c.matches.findIndex((m) => m.reportId === seedId && contain(m.claim, pair.seed_sentence) >= SAME_SEED_SENTENCE);
    if (rank >= 0 && (!best || rank < best.rank)) best = { rank, stance: c.matches[rank]!.stance, claim: c.text };
  }
  const predicted = best && best.rank < RANK_CUTOFF ? best.stance : null;
  const rightStance = pair.stance === 'unrelated' ? predicted === null || predicted === 'related' : predicted === pair.stance;
  let miss: Miss | null = null;
  if (!rightStance) {
    if (pair.stance === 'unrelated') miss = 'wrong stance';
    else if (!base.found) miss = 'not a claim';
    else if (!best) miss = listed.some((m) => m.reportId === seedId) ? 'another sentence of the report' : 'nothing from that report';
    else if (best.rank >= RANK_CUTOFF) miss = 'matched at rank >= 5';
    else miss = 'wrong stance';
  }
  return { ...base, claim: best?.claim ?? base.claim, rank: best ? best.rank : null, predicted, miss, listed };
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export interface PairScores {
  pairs: number;
  recallAt5: number;
  matchedAt5: number;
  labelledRelated: number;
  stances: Record<Stance, Prf>;
  macroF1: number;
  unrelated: number;
  unrelatedShownAgreeingOrConflicting: number;
  falseMatchRate: number;
  misses: Record<Miss, number>;
}

const STANCES: Stance[] = ['corroborates', 'conflicts', 'related'];

export function scorePairs(outcomes: readonly PairOutcome[]): PairScores {
  const labelled = outcomes.filter((o) => o.pair.stance !== 'unrelated');
  const matchedAt5 = labelled.filter((o) => o.rank !== null && o.rank < RANK_CUTOFF).length;
  const stances = Object.fromEntries(
    STANCES.map((s) => {
      const tp = outcomes.filter((o) => o.pair.stance === s && o.predicted === s).length;
      const fp = outcomes.filter((o) => o.pair.stance !== s && o.predicted === s).length;
      const fn = outcomes.filter((o) => o.pair.stance === s && o.predicted !== s).length;
      return [s, prf(tp, fp, fn)];
    }),
  ) as Record<Stance, Prf>;
  const unrelated = outcomes.filter((o) => o.pair.stance === 'unrelated');
  const shown = unrelated.filter((o) => o.predicted === 'corroborates' || o.predicted === 'conflicts').length;
  const misses: Record<Miss, number> = {
    'not a claim': 0,
    'nothing from that report': 0,
    'another sentence of the report': 0,
    'matched at rank >= 5': 0,
    'wrong stance': 0,
  };
  for (const o of outcomes) if (o.miss) misses[o.miss]++;
  return {
    pairs: outcomes.length,
    recallAt5: labelled.length ? matchedAt5 / labelled.length : 0,
    matchedAt5,
    labelledRelated: labelled.length,
    stances,
    macroF1: STANCES.reduce((sum, s) => sum + stances[s].f1, 0) / STANCES.length,
    unrelated: unrelated.length,
    unrelatedShownAgreeingOrConflicting: shown,
    falseMatchRate: unrelated.length ? shown / unrelated.length : 0,
    misses,
  };
}

export interface TopicCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function topicScores(c: TopicCounts): Prf & TopicCounts {
  return { ...prf(c.tp, c.fp, c.fn), ...c };
}
