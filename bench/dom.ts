// Saved pages as Documents for the Node benchmarks: cli/dom.ts (linkedom), with one fix.
// linkedom's TreeWalker ignores its filter and lists every node of the tree when it is
// created, so code that walks a page with a filter (the content script's cheap text
// read rejects <script>, <style>, <nav>…) would read other text and do other work in
// Node than in a browser. The bench gives each Document a TreeWalker that follows the
// DOM standard for what that code uses: whatToShow, the filter's accept/reject/skip,
// and nextNode().

import { parseHtml } from '../cli/dom';

const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

type Filter = ((node: Node) => number) | { acceptNode(node: Node): number } | null | undefined;

class StandardTreeWalker {
  currentNode: Node;

  constructor(
    readonly root: Node,
    readonly whatToShow: number,
    private readonly filter: Filter,
  ) {
    this.currentNode = root;
  }

  private accept(node: Node): number {
    // whatToShow bit n-1 stands for nodeType n.
    if (!(this.whatToShow & (1 << (node.nodeType - 1)))) return 3; // FILTER_SKIP
    if (!this.filter) return FILTER_ACCEPT;
    return typeof this.filter === 'function' ? this.filter(node) : this.filter.acceptNode(node);
  }

  /** Pre-order traversal; a rejected node's subtree is skipped, a skipped node's children are still visited. */
  nextNode(): Node | null {
    let node: Node = this.currentNode;
    let result = FILTER_ACCEPT;
    for (;;) {
      while (result !== FILTER_REJECT && node.firstChild) {
        node = node.firstChild;
        result = this.accept(node);
        if (result === FILTER_ACCEPT) return (this.currentNode = node);
      }
      let sibling: Node | null = null;
      let temp: Node | null = node;
      while (temp) {
        if (temp === this.root) return null;
        sibling = temp.nextSibling;
        if (sibling) break;
        temp = temp.parentNode;
      }
      if (!sibling) return null;
      node = sibling;
      result = this.accept(node);
      if (result === FILTER_ACCEPT) return (this.currentNode = node);
    }
  }
}

/**
 * A saved page as a Document whose TreeWalker behaves as in a browser, and which can make
 * new empty documents (`implementation.createHTMLDocument`, which linkedom lacks and the
 * content script uses for its bounded copy of big pages).
 */
export function pageDocument(html: string, url?: string): Document {
  const doc = parseHtml(html, url);
  Object.defineProperty(doc, 'createTreeWalker', {
    configurable: true,
    value: (root: Node, whatToShow = 0xffffffff, filter?: Filter) => new StandardTreeWalker(root, whatToShow, filter),
  });
  if (!(doc as { implementation?: unknown }).implementation) {
    Object.defineProperty(doc, 'implementation', {
      configurable: true,
      value: {
        createHTMLDocument: (title = '') => {
          const created = pageDocument('<!DOCTYPE html><html><head><title></title></head><body></body></html>', url);
          created.title = title;
          return created;
        },
      },
    });
  }
  return doc;
}
