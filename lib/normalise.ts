// Text folding and term extraction shared by the claim parser and the matcher.
//
// `foldText` keeps the length of its input, character for character, so a regex run on
// the folded text gives offsets that are valid in the original: claims stay exact
// substrings of the page however the page spells its quotes, dashes and line breaks.

const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ', '\u2007': ' ', '\n': ' ', '\r': ' ', '\t': ' ',
};

/** The characters `foldText` maps, as one pattern for the whole-string path. */
const FOLDED = new RegExp(`[${Object.keys(FOLD).map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');
/**
 * Where lower-casing the whole string differs from lower-casing each character: "İ" gets
 * longer, and a capital sigma turns final ("ς") at a word's end.
 */
const CONTEXTUAL_CASE = /[\u0130\u03a3]/;

/** Lower-cased text with uniform quotes, dashes and spaces; same length as the input. */
export function foldText(s: string): string {
  // One native pass for the whole string: several times faster than a character at a time,
  // and the same result wherever no character's case depends on its neighbours or grows.
  if (!CONTEXTUAL_CASE.test(s)) return s.toLowerCase().replace(FOLDED, (ch) => FOLD[ch]!);
  return foldEachCharacter(s);
}

/** `foldText` a character at a time (the reference the whole-string path must equal). */
export function foldEachCharacter(s: string): string {
  let out = '';
  for (const ch of s) {
    const mapped = FOLD[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const lower = ch.toLowerCase();
    // A few characters change length when lower-cased ("İ"); keep those as they are.
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Words that carry no meaning of their own in a news sentence. */
export const STOP_WORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from into onto over under about as than then that this these those ' +
    'is are was were be been being has have had having do does did will would shall should can could may might must ' +
    'it its it\'s he she they them their his her him we us our you your i me my who whom whose which what when where why how ' +
    'not no yes so such also already still even just only very more most less least much many some any all each every ' +
    'other another both either neither there here up down out off again further once said says say stated told according ' +
    'reported reports report noted added while although though because since if after before during until against between ' +
    'among amid within without per via s t one two new including include includes like well last next week month year ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday recently later earlier soon now'
  ).split(/\s+/),
);

/** British and American spellings folded together, before stemming. */
const SPELLING: [RegExp, string][] = [
  [/^defence/, 'defense'],
  [/^offence/, 'offense'],
  [/isation/, 'ization'],
  [/ise(s|d)?$/, 'ize$1'],
  [/ising$/, 'izing'],
  [/yse(s|d)?$/, 'yze$1'],
  [/ysing$/, 'yzing'],
  [/our$/, 'or'],
  [/ours$/, 'ors'],
  [/^zelenskyy/, 'zelensky'],
  [/^zelenskiy/, 'zelensky'],
];

/** Irregular forms and nouns of action that the suffix rules would miss ("sent" → "send"). */
const IRREGULAR: Record<string, string> = {
  sent: 'send', met: 'meet', fought: 'fight', led: 'lead', took: 'take', taken: 'take', told: 'tell', gave: 'give',
  given: 'give', began: 'begin', begun: 'begin', brought: 'bring', sought: 'seek', arrival: 'arriv', arrivals: 'arriv',
  withdrawal: 'withdraw', dismissal: 'dismiss', approval: 'approv', denial: 'deny', denials: 'deny', refusal: 'refus',
  proposal: 'propos', troops: 'troop', forces: 'forc', men: 'man', casualties: 'casualty',
};

/** Stems already worked out: a page or a corpus repeats its words, and `stem` runs a dozen patterns on each. */
const stems = new Map<string, string>();
/** Past this many words the memo starts again, so a huge corpus does not keep every spelling it ever saw. */
const MAX_REMEMBERED_STEMS = 50_000;

/**
 * A light suffix stripper: enough to make "deployment", "deployed" and "deploys" one
 * term, and "soldiers"/"soldier" one term. Not a full Porter stemmer on purpose: a
 * stem must stay readable in the reasons shown to the reader.
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    s = stemOnce(word);
    stems.set(word, s);
  }
  return s;
}

function stemOnce(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
  for (const [re, to] of SPELLING) w = w.replace(re, to);
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if ((w.endsWith('ies') || w.endsWith('ied')) && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ments')) w = w.slice(0, -5);
  else if (w.endsWith('ment') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ations') && w.length > 8) w = w.slice(0, -6) + 'e';
  else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5) + 'e';
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  // "arrive"/"arrived" and "mobilize"/"mobilized" meet at the stem without the final e.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // Doubled final consonant after stripping ("planned" → "plann" → "plan").
  if (/([bdgmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

export interface Token {
  /** The word as it stands in the text. */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Words with their offsets; numbers keep their commas and decimal points ("12,000", "1.5"). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    out.push({ word, start: m.index, end: m.index + word.length });
  }
  return out;
}

/**
 * The content terms of a text: stemmed, lower-cased words that are not stop words and
 * not numbers. These feed the inverted index and the fuzzy text similarity.
 */
export function contentTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of foldText(text).split(/[^\p{L}\p{N}'-]+/u)) {
    for (const part of raw.split('-')) {
      const word = part.replace(/^'+|'+$/g, '');
      if (word.length < 3 || STOP_WORDS.has(word) || /^\p{N}/u.test(word)) continue;
      const s = stem(word);
      if (s.length >= 3 && !STOP_WORDS.has(s)) seen.add(s);
    }
  }
  return [...seen];
}
