// Other spellings of a word among a set of words ("Ussuriisk" and "Ussuriysk", "mobilised"
// and "mobilized"), found by fuse.js. One job, kept apart from the matcher because it is
// the matcher's most expensive step: bitap over every word a claim's candidates use.

import Fuse, { type IFuseOptions } from 'fuse.js';

/** fuse.js score (0 = exact, 1 = anything) above which a word is not another spelling. */
export const SPELLING_THRESHOLD = 0.25;
/** Another spelling differs in length by at most this many characters ("train" is not "ukrainian"). */
export const MAX_SPELLING_LENGTH_DIFFERENCE = 2;

const OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  shouldSort: false,
  threshold: SPELLING_THRESHOLD,
};

/** fuse.js's bitap compares patterns of at most this many characters at once; longer terms skip the letter test below. */
const BITAP_MAX_PATTERN_CHARS = 32;

/**
 * Whether `word` could be another spelling of `term` at all: fuse.js accepts a word only
 * when some part of it is `term` with at most ⌊threshold × length⌋ letters inserted,
 * deleted or changed, and each such edit loses at most one of the term's letters, so the
 * word must hold all the others (counted with repeats). Most words of a claim's
 * candidates fail this after a few comparisons, with no allocation: fuse.js, which costs
 * far more per word, is asked about the few left, and its answers are unchanged.
 */
export function mayBeSpelling(term: string, word: string): boolean {
  const m = term.length;
  if (m > BITAP_MAX_PATTERN_CHARS) return true;
  const need = m - Math.floor(SPELLING_THRESHOLD * m);
  let used = 0;
  let found = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    for (let k = 0; k < m; k++) {
      if ((used & (1 << k)) === 0 && term.charCodeAt(k) === c) {
        used |= 1 << k;
        if (++found >= need) return true;
        break;
      }
    }
  }
  return false;
}

/** Pairs of words whose verdict is remembered at most; past it the memory starts again. */
export const MAX_REMEMBERED_PAIRS = 50_000;

/**
 * Verdicts already reached: term → word → similarity (0: not another spelling). A verdict
 * depends on the two words only, so it holds for every claim, page and corpus; the claims
 * of one page share most of their candidates' words, and each pair is searched once.
 */
const remembered = new Map<string, Map<string, number>>();
let rememberedPairs = 0;

/**
 * The words of `words` that are another spelling of `term`, each with its similarity
 * (0..1, 1 = the same letters). Words too long or too short to be one are never searched,
 * nor words lacking too many of its letters (`mayBeSpelling`), nor words already judged: fuse.js scores each word on its own, so leaving them out
 * changes no result and saves most of the search.
 */
export function spellingVariants(term: string, words: Iterable<string>): Map<string, number> {
  if (rememberedPairs > MAX_REMEMBERED_PAIRS) {
    remembered.clear();
    rememberedPairs = 0;
  }
  let known = remembered.get(term);
  if (!known) remembered.set(term, (known = new Map()));
  const near = new Map<string, number>();
  const fresh: string[] = [];
  for (const word of words) {
    if (word === term || Math.abs(word.length - term.length) > MAX_SPELLING_LENGTH_DIFFERENCE || !mayBeSpelling(term, word)) continue;
    const verdict = known.get(word);
    if (verdict === undefined) fresh.push(word);
    else if (verdict > 0) near.set(word, verdict);
  }
  if (!fresh.length) return near;
  for (const word of fresh) known.set(word, 0);
  rememberedPairs += fresh.length;
  for (const r of new Fuse(fresh, OPTIONS).search(term)) {
    const word = fresh[r.refIndex]!;
    const similarity = 1 - (r.score ?? 1);
    known.set(word, similarity);
    near.set(word, similarity);
  }
  return near;
}
