// Syndicated copies: the same wire story carried by several sites, each with its own
// headline, some trimmed at the end, some with a paragraph of their own added. They are one
// voice, not several corroborations. A report's body is cut into overlapping runs of words
// (shingles) and summarised by a MinHash signature, small enough to store beside the
// report; two signatures tell how much of the shorter text the longer one carries.
//
// Why containment and not plain resemblance (Jaccard): a copy trimmed to its first half
// shares only half of the original's shingles, so its Jaccard is 0.5 however exact the copy
// is; the share of the *shorter* text found in the longer one stays near 1 for a trimmed
// copy and for one with a paragraph added. Two stories written separately about the same
// event share facts and names but few runs of four words in a row.
//
// Written here rather than taken from npm: it is sixty lines, pure, with no dependency, and
// it must give the same signature in the browser, in Node and in a stored database forever
// (the hash functions are fixed below, so a stored signature never goes stale).

/** Words per shingle: long enough that two separately written stories rarely share one. */
export const SHINGLE_WORDS = 4;
/** Hash functions in a signature: the estimate's error is about 1/sqrt(this) (0.09). */
export const SIGNATURE_SIZE = 128;
/** Share (0..1) of the shorter text that the longer one carries, from which it is a copy. */
export const COPY_CONTAINMENT = 0.6;
/** A text with fewer distinct shingles than this (about 30 words) is too short to call anything a copy of it. */
export const MIN_COPY_SHINGLES = 25;
/** Bump when the shingling or the hashing changes: signatures of another version are recomputed. */
export const SIGNATURE_VERSION = 1;

/** What is stored per report: plain numbers, JSON and structured-clone safe. */
export interface CopySignature {
  version: number;
  /** Distinct shingles in the text. */
  shingles: number;
  /** Per hash function, the smallest hash of any shingle (unsigned 32-bit). */
  minHashes: number[];
}

/** How alike two texts are, estimated from their signatures. */
export interface Resemblance {
  /** Shared shingles over all shingles of both (0..1). */
  jaccard: number;
  /** Shared shingles over the shingles of the shorter text (0..1). */
  containment: number;
}

/** murmur3's finaliser: mixes every input bit into every output bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One fixed seed per hash function (a splitmix-style sequence, so it never changes). */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    seeds[i] = mix32(x);
  }
  return seeds;
})();

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The words of a text as copies share them: lower case, one spelling of quotes and
 * apostrophes ("Seoul’s" = "Seoul's"), digit groups joined ("1,500" = "1500").
 */
