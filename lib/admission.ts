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
// Structure outweighs wording (text is 0.3 of the relevance), so the corpus is searched
// signature by signature rather than word list by word list: a corpus has few signatures
// (2,139 among 109,347 claims in the benchmark's), and a signature's line, with the page's
// words that any of its claims has (O can be no more than their weight), bounds every claim
// it holds. Signatures are visited best bound first, each one's claims lightest first (a
// claim's own bound falls as its word total T rises), and each claim visited has its preview
// computed exactly from its word ids; a signature, and the rest of one, is left when its
// bound cannot reach the ADMISSION_POOL-th best preview found so far. The pool is then
// exactly the best ADMISSION_POOL previews of the corpus (ties by claim id), by construction:
// no count of anything cuts it, and every claim left unvisited is bounded below the pool.
//
// Reading posting lists instead (MaxScore, rarest word first: this module before) cost more
// than the rest of the matcher together at 100,000 claims: the claims of the page's own
// structure preview close to the pool's floor until the commonest words are read, so about
// 27,000 claims per page claim were taken in, against about 1,300 visited here.
//
// Built once per index (prepareIndex after an import or a deletion, or the first match; it
// follows the index's own claims, so an index changed in place gets the table a full build
// would): the claims' distinct signatures, the claims grouped by signature lightest first,
// each claim's distinct words as ids, and for each word the signatures some claim of which
// has it.

import type { ExtractedClaim } from './claims';
import { conceptWeight, inverseFrequency, UNSEEN_TERM_WEIGHT, type CorpusIndex } from './corpus-index';
import { readSignature, signatureOf, type ClaimSignature } from './match-score';
import { signatureFactors, signatureLines, type SignatureFactors } from './signature-lines';

/** Admission finds, exactly, the claims whose preview ranks among this many best (ties by claim id). */
export const ADMISSION_POOL = 64;
/** Previewed claims (the best) that get the full scoring, fuzzy words included. */
export const CANDIDATE_POOL = 64;
/** Scores equal within this are taken as equal by the bounds (a bound and a preview sum their terms in different orders). */
const BOUND_SLACK = 1e-9;

/**
 * The CANDIDATE_POOL corpus claims with the best previews, best first (ties by claim id):
 * among them, exactly, the ADMISSION_POOL best of the whole corpus.
 */
export function preselect(claim: ExtractedClaim, index: CorpusIndex, excluded: ReadonlySet<number>): number[] {
  const table = admissionTable(index);
  const groups = table.signatures.length;
  const s = scratch(index, table);
  const skip = excludedClaims(index, excluded);

  // The line of each signature for this claim: preview = a + b · text similarity.
  const own = signatureOf(claim, index.pack);
  const { lineA, lineB } = s;
  signatureLines(own, table.factors, lineA, lineB);

  // The page's words the corpus has, heaviest first: a claim's shared weight is summed in
  // this order, as the text similarity of lib/match.ts would sum it word by word.
  const { lists, queryWeight } = queryLists(claim, index, table);
  const { listOf, reach } = s;
  const listWeight = new Float64Array(lists.length);
  lists.forEach(({ word: w, weight }, p) => {
    listOf[w] = p;
    listWeight[p] = weight;
    // What a signature's claims can share at most: the page's words that any of them has.
    for (let i = table.wordGroupStart[w]!; i < table.wordGroupStart[w + 1]!; i++) reach[table.wordGroups[i]!]! += weight;
  });

  const { groupStart, groupClaims, weightAt, wordStart, words } = table;
  /** A signature's claims preview at most this when their word total is `t`. */
  const bound = (g: number, t: number) => {
    const total = queryWeight + t;
    return lineA[g]! + lineB[g]! * (total > 0 ? Math.min(1, (2 * reach[g]!) / total) : 0);
  };
  // Best bound first (a max-heap: only the first few signatures are visited); a signature's
  // lightest claim gives its bound.
  const { groupBound } = s;
  for (let g = 0; g < groups; g++) groupBound[g] = bound(g, weightAt[groupStart[g]!]!);
  const visit = new BoundHeap(groupBound, s.order);

  const pool = new TopPreviews(ADMISSION_POOL);
  const shared = new Int32Array((lists.length + 31) >> 5);
  for (let g = visit.pop(); g >= 0; g = visit.pop()) {
    if (pool.full && groupBound[g]! < pool.floor - BOUND_SLACK) break;
    const a = lineA[g]!;
    const b = lineB[g]!;
    for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
      const id = groupClaims[i]!;
      const t = weightAt[i]!;
      if (pool.full && bound(g, t) < pool.floor - BOUND_SLACK) break;
      if (skip !== null && skip[id] === 1) continue;
      // The shared weight, summed in the lists' order: the claim's words mark their lists'
      // positions in a bit set, read back lowest first.
      for (let j = wordStart[i]!; j < wordStart[i + 1]!; j++) {
        const p = listOf[words[j]!]!;
        if (p >= 0) shared[p >> 5]! |= 1 << (p & 31);
      }
      let overlap = 0;
      for (let c = 0; c < shared.length; c++) {
        for (let m = shared[c]!; m !== 0; m &= m - 1) overlap += listWeight[(c << 5) + 31 - Math.clz32(m & -m)]!;
        shared[c] = 0;
      }
      const total = queryWeight + t;
      pool.offer(id, a + b * (total > 0 ? Math.min(1, (2 * overlap) / total) : 0));
    }
  }

  // The working arrays go back to their resting state for the next claim.
  for (const { word } of lists) listOf[word] = -1;
  reach.fill(0);
  return pool.best().slice(0, CANDIDATE_POOL);
}

