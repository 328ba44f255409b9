import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../../cli/dom';
import {
  countWords,
  extractArticle,
  extractArticleFromText,
  extractPageText,
  isProbablyArticle,
} from '../../lib/article';

const PAGES = '../shared/corpora/readability-test-pages';

interface ExpectedMetadata {
  title: string | null;
  readerable: boolean;
}

const pageNames = readdirSync(PAGES)
  .filter((name) => existsSync(`${PAGES}/${name}/source.html`))
  .sort();

function loadPage(name: string): { html: string; expected: ExpectedMetadata } {
  return {
    html: readFileSync(`${PAGES}/${name}/source.html`, 'utf8'),
    expected: JSON.parse(readFileSync(`${PAGES}/${name}/expected-metadata.json`, 'utf8')) as ExpectedMetadata,
  };
}

/** Compare the text with Readability's textContent on one extracted page in this many. */
const COMPARE_EVERY = 4;
const normalizeSpace = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A sentence's end glued to the next sentence's start: what textContent does to paragraphs. */
const GLUED = /[a-z][.!?]["”’]?[A-Z][a-z]/g;

describe('article detection and extraction on the 130 real pages', () => {
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

  it('leaves the page it reads untouched', () => {
    const doc = parseHtml(loadPage('bbc-1').html);
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc);
    expect(article?.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads metadata and paragraphs of a real news page', () => {
    const article = extractArticle(parseHtml(loadPage('bbc-1').html));
    expect(article).not.toBeNull();
    expect(article!.isArticle).toBe(true);
    expect(article!.siteName).toBe('BBC News');
    expect(article!.publishedTime).toBe('2015-07-24T05:36:09+01:00');
    expect(article!.lang).toBe('en');
    expect(article!.excerpt).toMatch(/^President Barack Obama tells the BBC/);
    const paragraphs = article!.text.split('\n\n');
    expect(paragraphs[0]).toBe(
      'President Barack Obama has admitted that his failure to pass "common sense gun safety laws" in the US is the greatest frustration of his presidency.',
    );
    expect(paragraphs.length).toBeGreaterThan(10);
  });

  it('says no to a page that is not an article', () => {
    const notReaderable = pageNames.filter((name) => !loadPage(name).expected.readerable);
    expect(notReaderable.length).toBeGreaterThan(0);
    for (const name of notReaderable) expect(isProbablyArticle(parseHtml(loadPage(name).html)), name).toBe(false);
  });

  it('returns null when there is nothing to extract', () => {
    expect(extractArticle(parseHtml('<html><head><title>Empty</title></head><body></body></html>'))).toBeNull();
  });

  it('returns null rather than throwing when the page is over the element limit', () => {
    expect(extractArticle(parseHtml(loadPage('bbc-1').html), { maxElemsToParse: 10 })).toBeNull();
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
