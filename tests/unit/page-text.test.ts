// @vitest-environment happy-dom
// The cheap read the content script does on every page: stops early, reads prose not
// scripts or menus, and prefers the article's own container.
import { afterEach, describe, expect, it } from 'vitest';
import { cheapPageText, gatherText, MIN_ROOT_CHARS } from '../../entrypoints/crosscheck.content/page-text';

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function body(html: string) {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

describe('gatherText', () => {
  it('stops at the character budget on a huge page', () => {
    const paragraph = 'North Korean troops were seen in Russia according to the report. '.repeat(10);
    body(Array.from({ length: 5_000 }, () => `<p>${paragraph}</p>`).join(''));
    const text = gatherText(document.body, 3_000);
    expect(text.length).toBe(3_000);
  });

  it('leaves out scripts, styles, menus, footers, forms and hidden parts', () => {
    body(`
      <nav>Home World Politics Sport</nav>
      <script>window.tracking = "Kim Jong Un";</script><style>.a{}</style>
      <p>Seoul summoned the Russian ambassador.</p>
      <div hidden>Hidden teaser text.</div>
      <div aria-hidden="true">Decorative.</div>
      <form><button>Subscribe</button></form>
      <footer>Copyright</footer>`);
    expect(gatherText(document.body, 3_000)).toBe('Seoul summoned the Russian ambassador.');
  });
});

describe('cheapPageText', () => {
  it('reads the article container first, after the page description', () => {
    document.title = 'Seoul: 1,500 North Korean troops in Russia';
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'description');
    meta.setAttribute('content', 'North Korea has sent special forces to Russia, Seoul says.');
    document.head.append(meta);
    const article = 'North Korea has sent 1,500 special forces to Russia, South Korea’s spy agency said. '.repeat(8);
    body(`<div class="promo">${'Sign up to our newsletter for the best stories. '.repeat(20)}</div><article><p>${article}</p></article>`);
    const cheap = cheapPageText(document, 3_000);
    expect(cheap.title).toBe('Seoul: 1,500 North Korean troops in Russia');
    expect(cheap.text.startsWith('North Korea has sent special forces to Russia, Seoul says. North Korea has sent 1,500')).toBe(true);
    expect(cheap.text).not.toContain('newsletter');
  });

  it('falls back to the whole body when the <article> is a teaser card', () => {
    body(`<article><p>Short teaser.</p></article><div>${'The body text of the page. '.repeat(40)}</div>`);
    expect(MIN_ROOT_CHARS).toBeGreaterThan('Short teaser.'.length);
    expect(cheapPageText(document, 3_000).text).toContain('The body text of the page.');
  });
});
