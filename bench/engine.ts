// The background's analysis (lib/analyze.ts) as the bench calls it. That module lands
// while the bench is written, so it is loaded here, in one place, and its absence
// becomes a reason printed in the output instead of a crash of the whole run.

import type { CorpusIndex } from '../lib/corpus-index';
import type { Analysis, ArticleInfo } from '../lib/types';

export interface Engine {
  analyzeArticleText(input: { title: string; text: string; article: ArticleInfo }, index: CorpusIndex, opts?: { sensitivity?: number }): Analysis;
}

const ANALYZE_MODULE = '../lib/analyze';

let loaded: Promise<Engine> | null = null;

/** The engine's analysis entry point, or an error naming what is missing. */
export function loadEngine(): Promise<Engine> {
  loaded ??= (async () => {
    let mod: Record<string, unknown>;
    try {
      // eslint-disable-next-line no-unsanitized/method -- a constant path to our own module
      mod = (await import(/* @vite-ignore */ ANALYZE_MODULE)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`lib/analyze.ts not available (${(error as Error).message.split('\n')[0]})`);
    }
    if (typeof mod.analyzeArticleText !== 'function') throw new Error('lib/analyze.ts does not export analyzeArticleText()');
    return { analyzeArticleText: mod.analyzeArticleText as Engine['analyzeArticleText'] };
  })();
  return loaded;
}
