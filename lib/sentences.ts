// Splits news text into paragraphs and sentences, with offsets into the text, so every
// claim shown to the reader is an exact piece of the page. The one sentence splitter of
// lib/: claims, topic scoring (through lib/segment.ts) and the benchmarks all use it.
//
// News text comes in three shapes: paragraphs separated by blank lines, one paragraph per
// line, and hard-wrapped lines (a sentence running over several lines). A line break is
// therefore a boundary only when the line reads as complete on its own: it ends a
// sentence, or it is a short line (a headline, a dateline, a subhead) that is not part of
// a wrapped block.

export interface SentenceSpan {
  /** The sentence, trimmed: exactly `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /**
   * Index of its paragraph, counting only paragraphs that hold text. A paragraph is a
   * block between blank lines, or a line of its own within a block (a headline, a
   * dateline, one paragraph per line); the lines of a hard-wrapped block are one paragraph.
   */
  paragraph: number;
}

/** A line without final punctuation shorter than this share of its block's longest line is a heading. */
export const WRAPPED_LINE_MIN_RATIO = 0.7;
/** Lines at least this long (chars) inside a wrapped block are always wrapped, never headings. */
export const WRAPPED_LINE_MIN_CHARS = 60;

/** Titles before a name: their dot never ends a sentence ("Gen. Syrskyi", "Mr. Kim"). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'gov',
  'sen', 'rep', 'pres', 'amb', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr', 'vs', 'v', 'messrs', 'lt.gen', 'maj.gen',
]);
/** Abbreviations that are followed by a number ("Sept. 12", "No. 3"): no boundary before a digit. */
const NUMBER_ABBREVIATIONS = new Set([
  'no', 'nos', 'vol', 'fig', 'p', 'pp', 'art', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'approx', 'est', 'ca',
]);
/** Abbreviations that can never end a sentence. */
const INNER_ABBREVIATIONS = new Set(['e.g', 'i.e', 'cf', 'approx', 'incl', 'esp']);
/**
 * Words that open a new sentence after a dotted acronym ("… joined the U.S. The next
 * day"). After an acronym, any other capitalised word continues the sentence
 * ("the U.S. Ambassador").
 */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'but', 'and', 'in', 'on',
  'at', 'however', 'meanwhile', 'also', 'his', 'her', 'their', 'its', 'there', 'some', 'according', 'after', 'as',
  'officials', 'yet', 'still', 'earlier', 'later', 'last', 'on',
]);

