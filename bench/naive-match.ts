// The naive baseline that Crosscheck's matcher is measured against: one fuse.js search
// per whole claim sentence over every corpus claim, no prefilter, no tokens, no index
// beyond fuse's own. This is what a first version of claim matching would do.

import Fuse from 'fuse.js';

/** fuse.js settings of the baseline: match anywhere in the sentence, loose threshold. */
export const NAIVE_FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.6,
} as const;

export interface NaiveHit {
  /** Position of the corpus claim in the list the searcher was built from. */
  index: number;
  /** fuse.js score: 0 is a perfect match, 1 no match at all. */
  score: number;
}

export interface NaiveSearcher {
  /** Every corpus claim under the threshold, best first (fuse's order). */
  search(query: string): NaiveHit[];
}

export function naiveSearcher(corpusClaims: readonly string[]): NaiveSearcher {
  const fuse = new Fuse(corpusClaims as string[], NAIVE_FUSE_OPTIONS);
  return {
    search: (query) => fuse.search(query).map((r) => ({ index: r.refIndex, score: r.score ?? 1 })),
  };
}
