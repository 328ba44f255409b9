// The corpus, read once: every report's claims with their structure, and the statistics
// of their terms (actors, event families, counted units, sources, places, content words):
// which claims carry each term, its inverse frequency, each claim's summed word weight.
// Matching admits candidates signature by signature (lib/admission.ts), not from these
// lists; they give the word statistics the text similarity and admission's bounds use.
//
// The index serialises to plain JSON (claims and report metadata); the postings are
// rebuilt on load, which is a linear pass and far cheaper than re-reading the reports.

import { CONCEPT_PREFIX, extractEvidence, parseClaim, type ExtractedClaim } from './claims';
import type { TopicPack } from './topics/types';
import type { Report } from './types';

/** Bump when claim extraction changes: a persisted index of another version is rebuilt. */
export const CORPUS_INDEX_VERSION = 4;

/** A word the corpus has never seen weighs this share of the rarest seen word (in the text similarity and in admission alike). */
export const UNSEEN_TERM_WEIGHT = 0.5;

export interface ReportMeta {
  id: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
}

export interface IndexedClaim extends ExtractedClaim {
  /** Position of the claim's report in `CorpusIndex.reports`. */
  report: number;
}

export interface CorpusIndex {
  version: number;
  /** The story the claims were read for: matching and stance read them with the same pack. */
  pack: TopicPack;
  reports: ReportMeta[];
  claims: IndexedClaim[];
  /** Term → ids of the claims carrying it (ascending). */
  postings: Map<string, Int32Array>;
  /** Term → inverse document frequency over claims. */
  idf: Map<string, number>;
  /** Per claim: its index terms. */
  claimTerms: string[][];
  /** Per claim: the text fuse.js matches words against (stemmed content words, space-separated). */
  keyText: string[];
  /** Per claim: summed IDF of its content words (the denominator of the text similarity). */
  textWeight: Float64Array;
  /** Content word → IDF (the `w:` terms without their prefix), for the text similarity. */
  wordIdf: Map<string, number>;
  /** Content word → number of claims holding it. */
  wordDf: Map<string, number>;
  /** Per claim, its content words as a set; filled on first use by the matcher. */
  wordSets: (Set<string> | undefined)[];
}

/** The JSON-safe form of an index. */
export interface SerializedCorpusIndex {
  version: number;
  /** The pack's id: an index read for another story is rebuilt. */
  topic: string;
  reports: ReportMeta[];
  claims: IndexedClaim[];
}

/** Reads every report's claims (its title's too) and indexes them. */
export function buildCorpusIndex(reports: readonly Report[], pack: TopicPack): CorpusIndex {
  const metas: ReportMeta[] = [];
  const claims: IndexedClaim[] = [];
  reports.forEach((r, i) => {
    metas.push({ id: r.id, title: r.title, outlet: r.outlet, date: r.date });
    const found = extractEvidence(r.text, { pack, documentDate: r.date });
    if (r.title) {
      const title = parseClaim(r.title, { pack, documentDate: r.date });
      if (title.checkable.length && !found.some((c) => c.text === title.text)) claims.push({ ...title, report: i });
    }
    for (const c of found) claims.push({ ...c, report: i });
  });
  return indexClaims(metas, claims, pack);
}

/** An index over claims already extracted (what deserialisation and benchmarks use). */
export function indexClaims(reports: ReportMeta[], claims: IndexedClaim[], pack: TopicPack): CorpusIndex {
  const claimTerms = claims.map(indexTerms);
  const lists = new Map<string, number[]>();
  claimTerms.forEach((terms, id) => {
    for (const t of terms) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = []));
      list.push(id);
    }
  });
  const n = Math.max(1, claims.length);
  const postings = new Map<string, Int32Array>();
  const idf = new Map<string, number>();
  for (const [t, list] of lists) {
    postings.set(t, Int32Array.from(list));
    idf.set(t, inverseFrequency(n, list.length));
  }
  const { wordIdf, wordDf, textWeight } = wordStatistics(postings, idf, claims);
  return {
    version: CORPUS_INDEX_VERSION,
    pack,
    reports,
    claims,
    postings,
    idf,
    claimTerms,
    keyText: claims.map((c) => keyTextOf(c.terms)),
    textWeight,
    wordIdf,
    wordDf,
    wordSets: new Array<Set<string> | undefined>(claims.length),
  };
}

