// The engine as the bench calls it. Other parts of the project land while the bench is
// written, so the engine modules are loaded here, in one place, and a missing one
// becomes a reason printed in the output instead of a crash of the whole run.

import type { Report } from '../lib/types';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Engine {
  buildCorpusIndex(reports: Report[]): any;
  serializeCorpusIndex(index: any): unknown;
  matchClaims(claims: any[], index: any, opts?: any): any[];
  extractClaims(text: string, opts?: any): any[];
  analyzeArticleText(input: { title: string; text: string; article: any }, index: any, opts?: any): any;
}

const MODULES = {
  corpusIndex: '../lib/corpus-index',
  match: '../lib/match',
  claims: '../lib/claims',
  analyze: '../lib/analyze',
} as const;

let loaded: Promise<Engine> | null = null;

/** The engine's functions, or an error naming what is missing. */
export function loadEngine(): Promise<Engine> {
  loaded ??= (async () => {
    const load = async (key: keyof typeof MODULES): Promise<Record<string, any>> => {
      try {
        return (await import(/* @vite-ignore */ MODULES[key])) as Record<string, any>;
      } catch (error) {
        throw new Error(`engine module ${MODULES[key].replace('../', '')} not available (${(error as Error).message.split('\n')[0]})`);
      }
    };
    const [ci, m, c, a] = await Promise.all([load('corpusIndex'), load('match'), load('claims'), load('analyze')]);
    const need = (mod: Record<string, any>, name: string, file: string) => {
      if (typeof mod[name] !== 'function') throw new Error(`${file} does not export ${name}()`);
      return mod[name] as (...args: any[]) => any;
    };
    return {
      buildCorpusIndex: need(ci, 'buildCorpusIndex', 'lib/corpus-index.ts'),
      serializeCorpusIndex: need(ci, 'serializeCorpusIndex', 'lib/corpus-index.ts'),
      matchClaims: need(m, 'matchClaims', 'lib/match.ts'),
      extractClaims: need(c, 'extractClaims', 'lib/claims.ts'),
      analyzeArticleText: need(a, 'analyzeArticleText', 'lib/analyze.ts'),
    };
  })();
  return loaded;
}
