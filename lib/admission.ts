// Candidate admission: which corpus claims a page claim's matching looks at closely. The
// matcher (lib/match.ts) scores only the CANDIDATE_POOL claims this returns, so what is
// not admitted here is never listed. It is the fast path's alone: the naive baseline
// (matchClaimsNaive) scores every claim and never calls it, which is why the benchmark's
// naive truth (bench/naive-truth.ts) leaves this module out of its key.
//
//  1. Admit: read the inverted index from the page claim's rarest terms, summing IDF × kind
//     weight per corpus claim, while an unseen claim could still reach the ADMISSION_POOL-th
//     best ("MaxScore") and within a budget of postings. Terms on most claims admit nobody.
//  2. Preview: admitted claims are ranked by their relevance so far (exact structure from
//     signatures, lib/match-score.ts, plus the wording shared in the lists read); the
//     FINISH_POOL best get their shared wording completed and their relevance previewed.
//  3. The CANDIDATE_POOL best previews go on to the matcher's scoring.

import type { ExtractedClaim } from './claims';
import { conceptWeight, idfOf, indexTerms, inverseFrequency, TERM_KIND_WEIGHTS, UNSEEN_TERM_WEIGHT, type CorpusIndex } from './corpus-index';
import { familyAffinity, signatureOf, signatureRelevance, type ClaimSignature } from './match-score';
import type { TopicPack } from './topics/types';

/** Terms on more than this share of the corpus's claims admit no claim to preselection. */
export const UNIVERSAL_TERM_SHARE = 0.5;
/** Postings preselection reads at most to take in claims (the rarest lists first). */
export const ADMISSION_BUDGET = 12_000;
/** Preselection takes in new claims while an unseen one could still reach this rank by its score. */
export const ADMISSION_POOL = 64;
/** Admitted claims (the best by preselection score) whose relevance is previewed exactly. */
export const FINISH_POOL = 500;
/** Previewed claims (the best) that get the full scoring, fuzzy words included. */
export const CANDIDATE_POOL = 64;

/**
 * The CANDIDATE_POOL claims most likely to be the most relevant. Lists are
 * read rarest first; admission stops when the lists still unread could not lift an unseen
 * claim past the ADMISSION_POOL-th best (or the budget is spent); the FINISH_POOL admitted
 * claims most relevant so far are then previewed with their whole shared wording.
 */
