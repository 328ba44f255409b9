// The corpus, read once: every report's claims with their structure, and the statistics of
// their content words (each word's document frequency and weight, each claim's summed word
// weight) that the text similarity and admission's bounds use. Matching admits candidates
// signature by signature (lib/admission.ts), so no posting lists are kept: a word's
// document frequency is counted, not listed.
//
// The claims are kept in a compact form (lib/claim-interning.ts): a fixed shape, and the
// strings, lists and objects many claims hold alike stored once. The index serialises to
// plain data (report metadata and the claims packed, lib/packed-claims.ts); the word
// statistics are counted again on load, a linear pass far cheaper than re-reading the reports.

import { ClaimInterner, type IndexedClaim } from './claim-interning';
import { CONCEPT_PREFIX, extractEvidence, parseClaim, type ExtractedClaim } from './claims';
import { packClaims, unpackClaims, type PackedClaims } from './packed-claims';
import type { TopicPack } from './topics/types';
import { looksLikeHeadline } from './report-text';
import type { Report } from './types';

export type { IndexedClaim } from './claim-interning';

/** Bump when claim extraction changes: a persisted index of another version is rebuilt. */
export const CORPUS_INDEX_VERSION = 13;

/** A word the corpus has never seen weighs this share of the rarest seen word (in the text similarity and in admission alike). */
export const UNSEEN_TERM_WEIGHT = 0.5;

export interface ReportMeta {
  id: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
}

export interface CorpusIndex {
  version: number;
  /** The story the claims were read for: matching and stance read them with the same pack. */
  pack: TopicPack;
  reports: ReportMeta[];
  claims: IndexedClaim[];
  /** Per claim: summed IDF of its content words (the denominator of the text similarity). */
  textWeight: Float64Array;
  /** Content word (concept terms included) → its weight in the text similarity: its IDF times its concept weight. */
  wordIdf: Map<string, number>;
  /** Content word → number of claims holding it (its keys are the strings the claims' word lists share). */
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
  claims: PackedClaims;
}

/** Reads every report's claims (its title's too) and indexes them. */
export function buildCorpusIndex(reports: readonly Report[], pack: TopicPack): CorpusIndex {
  const { metas, claims } = readReports(reports, pack);
  return indexClaims(metas, claims, pack);
}

/**
 * Every report's evidence, as parsed, each with its report's position: the sentences of its
 * body that concern the story. The headline is evidence only for a report whose body has none.
 * A headline sums up its body ("North Korea sends troops to aid Russia's war in Ukraine:
 * Seoul"), matches nearly every claim of the story, and outranked the body's sentence that
 * states the fact; the sidebar names every report by its title anyway.
 */
export function readReports(reports: readonly Report[], pack: TopicPack): { metas: ReportMeta[]; claims: IndexedClaim[] } {
  const metas: ReportMeta[] = [];
  const claims: IndexedClaim[] = [];
  // Each claim parsed here is ours alone: its report is set on it in place (the index keeps compact copies).
  reports.forEach((r, i) => {
    metas.push({ id: r.id, title: r.title, outlet: r.outlet, date: r.date });
    const found = extractEvidence(r.text, { pack, documentDate: r.date });
    // Pages often repeat the headline at the top of the body: that copy is the headline too.
    // A subhead ("Zelensky raises concerns over troop movements") sums up the paragraph
    // under it as a headline does its body, and is evidence as little.
    const body = found.filter((c) => !(r.title && sameWords(c.text, r.title)) && !isHeadingLine(r.text, c));
    if (body.length) {
      for (const c of body) claims.push(Object.assign(c, { report: i }));
    } else if (r.title) {
      const title = found[0] ?? parseClaim(r.title, { pack, documentDate: r.date });
      if (title.checkable.length || found.length) claims.push(Object.assign(title, { report: i }));
    }
  });
  return { metas, claims };
}

/** A line of its own that reads as a headline: the report's headline or a subhead. */
function isHeadingLine(text: string, c: ExtractedClaim): boolean {
  const ownLine = (c.start === 0 || text[c.start - 1] === '\n') && (c.end === text.length || text[c.end] === '\n' || text[c.end] === '\r');
  return ownLine && looksLikeHeadline(c.text.trimEnd());
}

function sameWords(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** An index over claims just extracted: they are interned into their compact form first. */
export function indexClaims(reports: ReportMeta[], claims: readonly IndexedClaim[], pack: TopicPack): CorpusIndex {
  const interner = new ClaimInterner();
  return indexCompactClaims(reports, claims.map((c) => interner.claim(c, c.report)), pack);
}

/** An index over claims already in their compact form (as unpacking gives them). */
function indexCompactClaims(reports: ReportMeta[], compact: IndexedClaim[], pack: TopicPack): CorpusIndex {
  const wordDf = countWords(compact, new Map(), 1);
  const { wordIdf, textWeight } = wordStatistics(wordDf, compact);
  return {
    version: CORPUS_INDEX_VERSION,
    pack,
    reports,
    claims: compact,
    textWeight,
    wordIdf,
    wordDf,
    wordSets: new Array<Set<string> | undefined>(compact.length),
  };
}

/**
 * Adds `sign` (1 or -1) to the document frequency of each distinct word of each claim, in
 * `wordDf`, which it returns; a word no claim holds any more leaves it.
 */
export function countWords(claims: readonly ExtractedClaim[], wordDf: Map<string, number>, sign: 1 | -1): Map<string, number> {
  for (const c of claims) {
    const terms = c.terms;
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j]!;
      if (terms.indexOf(t) !== j) continue;
      const df = (wordDf.get(t) ?? 0) + sign;
      if (df > 0) wordDf.set(t, df);
      else wordDf.delete(t);
    }
  }
  return wordDf;
}

/**
 * What the text similarity weighs words by, from their document frequencies: each content
 * word's weight, and each claim's summed word weight. Depends on the claim count, so an
 * index that grows recomputes it.
 */
export function wordStatistics(wordDf: ReadonlyMap<string, number>, claims: readonly ExtractedClaim[]): { wordIdf: Map<string, number>; textWeight: Float64Array } {
  const n = Math.max(1, claims.length);
  const wordIdf = new Map<string, number>();
  for (const [word, df] of wordDf) wordIdf.set(word, inverseFrequency(n, df) * conceptWeight(word));
  const textWeight = new Float64Array(claims.length);
  claims.forEach((c, i) => {
    let w = 0;
    for (const term of c.terms) w += wordIdf.get(term) ?? 0;
    textWeight[i] = w;
  });
  return { wordIdf, textWeight };
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

export function serializeCorpusIndex(index: CorpusIndex): SerializedCorpusIndex {
  return { version: index.version, topic: index.pack.id, reports: index.reports, claims: packClaims(index.claims) };
}

/** The index again, or null when it was written by another version of the extractor, for another story, or in another form. */
export function deserializeCorpusIndex(data: unknown, pack: TopicPack): CorpusIndex | null {
  if (!isSerialized(data) || data.version !== CORPUS_INDEX_VERSION || data.topic !== pack.id) return null;
  const claims = unpackClaims(data.claims, data.reports.length);
  return claims && indexCompactClaims(data.reports, claims, pack);
}

function isSerialized(data: unknown): data is Omit<SerializedCorpusIndex, 'claims'> & { claims: unknown } {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<Record<keyof SerializedCorpusIndex, unknown>>;
  return typeof d.version === 'number' && Array.isArray(d.reports);
}
