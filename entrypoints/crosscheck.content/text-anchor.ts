// Finds a claim's sentence in the live page. The claim comes from Readability's text,
// which differs from the page's DOM in whitespace, quote marks, dashes and the gaps
// between blocks; so both sides are folded the same way (case, quotes and whitespace
// dropped, dashes unified) and every folded character remembers the text node and
// offset it came from, which turns a match back into a DOM Range.

/**
 * Subtrees whose text is never part of what a reader reads, as a selector for `closest`
 * (type selectors match HTML elements in any case, and SVG's and MathML's own lower-case names).
 */
const SKIP_SELECTOR = 'script, style, noscript, template, textarea, select, title, svg, math, iframe, object, crosscheck-sidebar';
/** Text nodes mapped between two yields of `mapText`: a slice of a few milliseconds on a big page. */
export const TEXT_NODES_PER_STEP = 200;

/** A long claim that does not match whole is looked for by its two ends (folded characters). */
export const QUOTE_END_CHARS = 48;
/** Only claims at least this long (folded characters) may match by their ends. */
export const MIN_ENDS_MATCH_CHARS = 2 * QUOTE_END_CHARS + 24;
/** The text between the two ends may be at most this many times the claim's length. */
export const MAX_ENDS_SPAN_RATIO = 1.5;
/** Hidden copies of a sentence (teasers, print versions) are passed over; at most this many tried. */
export const MAX_CANDIDATES = 6;

const DROPPED = /[\s\u00ad\u200b-\u200d\u2060\ufeff'"‘’‚‛“”„‟′″«»‹›`´]/u;
const DASHES = /[\u2010-\u2015\u2212]/u;

/** One character of text, folded for searching: '' to drop it, else its folded form. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // The common case first, without a regex: ASCII letters, digits and punctuation.
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    if (code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x7f) return '';
    return ch;
  }
  if (DROPPED.test(ch)) return '';
  if (DASHES.test(ch)) return '-';
  if (ch === '…') return '...';
  return ch.toLowerCase();
}

export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** The folded text of a subtree and, per folded character, where it stands in the DOM. */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** Per folded character: its text node's index in `nodes`. */
  nodeAt: Int32Array;
  /** Per folded character: its UTF-16 offset in that node. */
  offsetAt: Int32Array;
}

/**
 * The folded text under `root`, up to `maxChars` folded characters: a 10 MB page is mapped
 * only as far as its claims can stand (they come from the first part of the article).
 */
export function buildTextMap(root: Node, maxChars = Infinity): TextMap {
  const mapping = mapText(root, maxChars);
  let step = mapping.next();
  while (!step.done) step = mapping.next();
  return step.value;
}

/**
 * `buildTextMap` in steps: it yields after every TEXT_NODES_PER_STEP text nodes, so that a
 * caller can spread a big page over several tasks (the highlights do, see highlights.ts).
 * Text nodes the page changes between two steps are mapped as they stood when visited.
 */
