// Node-only: places an article's text in a news page's markup (a header with navigation, the
// article with its headline, byline line and date, a related-stories list and a footer), so
// that the evaluation reads labelled text through the same path as a real page. The markup
// is our own; the text is whatever the caller hands in.
export interface NewsPageParts {
  headline: string | null;
  outlet: string | null;
  date: string | null;
  text: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function newsPageHtml(p: NewsPageParts): string {
  const paragraphs = p.text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `      <p>${escapeHtml(para.replace(/\s*\n\s*/g, ' '))}</p>`)
    .join('\n');
  const site = escapeHtml(p.outlet ?? 'The Daily Report');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(p.headline ?? site)}</title>
  ${p.date ? `<meta property="article:published_time" content="${escapeHtml(p.date)}T09:00:00Z">` : ''}
  <meta property="og:site_name" content="${site}">
</head>
<body>
  <header class="site-header"><a href="/">${site}</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main>
    <article>
      ${p.headline ? `<h1>${escapeHtml(p.headline)}</h1>` : ''}
      ${p.date ? `<p class="dateline"><time datetime="${escapeHtml(p.date)}">${escapeHtml(p.date)}</time></p>` : ''}
${paragraphs}
    </article>
    <aside class="related"><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather: rain expected</a></li></ul></aside>
  </main>
  <footer><p>&copy; ${site}</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body>
</html>`;
}
