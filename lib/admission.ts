// Candidate admission: which corpus claims a page claim's matching looks at closely. The
// matcher (lib/match.ts) scores only the CANDIDATE_POOL claims this returns, so what is
// not admitted here is never listed. It is the fast path's alone: the naive baseline
// (matchClaimsNaive) scores every claim and never calls it, which is why the benchmark's
// naive truth (bench/naive-truth.ts) leaves this module out of its key.
//
// What admission ranks by is the claim's relevance with its wording counted exactly (the
// "preview"; the matcher then adds fuzzy spellings of rare words). For one page claim, the
// relevance of a corpus claim d is a line in its text similarity, whose slope and intercept
// depend only on d's signature (lib/match-score.ts):
//
//     preview(d) = a[sig(d)] + b[sig(d)] · 2·O(d) / (Q + T(d))
//
// with O(d) the summed weight of the words the two share, Q and T(d) each claim's own total.
// A word's weight is the same in every claim that has it, so each posting list has one
// impact, its word's weight. That makes the exact top ADMISSION_POOL a MaxScore search:
// lists are read heaviest (rarest) first, and once the words still unread (weight R) could
// not lift a claim seen in none of the lists read past the ADMISSION_POOL-th best preview
// so far, no new claim is taken in. The bound is taken per signature, over its claims not
// yet seen: its line at the text similarity 2R / (Q + max(R, T)), T the least word weight
// among those claims (a signature whose claims are all seen drops out). A signature with
// only a few claims unseen that could still reach the pool has them scored at once
// (DIRECT_SCORE_LIMIT) instead of keeping the bound up. The claims taken in whose own bound
// (what they share so far plus R) falls short are dropped; the rest have their wording
// completed from the unread lists, and are dropped as soon as they fall short. A claim that
// shares no word at all has the preview a[sig]: when every list is read, the signatures
// whose intercept still reaches the pool give their first claims too. Nothing is cut by a
// count of postings: lists are left unread only when they cannot change the pool.
//
// Built once per index (prepareIndex after an import or a deletion, or the first match,
// since it follows the index's own claims, an index changed in place gets the table a full
// build would): the claims' distinct signatures, each claim's signature id, and the claims
// grouped by signature, lightest first.

import type { ExtractedClaim } from './claims';
import { conceptWeight, inverseFrequency, UNSEEN_TERM_WEIGHT, type CorpusIndex } from './corpus-index';
import { signatureOf, signatureRelevance, type ClaimSignature } from './match-score';

/** Admission finds, exactly, the claims whose preview ranks among this many best (ties by claim id). */
export const ADMISSION_POOL = 64;
/** Previewed claims (the best) that get the full scoring, fuzzy words included. */
export const CANDIDATE_POOL = 64;
/**
 * A signature with at most this many claims not yet seen, when they could still reach the
 * pool, has them scored at once (their words looked up) rather than waited for in the lists:
 * a few stragglers of a well-matching structure otherwise keep the bound up until the
 * commonest words are read.
 */
export const DIRECT_SCORE_LIMIT = 16;
/** Scores equal within this are taken as equal by the bounds (the lines are sums of floating-point terms). */
const BOUND_SLACK = 1e-9;
/** Within this of the bound, the pool's floor is computed again before reading on. */
const FLOOR_REFRESH_MARGIN = 0.05;

/**
 * The CANDIDATE_POOL corpus claims with the best previews, best first (ties by claim id):
 * among them, exactly, the ADMISSION_POOL best of the whole corpus.
 */