export function copyWords(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d)[,.\u202f\u00a0](?=\d{3}\b)/g, '$1')
    .replace(/[\u2018\u2019\u02bc`']/g, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Distinct shingle hashes of a text. */
function shingleHashes(text: string): Set<number> {
  const words = copyWords(text);
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  const last = Math.max(0, words.length - SHINGLE_WORDS);
  for (let i = 0; i <= last; i++) hashes.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return hashes;
}

/** The signature stored with a report, computed once when it enters the corpus. */
export function copySignature(text: string): CopySignature {
  const hashes = shingleHashes(text);
  const minHashes = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix32(h ^ SEEDS[i]!);
      if (v < minHashes[i]!) minHashes[i] = v;
    }
  }
  return { version: SIGNATURE_VERSION, shingles: hashes.size, minHashes };
}

/** A stored value that is a signature this code can compare (an older or damaged one is not). */
export function isCurrentSignature(value: unknown): value is CopySignature {
  const s = value as CopySignature | null | undefined;
  return (
    typeof s === 'object' && s !== null && s.version === SIGNATURE_VERSION && typeof s.shingles === 'number' &&
    Array.isArray(s.minHashes) && s.minHashes.length === SIGNATURE_SIZE
  );
}

/** How alike two texts are, from their signatures alone. */
export function resemblance(a: CopySignature, b: CopySignature): Resemblance {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.minHashes[i] === b.minHashes[i]) same++;
  const jaccard = same / SIGNATURE_SIZE;
  return { jaccard, containment: containmentOf(jaccard, a.shingles, b.shingles) };
}

/** The share of the shorter text's shingles found in the longer, from the Jaccard estimate and both sizes. */
function containmentOf(jaccard: number, a: number, b: number): number {
  // |A ∩ B| from J = |A∩B| / (|A| + |B| - |A∩B|).
  const shared = (jaccard * (a + b)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a, b));
}

/** Whether one text is a copy of the other: the shorter is long enough and mostly found in the longer. */
export function isCopy(a: CopySignature, b: CopySignature): boolean {
  if (Math.min(a.shingles, b.shingles) < MIN_COPY_SHINGLES) return false;
  return resemblance(a, b).containment >= COPY_CONTAINMENT;
}

/** A report of the corpus as copy detection sees it. */
export interface SignedReport {
  id: string;
  signature: CopySignature;
  /** The report it was found to copy when it entered the corpus, if any. */
  copyOf?: string | null;
}

/**
 * The report a new one copies, or null: the closest copy in the corpus, named by the first
 * report of its copy group (its own `copyOf` when it has one), so that every copy of a story
 * points to the same report. The remembered-reading and add-report paths call this before
 * storing a report, and store the answer as its `copyOf`.
 */
export function findCopyOf(signature: CopySignature, corpus: Iterable<SignedReport>): string | null {
  if (signature.shingles < MIN_COPY_SHINGLES) return null;
  let best: { id: string; containment: number } | null = null;
  for (const report of corpus) {
    if (!isCopy(signature, report.signature)) continue;
    const { containment } = resemblance(signature, report.signature);
    if (!best || containment > best.containment) best = { id: report.copyOf || report.id, containment };
  }
  return best?.id ?? null;
}

/**
 * The corpus's signatures packed in one typed array, for finding a new report's copy by
 * comparing it with every stored report, exactly (no candidate is ever skipped), in one
 * flat scan of a typed array (timed against the scan over objects in bench/copies.ts).
 * Banded hashing (LSH) was tried first:
 * on news about one story, whose reports share many phrases, most reports shared a band,
 * so it compared as many and was slower, and it could miss a short copy of a long story.
 */
export class CopyIndex {
  private ids: string[] = [];
  private copyOf: (string | null)[] = [];
  private shingles: number[] = [];
  private hashes = new Uint32Array(SIGNATURE_SIZE * 64);
  private readonly position = new Map<string, number>();

  constructor(reports: Iterable<SignedReport> = []) {
    for (const r of reports) this.add(r);
  }

  get size(): number {
    return this.ids.length;
  }

  add(report: SignedReport): void {
    this.remove(report.id);
    const i = this.ids.length;
    if ((i + 1) * SIGNATURE_SIZE > this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes.set(report.signature.minHashes, i * SIGNATURE_SIZE);
    this.ids.push(report.id);
    this.copyOf.push(report.copyOf ?? null);
    this.shingles.push(report.signature.shingles);
    this.position.set(report.id, i);
  }

  remove(id: string): void {
    const i = this.position.get(id);
    if (i === undefined) return;
    // The last report takes the removed one's place.
    const last = this.ids.length - 1;
    if (i !== last) {
      this.hashes.copyWithin(i * SIGNATURE_SIZE, last * SIGNATURE_SIZE, (last + 1) * SIGNATURE_SIZE);
      this.ids[i] = this.ids[last]!;
      this.copyOf[i] = this.copyOf[last]!;
      this.shingles[i] = this.shingles[last]!;
      this.position.set(this.ids[i]!, i);
    }
    this.ids.pop();
    this.copyOf.pop();
    this.shingles.pop();
    this.position.delete(id);
  }

  /** The same answer as findCopyOf over every stored report; `exceptId` is the report itself when it is already stored. */
  findCopyOf(signature: CopySignature, exceptId?: string): string | null {
    if (signature.shingles < MIN_COPY_SHINGLES) return null;
    const mine = Uint32Array.from(signature.minHashes);
    const hashes = this.hashes;
    let best: { id: string; containment: number } | null = null;
    for (let r = 0; r < this.ids.length; r++) {
      if (this.shingles[r]! < MIN_COPY_SHINGLES) continue;
      // Agreements below this cannot make a copy (COPY_CONTAINMENT solved for the Jaccard
      // estimate, rounded down): stop as soon as the rest of the signature cannot reach it.
      const theirs = this.shingles[r]!;
      const least = COPY_CONTAINMENT * Math.min(signature.shingles, theirs);
      const needed = Math.floor((SIGNATURE_SIZE * least) / (signature.shingles + theirs - least));
      let same = 0;
      const base = r * SIGNATURE_SIZE;
      for (let k = 0; k < SIGNATURE_SIZE && same + SIGNATURE_SIZE - k >= needed; k++) if (hashes[base + k] === mine[k]) same++;
      if (same === 0 || same < needed || this.ids[r] === exceptId) continue;
      const containment = containmentOf(same / SIGNATURE_SIZE, signature.shingles, this.shingles[r]!);
      if (containment >= COPY_CONTAINMENT && (!best || containment > best.containment)) best = { id: this.copyOf[r] || this.ids[r]!, containment };
    }
    return best?.id ?? null;
  }
}

/**
 * Copy groups of a whole corpus at once (the command line, which has no stored links):
 * each report in order is linked to an earlier one it copies. Report id → the id of the
 * first report of its group; reports that copy nothing are absent.
 */
export function copyLinks(reports: readonly { id: string; signature: CopySignature }[]): Map<string, string> {
  const links = new Map<string, string>();
  const seen = new CopyIndex();
  for (const r of reports) {
    const copyOf = seen.findCopyOf(r.signature, r.id);
    if (copyOf) links.set(r.id, copyOf);
    seen.add({ id: r.id, signature: r.signature, copyOf });
  }
  return links;
}
