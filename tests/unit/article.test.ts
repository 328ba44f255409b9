import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../../cli/dom';
import {
  countWords,
  extractArticle,
  extractArticleFromText,
  extractPageText,
  isProbablyArticle,
} from '../../lib/article';
import { readRealPage, readRealPageMetadata, realPageNames } from '../real-pages';
import { layoutPage } from '../e2e/news-pages';
import { describeRealPages } from './helpers/real-pages-tier';

const pageNames = realPageNames();

function loadPage(name: string) {
  return { html: readRealPage(name), expected: readRealPageMetadata(name) };
}

/** Compare the text with Readability's textContent on one extracted page in this many. */
const COMPARE_EVERY = 4;
const normalizeSpace = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A sentence's end glued to the next sentence's start: what textContent does to paragraphs. */
const GLUED = /[a-z][.!?]["”’]?[A-Z][a-z]/g;

describeRealPages('article detection and extraction on the 130 real pages', () => {
  it('agrees with Readability on readerable, finds the expected titles, and keeps paragraphs apart', () => {
    let agree = 0;
    let titleExact = 0;
    let titleNormalized = 0;
    let extracted = 0;
    let compared = 0;
    let gluedOurs = 0;
    let gluedTextContent = 0;
    let wordsOurs = 0;
    let wordsTextContent = 0;
    const disagreements: string[] = [];
    const titleMisses: string[] = [];

    for (const name of pageNames) {
      const { html, expected } = loadPage(name);
      const doc = parseHtml(html);
      const isArticle = isProbablyArticle(doc);
      if (isArticle === expected.readerable) agree++;
      else disagreements.push(`${name} (ours ${isArticle}, expected ${expected.readerable})`);

      const article = extractArticle(doc, { isArticle });
      if (!article) continue;
      extracted++;
      expect(article.isArticle).toBe(isArticle);
      if (article.title === expected.title) titleExact++;
      if (normalizeSpace(article.title) === normalizeSpace(expected.title)) titleNormalized++;
      else titleMisses.push(`${name}: ${JSON.stringify(article.title)} vs expected ${JSON.stringify(expected.title)}`);

      // Paragraphs are trimmed, non-empty and separated by exactly one blank line.
      expect(article.text).not.toMatch(/\n{3,}|^\s|\s$/);
      expect(article.text.split('\n\n').every((p) => p.trim() === p && p.length > 0)).toBe(true);
      expect(article.words).toBe(countWords(article.text));

      // Against Readability's flat textContent: the same words, and no paragraphs glued together.
      // A second Readability pass costs as much as the first, so one page in COMPARE_EVERY is compared.
      if (extracted % COMPARE_EVERY !== 0) continue;
      compared++;
      const flat = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
      wordsOurs += article.words;
      wordsTextContent += countWords(flat);
      gluedOurs += article.text.match(GLUED)?.length ?? 0;
      gluedTextContent += flat.match(GLUED)?.length ?? 0;
    }

    const n = pageNames.length;
    console.log(
      [
        'article detection and extraction (130 Readability test pages)',
        `  isProbablyArticle agrees with readerable: ${agree}/${n} = ${((100 * agree) / n).toFixed(1)}%`,
        disagreements.length ? `  disagreements: ${disagreements.join('; ')}` : '  disagreements: none',
        `  articles extracted: ${extracted}/${n}`,
        `  titles matching expected: exact ${titleExact}/${n}, after whitespace normalisation ${titleNormalized}/${n}`,
        ...titleMisses.map((m) => `    miss ${m}`),
        `  against Readability's textContent on ${compared} pages: words ours ${wordsOurs} vs ${wordsTextContent}`,
        `  glued sentence joins ("end.Next"): ours ${gluedOurs} vs textContent ${gluedTextContent}`,
      ].join('\n'),
    );

    expect(n).toBe(130);
    expect(agree / n).toBeGreaterThanOrEqual(0.95);
    expect(titleNormalized / n).toBeGreaterThanOrEqual(0.95);
    // Walking blocks loses no text (within 1%) and glues far fewer paragraphs than textContent.
    expect(Math.abs(wordsOurs - wordsTextContent) / wordsTextContent).toBeLessThan(0.01);
    expect(gluedOurs).toBeLessThan(gluedTextContent / 2);
  });

  it('says no to a page that is not an article', () => {
    const notReaderable = pageNames.filter((name) => !loadPage(name).expected.readerable);
    expect(notReaderable.length).toBeGreaterThan(0);
    for (const name of notReaderable) expect(isProbablyArticle(parseHtml(loadPage(name).html)), name).toBe(false);
  });

});

describe('article extraction on a news page of ours (tests/fixtures/pages/wire-story.html)', () => {
  const wireStory = () => parseHtml(layoutPage('wire-story'));

  it('leaves the page it reads untouched', () => {
    const doc = wireStory();
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc);
    expect(article?.title).toBe('City council approves new tram line after year-long consultation');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads the metadata and only the story\'s paragraphs, not the share bar, related stories or comments', () => {
    const article = extractArticle(wireStory());
    expect(article).not.toBeNull();
    expect(article!.isArticle).toBe(true);
    expect(article!.siteName).toBe('The Meridian Post');
    expect(article!.publishedTime).toBe('2024-10-18T09:12:00Z');
    expect(article!.lang).toBe('en');
    expect(article!.excerpt).toMatch(/^The council voted 31 to 12/);
    const paragraphs = article!.text.split('\n\n');
    expect(paragraphs[0]).toBe(
      'The city council voted 31 to 12 on Thursday evening to build a tram line linking the eastern suburbs with the central station, ending a consultation that drew more than 9,000 written responses over the past year.',
    );
    expect(article!.text).toContain('consulted again on the exact position of the stops.');
    for (const furniture of ['Rail strike talks', 'Where can I read the original statement', 'Copy link', 'Most read']) {
      expect(article!.text).not.toContain(furniture);
    }
  });

  it('returns null when there is nothing to extract', () => {
    expect(extractArticle(parseHtml('<html><head><title>Empty</title></head><body></body></html>'))).toBeNull();
  });

  it('returns null rather than throwing when the page is over the element limit', () => {
    expect(extractArticle(wireStory(), { maxElemsToParse: 10 })).toBeNull();
  });
});

describe('extractPageText', () => {
  it('puts each block on its own paragraph and leaves scripts, styles, templates and hidden elements out', () => {
    const doc = parseHtml(
      `<html><head><style>p{color:red}</style></head><body>
        <h1>Headline here</h1>
        <div>First <b>bold</b>   paragraph.<br>After a break</div>
        <script>var x = "not text";</script>
        <ul><li>one</li><li>two</li></ul>
        <table><tr><td>cell a</td><td>cell b</td></tr></table>
        <template><p>hidden</p></template><noscript>enable js</noscript>
        <div hidden>hidden menu</div><p style="display: none">hidden note</p><span aria-hidden="true">icon</span>
        <p>Last<span>word</span> stays inline.</p>
      </body></html>`,
    );
    expect(extractPageText(doc)).toBe(
      ['Headline here', 'First bold paragraph.', 'After a break', 'one', 'two', 'cell a cell b', 'Lastword stays inline.'].join(
        '\n\n',
      ),
    );
  });
});

describe('extractArticleFromText', () => {
  it('reads the headline of every seed and treats each as an article', () => {
    const seeds = readdirSync('seeds').filter((n) => n.endsWith('.txt')).sort();
    const titles = seeds.map((n) => extractArticleFromText(readFileSync(`seeds/${n}`, 'utf8')));
    expect(titles.map((a) => a.title)).toEqual([
      'South Korea confirms no troop deployment to Ukraine',
      'South Korean Defense Ministry: North Korea may send military personnel to Ukraine to support Russia',
      'South Korea Demands Immediate Withdrawal of North Korean Troops from Russia',
      // This capture opens with body text: there is no headline to report.
      null,
      'North Korea sends troops to aid Russia’s war in Ukraine: Seoul',
    ]);
    for (const a of titles) {
      expect(a.isArticle).toBe(true);
      expect(a.words).toBeGreaterThan(200);
      expect(a.text).not.toContain(a.title ?? '\u0000');
    }
    expect(titles[1]!.publishedTime).toBe('2024-10-08');
  });

  it('handles empty text and text too short to be an article', () => {
    expect(extractArticleFromText('')).toMatchObject({ isArticle: false, title: null, text: '', words: 0, excerpt: null });
    const short = extractArticleFromText('A headline of some length\nOne short line of body.');
    expect(short.title).toBe('A headline of some length');
    expect(short.isArticle).toBe(false);
    expect(short.text).toBe('One short line of body.');
  });
});

describe('countWords', () => {
  it('counts words in spaced scripts and characters in Chinese and Japanese', () => {
    expect(countWords('North Korea’s 12,000 troops — reportedly.')).toBe(5);
    expect(countWords('人工智能 AI')).toBe(5);
    expect(countWords('')).toBe(0);
  });
});
