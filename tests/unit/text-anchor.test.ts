// @vitest-environment happy-dom
// Finding a claim (as Readability's text has it) in the live page's DOM, across the ways
// the two differ on real news pages: inline links and emphasis, curly vs straight quotes,
// non-breaking spaces, dashes, paragraph gaps, hidden duplicates.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTextMap, findQuote, foldForSearch, mapText, TEXT_NODES_PER_STEP } from '../../entrypoints/crosscheck.content/text-anchor';

afterEach(() => {
  document.body.replaceChildren();
});

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  document.body.append(root);
  return root;
}

describe('foldForSearch', () => {
  it('drops case, whitespace and quote marks and unifies dashes, so both sides compare equal', () => {
    expect(foldForSearch('“We know about 10,000 soldiers,” Zelensky\u00a0said — twice')).toBe(foldForSearch('"we know about 10,000 soldiers," zelensky said - twice'));
    expect(foldForSearch('Seoul’s spy agency')).toBe('seoulsspyagency');
  });
});

describe('findQuote', () => {
  it('finds a sentence split over links and emphasis and returns the DOM range of exactly that sentence', () => {
    const root = page(
      '<p>Intro sentence. <a href="/nis">Seoul’s spy agency</a> said <em>1,500</em> North Korean special forces\n   arrived in Russia. Next sentence.</p>',
    );
    const range = findQuote(buildTextMap(root), "Seoul's spy agency said 1,500 North Korean special forces arrived in Russia.");
    expect(range).not.toBeNull();
    expect(range!.toString().replace(/\s+/g, ' ')).toBe('Seoul’s spy agency said 1,500 North Korean special forces arrived in Russia.');
  });

  it('matches curly quotes in the page against straight quotes in the claim, and NBSP against spaces', () => {
    const root = page('<p>“We know about 10,000\u00a0soldiers of North Korea,” Zelensky said.</p>');
    const range = findQuote(buildTextMap(root), '"We know about 10,000 soldiers of North Korea," Zelensky said.');
    expect(range?.toString()).toBe('We know about 10,000\u00a0soldiers of North Korea,” Zelensky said.');
  });

  it('ignores script and style text that happens to hold the same words', () => {
    const root = page('<script>var s = "Russia denied the reports.";</script><style>p{}</style><p>Later: Russia denied the reports.</p>');
    const range = findQuote(buildTextMap(root), 'Russia denied the reports.');
    expect(range?.startContainer.parentElement?.tagName).toBe('P');
  });

  it('maps no text from inside scripts, styles, SVG, no-script fallbacks, form controls or an earlier sidebar, however deep', () => {
    const root = page(
      '<noscript><p>Hidden words alpha.</p></noscript><svg><g><text>Hidden words beta.</text></g></svg>' +
        '<select><option>Hidden words gamma.</option></select><textarea>Hidden words delta.</textarea>' +
        '<crosscheck-sidebar><span>Hidden words epsilon.</span></crosscheck-sidebar><p>Shown words <b>zeta</b>.</p>',
    );
    expect(buildTextMap(root).text).toBe(foldForSearch('Shown words zeta.'));
  });

  it('maps a big page in steps that each stop after a bounded number of text nodes, to the same map as in one go', () => {
    const root = page(Array.from({ length: 3 * TEXT_NODES_PER_STEP }, (_, i) => `<p>Paragraph ${i} <em>says</em> something.</p>`).join(''));
    const steps = mapText(root);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // Two text nodes a paragraph: about six steps, never one.
    expect(pauses).toBeGreaterThanOrEqual(5);
    const whole = buildTextMap(root);
    expect(step.value.text).toBe(whole.text);
    expect([...step.value.offsetAt]).toEqual([...whole.offsetAt]);
    expect(findQuote(step.value, 'Paragraph 450 says something.')?.toString()).toBe('Paragraph 450 says something.');
  });

  it('passes over a copy the reader cannot see and takes the visible one', () => {
    const root = page('<p class="hidden">Moscow denied the troop deployment.</p><p>Moscow denied the troop deployment.</p>');
    const hidden = root.querySelector('.hidden')!;
    const range = findQuote(buildTextMap(root), 'Moscow denied the troop deployment.', {
      isVisible: (r) => !hidden.contains(r.startContainer),
    });
    expect(range?.startContainer.parentElement).toBe(root.querySelectorAll('p')[1]);
  });

  it('finds a long sentence by its two ends when something in its middle differs (an inline footnote marker)', () => {
    const root = page(
      '<p>South Korea’s intelligence agency has confirmed that North Korea intends to mobilize four brigades<sup>[3]</sup>, totaling 12,000 soldiers, to fight alongside Russian forces.</p>',
    );
    const claim = 'South Korea’s intelligence agency has confirmed that North Korea intends to mobilize four brigades, totaling 12,000 soldiers, to fight alongside Russian forces.';
    const range = findQuote(buildTextMap(root), claim);
    expect(range?.toString()).toContain('[3]');
    expect(range?.toString().startsWith('South Korea’s intelligence')).toBe(true);
    expect(range?.toString().endsWith('alongside Russian forces.')).toBe(true);
  });

  it('returns null for a sentence that is not in the page, and for a short claim whose words are merely scattered', () => {
    const root = page('<p>North Korea sent troops. Russia said nothing. Seoul protested.</p>');
    expect(findQuote(buildTextMap(root), 'Pyongyang denied sending any troops to Russia.')).toBeNull();
    expect(findQuote(buildTextMap(root), 'North Korea said nothing.')).toBeNull();
  });

  it('finds a claim that Readability joined across two text blocks without a space', () => {
    const root = page('<div><span>1,500 troops arrived.</span><span>Russia denied it.</span></div>');
    expect(findQuote(buildTextMap(root), 'Russia denied it.')?.toString()).toBe('Russia denied it.');
  });
});
