// The cheap check's literal prefilter may only ever skip regexes that could not have
// matched: a page the regexes would pass must never be rejected by it. Checked term by
// term against the topic engine's own regex for the term (matchTopicGroups), on surfaces
// written every way that regex accepts (case, spacing, hyphens, apostrophes, stems, and
// the two non-ASCII letters that case-insensitive Unicode regexes fold onto ASCII).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTerm, foldForPieces, literalPieces, mayMatch, termCore, termSurface, termsHash, type TermCore } from '../../lib/literal-prefilter';
import { matchTopicGroups, quickClauseTerms, quickTopicCheck, type TopicDefinition } from '../../lib/topic';
import { DEFAULT_TOPIC, TOPICS } from '../../lib/topics';
import { QUICK_PIECES } from '../../lib/topics/quick-pieces';

/** Every term the cheap check's two clauses read, per topic. */
function quickTerms(def: TopicDefinition): string[] {
  const { subject, context } = quickClauseTerms(def);
  return [...new Set([...subject, ...context])];
}

/** A definition whose only group is this one term: matchTopicGroups then says whether the term's regex matches. */
function oneTerm(term: string): TopicDefinition {
  return {
    id: 't', label: 't', subject: [{ id: 'term', label: 'term', terms: [term] }], force: [], weakForce: [], setting: [], action: [],
    people: [], peopleActions: [], otherOwners: [], nearTopic: [], quickSubject: [],
  };
}
const termMatches = (term: string, text: string) => 'term' in matchTopicGroups(oneTerm(term), text);

