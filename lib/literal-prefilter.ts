// A literal test that comes before the quick check's regexes. Those regexes (hundreds of
// alternatives under the `iu` flags, with Unicode letter classes around them) cost a few ms
// to compile in a page that has never run them, which is every page: the first stage runs
// once per page load, cold. Almost no page names the subject at all, and that is a plain
// substring question: every match of a term contains the term's longest literal piece
// (a stretch with no space, hyphen or apostrophe, the places where the regex allows
// variants), or a piece of that piece. So a text without any piece cannot match, and the regexes need not be built.
// The pieces are a necessary condition only; where one stands, the whole terms' cores come
// next (findTerm), which decide the plain cases either way, and the regexes decide the rest.

/**
 * Text as the pieces are compared with it: lowercased, and with the one character that
 * case-insensitive Unicode regexes fold onto an ASCII letter while toLowerCase leaves it
 * alone (U+017F LATIN SMALL LETTER LONG S matches "s"; U+212A KELVIN SIGN lowercases to "k").
 */
export function foldForPieces(text: string): string {
  return text.toLowerCase().replaceAll('\u017f', 's');
}

/** A term as its words are written: without topic.ts' marks for case ("=The North") and for a stem ("Korea*"). */
const bareTerm = (term: string) => term.replace(/^=/, '').replace(/\*$/, '');

/**
 * Literal pieces that together cover a list of terms, as topic.ts writes them ("=The North"
 * case-sensitive, "Korea*" a stem): every match of every term contains one of them. A term's
 * candidates are the runs of it that its regex matches only as written (up to case); a term
 * is covered by a piece already chosen that stands inside one of its candidates ("North
 * Korea" by "korea"), else by its longest candidate. Null when some term has no candidate
 * in ASCII: then nothing can be ruled out by pieces, and the regexes always run.
 */
