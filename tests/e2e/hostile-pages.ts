// Hostile pages, generated at test time (no large files in the repo): each takes one thing
// real pages do to extensions (sheer size, depth, churn, frames, replaced built-ins, a strict
// CSP, other scripts, invisible characters, text that looks like markup) to its extreme.
// Several carry an on-topic article, so the whole path to the sidebar runs on them.
//
// Every page runs a script of its own that counts timer ticks and animation frames
// (`window.__ticks`, `window.__frames`), so a test can tell the page kept working, and
// logs one console error of its own (`PAGE_OWN_ERROR`), so a test can tell that the
// errors it collects are really collected.
import { readArticleFixture, type ArticleText } from './news-pages';

export const ON_TOPIC: ArticleText = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
export const PAGE_OWN_ERROR = 'hostile-page: its own error, logged on purpose';
/** The nonce that lets the CSP page run its own counter script and nothing else. */
export const CSP_NONCE = 'hostile-page-nonce';

export interface HostilePage {
  /** Short id: the path it is served at and the row of the results table. */
  id: string;
  /** What is hostile about it. */
  what: string;
  onTopic: boolean;
  html: string;
  headers?: Record<string, string>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (texts: string[]) => texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n');

/** Runs before anything else on the page: the liveness counters and the page's own error. */
const COUNTERS = `
window.__ticks = 0; window.__frames = 0;
setInterval(() => { window.__ticks++; }, 20);
(function frame() { window.__frames++; requestAnimationFrame(frame); })();
console.error(${JSON.stringify(PAGE_OWN_ERROR)});
`;

function page(opts: { title: string; body: string; lang?: string; dir?: string; head?: string; script?: string; nonce?: string }): string {
  const nonce = opts.nonce ? ` nonce="${opts.nonce}"` : '';
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}"${opts.dir ? ` dir="${opts.dir}"` : ''}>
<head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>
<script${nonce}>${COUNTERS}</script>
${opts.head ?? ''}
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav></header>
${opts.body}
<footer><p>© Hostile Pages Ltd</p></footer>
${opts.script ? `<script${nonce}>${opts.script}</script>` : ''}
</body></html>`;
}

function onTopicArticle(extra = '', article: ArticleText = ON_TOPIC): string {
  return `<main><article><h1>${escapeHtml(article.headline)}</h1>\n${paragraphs(article.paragraphs)}\n${extra}</article></main>`;
}

/** Off-topic prose, one sentence repeated into paragraphs of `chars` characters. */
function filler(chars: number): string {
  const sentence = 'The city council met on Tuesday to discuss the new budget for parks, roads and the public library. ';
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
}

/** The on-topic story, then `megabytes` MB more prose in the same <article> (a live blog that never ends). */
export function longArticlePage(megabytes: number): string {
  const bytes = megabytes * 1024 * 1024;
  const fillerParagraph = `<p>${filler(4_000)}</p>`;
  return page({ title: ON_TOPIC.headline, body: onTopicArticle(fillerParagraph.repeat(Math.ceil(bytes / fillerParagraph.length))) });
}

export function hostilePages(): HostilePage[] {
  const pages: HostilePage[] = [];

  pages.push({
    id: 'ten-mb-article',
    what: 'a 10 MB article (the on-topic story, then 10 MB more prose in the same <article>)',
    onTopic: true,
    html: longArticlePage(10),
  });

  // 100,000 elements: the article, and a page of links and cells around it (built by the page's script).
  pages.push({
    id: 'hundred-thousand-nodes',
    what: '100,000 elements around the article (link lists and table cells, built by the page)',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      body: onTopicArticle() + '<aside id="more"></aside>',
      script: `
const aside = document.getElementById('more');
const frag = document.createDocumentFragment();
for (let i = 0; i < 26000; i++) {
  const li = document.createElement('div');
  li.innerHTML = '<a href="/n/' + i + '"><span>Story ' + i + '</span></a><em>' + (i % 60) + ' min</em>';
  frag.appendChild(li);
}
aside.appendChild(frag);
window.__elements = document.getElementsByTagName('*').length;`,
    }),
  });

  // 5,000 deep: the HTML parser flattens nesting past 512, so the page's script builds it. The
  // wrappers are `display: contents`: Chromium's own renderer crashes on about 2,000 nested
  // block boxes, with or without any extension (checked by hand), which is no test of Crosscheck.
  pages.push({
    id: 'nesting-5000-deep',
    what: 'the article nested 5,000 elements deep (built by script: the HTML parser stops at 512; `display: contents`, since Chromium itself crashes on ~2,000 nested block boxes)',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      head: '<style>#root div, #root section { display: contents; }</style>',
      body: '<main id="root"></main>',
      script: `
let parent = document.getElementById('root');
for (let i = 0; i < 5000; i++) { const d = document.createElement(i % 2 ? 'div' : 'section'); parent.appendChild(d); parent = d; }
const article = document.createElement('article');
article.innerHTML = ${JSON.stringify(`<h1>${escapeHtml(ON_TOPIC.headline)}</h1>` + paragraphs(ON_TOPIC.paragraphs))};
parent.appendChild(article);
let depth = 0; for (let n = article; n; n = n.parentElement) depth++;
window.__depth = depth;`,
    }),
  });

  // A DOM that changes every frame: a ticker that rewrites itself and appends text, forever.
  const churn = `
const ticker = document.createElement('div'); ticker.id = 'ticker'; document.body.prepend(ticker);
let n = 0;
(function churn() {
  n++;
  ticker.textContent = 'Markets: ' + n;
  const item = document.createElement('p');
  item.textContent = 'Live update ' + n + ': ' + 'the index moved by a point and traders waited for more news. '.repeat(6);
  ticker.appendChild(item);
  if (ticker.childNodes.length > 40) ticker.firstElementChild.nextElementSibling.remove();
  window.__mutations = n;
  requestAnimationFrame(churn);
})();`;
  pages.push({
    id: 'mutating-every-frame',
    what: 'a DOM that mutates every animation frame (a ticker adding 400 characters a frame), with the article',
    onTopic: true,
    html: page({ title: ON_TOPIC.headline, body: onTopicArticle(), script: churn }),
  });
  pages.push({
    id: 'mutating-every-frame-off-topic',
    what: 'the same churning ticker on an off-topic page',
    onTopic: false,
    html: page({ title: 'City budget: what changes for parks', body: `<main><article><h1>City budget</h1><p>${filler(3_000)}</p></article></main>`, script: churn }),
  });

  // The churning ticker, and the article put in by the page's script a second after load:
  // the late-content watcher must not wait for a quiet moment that never comes.
  pages.push({
    id: 'late-article-on-churning-page',
    what: 'the same churning ticker, with the article put in by the page’s script a second after load',
    onTopic: true,
    html: page({
      title: 'Live: world news as it happens',
      body: '<main><article id="story"><h1>Live updates</h1></article></main>',
      script: churn + `
setTimeout(() => {
  document.title = ${JSON.stringify(ON_TOPIC.headline)};
  const story = document.getElementById('story');
  story.querySelector('h1').textContent = ${JSON.stringify(ON_TOPIC.headline)};
  for (const text of ${JSON.stringify(ON_TOPIC.paragraphs)}) { const p = document.createElement('p'); p.textContent = text; story.appendChild(p); }
}, 1000);`,
    }),
  });

  // Dozens of iframes, same-origin, each a small page of its own (with on-topic words, to tempt a script running in frames).
  const frames = Array.from({ length: 40 }, (_, i) =>
    `<iframe title="embed ${i}" width="200" height="60" srcdoc="${escapeHtml(`<p>Embed ${i}: North Korea troops Russia Ukraine ${filler(300)}</p>`)}"></iframe>`).join('\n');
  pages.push({
    id: 'forty-iframes',
    what: '40 iframes (same-origin srcdoc embeds) around the article',
    onTopic: true,
    html: page({ title: ON_TOPIC.headline, body: onTopicArticle(`<div class="embeds">${frames}</div>`) }),
  });

  // Built-ins replaced before any other script runs: the content script must not notice (isolated world).
  // What the traps catch is extension code that runs in the page's world (a `world: 'MAIN'`
  // script, a script tag the extension injects): hostile.e2e.test.ts shows them catching one.
  pages.push({
    id: 'replaced-builtins',
    what: 'built-ins replaced by the page (Array.prototype.map, JSON.parse/stringify, Promise, fetch, MutationObserver, String.prototype.replace, RegExp.prototype.exec, setTimeout, Node.prototype.appendChild, Element.prototype.attachShadow)',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      // Each replacement notes a call that comes from extension code (its stack names a
      // chrome-extension:// script), then does the original's work, so the page itself keeps working.
      head: `<script>
window.__sabotaged = [];
const fromExtension = () => String(new Error().stack).includes('chrome-extension://');
const replace = (owner, key, name) => {
  const original = owner[key];
  const stand_in = function (...args) {
    if (fromExtension()) window.__sabotaged.push(name);
    return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
  };
  Object.setPrototypeOf(stand_in, original);
  if (original.prototype) stand_in.prototype = original.prototype;
  owner[key] = stand_in;
};
replace(Array.prototype, 'map', 'Array.prototype.map');
replace(JSON, 'parse', 'JSON.parse');
replace(JSON, 'stringify', 'JSON.stringify');
replace(window, 'Promise', 'Promise');
replace(window, 'fetch', 'fetch');
replace(window, 'MutationObserver', 'MutationObserver');
replace(String.prototype, 'replace', 'String.prototype.replace');
replace(RegExp.prototype, 'exec', 'RegExp.prototype.exec');
replace(window, 'setTimeout', 'setTimeout');
replace(window, 'requestIdleCallback', 'requestIdleCallback');
replace(Node.prototype, 'appendChild', 'Node.prototype.appendChild');
replace(Element.prototype, 'attachShadow', 'Element.prototype.attachShadow');
replace(Document.prototype, 'querySelector', 'Document.prototype.querySelector');
replace(Document.prototype, 'createTreeWalker', 'Document.prototype.createTreeWalker');
</script>`,
      body: onTopicArticle(),
    }),
  });

  // A strict Content-Security-Policy by header: no styles, no frames, nothing but the page's own counter script.
  pages.push({
    id: 'strict-csp',
    what: "a strict CSP header: default-src 'none'; style-src 'none' (scripts only by nonce)",
    onTopic: true,
    headers: { 'content-security-policy': `default-src 'none'; style-src 'none'; script-src 'nonce-${CSP_NONCE}'` },
    html: page({ title: ON_TOPIC.headline, body: onTopicArticle(), nonce: CSP_NONCE }),
  });

  // Right to left: an Arabic page whose article is the on-topic story in English with Arabic around it.
  pages.push({
    id: 'rtl-page',
    what: 'a right-to-left Arabic page (dir="rtl") carrying the English article',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      lang: 'ar',
      dir: 'rtl',
      body: `<div class="menu">الأخبار · العالم · آسيا</div>` + onTopicArticle('<p>تقرير: كوريا الشمالية أرسلت قوات إلى روسيا، بحسب وكالة الاستخبارات الكورية الجنوبية.</p>').replace('<article>', '<article dir="ltr" lang="en">'),
    }),
  });
  pages.push({
    id: 'rtl-off-topic',
    what: 'a right-to-left Arabic page on another subject',
    onTopic: false,
    html: page({
      title: 'ميزانية المدينة',
      lang: 'ar',
      dir: 'rtl',
      body: `<main><article><h1>ميزانية المدينة الجديدة</h1>${'<p>اجتمع مجلس المدينة يوم الثلاثاء لمناقشة الميزانية الجديدة للحدائق والطرق والمكتبة العامة. '.repeat(3)}</p>`.repeat(6) + '</article></main>',
    }),
  });

  // CJK: a Chinese page on the same story (the topic lexicon is English: it stays quiet), and one mixing both.
  pages.push({
    id: 'cjk-page',
    what: 'a Chinese article on the same story (the tracked topic is defined in English)',
    onTopic: false,
    html: page({
      title: '朝鲜向俄罗斯派兵',
      lang: 'zh',
      body: `<main><article><h1>朝鲜向俄罗斯派兵</h1>${'<p>韩国国家情报院表示，朝鲜已向俄罗斯远东地区派遣约一千五百名特种部队士兵，接受训练和适应当地环境。</p>'.repeat(12)}</article></main>`,
    }),
  });
  pages.push({
    id: 'cjk-mixed',
    what: 'the English article with Chinese, Japanese and Korean names and quotes inside its sentences',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      body: onTopicArticle('', {
        headline: ON_TOPIC.headline,
        paragraphs: ON_TOPIC.paragraphs.map((p, i) => (i === 0 ? p.replace("South Korea's National Intelligence Service", "South Korea's National Intelligence Service (国家情报院, 국가정보원)") : i === 3 ? `${p} 「根も葉もない噂だ」と北朝鮮は述べた。` : p)),
      }),
    }),
  });

  // Zero-width characters inside the claims: "1,\u200b500 troops" must read as 1,500.
  pages.push({
    id: 'zero-width',
    what: 'zero-width spaces, joiners and soft hyphens inside the claims ("1,\\u200b500 troops")',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      body: onTopicArticle('', {
        headline: ON_TOPIC.headline,
        paragraphs: ON_TOPIC.paragraphs.map((p) => p.replace('1,500', '1,\u200b500').replace('12,000', '12\u200d,000').replace('Intelligence', 'Intel\u00adligence').replace('Kremlin', 'Krem\u2060lin')),
      }),
    }),
  });

  // Article text that looks like markup: shown as text everywhere, never run.
  const markup = '<img src=x onerror="window.__pwned=1;parent.__pwned=1">';
  const scriptLike = '<script>window.__pwned=2</script>';
  pages.push({
    id: 'text-like-html',
    what: `article text that looks like HTML or script (${markup}, ${scriptLike})`,
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      body: onTopicArticle('', {
        headline: ON_TOPIC.headline,
        paragraphs: ON_TOPIC.paragraphs.map((p, i) => (i === 0 ? p.replace(' in what it described', ` ${markup} in what it described`) : i === 2 ? `${p} ${scriptLike}` : p)),
      }),
    }),
  });

  // The page claims the sidebar's own tag name first, with a custom element that opens its own shadow root.
  pages.push({
    id: 'tag-name-taken',
    what: 'the page defines <crosscheck-sidebar> itself, as a custom element with an open shadow root of its own',
    onTopic: true,
    html: page({
      title: ON_TOPIC.headline,
      head: `<script>
customElements.define('crosscheck-sidebar', class extends HTMLElement {
  constructor() { super(); window.__stolenRoot = this.attachShadow({ mode: 'open' }); }
  connectedCallback() { window.__connected = (window.__connected || 0) + 1; }
});
</script>`,
      body: onTopicArticle(),
    }),
  });

  return pages;
}