export function preselect(claim: ExtractedClaim, index: CorpusIndex, excluded: ReadonlySet<number>): number[] {
  const lists: { postings: Int32Array; weight: number; text: boolean }[] = [];
  for (const [t, share] of queryTerms(claim, index.pack)) {
    const postings = index.postings.get(t);
    const weight = share * idfOf(index, t) * (TERM_KIND_WEIGHTS[t[0]!] ?? 1);
    const text = t.startsWith('w:');
    if (postings) lists.push({ postings, weight, text });
  }
  const queryTextWeight = queryWordWeight(claim, index);
  lists.sort((a, b) => a.postings.length - b.postings.length || b.weight - a.weight);
  // Terms nearly every claim carries ("North Korea") lift all claims alike: they never admit a
  // claim on their own, so the admission test leaves them out and they only finish the scores.
  const universal = UNIVERSAL_TERM_SHARE * index.claims.length;
  const admitting = new Float64Array(lists.length + 1);
  for (let i = lists.length - 1; i >= 0; i--) {
    admitting[i] = admitting[i + 1]! + (lists[i]!.postings.length > universal ? 0 : lists[i]!.weight);
  }

  const skip = excludedClaims(index, excluded);
  const { acc, accText, ids, flags, scores } = scratch(index);
  // No new claims once none could reach the ADMISSION_POOL-th best preselection score.
  const k = ADMISSION_POOL;
  let touched = 0;
  let scanned = 0;
  let best = 0;
  let read = 0;
  // Taking in new claims while an unseen one could still reach the K-th best.
  for (; read < lists.length; read++) {
    if (lists[read]!.postings.length > universal && touched >= k) break;
    // A budget of postings bounds the cost on large corpora; the lists left only finish scores.
    if (scanned + lists[read]!.postings.length > ADMISSION_BUDGET && touched >= k) break;
    scanned += lists[read]!.postings.length;
    if (touched >= k && admitting[read]! < best && admitting[read]! < kthLargest(ids, touched, acc, k, scores)) break;
    const { postings, weight, text } = lists[read]!;
    const n = postings.length;
    for (let i = 0; i < n; i++) {
      const id = postings[i]!;
      if (skip !== null && skip[id] === 1) continue;
      const v = acc[id]!;
      if (v === 0) ids[touched++] = id;
      acc[id] = v + weight;
      if (v + weight > best) best = v + weight;
    }
    if (text) {
      for (let i = 0; i < n; i++) {
        const id = postings[i]!;
        if (skip === null || skip[id] === 0) accText[id] = accText[id]! + weight;
      }
    }
  }
  // The FINISH_POOL best go on to the preview, judged already by their relevance with the
  // wording shared so far: a claim's relevance is linear in its text similarity, with a
  // slope and intercept that depend only on its signature, computed once per signature.
  const signature = signatureOf(claim, index.pack);
  let live = touched;
  if (live > FINISH_POOL) {
    const { ids: sigIds, signatures: distinct } = signatureTable(index);
    const lines = new Map<number, [number, number]>();
    for (let i = 0; i < live; i++) {
      const id = ids[i]!;
      const sig = sigIds[id]!;
      let line = lines.get(sig);
      if (!line) {
        const at0 = signatureRelevance(signature, distinct[sig]!, 0);
        lines.set(sig, (line = [at0, signatureRelevance(signature, distinct[sig]!, 1) - at0]));
      }
      const wording = (2 * accText[id]!) / Math.max(1e-9, queryTextWeight + index.textWeight[id]!);
      acc[id] = line[0] + line[1] * Math.min(1, wording) + 1e-9;
    }
    const cut = kthLargest(ids, live, acc, FINISH_POOL, scores);
    let kept = 0;
    for (let i = 0; i < live; i++) {
      const id = ids[i]!;
      if (acc[id]! >= cut && kept < FINISH_POOL) ids[kept++] = id;
      else acc[id] = accText[id] = 0;
    }
    live = kept;
  }
  for (; read < lists.length; read++) {
    const { postings, weight, text } = lists[read]!;
    if (!text) continue;
    // Look the few up in the list, or walk the list when the claims still in are many.
    if (live * Math.log2(postings.length + 1) < postings.length) {
      for (let i = 0; i < live; i++) {
        const id = ids[i]!;
        if (contains(postings, id)) accText[id] = accText[id]! + weight;
      }
    } else {
      for (let i = 0; i < live; i++) flags[ids[i]!] = 1;
      for (let i = 0; i < postings.length; i++) {
        const id = postings[i]!;
        if (flags[id] === 1) accText[id] = accText[id]! + weight;
      }
      for (let i = 0; i < live; i++) flags[ids[i]!] = 0;
    }
  }
  const signatures = signaturesOf(index);
  for (let i = 0; i < live; i++) {
    const id = ids[i]!;
    const wording = (2 * accText[id]!) / Math.max(1e-9, queryTextWeight + index.textWeight[id]!);
    scores[i] = signatureRelevance(signature, signatures[id] ??= signatureOf(index.claims[id]!, index.pack), Math.min(1, wording));
  }
  const order = Array.from({ length: live }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || ids[a]! - ids[b]!);
  const pool = order.slice(0, CANDIDATE_POOL).map((i) => ids[i]!);
  for (let i = 0; i < live; i++) acc[ids[i]!] = accText[ids[i]!] = 0;
  return pool;
}

/** The summed weight of a claim's content words, as the text similarity weighs them. */
function queryWordWeight(claim: ExtractedClaim, index: CorpusIndex): number {
  const maxIdf = inverseFrequency(Math.max(1, index.claims.length), 1);
  return claim.terms.reduce((s, t) => s + (index.wordIdf.get(t) ?? UNSEEN_TERM_WEIGHT * maxIdf * conceptWeight(t)), 0);
}

/**
 * The terms a claim looks for, each with the share of its weight it counts for: its own
 * terms; the denials and silences of what it asserts (a denial of a deployment matters to a
 * claim of one); and neighbouring events (training to a deployment) at their affinity.
 */
function queryTerms(claim: ExtractedClaim, pack: TopicPack): Map<string, number> {
  const terms = new Map<string, number>();
  for (const t of indexTerms(claim)) terms.set(t, 1);
  for (const e of claim.events) {
    if (e.polarity === 'asserts') {
      for (const p of ['denies', 'no-comment']) if (!terms.has(`n:${e.family}:${p}`)) terms.set(`n:${e.family}:${p}`, 1);
    }
    for (const family of Object.keys(pack.eventAffinity)) {
      const a = familyAffinity(e.family, family, pack);
      if (a > 0 && a < 1 && (terms.get(`e:${family}`) ?? 0) < a) terms.set(`e:${family}`, a);
    }
    for (const other of Object.keys(pack.eventAffinity[e.family] ?? {})) {
      const a = familyAffinity(e.family, other, pack);
      if (a > 0 && (terms.get(`e:${other}`) ?? 0) < a) terms.set(`e:${other}`, a);
    }
  }
  return terms;
}