export function literalPieces(terms: readonly string[]): string[] | null {
  const candidatesOf: string[][] = [];
  for (const term of terms) {
    const bare = bareTerm(term);
    // The regex (topic.ts' termSource) lets whitespace, hyphens and apostrophes vary; the
    // rest of the term is matched literally. Only ASCII pieces: for those, lowercasing is
    // exactly what the regex's case folding accepts (foldForPieces says the one exception).
    const candidates = bare.split(/[\s\u00a0'’-]+/).filter((p) => p.length > 0 && /^[\x20-\x7e]+$/.test(p)).map((p) => p.toLowerCase());
    if (candidates.length === 0) return null;
    candidatesOf.push(candidates);
  }
  // Terms with fewest choices first, so that the others can be covered by what they chose.
  candidatesOf.sort((a, b) => a.length - b.length);
  const pieces: string[] = [];
  for (const candidates of candidatesOf) {
    if (candidates.some((c) => pieces.some((p) => c.includes(p)))) continue;
    pieces.push(candidates.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  // A piece that holds another is implied by it.
  return pieces.filter((p) => !pieces.some((q) => q !== p && p.includes(q)));
}

/** False only when no piece stands in the folded text: then no term can match it. */
export function mayMatch(pieces: readonly string[] | null, folded: string): boolean {
  return pieces === null || pieces.some((p) => folded.includes(p));
}

/**
 * A 32-bit FNV-1a hash of a clause's terms (joined by newlines): what lib/topics/quick-pieces.ts
 * keeps of the terms it worked its pieces out from (the terms themselves would be a second
 * copy in the script every page loads).
 */
export function termsHash(terms: readonly string[]): number {
  const text = terms.join('\n');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Text as whole terms are looked for in it: each run of whitespace and hyphens as one space
 * (where a term's regex allows a break between its words, it allows any such run) and the
 * curly apostrophe as the straight one (the regex takes either).
 */
export function termSurface(text: string): string {
  return text.replace(/[\s-]+/g, ' ').replace(/’/g, "'");
}

/** What every match of a term contains, in termSurface form (termCore), and where that part sits in the term. */
export interface TermCore {
  text: string;
  /** The core begins the term: no letter or digit comes right before it in a match. */
  atStart: boolean;
  /** The core ends the term, which is no stem: no letter or digit comes right after it. */
  atEnd: boolean;
  /** The core is the whole term (no hyphen inside its words): where it stands between word edges, the term's regex matches. */
  whole: boolean;
}

/**
 * What every match of a term contains: its longest stretch between the hyphens inside its
 * words (there the regex lets the break go, "Jong-un" also matching "Jongun"), words apart
 * by one space, a stem without its open end. Unlike a piece, it spans the words: "north
 * korea" is not in a page about North Carolina's northern counties.
 */
export function termCore(term: string): TermCore {
  const stem = term.endsWith('*');
  const bare = bareTerm(term).replace(/’/g, "'");
  const segments = bare.split('-').map((part) => part.replace(/\s+/g, ' ').trim());
  let longest = 0;
  for (let i = 1; i < segments.length; i++) if (segments[i]!.length > segments[longest]!.length) longest = i;
  return { text: segments[longest]!, atStart: longest === 0, atEnd: longest === segments.length - 1 && !stem, whole: segments.length === 1 };
}

/**
 * Whether the character at `i` is an ASCII letter or digit. Any other character may be a
 * letter too (the regex's classes are Unicode's), so only these rule a word edge out.
 */
function asciiWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Punctuation common in news prose beyond ASCII (dashes, curly quotes, guillemets, ellipsis): no letter or digit in any class. */
const PLAIN_PUNCTUATION = new Set([...'\u2013\u2014\u2018\u201c\u201d\u2026\u00ab\u00bb']);

/**
 * Whether the character at `i` is certainly no letter or digit: past either end of the text,
 * ASCII and neither, or common punctuation (any other character may be a letter in Unicode's
 * classes, and is left to the regex).
 */
function plainEdge(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true;
  return text.charCodeAt(i) < 128 ? !asciiWordChar(text, i) : PLAIN_PUNCTUATION.has(text[i]!);
}

/** What the whole-term test can tell of a text (findTerm). */
export type TermPresence = 'absent' | 'possible' | 'certain';

/**
 * Whether a term stands in the text, as far as its core can tell: 'absent' when no core
 * stands at a word's edge where its term needs one ("men" inside "government" is no match
 * of "men"); 'certain' when a whole term's core stands between edges that are certainly no
 * letter or digit (its regex lets each run of whitespace and hyphens, which the surface
 * writes as one space, stand between words, and takes either apostrophe; a stem's open end
 * takes whatever follows); else 'possible', and the regex decides. The second test after the
 * pieces: a piece such as "north" stands in many pages that name no term at all, and a page
 * that names one (the few that pass, and the near-topic pages) is decided without compiling
 * a regex. `cores` in the case the regex matches them in, `surface` the text in termSurface
 * form and that same case; parts of the text that the regexes read apart are joined by a
 * character that is not whitespace (PARTS_APART), so that no term is found across them.
 */
export function findTerm(cores: readonly TermCore[], surface: string): TermPresence {
  let found: TermPresence = 'absent';
  for (const { text, atStart, atEnd, whole } of cores) {
    if (text === '') {
      found = 'possible';
      continue;
    }
    for (let at = surface.indexOf(text); at >= 0; at = surface.indexOf(text, at + 1)) {
      const end = at + text.length;
      if (atStart && at > 0 && asciiWordChar(surface, at - 1)) continue;
      if (atEnd && asciiWordChar(surface, end)) continue;
      if (whole && plainEdge(surface, at - 1) && (!atEnd || plainEdge(surface, end))) return 'certain';
      found = 'possible';
      // Only a whole term's later occurrence can still be certain.
      if (!whole) break;
    }
  }
  return found;
}

/** Joins parts of a text that the regexes read one by one (title, prose): no term is found across it. */
export const PARTS_APART = '\u0000';