/** Signatures by their bound, highest first: a binary max-heap over `order`, built in linear time. */
class BoundHeap {
  private count: number;

  constructor(
    private readonly bounds: Float64Array,
    private readonly order: Int32Array,
  ) {
    this.count = bounds.length;
    for (let g = 0; g < this.count; g++) order[g] = g;
    for (let at = (this.count >> 1) - 1; at >= 0; at--) this.siftDown(at);
  }

  /** The signature with the highest bound not yet popped, or -1 when none is left. */
  pop(): number {
    if (this.count === 0) return -1;
    const top = this.order[0]!;
    this.order[0] = this.order[--this.count]!;
    this.siftDown(0);
    return top;
  }

  private siftDown(at: number): void {
    const { bounds, order, count } = this;
    const g = order[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && bounds[order[child + 1]!]! > bounds[order[child]!]!) child++;
      if (bounds[order[child]!]! <= bounds[g]!) break;
      order[at] = order[child]!;
      at = child;
    }
    order[at] = g;
  }
}

/** Whether (preview p, id i) ranks below (q, j): a lower preview, or the same preview and a higher id. */
function ranksBelow(p: number, i: number, q: number, j: number): boolean {
  return p < q || (p === q && i > j);
}

/** The best `size` (preview, claim id) pairs offered, in a binary heap with the worst at its root. */
class TopPreviews {
  private readonly ids: Int32Array;
  private readonly previews: Float64Array;
  private count = 0;

  constructor(private readonly size: number) {
    this.ids = new Int32Array(size);
    this.previews = new Float64Array(size);
  }

  get full(): boolean {
    return this.count === this.size;
  }

  /** The worst preview kept (meaningful once full). */
  get floor(): number {
    return this.previews[0]!;
  }

  offer(id: number, preview: number): void {
    const { ids, previews } = this;
    let at: number;
    if (this.count < this.size) {
      // Sift up from the new leaf: a parent ranks below its children.
      at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!ranksBelow(preview, id, previews[parent]!, ids[parent]!)) break;
        ids[at] = ids[parent]!;
        previews[at] = previews[parent]!;
        at = parent;
      }
    } else {
      if (ranksBelow(preview, id, previews[0]!, ids[0]!)) return;
      // Sift down from the root, which the new pair replaces.
      at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= this.size) break;
        if (child + 1 < this.size && ranksBelow(previews[child + 1]!, ids[child + 1]!, previews[child]!, ids[child]!)) child++;
        if (!ranksBelow(previews[child]!, ids[child]!, preview, id)) break;
        ids[at] = ids[child]!;
        previews[at] = previews[child]!;
        at = child;
      }
    }
    ids[at] = id;
    previews[at] = preview;
  }

  /** The ids kept, best first. */
  best(): number[] {
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort((x, y) => this.previews[y]! - this.previews[x]! || this.ids[x]! - this.ids[y]!);
    return order.map((i) => this.ids[i]!);
  }
}

/**
 * The claim's words that the corpus has, each with its id in the table and its weight (the
 * word's weight in the text similarity, times how often the claim names it), heaviest first
 * (then the rarer, then by spelling); and the claim's own word total, unseen words included,
 * as the text similarity counts it.
 */