export function* mapText(root: Node, maxChars = Infinity): Generator<void, TextMap> {
  const doc = root.ownerDocument ?? (root as Document);
  // Text nodes only, and no filter: a TreeWalker that calls a script filter at every node
  // spent 25 to 60 ms on a 2,000-element news page (a call from native code into the
  // content script per node, in code still cold), against about 1 ms without. A skipped
  // subtree is told by the text's parent instead, asked once for each run of siblings.
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  // Typed arrays grown by doubling and one native decode at the end: this runs over a
  // whole news page, so it avoids a string or an object per character.
  let capacity = 1 << 14;
  let chars = new Uint16Array(capacity);
  let nodeAt = new Int32Array(capacity);
  let offsetAt = new Int32Array(capacity);
  let length = 0;
  const nodes: Text[] = [];
  let parent: Element | null = null;
  let skipped = false;
  let sinceYield = 0;
  /** Room for `more` characters after the mapped ones. */
  const reserve = (more: number) => {
    if (length + more <= capacity) return;
    while (length + more > capacity) capacity *= 2;
    chars = grown(chars, new Uint16Array(capacity));
    nodeAt = grown(nodeAt, new Int32Array(capacity));
    offsetAt = grown(offsetAt, new Int32Array(capacity));
  };
  for (let node = walker.nextNode() as Text | null; node && length < maxChars; node = walker.nextNode() as Text | null) {
    if (++sinceYield >= TEXT_NODES_PER_STEP) {
      sinceYield = 0;
      yield;
    }
    const data = node.data;
    if (!/\S/.test(data)) continue;
    if (node.parentElement !== parent) {
      parent = node.parentElement;
      skipped = parent !== null && parent.closest(SKIP_SELECTOR) !== null;
    }
    if (skipped) continue;
    // Room for the node folded character for character; the rare wider folds ask for more below.
    reserve(data.length);
    const n = nodes.push(node) - 1;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code < 0x80) {
        // foldChar's ASCII rules, inlined for speed.
        if (code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x7f) continue;
        chars[length] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
        nodeAt[length] = n;
        offsetAt[length] = i;
        length++;
        continue;
      }
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < data.length;
      const folded = foldChar(pair ? data.slice(i, i + 2) : data[i]!);
      // "…" folds to three characters and a few capitals lower-case to two.
      reserve(folded.length + (data.length - i));
      for (let k = 0; k < folded.length; k++) {
        chars[length] = folded.charCodeAt(k);
        nodeAt[length] = n;
        offsetAt[length] = i;
        length++;
      }
      if (pair) i++;
    }
  }
  return {
    text: decodeUtf16(chars.subarray(0, length)),
    nodes,
    nodeAt: nodeAt.subarray(0, length),
    offsetAt: offsetAt.subarray(0, length),
  };
}

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Code units to a string, in slices small enough for fromCharCode's argument list. */
function decodeUtf16(units: Uint16Array): string {
  const SLICE = 8_192;
  let out = '';
  for (let i = 0; i < units.length; i += SLICE) out += String.fromCharCode(...units.subarray(i, i + SLICE));
  return out;
}

/** The DOM range of folded characters [start, end). */
export function rangeOf(map: TextMap, start: number, end: number): Range {
  const first = map.nodes[map.nodeAt[start]!]!;
  const last = map.nodes[map.nodeAt[end - 1]!]!;
  const lastOffset = map.offsetAt[end - 1]!;
  // The last character may be a surrogate pair: end after all of it.
  const high = last.data.charCodeAt(lastOffset);
  const width = high >= 0xd800 && high <= 0xdbff && lastOffset + 1 < last.data.length ? 2 : 1;
  const range = first.ownerDocument.createRange();
  range.setStart(first, map.offsetAt[start]!);
  range.setEnd(last, lastOffset + width);
  return range;
}

export interface FindOptions {
  /** Whether a candidate match is shown to the reader (hidden duplicates are skipped). */
  isVisible?: (range: Range) => boolean;
}

/** Where the quote stands in the mapped text, or null when it is not there. */
export function findQuote(map: TextMap, quote: string, opts: FindOptions = {}): Range | null {
  const needle = foldForSearch(quote);
  if (needle.length === 0) return null;
  const visible = opts.isVisible ?? (() => true);

  let from = 0;
  for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
    const at = map.text.indexOf(needle, from);
    if (at < 0) break;
    const range = rangeOf(map, at, at + needle.length);
    if (visible(range)) return range;
    from = at + 1;
  }

  // Readability may have dropped or altered something mid-sentence (an inline figure, a
  // footnote marker): accept the sentence when both of its ends stand close together.
  if (needle.length < MIN_ENDS_MATCH_CHARS) return null;
  const head = needle.slice(0, QUOTE_END_CHARS);
  const tail = needle.slice(-QUOTE_END_CHARS);
  const maxSpan = Math.ceil(needle.length * MAX_ENDS_SPAN_RATIO);
  from = 0;
  for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
    const start = map.text.indexOf(head, from);
    if (start < 0) break;
    const tailAt = map.text.indexOf(tail, start + head.length);
    if (tailAt >= 0 && tailAt + tail.length - start <= maxSpan) {
      const range = rangeOf(map, start, tailAt + tail.length);
      if (visible(range)) return range;
    }
    from = start + 1;
  }
  return null;
}
