// Finds a claim's sentence in the live page. The claim comes from Readability's text,
// which differs from the page's DOM in whitespace, quote marks, dashes and the gaps
// between blocks; so both sides are folded the same way (case, quotes and whitespace
// dropped, dashes unified) and every folded character remembers the text node and
// offset it came from, which turns a match back into a DOM Range.

/** Subtrees whose text is never part of what a reader reads. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'TITLE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CROSSCHECK-SIDEBAR']);

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
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && SKIP_TAGS.has((node as Element).tagName.toUpperCase()) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */,
  });
  // Typed arrays grown by doubling and one native decode at the end: this runs over a
  // whole news page, so it avoids a string or an object per character.
  let chars = new Uint16Array(1 << 14);
  let nodeAt = new Int32Array(chars.length);
  let offsetAt = new Int32Array(chars.length);
  let length = 0;
  const push = (code: number, node: number, offset: number) => {
    if (length === chars.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      chars = grow(chars, (n) => new Uint16Array(n));
      nodeAt = grow(nodeAt, (n) => new Int32Array(n));
      offsetAt = grow(offsetAt, (n) => new Int32Array(n));
    }
    chars[length] = code;
    nodeAt[length] = node;
    offsetAt[length] = offset;
    length++;
  };
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node && length < maxChars; node = walker.nextNode()) {
    if (node.nodeType !== 3) continue;
    const data = (node as Text).data;
    if (!/\S/.test(data)) continue;
    const n = nodes.push(node as Text) - 1;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (code < 0x80) {
        // foldChar's ASCII rules, inlined for speed.
        if (code <= 0x20 || code === 0x22 || code === 0x27 || code === 0x60 || code === 0x7f) continue;
        push(code >= 0x41 && code <= 0x5a ? code + 32 : code, n, i);
        continue;
      }
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < data.length;
      const folded = foldChar(pair ? data.slice(i, i + 2) : data[i]!);
      for (let k = 0; k < folded.length; k++) push(folded.charCodeAt(k), n, i);
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
