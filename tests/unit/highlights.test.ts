// @vitest-environment happy-dom
// The <mark> fallback for browsers without the CSS Custom Highlight API (happy-dom has
// none either): claims wrapped where they stand, clicks mapped back to claims, and the
// page's DOM restored exactly on teardown. The Highlight API path runs in Chromium
// (tests/e2e/reading.e2e.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { highlightClaims, locateClaims, paintHighlights } from '../../entrypoints/crosscheck.content/highlights';

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

const ARTICLE = `
  <h1>Seoul says North Korea sent troops</h1>
  <p>Seoul’s spy agency said <a href="/nis">1,500 North Korean special forces</a> arrived in Russia. A Kremlin spokesman said cooperation “is not directed against third countries”.</p>
  <p>Ukraine’s president said 10,000 soldiers were being prepared. North Korea denied it.</p>`;

function load() {
  // Parsed test markup, never page text.
  document.body.replaceChildren(...new DOMParser().parseFromString(ARTICLE, 'text/html').body.childNodes);
  return document.body.innerHTML;
}

const CLAIMS = [
  { index: 0, text: "Seoul's spy agency said 1,500 North Korean special forces arrived in Russia.", conflicted: true },
  { index: 2, text: 'Ukraine’s president said 10,000 soldiers were being prepared.', conflicted: false },
  { index: 5, text: 'A sentence that is not in this page at all.', conflicted: false },
];

describe('highlightClaims with <mark> elements', () => {
  it('wraps each located claim, per text node, and reports which claims it found', () => {
    load();
    const h = highlightClaims(document, CLAIMS, { forceMarks: true });
    expect(h.mode).toBe('marks');
    expect([...h.found].sort()).toEqual([0, 2]);
    const marks = [...document.querySelectorAll('mark[data-crosscheck]')];
    const text = (i: number) => marks.filter((m) => m.getAttribute('data-crosscheck') === String(i)).map((m) => m.textContent).join('');
    expect(text(0)).toBe('Seoul’s spy agency said 1,500 North Korean special forces arrived in Russia.');
    expect(text(2)).toBe('Ukraine’s president said 10,000 soldiers were being prepared.');
    // The link keeps its own element: the claim's mark inside it, not the other way round.
    expect(document.querySelector('a[href="/nis"] > mark[data-crosscheck="0"]')).not.toBeNull();
    expect(marks.filter((m) => m.getAttribute('data-crosscheck') === '0').every((m) => m.hasAttribute('data-crosscheck-conflict'))).toBe(true);
    expect(document.querySelectorAll('style[data-crosscheck-style]')).toHaveLength(1);
  });

  it('maps a click on a mark to its claim and marks the focused claim', () => {
    load();
    const h = highlightClaims(document, CLAIMS, { forceMarks: true });
    const mark = document.querySelector('mark[data-crosscheck="2"]')!;
    expect(h.claimAt(0, 0, mark)).toBe(2);
    expect(h.claimAt(0, 0, document.querySelector('h1'))).toBeNull();
    h.setFocused(2);
    expect(document.querySelector('mark[data-crosscheck="2"]')!.hasAttribute('data-crosscheck-focus')).toBe(true);
    expect(document.querySelector('mark[data-crosscheck="0"]')!.hasAttribute('data-crosscheck-focus')).toBe(false);
  });

  it('moves focus to the claim’s paragraph when revealing it, and refuses a claim it did not find', () => {
    load();
    const h = highlightClaims(document, CLAIMS, { forceMarks: true });
    expect(h.reveal(5)).toBe(false);
    expect(h.reveal(2)).toBe(true);
    expect(document.activeElement).toBe(document.querySelectorAll('p')[1]);
  });

  it('leaves the page exactly as it was after teardown', () => {
    const before = load();
    const h = highlightClaims(document, CLAIMS, { forceMarks: true });
    expect(document.body.innerHTML).not.toBe(before);
    h.remove();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('style[data-crosscheck-style]')).toBeNull();
  });
});

describe('locateClaims, the search the reader spreads over several tasks', () => {
  it('gives the thread back after mapping the text and after each claim, and finds what the one-go search finds', () => {
    load();
    const steps = locateClaims(document, CLAIMS);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // One pause after mapping the body, one after each of the three claims.
    expect(pauses).toBe(1 + CLAIMS.length);
    const h = paintHighlights(document, step.value, { forceMarks: true });
    expect([...h.found].sort()).toEqual([0, 2]);
  });

  it('passes over a claim whose text the page changed between two slices, and still finds the others', () => {
    load();
    const steps = locateClaims(document, CLAIMS);
    steps.next(); // the body's text is mapped
    // The page's own script rewrites the second paragraph's text in place before the next slice.
    (document.querySelectorAll('p')[1]!.firstChild as Text).data = 'Updated.';
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value.map((l) => l.claim.index)).toEqual([0]);
  });
});
