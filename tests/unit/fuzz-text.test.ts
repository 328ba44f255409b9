// Property-based tests of the text engine with random and adversarial input: sentence
// splitting (lib/sentences.ts, lib/segment.ts), quantity parsing (lib/quantities.ts) and
// claim extraction (lib/claims.ts). Pages are written by anyone; whatever they hold, the
// engine must not throw, must finish, and must only ever quote the text it was given.
//
// The wall-clock limit is a guard against runaway (catastrophic backtracking, quadratic
// scans on 100,000-character input), set an order of magnitude above the measured times
// so a busy machine does not fail it. Speed itself is measured in the benchmarks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims, parseClaim } from '../../lib/claims';
import { formatQuantity, parseQuantities } from '../../lib/quantities';
import { splitSentences as splitSegments } from '../../lib/segment';
import { splitSentences } from '../../lib/sentences';
import { DEFAULT_PACK } from '../../lib/topics';

/** Generous guard per call on inputs of up to 100,000 characters (ms); real times are 10 to 500 ms. */
const GUARD_MS = 8_000;
/** Cases per property; `FUZZ_RUNS=20000 npx vitest run tests/unit/fuzz-text.test.ts` hunts longer. */
const runs = (cases: number) => Number(process.env.FUZZ_RUNS ?? cases);
/** Characters in the long adversarial inputs. */
const LONG_CHARS = 100_000;

/** Pieces of news text and the things that break parsers of it. */
const TOKENS = [
  // words of the story
  'North Korea', 'North Korean', 'Russia', 'Ukraine', 'Seoul', 'Pyongyang', 'Kim Jong Un', 'troops', 'soldiers',
  'special forces', 'brigades', 'killed', 'wounded', 'captured', 'said', 'denied', 'dismissed', 'has not confirmed',
  'according to', 'the NIS', 'Yonhap', 'citing', 'reportedly', 'could rise to', 'have arrived', 'deployed', 'sent',
  'between', 'and', 'up to', 'more than', 'about', 'nearly', 'at least', 'thousands of', 'tens of thousands', 'a dozen',
  'twenty-one', 'in October 2024', 'on Sept. 5', 'U.S.', 'U.N.', 'Mr.', 'Gen.', 'Lt. Gen.', 'i.e.', 'No.', 'J.', 'a.m.',
  // numbers, ordinary and not
  '1,500', '12,000', '11,000-12,000', '1.5 thousand', '3k', '2024', '0', '007', '1.23456', '99999999999999999999999',
  '1e21', '10,00,000', '1,2,3', '١٥٠٠', '１，５００', '𝟙𝟝𝟘𝟘', '$3', '40%', '-5', '½',
  // punctuation runs and nesting
  '.', '...', '…', '!!!', '?!', '?', ',', ';', ':', ' - ', '—', '–', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '«', '»',
  "'", '“‘«nested»’”', '.....................', ',,,,,,', '""""',
  // whitespace and invisible characters
  ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2028',
  // other scripts and awkward code points
  'İ', 'ß', 'ﬁ', 'Σ', 'قوات كورية الشمالية', 'שלום', '朝鲜军队', '部队。', '한국', '😀', '👨‍👩‍👧', '\ud800', '\udc00', 'e\u0301',
];

const tokenText = (maxLength: number) => fc.array(fc.constantFrom(...TOKENS), { maxLength }).map((parts) => parts.join(''));
const spacedTokens = (maxLength: number) => fc.array(fc.constantFrom(...TOKENS), { maxLength }).map((parts) => parts.join(' '));

/** Short inputs: news-like tokens, any UTF-16 (lone surrogates included), graphemes, and runs of one character. */
const anyText = fc.oneof(
  { weight: 4, arbitrary: spacedTokens(80) },
  { weight: 3, arbitrary: tokenText(80) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('.', ' ', '"', '\n', '1', ',', 'A', '…', '-'), maxLength: 400 }) },
);