export function preselect(claim: ExtractedClaim, index: CorpusIndex, excluded: ReadonlySet<number>): number[] {
  const table = admissionTable(index);
  const s = scratch(index, table.signatures.length);
  const skip = excludedClaims(index, excluded);
  const k = ADMISSION_POOL;

  // The line of each signature for this claim: preview = a + b · text similarity.
  const own = signatureOf(claim, index.pack);
  const { lineA, lineB } = s;
  for (let g = 0; g < table.signatures.length; g++) {
    const a = signatureRelevance(own, table.signatures[g]!, 0);
    lineA[g] = a;
    lineB[g] = signatureRelevance(own, table.signatures[g]!, 1) - a;
  }
  // A signature all of whose claims are taken in (or excluded) has no unseen claim left to bound.
  const { unseen } = s;
  const groupStart = table.groupStart;
  for (let g = 0; g < table.signatures.length; g++) unseen[g] = groupStart[g + 1]! - groupStart[g]!;
  if (skip !== null) {
    const excludedPerGroup = excludedCounts(index, table, skip);
    for (let g = 0; g < table.signatures.length; g++) unseen[g] = unseen[g]! - excludedPerGroup[g]!;
  }
  /**
   * Whether an unseen claim could reach `level` when the words it shares with the page weigh
   * at most `shared`: its text similarity 2·O / (Q + T) is at most 2·shared / (Q + max(shared,
   * T)), and T is at least that of its signature's lightest claim not yet seen.
   */
  const { cursor } = s;
  cursor.set(groupStart.subarray(0, cursor.length));
  /** The least word weight T among a signature's claims not yet seen (its claims are in order of T). */
  const lightestUnseen = (g: number) => {
    let c = cursor[g]!;
    const end = groupStart[g + 1]!;
    while (c < end && (member[table.groupClaims[c]!] !== 0 || (skip !== null && skip[table.groupClaims[c]!] === 1))) c++;
    cursor[g] = c;
    return c < end ? textWeight[table.groupClaims[c]!]! : Infinity;
  };
  let lastReaching = 0;
  const reaches = (shared: number, level: number) => {
    // Starting from the signature that reached last time, which usually still does.
    for (let n = 0, g = lastReaching; n < lineA.length; n++, g = g + 1 === lineA.length ? 0 : g + 1) {
      if (unseen[g] === 0) continue;
      const x = Math.min(1, (2 * shared) / Math.max(1e-12, queryWeight + Math.max(shared, lightestUnseen(g))));
      if (lineA[g]! + lineB[g]! * x >= level - BOUND_SLACK) {
        lastReaching = g;
        return true;
      }
    }
    return false;
  };

  const { lists, queryWeight, weights } = queryLists(claim, index);
  // remaining[j]: the weight of the lists from j on, what a claim seen in none before j can still share.
  const remaining = new Float64Array(lists.length + 1);
  for (let j = lists.length - 1; j >= 0; j--) remaining[j] = remaining[j + 1]! + lists[j]!.weight;

  const { overlap, ids, member, previews } = s;
  const sigIds = table.sigIds;
  const textWeight = index.textWeight;
  const preview = (id: number) => {
    const g = sigIds[id]!;
    const total = queryWeight + textWeight[id]!;
    return lineA[g]! + lineB[g]! * (total > 0 ? Math.min(1, (2 * overlap[id]!) / total) : 0);
  };
  /** The k-th best preview among the claims taken in (0 when fewer). */
  const kthPreview = (n: number) => {
    if (n < k) return 0;
    for (let i = 0; i < n; i++) previews[i] = preview(ids[i]!);
    return kthLargest(previews, n, k);
  };

  // MaxScore: take in new claims while one seen in none of the lists read could still reach
  // the pool. The pool's floor only rises as lists are read, so a floor computed earlier is
  // still a valid one; it is computed again once as many postings were read as claims are in
  // (which keeps its cost within the cost of reading).
  let taken = 0;
  let read = 0;
  let floor = 0;
  let readSinceFloor = 0;
  /** Takes in the unseen claims of signatures with few left that could reach the floor, scored whole (member 2). */
  const takeStragglers = (shared: number) => {
    for (let g = 0; g < lineA.length; g++) {
      if (unseen[g] === 0 || unseen[g]! > DIRECT_SCORE_LIMIT) continue;
      const x = Math.min(1, (2 * shared) / Math.max(1e-12, queryWeight + Math.max(shared, lightestUnseen(g))));
      if (lineA[g]! + lineB[g]! * x < floor - BOUND_SLACK) continue;
      for (let i = groupStart[g]!; i < groupStart[g + 1]! && unseen[g]! > 0; i++) {
        const id = table.groupClaims[i]!;
        if (member[id] !== 0 || (skip !== null && skip[id] === 1)) continue;
        const words = (index.wordSets[id] ??= new Set(index.claims[id]!.terms));
        let o = 0;
        for (const [t, w] of weights) if (words.has(t)) o += w;
        overlap[id] = o;
        member[id] = 2;
        ids[taken++] = id;
        unseen[g]!--;
      }
    }
  };
  for (; read < lists.length; read++) {
    if (taken >= k) {
      const shared = remaining[read]!;
      if (!reaches(shared, floor)) break;
      // Near the floor it is worth knowing the floor exactly; elsewhere, once per pass over the claims in.
      if (readSinceFloor >= taken || !reaches(shared, floor + FLOOR_REFRESH_MARGIN)) {
        floor = kthPreview(taken);
        readSinceFloor = 0;
        if (!reaches(shared, floor)) break;
      }
      if (!reaches(shared, floor + FLOOR_REFRESH_MARGIN)) {
        takeStragglers(shared);
        if (!reaches(shared, floor)) break;
      }
    }
    const { postings, weight } = lists[read]!;
    readSinceFloor += postings.length;
    for (let i = 0; i < postings.length; i++) {
      const id = postings[i]!;
      const m = member[id];
      if (m === 2 || (skip !== null && skip[id] === 1)) continue;
      if (m === 0) {
        member[id] = 1;
        ids[taken++] = id;
        unseen[sigIds[id]!]!--;
      }
      overlap[id] = overlap[id]! + weight;
    }
  }

  // The claims taken in that could still reach the pool with every unread word have their
  // wording completed, one unread list at a time; after each, those that can no longer reach
  // it are let go.
  let live = taken;
  for (let j = read; ; j++) {
    floor = kthPreview(live);
    const rest = remaining[j]!;
    let kept = 0;
    for (let i = 0; i < live; i++) {
      const id = ids[i]!;
      const g = sigIds[id]!;
      const total = queryWeight + textWeight[id]!;
      const most = member[id] === 2 ? overlap[id]! : Math.min(overlap[id]! + rest, textWeight[id]!);
      const bound = lineA[g]! + lineB[g]! * (total > 0 ? Math.min(1, (2 * most) / total) : 0);
      if (bound >= floor - BOUND_SLACK) {
        ids[kept++] = id;
      } else {
        member[id] = 0;
        overlap[id] = 0;
      }
    }
    live = kept;
    if (j >= lists.length) break;
    // In id order from here on, so that each list is searched forward from the last claim found.
    if (j === read) ids.subarray(0, live).sort();
    const { postings, weight } = lists[j]!;
    // Look the few up in the list, or walk the list when the claims still in are many.
    if (live * Math.log2(postings.length / Math.max(1, live) + 2) < postings.length) {
      let from = 0;
      for (let i = 0; i < live && from < postings.length; i++) {
        const id = ids[i]!;
        from = seek(postings, id, from);
        if (postings[from] === id && member[id] === 1) overlap[id] = overlap[id]! + weight;
      }
    } else {
      for (let i = 0; i < postings.length; i++) {
        const id = postings[i]!;
        if (member[id] === 1) overlap[id] = overlap[id]! + weight;
      }
    }
  }

  // Every list read, claims sharing no word at all preview at their signature's intercept:
  // the signatures whose intercept reaches the pool give their first claims (in id order, as ties rank).
  if (read === lists.length) {
    const order: number[] = [];
    for (let g = 0; g < lineA.length; g++) if (lineA[g]! >= floor - BOUND_SLACK) order.push(g);
    order.sort((x, y) => lineA[y]! - lineA[x]! || x - y);
    let added = 0;
    let lastAdded = Infinity;
    for (const g of order) {
      const a = lineA[g]!;
      if (a < floor - BOUND_SLACK || (added >= k && a < lastAdded - BOUND_SLACK)) break;
      // Tied at the intercept, the lowest ids rank first.
      const untouched: number[] = [];
      for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
        const id = table.groupClaims[i]!;
        if (member[id] === 0 && (skip === null || skip[id] === 0)) untouched.push(id);
      }
      for (const id of untouched.sort((x, y) => x - y).slice(0, k)) {
        member[id] = 1;
        ids[live++] = id;
        added++;
        lastAdded = a;
      }
    }
  }

  for (let i = 0; i < live; i++) previews[i] = preview(ids[i]!);
  const order = Array.from({ length: live }, (_, i) => i).sort((x, y) => previews[y]! - previews[x]! || ids[x]! - ids[y]!);
  const pool = order.slice(0, CANDIDATE_POOL).map((i) => ids[i]!);
  for (let i = 0; i < live; i++) {
    member[ids[i]!] = 0;
    overlap[ids[i]!] = 0;
  }
  return pool;
}