/**
 * What the text similarity weighs words by, from the posting lists and their inverse
 * frequencies: each content word's weight and document frequency, and each claim's summed
 * word weight. Depends on the claim count, so an index that grows recomputes it.
 */
export function wordStatistics(
  postings: ReadonlyMap<string, ArrayLike<number>>,
  idf: ReadonlyMap<string, number>,
  claims: readonly ExtractedClaim[],
): { wordIdf: Map<string, number>; wordDf: Map<string, number>; textWeight: Float64Array } {
  const wordIdf = new Map<string, number>();
  const wordDf = new Map<string, number>();
  for (const [t, list] of postings) {
    if (!t.startsWith('w:')) continue;
    wordIdf.set(t.slice(2), idf.get(t)! * conceptWeight(t.slice(2)));
    wordDf.set(t.slice(2), list.length);
  }
  const textWeight = new Float64Array(claims.length);
  claims.forEach((c, i) => {
    let w = 0;
    for (const term of c.terms) w += wordIdf.get(term) ?? 0;
    textWeight[i] = w;
  });
  return { wordIdf, wordDf, textWeight };
}

/**
 * How much a concept term (lib/claims.ts conceptTerms) weighs in the text similarity beside
 * a word of the same rarity. An event or a counted value shared says more about two
 * sentences stating one fact than a shared word does; a shared actor says less, since
 * nearly every sentence of a story names its actors.
 */
export const CONCEPT_WEIGHTS: Record<string, number> = { e: 2, v: 2, n: 1.5, s: 1, p: 1, a: 0.5, f: 1 };

export function conceptWeight(term: string): number {
  return term.startsWith(CONCEPT_PREFIX) ? (CONCEPT_WEIGHTS[term[1]!] ?? 1) : 1;
}

export function inverseFrequency(total: number, df: number): number {
  return Math.log(1 + total / Math.max(1, df));
}

/** The IDF of a term; a term the corpus has never seen is as rare as can be. */
export function idfOf(index: CorpusIndex, term: string): number {
  return index.idf.get(term) ?? inverseFrequency(Math.max(1, index.claims.length), 1);
}

/** The salient terms a claim is indexed and preselected by, each prefixed by its kind. */
export function indexTerms(c: ExtractedClaim): string[] {
  const terms = new Set<string>();
  for (const a of c.actors) terms.add(`a:${a}`);
  if (c.force) terms.add(`f:${c.force}`);
  for (const e of c.events) {
    terms.add(`e:${e.family}`);
    if (e.polarity !== 'asserts') terms.add(`n:${e.family}:${e.polarity}`);
  }
  for (const q of c.quantities) {
    terms.add(`u:${q.family}`);
    terms.add(`k:${q.family}:${q.kind}`);
  }
  if (c.attribution) terms.add(`s:${c.attribution}`);
  if (c.role) terms.add(`r:${c.role}`);
  for (const p of c.places) terms.add(`p:${p}`);
  for (const w of c.terms) terms.add(`w:${w}`);
  return [...terms];
}

export function keyTextOf(terms: readonly string[]): string {
  return ` ${terms.join('  ')} `;
}

export function serializeCorpusIndex(index: CorpusIndex): SerializedCorpusIndex {
  return { version: index.version, topic: index.pack.id, reports: index.reports, claims: index.claims };
}

/** The index again, or null when it was written by another version of the extractor or for another story. */
export function deserializeCorpusIndex(data: unknown, pack: TopicPack): CorpusIndex | null {
  if (!isSerialized(data) || data.version !== CORPUS_INDEX_VERSION || data.topic !== pack.id) return null;
  return indexClaims(data.reports, data.claims, pack);
}

function isSerialized(data: unknown): data is SerializedCorpusIndex {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<SerializedCorpusIndex>;
  return typeof d.version === 'number' && Array.isArray(d.reports) && Array.isArray(d.claims);
}
