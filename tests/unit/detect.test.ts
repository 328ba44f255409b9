// @vitest-environment happy-dom
// The content script's extraction: on our page layouts, what it sends the background is the
// article and not the page around it; on real news pages (the Readability corpus, read in
// place, with an on-topic article in their body), reading only the page's article container
// gives Readability far fewer elements and the same article.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/article';
import { extractPage, narrowedDocument, NARROW_ABOVE_ELEMENTS } from '../../entrypoints/crosscheck.content/detect';
import { LAYOUTS, TEASER_PARAGRAPHS, newsPage, readArticleFixture, realPageWithArticle } from '../e2e/news-pages';
import { describeRealPages } from './helpers/real-pages-tier';

const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('what the content script sends from our page layouts', () => {
  /** Text of the page around the article in each layout: share bars, related lists, comments, asides, ads, the router's data. */
  const FURNITURE = ['Privacy', 'Newsletters', 'Copy link', 'Rail strike talks', 'Where can I read the original statement', 'Load earlier updates', 'Key events', 'Most read', 'Advertisement', 'The morning briefing', 'Council sets out its winter gritting plan'];
  for (const layout of LAYOUTS) {
    it(`${layout}: the article's headline and paragraphs, none of the furniture around them`, () => {
      const doc = parse(newsPage(layout, ARTICLE));
      const sent = extractPage(doc, `https://example.org/${layout}`, { pass: true, score: 1 }, true)!.snapshot;
      expect(sent.title).toBe(ARTICLE.headline);
      const shown = layout === 'paywall' ? ARTICLE.paragraphs.slice(0, TEASER_PARAGRAPHS) : ARTICLE.paragraphs;
      for (const p of shown) expect(sent.text).toContain(p);
      for (const text of FURNITURE) expect(sent.text).not.toContain(text);
    });
  }
});

describeRealPages('narrowedDocument on real pages', () => {
  const rows: string[] = [];
  for (const name of ['bbc-1', 'nytimes-1', 'guardian-1']) {
    it(`${name}: keeps the head and the article container, and Readability finds the same article`, () => {
      const doc = parse(realPageWithArticle(name, ARTICLE));
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
