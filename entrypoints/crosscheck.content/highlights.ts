// Claims highlighted where they stand in the article. The CSS Custom Highlight API paints
// ranges without touching the page's DOM; where it is missing (older Firefox) the text is
// wrapped in <mark data-crosscheck> elements, unwrapped again on teardown.

import { findQuote, mapText, type TextMap } from './text-anchor';

export const CLAIM_HIGHLIGHT = 'crosscheck-claim';
/** Claims that some report contradicts: underlined on top of the claim colour. */
export const CONFLICT_HIGHLIGHT = 'crosscheck-claim-conflict';
/** The claim the reader jumped to. */
export const FOCUS_HIGHLIGHT = 'crosscheck-claim-focus';
const MARK_ATTR = 'data-crosscheck';
const FOCUS_ATTR = 'data-crosscheck-focus';
const STYLE_ATTR = 'data-crosscheck-style';
/** What a Crosscheck leaves in a page's DOM while it shows highlights. */
export const LEFTOVER_SELECTOR = `mark[${MARK_ATTR}], style[${STYLE_ATTR}]`;

/** Times the focused claim blinks after a jump (not at all when the reader asks for reduced motion). */
export const FLASH_TIMES = 2;
export const FLASH_STEP_MS = 220;

/**
 * Folded characters of the page mapped at most when looking for claims: the claims come
 * from the first 200,000 characters of the article (lib/page-limits.ts), which stand within
 * this much of the page's text; a 10 MB page is not walked to its end.
 */
export const MAX_MAPPED_CHARS = 400_000;

/** Elements whose start begins a block: the focus target for a claim. */
const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, dd, dt, figcaption, td, th, div, section, article';

const HIGHLIGHT_CSS = `
::highlight(${CLAIM_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.38); }
::highlight(${CONFLICT_HIGHLIGHT}) { text-decoration: underline wavy rgb(200, 30, 40); text-decoration-thickness: 1.5px; }
::highlight(${FOCUS_HIGHLIGHT}) { background-color: rgba(255, 140, 0, 0.6); }
mark[${MARK_ATTR}] { background-color: rgba(255, 200, 0, 0.38); color: inherit; padding: 0; margin: 0; font: inherit; }
mark[${MARK_ATTR}][data-crosscheck-conflict] { text-decoration: underline wavy rgb(200, 30, 40); }
mark[${MARK_ATTR}][${FOCUS_ATTR}] { background-color: rgba(255, 140, 0, 0.6); }
`;

export interface ClaimToHighlight {
  /** The claim's index in the page's analysis. */
  index: number;
  text: string;
  conflicted: boolean;
}

export interface ClaimHighlights {
  /** The claims found in the page, by index. */
  readonly found: ReadonlySet<number>;
  /** 'css' (Custom Highlight API) or 'marks' (fallback). */
  readonly mode: 'css' | 'marks';
  /** The claim painted at a point of the viewport, or null. */
  claimAt(x: number, y: number, target: EventTarget | null): number | null;
  /** Scrolls the claim into view, moves focus to its block for screen readers, flashes it. */
  reveal(index: number): boolean;
  setFocused(index: number | null): void;
  remove(): void;
}

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => { priority: number };

function cssHighlights(win: Window): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const registry = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

function isShown(range: Range): boolean {
  const el = range.startContainer.parentElement;
  if (!el) return false;
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return check ? check.call(el) : true;
}

/** Removes what any earlier Crosscheck (this one, or one from before an extension update) painted. */
export function removeAllHighlights(doc: Document): void {
  const win = doc.defaultView;
  const css = win && cssHighlights(win);
  if (css) for (const name of [CLAIM_HIGHLIGHT, CONFLICT_HIGHLIGHT, FOCUS_HIGHLIGHT]) css.registry.delete(name);
  for (const el of doc.querySelectorAll(LEFTOVER_SELECTOR)) {
    if (el.tagName.toUpperCase() === 'MARK') unwrap(el);
    else el.remove();
  }
}

function unwrap(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  mark.remove();
  parent.normalize();
}

export interface HighlightOptions {
  /** Use <mark> elements even where the Highlight API exists (tests of the fallback). */
  forceMarks?: boolean;
  /** Where to look for the claims, in order (the article's container, then the body); the body by default. */
  roots?: Element[];
}

export function highlightClaims(doc: Document, claims: readonly ClaimToHighlight[], opts: HighlightOptions = {}): ClaimHighlights {
  const locating = locateClaims(doc, claims, opts.roots);
  let step = locating.next();
  while (!step.done) step = locating.next();
  return paintHighlights(doc, step.value, opts);
}

/** A claim found in the page, and where. */
export interface LocatedClaim {
  claim: ClaimToHighlight;
  range: Range;
}

/**
 * Finds the claims in the page, one at a time: it yields after mapping each root's text
 * and after each claim, so that a caller can spread the work over several tasks (the
 * reader gives the page its thread back between slices; see reader.ts). Returns the claims
 * it found. A claim whose text changed under it between slices is passed over.
 */
export function* locateClaims(doc: Document, claims: readonly ClaimToHighlight[], roots: readonly Element[] = [doc.body]): Generator<void, LocatedClaim[]> {
  const located: LocatedClaim[] = [];
  let missing = [...claims];
  for (const root of roots) {
    if (missing.length === 0) break;
    const map: TextMap = yield* mapText(root, MAX_MAPPED_CHARS);
    yield;
    const stillMissing: ClaimToHighlight[] = [];
    for (const claim of missing) {
      let range: Range | null = null;
      try {
        range = findQuote(map, claim.text, { isVisible: isShown });
      } catch {
        // The page changed the text since it was mapped (an offset past a node's end).
      }
      if (range) located.push({ claim, range });
      else stillMissing.push(claim);
      yield;
    }
    missing = stillMissing;
  }
  return located;
}