/** Long inputs, built once per case: 100,000 characters of one adversarial pattern. */
const LONG_PATTERNS: Record<string, () => string> = {
  'dots': () => '.'.repeat(LONG_CHARS),
  'one word': () => 'a'.repeat(LONG_CHARS),
  'digits': () => '9'.repeat(LONG_CHARS),
  'grouped digits': () => '1' + ',000'.repeat(LONG_CHARS / 4),
  'counts without end': () => '1,500 North Korean troops '.repeat(LONG_CHARS / 26),
  'numbers and ranges': () => 'between 1 and 2 up to 3-4 more than 5,000 '.repeat(LONG_CHARS / 42),
  'abbreviations': () => 'Mr. U.S. Gen. J. '.repeat(LONG_CHARS / 17),
  'short sentences': () => 'A. '.repeat(LONG_CHARS / 3),
  'quotes': () => '“‘«'.repeat(LONG_CHARS / 6) + '»’”'.repeat(LONG_CHARS / 6),
  'capitalised names': () => 'Kim Jong Un Said '.repeat(LONG_CHARS / 17),
  'speakers': () => 'North Korea said Russia denied that '.repeat(LONG_CHARS / 36),
  'newlines': () => 'x\n'.repeat(LONG_CHARS / 2),
  'zero-width': () => '1,\u200b500 troops\u200b'.repeat(LONG_CHARS / 14),
  'punctuation run': () => '!?.,;:…'.repeat(LONG_CHARS / 7),
  'cjk': () => '朝鲜向俄罗斯派遣了一万二千名士兵。'.repeat(LONG_CHARS / 17),
};

function timed<T>(work: () => T): T {
  const t0 = performance.now();
  const result = work();
  const ms = performance.now() - t0;
  expect(ms, `took ${Math.round(ms)} ms`).toBeLessThan(GUARD_MS);
  return result;
}

/** Collects what breaks an invariant, so a case with 50,000 sentences costs one assertion, not 250,000. */
function violations(): { check(ok: boolean, what: () => string): void; expectNone(): void } {
  const found: string[] = [];
  return {
    check(ok, what) {
      if (!ok && found.length < 5) found.push(what());
    },
    expectNone: () => expect(found).toEqual([]),
  };
}

function checkSentences(input: string): void {
  const v = violations();
  let last = 0;
  for (const s of timed(() => splitSentences(input))) {
    v.check(input.slice(s.start, s.end) === s.text, () => `not a slice: ${JSON.stringify(s)}`);
    v.check(s.text.length > 0 && s.text === s.text.trim(), () => `empty or untrimmed: ${JSON.stringify(s)}`);
    v.check(s.start >= last, () => `out of order: ${JSON.stringify(s)} after ${last}`);
    last = s.end;
  }
  v.expectNone();
}

function checkSegments(input: string): void {
  const v = violations();
  let last = 0;
  let paragraph = 0;
  for (const s of timed(() => splitSegments(input))) {
    v.check(s.end > s.start && s.start >= last && s.end <= input.length, () => `bad span ${JSON.stringify(s)} after ${last}`);
    v.check(s.paragraph >= paragraph, () => `paragraph goes back: ${JSON.stringify(s)}`);
    v.check(!/^\s/.test(input.slice(s.start, s.end)), () => `starts on whitespace: ${JSON.stringify(s)}`);
    last = s.end;
    paragraph = s.paragraph;
  }
  v.expectNone();
}

function checkQuantities(sentence: string): void {
  const v = violations();
  for (const q of timed(() => parseQuantities(sentence))) {
    v.check(sentence.slice(q.span[0], q.span[1]) === q.phrase, () => `phrase not at its span: ${JSON.stringify(q)}`);
    v.check(Number.isFinite(q.value) && q.value >= 0, () => `value ${q.value}`);
    v.check(q.min <= q.value && (q.max === null || q.max >= q.value), () => `interval ${q.min}..${q.max} around ${q.value}`);
  }
  v.expectNone();
}

function checkClaims(input: string): void {
  const v = violations();
  for (const c of timed(() => extractClaims(input, { pack: DEFAULT_PACK }))) {
    v.check(input.slice(c.start, c.end) === c.text, () => `claim not a slice: ${JSON.stringify(c.text)}`);
    for (const q of c.quantities) v.check(c.text.slice(q.span[0], q.span[1]) === q.phrase, () => `quantity not in claim: ${q.phrase}`);
    v.check(c.hedgeCue === null || c.text.includes(c.hedgeCue), () => `hedge cue ${c.hedgeCue} not in claim`);
    v.check(c.checkable.length > 0, () => `uncheckable claim returned: ${c.text}`);
  }
  v.expectNone();
}

