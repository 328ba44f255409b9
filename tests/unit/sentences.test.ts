import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { splitSentences } from '../../lib/sentences';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, titles, initials and dotted acronyms inside their sentence', () => {
    expect(texts('U.S. Ambassador to the U.N. Robert Wood spoke on Sept. 5 at 10 a.m. in New York. Gen. Syrskyi and Lt. Gen. Budanov did not.')).toEqual([
      'U.S. Ambassador to the U.N. Robert Wood spoke on Sept. 5 at 10 a.m. in New York.',
      'Gen. Syrskyi and Lt. Gen. Budanov did not.',
    ]);
    expect(texts('Mr. Kim met Dr. Lee and J. R. Smith. The No. 2 official, i.e. the deputy, stayed.')).toEqual([
      'Mr. Kim met Dr. Lee and J. R. Smith.',
      'The No. 2 official, i.e. the deputy, stayed.',
    ]);
  });

  it('ends a sentence after a dotted acronym when a new sentence clearly starts', () => {
    expect(texts('Seoul shared the figures with the U.S. The Pentagon agreed.')).toEqual([
      'Seoul shared the figures with the U.S.',
      'The Pentagon agreed.',
    ]);
  });

  it('ends sentences inside closing quotes and keeps a quote with its attribution', () => {
    expect(
      texts('“We know about 10,000 soldiers,” Zelensky stated. “That’s really, I think, a big problem.” He left. "Is it true?" she asked.'),
    ).toEqual([
      '“We know about 10,000 soldiers,” Zelensky stated.',
      '“That’s really, I think, a big problem.”',
      'He left.',
      '"Is it true?" she asked.',
    ]);
  });

  it('does not split numbers, hyphenated names or ellipses followed by lower case', () => {
    expect(texts('Kim Jong-un sent 12,000 troops, or 1.5 times the first estimate... and more may follow. Then silence.')).toEqual([
      'Kim Jong-un sent 12,000 troops, or 1.5 times the first estimate... and more may follow.',
      'Then silence.',
    ]);
  });

  it('joins hard-wrapped lines (seed 003) and keeps the line breaks in the offsets', () => {
    const raw = readFileSync('seeds/003_0bc07d4d54873c3e.txt', 'utf8');
    const sentences = splitSentences(raw);
    const spy = sentences.find((s) => s.text.startsWith("Seoul's spy agency said Friday"))!;
    expect(spy.text.endsWith('front lines.')).toBe(true);
    expect(spy.text).toContain('\n');
    expect(raw.slice(spy.start, spy.end)).toBe(spy.text);
    expect(sentences.find((s) => s.text.startsWith('South Korea may soon deploy'))!.text.endsWith('government source.')).toBe(true);
  });

  it('makes a line without final punctuation a unit of its own (headlines, subheads)', () => {
    expect(texts('Zelensky raises concerns over troop movements\n\nThis revelation follows a warning.')).toEqual([
      'Zelensky raises concerns over troop movements',
      'This revelation follows a warning.',
    ]);
    // Seed 000: the headline stands on the line just above the first paragraph.
    const raw = readFileSync('seeds/000_9e25b9b5bbba87cf.txt', 'utf8');
    expect(texts(raw).slice(0, 2)).toEqual([
      'South Korea confirms no troop deployment to Ukraine',
      'South Korean Defence Minister Kim Yong-hyun has confirmed that the country will not dispatch soldiers or officers to fight in Ukraine.',
    ]);
  });

  it('returns trimmed, ordered, non-overlapping slices of any input', () => {
    const alphabet = fc.constantFrom('a', 'B', ' ', '.', '!', '?', '\n', '"', '”', 'U.S.', 'Mr.', '1,500', '…', '\n\n', 'Seoul');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (input) => {
        let last = 0;
        for (const s of splitSentences(input)) {
          expect(input.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
