import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { splitSentences } from '../../lib/sentences';
import { splitSentences as splitOffsets } from '../../lib/segment';

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

  it('ends sentences run together where a copied page lost the space between them, and leaves names and addresses whole', () => {
    expect(texts('The soldiers left in early October.In a statement, the ministry said they were trained in Russia.A spokesperson said more would follow.')).toEqual([
      'The soldiers left in early October.',
      'In a statement, the ministry said they were trained in Russia.',
      'A spokesperson said more would follow.',
    ]);
    expect(texts('The U.S.Army units and the example.com page use Node.js for it.')).toEqual(['The U.S.Army units and the example.com page use Node.js for it.']);
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

  it('numbers paragraphs: blocks, lines of their own, but one paragraph for a hard-wrapped block', () => {
    const paragraphs = (input: string) => splitSentences(input).map((s) => [s.paragraph, s.text]);
    expect(paragraphs('Headline without a stop\n\nFirst one. Second one.\nA line of its own.\n\n\n\nLast.')).toEqual([
      [0, 'Headline without a stop'],
      [1, 'First one.'],
      [1, 'Second one.'],
      [2, 'A line of its own.'],
      [3, 'Last.'],
    ]);
    // Seed 003 wraps its lines: the rumour and Russia's silence share a wrapped block, and a paragraph.
    const raw = readFileSync('seeds/003_0bc07d4d54873c3e.txt', 'utf8');
    const paragraphOf = (start: string) => splitSentences(raw).find((s) => s.text.startsWith(start))!.paragraph;
    expect(paragraphOf('Russia has not confirmed')).toBe(paragraphOf('A North Korean representative'));
    expect(paragraphOf('A North Korean representative')).toBe(paragraphOf("Seoul's spy agency said Friday") + 1);
  });

  it('lib/segment.ts gives the same sentences as offsets, for the topic scorer', () => {
    const raw = readFileSync('seeds/004_8cbaaadb9775d755.txt', 'utf8');
    expect(splitOffsets(raw)).toEqual(splitSentences(raw).map(({ start, end, paragraph }) => ({ start, end, paragraph })));
  });

  it('returns trimmed, ordered, non-overlapping slices of any input', () => {
    const alphabet = fc.constantFrom('a', 'B', ' ', '.', '!', '?', '\n', '"', '”', 'U.S.', 'Mr.', '1,500', '…', '\n\n', 'Seoul');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (input) => {
        let last = 0;
        let paragraph = 0;
        for (const s of splitSentences(input)) {
          expect(s.paragraph - paragraph).toBeGreaterThanOrEqual(0);
          expect(s.paragraph - paragraph).toBeLessThanOrEqual(1);
          paragraph = s.paragraph;
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