/**
 * The claim's words that the corpus has, one posting list each with its weight (the word's
 * weight in the text similarity, times how often the claim names it), heaviest first; and
 * the claim's own word total, unseen words included, as the text similarity counts it.
 */
function queryLists(
  claim: ExtractedClaim,
  index: CorpusIndex,
): { lists: { postings: Int32Array; weight: number }[]; queryWeight: number; weights: Map<string, number> } {
  const maxIdf = inverseFrequency(Math.max(1, index.claims.length), 1);
  const weights = new Map<string, number>();
  let queryWeight = 0;
  for (const t of claim.terms) {
    const w = index.wordIdf.get(t) ?? UNSEEN_TERM_WEIGHT * maxIdf * conceptWeight(t);
    queryWeight += w;
    weights.set(t, (weights.get(t) ?? 0) + w);
  }
  const lists: { postings: Int32Array; weight: number; term: string }[] = [];
  for (const [term, weight] of weights) {
    const postings = index.postings.get(`w:${term}`);
    if (postings) lists.push({ postings, weight, term });
  }
  lists.sort((a, b) => b.weight - a.weight || a.postings.length - b.postings.length || (a.term < b.term ? -1 : 1));
  return { lists, queryWeight, weights };
}

/** The k-th largest of the first `n` values (reorders them). */
function kthLargest(values: Float64Array, n: number, k: number): number {
  // Quickselect for the element that would stand at position k-1 in descending order.
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/**
 * Builds what matching reads of a whole index, ahead of the first page matched against it
 * (the claims' distinct signatures and their groups), so that an index grown or shrunk in the
 * background by an import or a deletion is ready before the reader's next article.
 */
export function prepareIndex(index: CorpusIndex): void {
  admissionTable(index);
}

interface AdmissionTable {
  /** Per claim, the id of its signature among the corpus's distinct signatures. */
  sigIds: Int32Array;
  signatures: ClaimSignature[];
  /** The claims of signature g are groupClaims[groupStart[g] .. groupStart[g + 1]), by word weight T, then id. */
  groupStart: Int32Array;
  groupClaims: Int32Array;
}

const admissionTables = new WeakMap<CorpusIndex, AdmissionTable>();
/** The signature table of an index, built once per index (it follows the claims, so an index changed in place gets its own). */
function admissionTable(index: CorpusIndex): AdmissionTable {
  let table = admissionTables.get(index);
  if (table) return table;
  const byKey = new Map<string, number>();
  const signatures: ClaimSignature[] = [];
  const sigIds = new Int32Array(index.claims.length);
  index.claims.forEach((c, i) => {
    const s = signatureOf(c, index.pack);
    const key = signatureKeyOf(c, s);
    let id = byKey.get(key);
    if (id === undefined) {
      byKey.set(key, (id = signatures.length));
      signatures.push(s);
    }
    sigIds[i] = id;
  });
  const groupStart = new Int32Array(signatures.length + 1);
  for (let i = 0; i < sigIds.length; i++) groupStart[sigIds[i]! + 1]!++;
  for (let g = 0; g < signatures.length; g++) groupStart[g + 1]! += groupStart[g]!;
  const next = groupStart.slice(0, signatures.length);
  const groupClaims = new Int32Array(sigIds.length);
  for (let i = 0; i < sigIds.length; i++) groupClaims[next[sigIds[i]!]!++] = i;
  // Within a signature, lightest first (then by id): the bound reads the lightest claim not yet seen.
  for (let g = 0; g < signatures.length; g++) {
    groupClaims.subarray(groupStart[g]!, groupStart[g + 1]!).sort((x, y) => index.textWeight[x]! - index.textWeight[y]! || x - y);
  }
  admissionTables.set(index, (table = { sigIds, signatures, groupStart, groupClaims }));
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

const excludedCountCache = new WeakMap<Uint8Array, Int32Array>();
/** Per signature, how many of its claims are excluded (cached with the exclusion flags). */
function excludedCounts(index: CorpusIndex, table: AdmissionTable, skip: Uint8Array): Int32Array {
  let counts = excludedCountCache.get(skip);
  if (!counts || counts.length !== table.signatures.length) {
    counts = new Int32Array(table.signatures.length);
    for (let i = 0; i < skip.length; i++) if (skip[i] === 1) counts[table.sigIds[i]!]!++;
    excludedCountCache.set(skip, counts);
  }
  return counts;
}

interface Scratch {
  /** Per claim, the weight of the words it shares with the page claim so far; all zero between calls. */
  overlap: Float64Array;
  /** Per claim, 1 while it is taken in, 2 when taken in with its wording complete (scored whole); all zero between calls. */
  member: Uint8Array;
  /** Ids of the claims taken in. */
  ids: Int32Array;
  /** Their previews (room for quickselect). */
  previews: Float64Array;
  /** Per signature, the intercept and slope of its line for the page claim. */
  lineA: Float64Array;
  lineB: Float64Array;
  /** Per signature, how many of its claims are neither taken in nor excluded. */
  unseen: Int32Array;
  /** Per signature, the position in its claims (lightest first) before which all are seen. */
  cursor: Int32Array;
}

const scratches = new WeakMap<CorpusIndex, Scratch>();
/** Working arrays sized to the corpus, allocated once per index (matching runs on one thread). */
function scratch(index: CorpusIndex, signatures: number): Scratch {
  const n = index.claims.length;
  let s = scratches.get(index);
  if (!s || s.overlap.length !== n || s.lineA.length !== signatures) {
    s = {
      overlap: new Float64Array(n),
      member: new Uint8Array(n),
      ids: new Int32Array(n),
      previews: new Float64Array(n),
      lineA: new Float64Array(signatures),
      lineB: new Float64Array(signatures),
      unseen: new Int32Array(signatures),
      cursor: new Int32Array(signatures),
    };
    scratches.set(index, s);
  }
  return s;
}

/** The first position at or after `from` whose id is not below `id` (galloping, then binary search). */
function seek(sorted: Int32Array, id: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < sorted.length && sorted[hi]! < id) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, sorted.length);
  while (from < hi) {
    const mid = (from + hi) >> 1;
    if (sorted[mid]! < id) from = mid + 1;
    else hi = mid;
  }
  return from;
}