/** The k-th largest accumulated score among the first `n` of `ids` (0 when there are fewer). */
function kthLargest(ids: Int32Array, n: number, acc: Float64Array, k: number, scores: Float64Array): number {
  if (n < k) return 0;
  for (let i = 0; i < n; i++) scores[i] = acc[ids[i]!]!;
  // Quickselect for the element that would stand at position k-1 in descending order.
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = scores[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scores[i]! > pivot) i++;
      while (scores[j]! < pivot) j--;
      if (i <= j) {
        const t = scores[i]!;
        scores[i] = scores[j]!;
        scores[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return scores[target]!;
}

/**
 * Builds what matching reads of a whole index, ahead of the first page matched against it
 * (the table of the claims' distinct signatures), so that an index grown or shrunk in the
 * background by an import or a deletion is ready before the reader's next article.
 */
export function prepareIndex(index: CorpusIndex): void {
  signatureTable(index);
}

const signatureTables = new WeakMap<CorpusIndex, { ids: Int32Array; signatures: ClaimSignature[] }>();
/** Per claim, the id of its signature among the corpus's distinct signatures (built once per index). */
function signatureTable(index: CorpusIndex): { ids: Int32Array; signatures: ClaimSignature[] } {
  let table = signatureTables.get(index);
  if (table) return table;
  const byKey = new Map<string, number>();
  const signatures: ClaimSignature[] = [];
  const ids = new Int32Array(index.claims.length);
  const all = signaturesOf(index);
  index.claims.forEach((c, i) => {
    const s = (all[i] ??= signatureOf(c, index.pack));
    const key = signatureKeyOf(c, s);
    let id = byKey.get(key);
    if (id === undefined) {
      byKey.set(key, (id = signatures.length));
      signatures.push(s);
    }
    ids[i] = id;
  });
  signatureTables.set(index, (table = { ids, signatures }));
  return table;
}

const signatureKeys = new WeakMap<ExtractedClaim, string>();
/**
 * What tells a claim's signature apart from others, computed once per claim object: an index
 * changed in place (lib/corpus-index-add.ts) keeps its claim objects, so the table of a grown
 * or shrunk index reads only the new claims' signatures (at 100,000 claims, stringifying every
 * one made the first analysis after an import about a second slower).
 */
function signatureKeyOf(c: ExtractedClaim, s: ClaimSignature): string {
  let key = signatureKeys.get(c);
  // The pack's affinity table is shared by every signature: it tells none apart.
  if (key === undefined) signatureKeys.set(c, (key = JSON.stringify(s, (k, v: unknown) => (k === 'affinity' ? undefined : v))));
  return key;
}

const signatureArrays = new WeakMap<CorpusIndex, (ClaimSignature | undefined)[]>();
function signaturesOf(index: CorpusIndex): (ClaimSignature | undefined)[] {
  let s = signatureArrays.get(index);
  if (!s) signatureArrays.set(index, (s = new Array<ClaimSignature | undefined>(index.claims.length)));
  return s;
}

const excludedCache = new WeakMap<CorpusIndex, { key: string; flags: Uint8Array }>();
/** Per claim, 1 when its report is excluded; null when nothing is. */
function excludedClaims(index: CorpusIndex, excluded: ReadonlySet<number>): Uint8Array | null {
  if (!excluded.size) return null;
  const key = [...excluded].sort((a, b) => a - b).join(',');
  const cached = excludedCache.get(index);
  if (cached && cached.key === key) return cached.flags;
  const flags = new Uint8Array(index.claims.length);
  index.claims.forEach((c, i) => {
    if (excluded.has(c.report)) flags[i] = 1;
  });
  excludedCache.set(index, { key, flags });
  return flags;
}

interface Scratch {
  /** Preselection score per claim; all zero between calls. */
  acc: Float64Array;
  /** The part of it from shared content words. */
  accText: Float64Array;
  /** Ids of the claims taken in. */
  ids: Int32Array;
  /** Per claim, 1 while it is looked up in a list; all zero between calls. */
  flags: Uint8Array;
  /** Room for quickselect. */
  scores: Float64Array;
}

const scratches = new WeakMap<CorpusIndex, Scratch>();
/** Working arrays sized to the corpus, allocated once per index (matching runs on one thread). */
function scratch(index: CorpusIndex): Scratch {
  const n = index.claims.length;
  let s = scratches.get(index);
  if (!s || s.acc.length !== n) {
    s = { acc: new Float64Array(n), accText: new Float64Array(n), ids: new Int32Array(n), flags: new Uint8Array(n), scores: new Float64Array(n) };
    scratches.set(index, s);
  }
  return s;
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