/** A surface of `term` as the regex accepts it, written with the given choices. */
function surfaceOf(term: string, choice: { seps: string[]; joins: string[]; apostrophes: string[]; upper: boolean[]; exotic: boolean[]; stem: string }): string {
  const caseSensitive = term.startsWith('=');
  const stem = term.endsWith('*');
  const bare = term.replace(/^=/, '').replace(/\*$/, '').trim();
  let i = 0;
  const pick = <T,>(list: T[]) => list[i++ % list.length]!;
  const letters = (part: string) =>
    [...part.replace(/['’]/g, () => pick(choice.apostrophes))]
      .map((ch) => {
        if (caseSensitive) return ch;
        const flip = pick(choice.upper) ? ch.toUpperCase() : ch.toLowerCase();
        if (pick(choice.exotic) && /^[sS]$/.test(ch)) return '\u017f';
        if (pick(choice.exotic) && /^[kK]$/.test(ch)) return '\u212a';
        return flip;
      })
      .join('');
  const word = (w: string) => w.split('-').map(letters).reduce((a, b) => a + pick(choice.joins) + b);
  return bare.split(/\s+/).map(word).reduce((a, b) => a + pick(choice.seps) + b) + (stem ? choice.stem : '');
}

const choices = fc.record({
  seps: fc.array(fc.constantFrom(' ', '\u00a0', '-', '  ', '\n', ' - '), { minLength: 1, maxLength: 4 }),
  joins: fc.array(fc.constantFrom('', ' ', '\u00a0', '-'), { minLength: 1, maxLength: 4 }),
  apostrophes: fc.array(fc.constantFrom("'", '’'), { minLength: 1, maxLength: 3 }),
  upper: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
  exotic: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  stem: fc.constantFrom('', 'n', 'ns', 'ſ'),
});
/** What may stand right against a term: word edges the regex accepts, and letters and digits it refuses. */
const edge = fc.constantFrom(' ', '(', '“', '—', '-', '’', '\u00a0', '\n', 'x', 'Z', '7', 'é', 'Ж', '');
/** The whole-term test short of a verdict: false only when no core stands. */
const mayHoldTerm = (cores: readonly TermCore[], surface: string) => findTerm(cores, surface) !== 'absent';
const filler = fc.array(fc.constantFrom('The', 'report', 'said', 'on', 'Tuesday', '—', '12,000', '(AP)', 'Seoul’s'), { maxLength: 8 }).map((w) => w.join(' '));

describe('the quick check’s literal prefilter', () => {
  const terms = [...new Set(TOPICS.flatMap(quickTerms))];

  it('never rules out a text in which a term’s own regex finds the term, and is certain only where it does', () => {
    // The pieces of each term alone, and those that cover all of the terms at once (fewer, shared).
    const together = literalPieces(terms);
    let certain = 0;
    for (const term of terms) {
      let matched = 0;
      fc.assert(
        fc.property(choices, filler, filler, edge, edge, (choice, before, after, left, right) => {
          const text = `${before} ${left}${surfaceOf(term, choice)}${right}, ${after}`;
          // The whole term's core, in the case its quick regex reads: as written for "=Term", folded for the rest.
          const cased = term.startsWith('=');
          const presence = findTerm([termCore(cased ? term : term.toLowerCase())], termSurface(cased ? text : foldForPieces(text)));
          const matches = termMatches(term, text);
          if (presence === 'certain') {
            certain++;
            expect(matches, `${term} taken as certain in "${text}"`).toBe(true);
          }
          if (!matches) return;
          matched++;
          expect(mayMatch(literalPieces([term]), foldForPieces(text)), `${term} in "${text}"`).toBe(true);
          expect(mayMatch(together, foldForPieces(text)), `${term} in "${text}", all terms' pieces`).toBe(true);
          expect(presence, `${term}'s core in "${text}"`).not.toBe('absent');
        }),
        { numRuns: 60, seed: 14 },
      );
      // The surfaces are the term's own: if the regex found none, this test would prove nothing.
      expect(matched, term).toBeGreaterThan(0);
    }
    // Nor would it if no text were ever taken as certain.
    expect(certain).toBeGreaterThan(terms.length);
  });

  it('is certain of a plainly written term, and leaves a term against a letter it cannot rule out to the regex', () => {
    const cores = ['north korean*', 'kursk', 'kim jong-un'].map(termCore);
    const at = (text: string) => findTerm(cores, termSurface(text));
    expect(at('troops from north korean units')).toBe('certain');
    expect(at('“kursk” — and north\u00a0koreans')).toBe('certain');
    // Any letter may stand beside a non-ASCII character; a hyphenated term's core is only a part of it.
    expect(at('xkursk, kursk7, north koreakursk')).toBe('absent');
    expect(at('ékursk')).toBe('possible');
    expect(at('kursk\u0301')).toBe('possible');
    expect(at('met kim jong-un')).toBe('possible');
  });

  it('finds no term across the title and the text, which its regexes read apart', () => {
    const def = oneTerm('Hermit Kingdom');
    expect(quickTopicCheck(def, { title: 'A life as a hermit', text: 'Kingdom of plenty, a memoir.' }).score).toBe(0);
    expect(quickTopicCheck(def, { title: 'A life as a hermit', text: 'Hermit kingdom of plenty, a memoir.' }).score).toBe(0.5);
  });

  it('rules out a text that names none of the subject, and the check still rejects it', () => {
    const text = 'The council approved the budget for the coming year after a long debate about parking.';
    const subjectTerms = [...DEFAULT_TOPIC.subject.flatMap((g) => g.terms), ...DEFAULT_TOPIC.people, ...DEFAULT_TOPIC.quickSubject];
    expect(mayMatch(literalPieces(subjectTerms), foldForPieces(text))).toBe(false);
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: 'Council budget', text })).toEqual({ pass: false, score: 0 });
  });

  it('rules out a text where a piece stands only inside other words, and the check still rejects it', () => {
    // "north" and "jong" stand here, as pieces of other words and names: no term does.
    const text = 'North Carolina’s northern counties sent a trade mission to Jongno, in Seoul.';
    const { subject } = quickClauseTerms(DEFAULT_TOPIC);
    expect(mayMatch(literalPieces(subject), foldForPieces(text))).toBe(true);
    const caseless = subject.filter((t) => !t.startsWith('=')).map((t) => termCore(t.toLowerCase()));
    const cased = subject.filter((t) => t.startsWith('=')).map(termCore);
    expect(mayHoldTerm(caseless, termSurface(foldForPieces(text))) || mayHoldTerm(cased, termSurface(text))).toBe(false);
    // A short term inside longer words stands as a string, not as a word: "men" in "government", "POW" in "power".
    expect(mayHoldTerm(['men', 'pow'].map(termCore), termSurface('The government’s power cut.'))).toBe(false);
    expect(mayHoldTerm(['men', 'pow'].map(termCore), termSurface('Ten men were held as a POW'.toLowerCase()))).toBe(true);
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: 'Trade mission', text })).toEqual({ pass: false, score: 0 });
    // One word more and a term stands: the regexes decide, and the subject is found.
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: 'Trade mission', text: text.replace('Jongno, in Seoul', 'Pyongyang') }).score).toBeGreaterThan(0);
  });

  it('lets the regexes decide wherever a piece stands, written in any case', () => {
    // "korea" stands in both texts; only the first names the subject as a word of its own.
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: null, text: 'NORTH KOREAN troops were seen in Kursk.' })).toEqual({ pass: true, score: 1 });
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: null, text: 'The Nordkorea desk met in Kursk.' })).toEqual({ pass: false, score: 0 });
    // U+017F folds onto "s" in the regex: "Ruſſia" is the setting.
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: null, text: 'North Korean troops were sent to Ruſſia.' })).toEqual({ pass: true, score: 1 });
    // …and only the setting, with no force word beside it ("troops" above is one).
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: null, text: 'Kim Jong Un flew to Ruſſia.' })).toEqual({ pass: true, score: 1 });
  });

  it('comes worked out ahead for every topic, for the terms the topic has now', () => {
    for (const def of TOPICS) {
      const { subject } = quickClauseTerms(def);
      const expected = { subject: { termsHash: termsHash(subject), pieces: literalPieces(subject) } };
      // On failure: paste this entry into lib/topics/quick-pieces.ts.
      expect(QUICK_PIECES[def.id], `${def.id}: ${JSON.stringify(expected)}`).toEqual(expected);
    }
  });

  it('is not taken from the table for terms other than those it was worked out from', () => {
    // Same id, one subject term more: a text naming only that term must still pass.
    const extended: TopicDefinition = { ...DEFAULT_TOPIC, quickSubject: [...DEFAULT_TOPIC.quickSubject, 'Hermit Kingdom'] };
    expect(quickTopicCheck(extended, { title: null, text: 'Troops of the Hermit Kingdom reached Kursk.' })).toEqual({ pass: true, score: 1 });
    expect(quickTopicCheck(DEFAULT_TOPIC, { title: null, text: 'Troops of the Hermit Kingdom reached Kursk.' })).toEqual({ pass: false, score: 0 });
  });
});