const TERMINAL = /[.!?]+|…/g;
const CLOSERS = /^["'”’»)\]]*/;
const OPENER = /^["'“‘«(\[]?[\p{Lu}\p{N}]/u;
const LINE_COMPLETE = /[.!?…]["'”’»)\]]*$/;

/** Sentences of `text` in order, each trimmed, with offsets into `text`. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let paragraph = 0;
  for (const [from, to] of hardUnits(text)) {
    const before = out.length;
    splitUnit(text, from, to, paragraph, out);
    if (out.length > before) paragraph++;
  }
  return out;
}

/** Ranges of text separated by hard breaks: blank lines, and single line breaks after complete lines. */
function hardUnits(text: string): [number, number][] {
  const units: [number, number][] = [];
  const blockBreak = /\n[ \t\r]*\n\s*/g;
  let blockStart = 0;
  for (;;) {
    const m = blockBreak.exec(text);
    const blockEnd = m ? m.index : text.length;
    splitBlock(text, blockStart, blockEnd, units);
    if (!m) break;
    blockStart = m.index + m[0].length;
  }
  return units;
}

function splitBlock(text: string, from: number, to: number, units: [number, number][]): void {
  const lines: [number, number][] = [];
  let lineStart = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '\n') {
      lines.push([lineStart, i]);
      lineStart = i + 1;
    }
  }
  const longest = Math.max(0, ...lines.map(([a, b]) => text.slice(a, b).trim().length));
  let unitStart = from;
  for (let i = 0; i < lines.length - 1; i++) {
    const [a, b] = lines[i]!;
    const line = text.slice(a, b).trim();
    const next = text.slice(lines[i + 1]![0], lines[i + 1]![1]).trim();
    if (isHardBreak(line, next, longest)) {
      units.push([unitStart, b]);
      unitStart = lines[i + 1]![0];
    }
  }
  units.push([unitStart, to]);
}

/**
 * Whether the break after `line` ends a unit. A line ending a sentence is left to the
 * sentence rules (they see the line break as a space), so only lines without final
 * punctuation are decided here.
 */
function isHardBreak(line: string, next: string, longest: number): boolean {
  if (line === '' || next === '') return true;
  if (/[,;\-–(]$/.test(line)) return false;
  if (/:$/.test(line)) return line.length < WRAPPED_LINE_MIN_CHARS;
  if (LINE_COMPLETE.test(line)) {
    if (!OPENER.test(next)) return false;
    // "Gen.\nSyrskyi" in wrapped text: a line's final dot may be an abbreviation's.
    return !/[^.]\.$/.test(line) || dotEndsSentence(line, line.length - 1, next);
  }
  if (!OPENER.test(next)) return false;
  const wrapped = line.length >= WRAPPED_LINE_MIN_CHARS && line.length >= WRAPPED_LINE_MIN_RATIO * longest;
  return !wrapped;
}

function splitUnit(text: string, from: number, to: number, paragraph: number, out: SentenceSpan[]): void {
  const unit = text.slice(from, to);
  let start = 0;
  TERMINAL.lastIndex = 0;
  for (let m = TERMINAL.exec(unit); m; m = TERMINAL.exec(unit)) {
    let end = m.index + m[0].length;
    end += CLOSERS.exec(unit.slice(end))![0].length;
    if (end < unit.length && !/\s/.test(unit[end]!) && !runTogether(unit, m.index, end)) continue;
    const rest = unit.slice(end).replace(/^\s+/, '');
    if (rest === '') break;
    if (!OPENER.test(rest)) continue;
    if (m[0] === '.' && !dotEndsSentence(unit, m.index, rest)) continue;
    push(text, from + start, from + end, paragraph, out);
    start = end;
  }
  push(text, from + start, to, paragraph, out);
}

/**
 * Text copied out of pages often loses the space between sentences ("starting Oct. 8.In a
 * statement released on Friday"). A terminal mark after a lower-case word or a number,
 * directly followed by a capitalised word of two or more letters and a space, or by "A" or
 * "I" opening a sentence ("in mid-December.A spokesperson said"), is such a boundary;
 * "U.S.Army", "Node.js" and "example.com" are not (capital before, lower case after).
 */
function runTogether(unit: string, mark: number, end: number): boolean {
  if (mark === 0 || !/[\p{Ll}\p{N})]/u.test(unit[mark - 1]!)) return false;
  return /^(?:\p{Lu}\p{Ll}+[\s,]|[AI] \p{Ll})/u.test(unit.slice(end, end + 40));
}

/** Whether a single dot at `dot` ends the sentence, given the text after it. */
function dotEndsSentence(unit: string, dot: number, rest: string): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(unit[i - 1]!)) i--;
  const word = unit.slice(i, dot);
  const lower = word.toLowerCase();
  const nextWord = /^["'“‘«(\[]?([\p{L}\p{N}]+)/u.exec(rest)?.[1] ?? '';
  if (TITLE_ABBREVIATIONS.has(lower) || INNER_ABBREVIATIONS.has(lower)) return false;
  if (NUMBER_ABBREVIATIONS.has(lower) && /^\p{N}/u.test(nextWord)) return false;
  // An initial: "J. Smith", "Kim Jong U. said".
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted acronyms and "a.m."/"p.m.": a boundary only before a word that opens sentences.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  return true;
}

function push(text: string, from: number, to: number, paragraph: number, out: SentenceSpan[]): void {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (to > from) out.push({ text: text.slice(from, to), start: from, end: to, paragraph });
}