function queryLists(claim: ExtractedClaim, index: CorpusIndex, table: AdmissionTable): { lists: { word: number; weight: number }[]; queryWeight: number } {
  const maxIdf = inverseFrequency(Math.max(1, index.claims.length), 1);
  const weights = new Map<string, number>();
  let queryWeight = 0;
  for (const t of claim.terms) {
    const w = index.wordIdf.get(t) ?? UNSEEN_TERM_WEIGHT * maxIdf * conceptWeight(t);
    queryWeight += w;
    weights.set(t, (weights.get(t) ?? 0) + w);
  }
  const lists: { word: number; weight: number; df: number; term: string }[] = [];
  for (const [term, weight] of weights) {
    const word = table.wordIds.get(term);
    if (word !== undefined) lists.push({ word, weight, df: index.wordDf.get(term) ?? 0, term });
  }
  lists.sort((a, b) => b.weight - a.weight || a.df - b.df || (a.term < b.term ? -1 : 1));
  return { lists, queryWeight };
}

/**
 * The signatures of the index's claims `ids`, from the table (an array read; signatureOf
 * finds a claim's signature in a WeakMap, which took microseconds a lookup at 100,000 claims).
 */
export function admittedSignatures(index: CorpusIndex, ids: readonly number[]): ClaimSignature[] {
  const table = admissionTable(index);
  return ids.map((id) => table.signatures[table.sigIds[id]!]!);
}

/**
 * Builds what matching reads of a whole index, ahead of the first page matched against it
 * (the claims' distinct signatures and their groups, the claims' words as ids), so that an
 * index grown or shrunk in the background by an import or a deletion is ready before the
 * reader's next article.
 */
export function prepareIndex(index: CorpusIndex): void {
  admissionTable(index);
}

interface AdmissionTable {
  signatures: ClaimSignature[];
  /** Per claim, the id of its signature among them. */
  sigIds: Int32Array;
  /** The signatures by the values of the fields each feature reads (lib/signature-lines.ts). */
  factors: SignatureFactors;
  /** The claims of signature g are groupClaims[groupStart[g] .. groupStart[g + 1]), by word weight T, then id. */
  groupStart: Int32Array;
  groupClaims: Int32Array;
  /** Each content word of the corpus, numbered. */
  wordIds: Map<string, number>;
  /**
   * By position in groupClaims (the order admission visits claims in, so that it reads these
   * arrays forward): the claim's word total T, and its distinct words, words[wordStart[i] ..
   * wordStart[i + 1]).
   */
  weightAt: Float64Array;
  wordStart: Int32Array;
  words: Int32Array;
  /** The signatures some claim of which has word w: wordGroups[wordGroupStart[w] .. wordGroupStart[w + 1]). */
  wordGroupStart: Int32Array;
  wordGroups: Int32Array;
}

const admissionTables = new WeakMap<CorpusIndex, AdmissionTable>();
/** The signature table of an index, built once per index (it follows the claims, so an index changed in place gets its own). */
function admissionTable(index: CorpusIndex): AdmissionTable {
  let table = admissionTables.get(index);
  if (table) return table;
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const signatures: ClaimSignature[] = [];
  const sigIds = new Int32Array(index.claims.length);
  index.claims.forEach((c, i) => {
    const known = signatureKeys.get(c);
    let s: ClaimSignature | undefined;
    const key = known ?? signatureKey((s = readSignature(c, index.pack)));
    let id = byKey.get(key);
    if (id === undefined) {
      byKey.set(key, (id = signatures.length));
      // Only the first claim's signature of each is kept (readSignature caches none).
      signatures.push(s ?? readSignature(c, index.pack));
      keys.push(key);
    }
    // The string an equal signature's claims already hold: kept once per claim, the keys
    // were a large part of the table's heap (100,000 strings for about 2,000 signatures).
    if (known === undefined) signatureKeys.set(c, keys[id]!);
    sigIds[i] = id;
  });
  const groupStart = new Int32Array(signatures.length + 1);
  for (let i = 0; i < sigIds.length; i++) groupStart[sigIds[i]! + 1]!++;
  for (let g = 0; g < signatures.length; g++) groupStart[g + 1]! += groupStart[g]!;
  const next = groupStart.slice(0, signatures.length);
  const groupClaims = new Int32Array(sigIds.length);
  for (let i = 0; i < sigIds.length; i++) groupClaims[next[sigIds[i]!]!++] = i;
  // Within a signature, lightest first (then by id): a claim's bound falls as its word total rises.
  for (let g = 0; g < signatures.length; g++) {
    groupClaims.subarray(groupStart[g]!, groupStart[g + 1]!).sort((x, y) => index.textWeight[x]! - index.textWeight[y]! || x - y);
  }
  admissionTables.set(index, (table = { signatures, sigIds, factors: signatureFactors(signatures), groupStart, groupClaims, ...claimWordTable(index, groupStart, groupClaims) }));
  return table;
}

