// Other spellings of a word (lib/spelling-variants.ts): what the matcher counts as the same
// name written another way, and that remembering verdicts never changes an answer.
import Fuse from 'fuse.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SPELLING_LENGTH_DIFFERENCE, SPELLING_THRESHOLD, spellingVariants } from '../../lib/spelling-variants';

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, isCaseSensitive: true, threshold: SPELLING_THRESHOLD };

/** What one fuse.js search over every word answers, words of too different a length left out. */
function fuseAlone(term: string, words: readonly string[]): Map<string, number> {
  const direct = new Map<string, number>();
  for (const r of new Fuse(words, FUSE_OPTIONS).search(term)) {
    const word = words[r.refIndex]!;
    if (word !== term && Math.abs(word.length - term.length) <= MAX_SPELLING_LENGTH_DIFFERENCE) direct.set(word, 1 - (r.score ?? 1));
  }
  return direct;
}

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

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
    const direct = fuseAlone('pyongyang', words);
    expect(direct.size).toBeGreaterThan(1);
    expect(sorted(spellingVariants('pyongyang', words))).toEqual(sorted(direct));
    expect(sorted(spellingVariants('pyongyang', words))).toEqual(sorted(direct));
  });

  // The letter test that spares fuse.js most words must never turn away one it would accept:
  // the words are the term with a few letters inserted, deleted or changed (near spellings,
  // some accepted and some not) and words of the same letters drawn at random.
  it('finds every spelling that fuse.js alone finds, for any term and words', () => {
    const letter = fc.constantFrom('a', 'e', 'k', 'n', 'o', 'r', 's', 'y');
    const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'change'), at: fc.nat(), letter });
    const edited = (term: string, edits: readonly { kind: string; at: number; letter: string }[]) =>
      edits.reduce((w, e) => {
        const i = e.at % (w.length + 1);
        if (e.kind === 'insert') return w.slice(0, i) + e.letter + w.slice(i);
        if (e.kind === 'delete') return w.slice(0, i) + w.slice(i + 1);
        return w.slice(0, i) + e.letter + w.slice(i + 1);
      }, term);
    let accepted = 0;
    let turnedAway = 0;
    fc.assert(
      fc.property(
        fc.string({ unit: letter, minLength: 5, maxLength: 14 }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { maxLength: 30 }),
        fc.array(fc.string({ unit: letter, minLength: 3, maxLength: 16 }), { maxLength: 20 }),
        (term, editLists, randomWords) => {
          const words = [...editLists.map((edits) => edited(term, edits)), ...randomWords];
          const direct = fuseAlone(term, words);
          accepted += direct.size;
          turnedAway += words.length - direct.size;
          expect(sorted(spellingVariants(term, words))).toEqual(sorted(direct));
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
    // Both sides of fuse.js's threshold were tried, not only misses.
    expect(accepted).toBeGreaterThan(300);
    expect(turnedAway).toBeGreaterThan(300);
  });
});
