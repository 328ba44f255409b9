// Other spellings of a word (lib/spelling-variants.ts): what the matcher counts as the same
// name written another way, and that remembering verdicts never changes an answer.
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { MAX_SPELLING_LENGTH_DIFFERENCE, SPELLING_THRESHOLD, spellingVariants } from '../../lib/spelling-variants';

describe('spellingVariants', () => {
  it('finds a transliteration or a British spelling, never a longer word that merely contains the term', () => {
    expect([...spellingVariants('ussuriisk', ['ussuriysk', 'russia', 'vladivostok']).keys()]).toEqual(['ussuriysk']);
    expect([...spellingVariants('mobilised', ['mobilized', 'mobile']).keys()]).toEqual(['mobilized']);
    expect(spellingVariants('train', ['ukrainian', 'trains']).size).toBe(1);
  });

  it('answers only with the words it is given, whatever it was asked before', () => {
    expect([...spellingVariants('zelenskiy', ['zelensky', 'zelenskyy']).keys()].sort()).toEqual(['zelensky', 'zelenskyy']);
    // The same term against fewer words: the remembered "zelenskyy" must not come back.
    expect([...spellingVariants('zelenskiy', ['zelensky', 'kyiv']).keys()]).toEqual(['zelensky']);
    expect(spellingVariants('zelenskiy', ['kyiv']).size).toBe(0);
  });

  it('gives the same similarities as one fuse.js search over every word, asked once or twice', () => {
    const words = ['pyongyang', 'pyongyng', 'pjongjang', 'pyeongyang', 'yang', 'pyongyangs', 'pyongyangese', 'seoul', 'kursk', 'pyong'];
    const direct = new Map<string, number>();
    const fuse = new Fuse(words, { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, isCaseSensitive: true, threshold: SPELLING_THRESHOLD });
    for (const r of fuse.search('pyongyang')) {
      const word = words[r.refIndex]!;
      if (word !== 'pyongyang' && Math.abs(word.length - 'pyongyang'.length) <= MAX_SPELLING_LENGTH_DIFFERENCE) direct.set(word, 1 - (r.score ?? 1));
    }
    expect(direct.size).toBeGreaterThan(1);
    const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(spellingVariants('pyongyang', words))).toEqual(sorted(direct));
    expect(sorted(spellingVariants('pyongyang', words))).toEqual(sorted(direct));
  });
});
