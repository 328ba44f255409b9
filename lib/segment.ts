// Splits article text into paragraphs and sentences, keeping offsets into the text so
// that matches found by a regex over the whole text can be placed in their sentence
// without copying the text sentence by sentence.

export interface Sentence {
  /** Offset of the sentence's first character in the text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** Index of its paragraph (paragraphs are separated by blank lines, or by single newlines). */
  paragraph: number;
}

/** Abbreviations whose final dot does not end a sentence ("Gen. Syrskyi", "U.S. officials"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'gov',
  'sen', 'rep', 'pres', 'st', 'jr', 'sr', 'no', 'nos', 'vol', 'fig', 'approx', 'est', 'vs', 'etc', 'inc', 'ltd',
  'co', 'corp', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'd.p.r.k',
]);

/** A sentence ends at . ! ? or … (with closing quotes or brackets), before whitespace. */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s)/g;
/** What may open the next sentence: a capital, a digit, or an opening quote or bracket. */
const SENTENCE_START = /^\s+["'“‘«(\[]?[\p{Lu}\p{N}]/u;
const PARAGRAPH_BREAK = /\n\s*\n|\n/g;

/** Sentences of the text in order; a paragraph break always ends a sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let paraStart = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (;;) {
    const brk = PARAGRAPH_BREAK.exec(text);
    const paraEnd = brk ? brk.index : text.length;
    if (splitParagraph(text, paraStart, paraEnd, paragraph, sentences)) paragraph++;
    if (!brk) break;
    paraStart = brk.index + brk[0].length;
  }
  return sentences;
}

/** Adds the paragraph's sentences; false when the paragraph is blank. */
function splitParagraph(text: string, from: number, to: number, paragraph: number, out: Sentence[]): boolean {
  const para = text.slice(from, to);
  let start = skipSpace(para, 0);
  if (start >= para.length) return false;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(para); m; m = SENTENCE_END.exec(para)) {
    const end = m.index + m[0].length;
    if (!SENTENCE_START.test(para.slice(end, end + 4)) || isAbbreviation(para, m.index)) continue;
    out.push({ start: from + start, end: from + end, paragraph });
    start = skipSpace(para, end);
  }
  const last = para.trimEnd().length;
  if (start < last) out.push({ start: from + start, end: from + last, paragraph });
  return true;
}

/** The dot at `dot` belongs to an abbreviation or an initial ("N. Korea", "Kim Jong U."). */
function isAbbreviation(para: string, dot: number): boolean {
  if (para[dot] !== '.') return false;
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(para[i - 1]!)) i--;
  const word = para.slice(i, dot).toLowerCase();
  // A single letter is an initial, which does not end a sentence in news text often enough to matter.
  return word.length === 1 || ABBREVIATIONS.has(word);
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i]!)) i++;
  return i;
}