/** Paints the located claims and returns the handle the reader uses to reveal, focus and remove them. */
export function paintHighlights(doc: Document, located: readonly LocatedClaim[], opts: Pick<HighlightOptions, 'forceMarks'> = {}): ClaimHighlights {
  const win = doc.defaultView!;
  const css = opts.forceMarks ? null : cssHighlights(win);

  const style = doc.createElement('style');
  style.setAttribute(STYLE_ATTR, '');
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);

  const ranges = new Map<number, Range>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  if (css) {
    for (const { claim, range } of located) ranges.set(claim.index, range);
    const all = new css.Highlight(...ranges.values());
    const conflicts = new css.Highlight(...located.filter((l) => l.claim.conflicted).map((l) => l.range));
    conflicts.priority = 1;
    css.registry.set(CLAIM_HIGHLIGHT, all);
    css.registry.set(CONFLICT_HIGHLIGHT, conflicts);
  } else {
    wrapInMarks(doc, located).forEach((range, index) => ranges.set(index, range));
  }

  const paintFocus = (index: number | null) => {
    if (css) {
      const range = index === null ? undefined : ranges.get(index);
      if (range) {
        const h = new css.Highlight(range);
        h.priority = 2;
        css.registry.set(FOCUS_HIGHLIGHT, h);
      } else css.registry.delete(FOCUS_HIGHLIGHT);
    } else {
      for (const mark of doc.querySelectorAll(`mark[${MARK_ATTR}]`)) {
        mark.toggleAttribute(FOCUS_ATTR, index !== null && mark.getAttribute(MARK_ATTR) === String(index));
      }
    }
  };

  const setFocused = (index: number | null) => {
    clearTimeout(flashTimer);
    paintFocus(index !== null && ranges.has(index) ? index : null);
  };

  return {
    found: new Set(ranges.keys()),
    mode: css ? 'css' : 'marks',
    claimAt(x, y, target) {
      if (!css) {
        const mark = target instanceof win.Element ? target.closest(`mark[${MARK_ATTR}]`) : null;
        return mark ? Number(mark.getAttribute(MARK_ATTR)) : null;
      }
      const at = caretAt(doc, x, y);
      if (!at) return null;
      for (const [index, range] of ranges) {
        try {
          if (!range.isPointInRange(at.node, at.offset)) continue;
        } catch {
          continue;
        }
        // The caret snaps to the nearest character: make sure the point is on the text itself.
        for (const rect of range.getClientRects()) {
          if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return index;
        }
      }
      return null;
    },
    reveal(index) {
      const range = ranges.get(index);
      if (!range) return false;
      setFocused(index);
      const reduced = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const block = blockOf(range);
      block?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
      if (block) focusForReaders(block);
      if (!reduced) {
        let step = 0;
        const blink = () => {
          step++;
          paintFocus(step % 2 === 1 ? null : index);
          if (step < FLASH_TIMES * 2) flashTimer = setTimeout(blink, FLASH_STEP_MS);
        };
        flashTimer = setTimeout(blink, FLASH_STEP_MS);
      }
      return true;
    },
    setFocused,
    remove() {
      clearTimeout(flashTimer);
      removeAllHighlights(doc);
    },
  };
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function blockOf(range: Range): HTMLElement | null {
  const start = range.startContainer;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  return (el?.closest(BLOCKS) as HTMLElement | null) ?? (el as HTMLElement | null);
}

/** Moves focus to the claim's block so a screen reader reads it; the block becomes focusable only while focused. */
function focusForReaders(block: HTMLElement): void {
  if (!block.hasAttribute('tabindex')) {
    block.setAttribute('tabindex', '-1');
    block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
  }
  block.focus({ preventScroll: true });
}

/**
 * The fallback: wraps each located claim in <mark> elements, one per text node it covers.
 * All segments are computed before the DOM changes, then applied from the end of each
 * node backwards so the offsets still to apply stay valid.
 */
function wrapInMarks(doc: Document, located: readonly { claim: ClaimToHighlight; range: Range }[]): Map<number, Range> {
  interface Segment { node: Text; start: number; end: number; claim: ClaimToHighlight }
  const segments: Segment[] = [];
  for (const { claim, range } of located) {
    const walker = doc.createTreeWalker(range.commonAncestorContainer, 0x4);
    const nodes: Text[] = range.commonAncestorContainer.nodeType === 3 ? [range.commonAncestorContainer as Text] : [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
    for (const node of nodes) {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end > start && /\S/.test(node.data.slice(start, end))) segments.push({ node, start, end, claim });
    }
  }
  const byNode = new Map<Text, Segment[]>();
  for (const s of segments) byNode.set(s.node, [...(byNode.get(s.node) ?? []), s]);
  const marks = new Map<number, Element[]>();
  for (const [node, list] of byNode) {
    list.sort((a, b) => b.start - a.start);
    let limit = Infinity;
    for (const s of list) {
      if (s.end > limit) continue; // overlaps a claim already wrapped
      limit = s.start;
      if (s.end < node.data.length) node.splitText(s.end);
      const piece = s.start > 0 ? node.splitText(s.start) : node;
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTR, String(s.claim.index));
      if (s.claim.conflicted) mark.setAttribute('data-crosscheck-conflict', '');
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      marks.set(s.claim.index, [...(marks.get(s.claim.index) ?? []), mark]);
    }
  }
  const ranges = new Map<number, Range>();
  for (const [index, list] of marks) {
    const ordered = list.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    const range = doc.createRange();
    range.setStartBefore(ordered[0]!);
    range.setEndAfter(ordered[ordered.length - 1]!);
    ranges.set(index, range);
  }
  return ranges;
}
