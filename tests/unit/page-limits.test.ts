// @vitest-environment happy-dom
// The limits on what Crosscheck reads of a page: the article text cut at a paragraph, the
// invisible characters dropped, the copy handed to Readability bounded in characters and
// elements however big or deep the page, and the highlight map bounded too.
import { describe, expect, it } from 'vitest';
import { boundedCopy, extractPage, MAX_ELEMENTS_TO_PARSE, MAX_PARSE_CHARS } from '../../entrypoints/crosscheck.content/detect';
import { buildTextMap } from '../../entrypoints/crosscheck.content/text-anchor';
import { capArticleText, MAX_ARTICLE_CHARS, withoutInvisibles } from '../../lib/page-limits';
import { readArticleFixture } from '../e2e/news-pages';

const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('capArticleText', () => {
  it('leaves a normal article alone and cuts a long one at a paragraph break before the limit', () => {
    const text = ARTICLE.paragraphs.join('\n\n');
    expect(capArticleText(text)).toEqual({ text, cut: false });
    const long = Array.from({ length: 400 }, () => text).join('\n\n');
    const capped = capArticleText(long);
    expect(capped.cut).toBe(true);
    expect(capped.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(capped.text.length).toBeGreaterThan(MAX_ARTICLE_CHARS * 0.8);
    expect(long.startsWith(capped.text)).toBe(true);
    expect(ARTICLE.paragraphs).toContain(capped.text.split('\n\n').pop());
  });

  it('never ends inside a surrogate pair, even in text without spaces', () => {
    const emoji = '😀'.repeat(MAX_ARTICLE_CHARS);
    const capped = capArticleText(emoji);
    expect(capped.text.length % 2).toBe(0);
    expect(capped.text).toBe('😀'.repeat(capped.text.length / 2));
  });
});

describe('withoutInvisibles', () => {
  it('joins numbers and words that zero-width characters and soft hyphens split', () => {
    expect(withoutInvisibles('1,\u200b500 troops, 12\u200d,000 soldiers, Intel\u00adligence, Krem\u2060lin\ufeff')).toBe('1,500 troops, 12,000 soldiers, Intelligence, Kremlin');
  });
});

describe('boundedCopy: what Readability is handed from a hostile page', () => {
  it('a page 5,000 elements deep: copied without recursion, the article at the bottom kept', () => {
    const doc = parse('<html lang="en"><head><title>Deep</title></head><body><main id="root"></main></body></html>');
    let parent = doc.getElementById('root')!;
    for (let i = 0; i < 5000; i++) parent = parent.appendChild(doc.createElement('div'));
    const article = parent.appendChild(doc.createElement('article'));
    article.append(Object.assign(doc.createElement('h1'), { textContent: ARTICLE.headline }));
    for (const text of ARTICLE.paragraphs) article.append(Object.assign(doc.createElement('p'), { textContent: text }));
    const copy = boundedCopy(doc, doc.body);
    expect(copy.title).toBe('Deep');
    expect(copy.documentElement.getAttribute('lang')).toBe('en');
    // (happy-dom's own querySelectorAll recurses and overflows at this depth: walk down by hand.)
    let node: Element | null = copy.body;
    let depth = 0;
    while (node && node.tagName !== 'ARTICLE') {
      node = node.firstElementChild;
      depth++;
    }
    expect(depth).toBeGreaterThan(5_000);
    expect([...node!.children].filter((c) => c.tagName === 'P').map((c) => c.textContent)).toEqual(ARTICLE.paragraphs);
  });

  it('a page of 10 MB of text: the copy stops at the character limit', () => {
    const paragraph = `<p>${'The council met to discuss the budget. '.repeat(100)}</p>`;
    const doc = parse(`<html><head><title>Big</title></head><body><article>${paragraph.repeat(2_700)}</article></body></html>`);
    expect(doc.body.textContent!.length).toBeGreaterThan(10_000_000);
    const copy = boundedCopy(doc, doc.body);
    expect(copy.body.textContent!.length).toBe(MAX_PARSE_CHARS);
  });

  it('a page of more elements than Readability may read: the copy stops at the element limit, scripts and styles left out', () => {
    const doc = parse(`<html><head><title>Many</title><script>var a = 1;</script></head><body>${'<div><a href="#"><span>x</span></a><style>p{}</style></div>'.repeat(5_000)}</body></html>`);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(MAX_ELEMENTS_TO_PARSE);
    const copy = boundedCopy(doc, doc.body);
    expect(copy.getElementsByTagName('*').length).toBeLessThanOrEqual(MAX_ELEMENTS_TO_PARSE);
    expect(copy.body.querySelectorAll('style, script')).toHaveLength(0);
  });

  it('the on-topic article inside 10 MB of filler is still extracted, cut to the analysis limit', () => {
    const filler = `<p>${'The council met to discuss the budget. '.repeat(100)}</p>`.repeat(2_700);
    const doc = parse(`<html><head><title>${ARTICLE.headline}</title></head><body><article><h1>${ARTICLE.headline}</h1>${ARTICLE.paragraphs.map((p) => `<p>${p}</p>`).join('')}${filler}</article></body></html>`);
    const page = extractPage(doc, 'https://example.org/big', { pass: true, score: 1 }, true)!;
    expect(page.snapshot.text.startsWith(ARTICLE.paragraphs[0]!)).toBe(true);
    expect(page.snapshot.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
  });
});

describe('buildTextMap with a limit', () => {
  it('maps only as far as the limit (then a little more: the last node is mapped whole)', () => {
    const doc = parse(`<html><body>${'<p>North Korea sent troops.</p>'.repeat(10_000)}</body></html>`);
    const map = buildTextMap(doc.body, 1_000);
    expect(map.text.length).toBeGreaterThanOrEqual(1_000);
    expect(map.text.length).toBeLessThan(1_100);
    expect(buildTextMap(doc.body).text.length).toBeGreaterThan(200_000);
  });
});