/** The claims' distinct words as ids, in the order admission visits the claims, and for each word the signatures whose claims have it. */
function claimWordTable(
  index: CorpusIndex,
  groupStart: Int32Array,
  groupClaims: Int32Array,
): Pick<AdmissionTable, 'wordIds' | 'weightAt' | 'wordStart' | 'words' | 'wordGroupStart' | 'wordGroups'> {
  const wordIds = new Map<string, number>();
  const weightAt = new Float64Array(groupClaims.length);
  const wordStart = new Int32Array(groupClaims.length + 1);
  const found: number[] = [];
  // Per word id, the last claim (by position) found holding it: a word a claim repeats is
  // listed once, without a set per claim (a fifth of the table's build at 100,000 claims).
  const lastClaim: number[] = [];
  groupClaims.forEach((id, i) => {
    weightAt[i] = index.textWeight[id]!;
    for (const term of index.claims[id]!.terms) {
      let w = wordIds.get(term);
      if (w === undefined) wordIds.set(term, (w = wordIds.size));
      if (lastClaim[w] === i) continue;
      lastClaim[w] = i;
      found.push(w);
    }
    wordStart[i + 1] = found.length;
  });
  const words = Int32Array.from(found);
  // Each (word, signature) pair once: counted, then placed. The claims of a signature are
  // consecutive, so a word's last signature seen tells a repeat.
  const lastGroup = new Int32Array(wordIds.size);
  const pairs = (place: (w: number, g: number) => void) => {
    lastGroup.fill(-1);
    for (let g = 0; g + 1 < groupStart.length; g++) {
      for (let j = wordStart[groupStart[g]!]!; j < wordStart[groupStart[g + 1]!]!; j++) {
        const w = words[j]!;
        if (lastGroup[w] === g) continue;
        lastGroup[w] = g;
        place(w, g);
      }
    }
  };
  const wordGroupStart = new Int32Array(wordIds.size + 1);
  pairs((w) => wordGroupStart[w + 1]!++);
  for (let w = 0; w < wordIds.size; w++) wordGroupStart[w + 1]! += wordGroupStart[w]!;
  const next = wordGroupStart.slice(0, wordIds.size);
  const wordGroups = new Int32Array(wordGroupStart[wordIds.size]!);
  pairs((w, g) => (wordGroups[next[w]!++] = g));
  return { wordIds, weightAt, wordStart, words, wordGroupStart, wordGroups };
}

/**
 * Each claim's signature key, kept per claim object: an index changed in place
 * (lib/corpus-index-add.ts) keeps its claim objects, so the table of a grown or shrunk index
 * reads only the new claims' signatures (at 100,000 claims, stringifying every one made the
 * first analysis after an import about a second slower).
 */
const signatureKeys = new WeakMap<ExtractedClaim, string>();

/** What tells a signature apart from others. */
function signatureKey(s: ClaimSignature): string {
  // The pack's affinity table is shared by every signature: it tells none apart. Without a
  // replacer JSON.stringify takes V8's fast path: at 100,000 claims 0.28 s against 0.37 s.
  const { affinity: _shared, ...fields } = s;
  return JSON.stringify(fields);
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
  /** Per signature, the intercept and slope of its line for the page claim. */
  lineA: Float64Array;
  lineB: Float64Array;
  /** Per signature, the weight of the page's words that any of its claims has; all zero between calls. */
  reach: Float64Array;
  /** Per signature, the bound of its lightest claim; and the signatures in the order they are visited. */
  groupBound: Float64Array;
  order: Int32Array;
  /** Per corpus word, its position in the page claim's lists; all -1 between calls. */
  listOf: Int32Array;
}

const scratches = new WeakMap<CorpusIndex, Scratch>();
/** Working arrays sized to the index's signatures and words, allocated once per index (matching runs on one thread). */
function scratch(index: CorpusIndex, table: AdmissionTable): Scratch {
  let s = scratches.get(index);
  if (!s) {
    const groups = table.signatures.length;
    s = {
      lineA: new Float64Array(groups),
      lineB: new Float64Array(groups),
      reach: new Float64Array(groups),
      groupBound: new Float64Array(groups),
      order: new Int32Array(groups),
      listOf: new Int32Array(table.wordIds.size).fill(-1),
    };
    scratches.set(index, s);
  }
  return s;
}
