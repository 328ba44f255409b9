// @vitest-environment happy-dom
// The content script's extraction on real news pages (the Readability corpus, read in
// place, with an on-topic article in their body): reading only the page's article
// container gives Readability far fewer elements and the same article.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article';
import { extractPage, narrowedDocument, NARROW_ABOVE_ELEMENTS } from '../../entrypoints/crosscheck.content/detect';
import { readArticleFixture, readRealPage, withArticle } from '../e2e/news-pages';

const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('narrowedDocument on real pages', () => {
  const rows: string[] = [];
  for (const name of ['bbc-1', 'nytimes-1', 'guardian-1']) {
    it(`${name}: keeps the head and the article container, and Readability finds the same article`, () => {
      const doc = parse(withArticle(name, readRealPage(name), ARTICLE));
      const all = doc.getElementsByTagName('*').length;
      expect(all).toBeGreaterThan(NARROW_ABOVE_ELEMENTS);
      const narrow = narrowedDocument(doc);
      expect(narrow).not.toBeNull();
      const kept = narrow!.getElementsByTagName('*').length;
      expect(kept).toBeLessThan(all);
      expect(narrow!.title).toBe(doc.title);

      // What the content script sends (read from the narrowed document) against Readability on the whole page.
      const full = extractArticle(doc)!;
      const sent = extractPage(doc, `https://example.org/${name}`, { pass: true, score: 1 }, true)!.snapshot;
      expect(sent.title).toBe(full.title);
      // Every paragraph of the on-topic article is there, as it is in the full page's extraction.
      for (const p of ARTICLE.paragraphs) {
        expect(full.text).toContain(p);
        expect(sent.text).toContain(p);
      }
      rows.push(`${name.padEnd(11)} ${String(all).padStart(6)} ${String(kept).padStart(6)}   ${full.words} / ${sent.article.words}`);
      if (rows.length === 3) console.log(`page        elements  narrowed   words (full / narrowed)\n${rows.join('\n')}`);
    });
  }

  it('leaves a small page, or one without an article container, whole', () => {
    const small = parse(`<html><head><title>t</title></head><body><article>${'<p>North Korea sent troops to Russia, Seoul said on Friday.</p>'.repeat(20)}</article></body></html>`);
    expect(narrowedDocument(small)).toBeNull();
    const big = parse(`<html><head><title>t</title></head><body>${'<div><span>x</span></div>'.repeat(NARROW_ABOVE_ELEMENTS)}</body></html>`);
    expect(narrowedDocument(big)).toBeNull();
  });
});
