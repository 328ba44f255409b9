// Node-only: turns saved HTML into a DOM Document for lib/ (CLI, tests, benchmarks).
// linkedom rather than jsdom: it is several times faster on large pages, and
// Readability's own checks (isProbablyReaderable on the 130 test pages, titles) agree
// with it (tests/unit/article.test.ts measures that).
import { parseHTML } from 'linkedom';

/**
 * Parses a page. `url` becomes the document's location, which is what links resolve
 * against (a `<base href>` in the page still wins).
 */
export function parseHtml(html: string, url?: string): Document {
  const globals = url ? { location: new URL(url) } : undefined;
  // linkedom's Document is its own class; it implements the parts of the DOM that lib/ uses.
  return parseHTML(html, globals).document as unknown as Document;
}
