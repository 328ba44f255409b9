// Text folding and stemming, which every claim's terms and every match go through: the
// faster paths must give exactly what the character-by-character rules give, or a page and
// a report that folded alike before would stop matching.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldEachCharacter, foldText, stem } from '../../lib/normalise';

/** Characters the folding treats specially, mixed into arbitrary text. */
const TRICKY = [...'\u2018\u2019\u201C\u201D\u2013\u2014\u00A0\n\t`´«»İΣσςÅİstanbul ΟΔΟΣ'];

describe('foldText', () => {
  it('gives what folding each character gives, on any text', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...TRICKY)), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => {
      expect(foldText(s)).toBe(foldEachCharacter(s));
    }), { numRuns: 2_000 });
  });

  it('keeps the length and the place of every character, on every code point', () => {
    for (let c = 0; c < 0x110000; c += 1) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const s = `A${String.fromCodePoint(c)}Σ b`;
      const folded = foldText(s);
      if (folded !== foldEachCharacter(s) || folded.length !== s.length) throw new Error(`U+${c.toString(16)} folds to ${JSON.stringify(folded)}`);
    }
  });

  it('folds quotes, dashes, spaces and case as the claim parser expects', () => {
    expect(foldText('Kim’s “DPRK”—troops\u00a0İn ΟΔΟΣ')).toBe('kim\'s "dprk"-troops İn οδοσ');
  });
});

describe('stem', () => {
  it('answers the same word the same way the first time and every time after', () => {
    const words = ['deployment', 'deployed', 'deploys', 'soldiers', 'Defence', 'organisation', 'sent', 'planned', 'casualties'];
    const first = words.map(stem);
    expect(first).toEqual(['deploy', 'deploy', 'deploy', 'soldier', 'defens', 'organiz', 'send', 'plan', 'casualty']);
    expect(words.map(stem)).toEqual(first);
  });
});