describe('any text', () => {
  it('sentences (lib/sentences.ts) are trimmed, ordered slices of the input', () => {
    fc.assert(fc.property(anyText, (input) => checkSentences(input)), { numRuns: runs(400) });
  });

  it('sentences (lib/segment.ts) are ordered, in-bounds spans that start on text', () => {
    fc.assert(fc.property(anyText, (input) => checkSegments(input)), { numRuns: runs(400) });
  });

  it('quantities quote their phrase exactly and bound their value', () => {
    fc.assert(fc.property(anyText, (input) => checkQuantities(input)), { numRuns: runs(400) });
  });

  it('claims are exact slices of the input, and so are their quantities', () => {
    fc.assert(fc.property(anyText, (input) => checkClaims(input)), { numRuns: runs(300) });
  });

  it('a single sentence of any text parses into a claim without throwing', () => {
    fc.assert(fc.property(anyText, (input) => {
      const claim = timed(() => parseClaim(input, { pack: DEFAULT_PACK }));
      expect(claim.text).toBe(input);
    }), { numRuns: runs(300) });
  });
});

describe('100,000-character adversarial inputs', () => {
  for (const [name, make] of Object.entries(LONG_PATTERNS)) {
    it(`${name}: every step finishes and keeps its invariants`, () => {
      const input = make();
      checkSentences(input);
      checkSegments(input);
      checkQuantities(input);
      checkClaims(input);
    });
  }

  it('random news tokens run to 100,000 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 200, maxLength: 200 }), (parts) => {
        let input = '';
        while (input.length < LONG_CHARS) input += parts.join(' ') + ' ';
        checkClaims(input.slice(0, LONG_CHARS));
      }),
      { numRuns: 4 },
    );
  });
});

describe('formatted quantities', () => {
  const UNITS = ['troops', 'soldiers', 'North Korean soldiers', 'special forces', 'brigades', 'officers', 'workers', 'observers'];
  const BOUNDS = ['', 'about ', 'nearly ', 'more than ', 'up to ', 'at least '];

  /**
   * Counts as news writes them: whole numbers of any size (grouped by toLocaleString, so
   * "2,024" and not the year 2024) and decimals below a thousand ("1.5", "12.25"). Grouped
   * numbers with a fraction ("905,948.4 observers") are left out: the parser does not read
   * them today, and no count of people is written that way.
   */
  const counts = fc.oneof(
    fc.integer({ min: 1, max: 10_000_000 }),
    fc.integer({ min: 1, max: 9_999 }).map((n) => n / 10),
    fc.integer({ min: 100, max: 99_999 }).map((n) => n / 100),
    fc.bigInt({ min: 1n, max: 10n ** 21n }).map(Number),
  );

  it('parse back to the same value, unit family and bound', () => {
    fc.assert(
      fc.property(
        counts,
        fc.constantFrom(...UNITS),
        fc.constantFrom(...BOUNDS),
        (value, unit, bound) => {
          const written = `Officials said ${bound}${value.toLocaleString('en-US', { maximumFractionDigits: 20 })} ${unit} were sent.`;
          const [q] = parseQuantities(written);
          // Every generated count is read, and read as written: a parser that reads nothing
          // (or the wrong number) fails here instead of skipping the round trip.
          expect(q, written).toBeDefined();
          expect(q!.value, written).toBe(value);
          const formatted = formatQuantity(q!);
          const [back] = parseQuantities(`Officials said ${formatted} were sent.`);
          expect(back, `"${formatted}" from "${written}"`).toBeDefined();
          expect(back!.value).toBe(q!.value);
          expect(back!.family).toBe(q!.family);
          expect(back!.bound).toBe(q!.bound);
          expect(back!.max).toBe(q!.max);
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('ranges and vague amounts parse back to the same interval', () => {
    const phrases = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 500_000 })).map(([a, b]) => `${a.toLocaleString('en-US')}-${(a + b).toLocaleString('en-US')} troops`),
      fc.constantFrom('thousands of troops', 'tens of thousands of soldiers', 'hundreds of troops', 'dozens of soldiers', 'several thousand troops'),
    );
    fc.assert(
      fc.property(phrases, (phrase) => {
        const [q] = parseQuantities(`Reports said ${phrase} arrived.`);
        expect(q, phrase).toBeDefined();
        const [back] = parseQuantities(`Reports said ${formatQuantity(q!)} arrived.`);
        expect(back, formatQuantity(q!)).toBeDefined();
        expect([back!.value, back!.min, back!.max, back!.bound]).toEqual([q!.value, q!.min, q!.max, q!.bound]);
      }),
      { numRuns: runs(200) },
    );
  });
});
