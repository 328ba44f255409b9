// Keeps of an extracted article only the paragraphs a reader can see. The extraction reads
// the page's markup, which holds text the page hides (display: none, visibility: hidden,
// the `hidden` attribute); a page could plant such text to have it stored as a report that
// later "corroborates" its own claims. The browser's rendered text (innerText, which leaves
// hidden text out) is the judge: a paragraph is kept only when it stands there whole.

import { withoutInvisibles } from './page-limits';

const squeeze = (text: string) => withoutInvisibles(text).replace(/\s+/g, ' ').trim();

/** The paragraphs of `text` (separated by blank lines) found whole in `visibleText`, rejoined; '' when none is. */
export function visibleParagraphs(text: string, visibleText: string): string {
  const visible = squeeze(visibleText);
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => {
      const p = squeeze(paragraph);
      return p.length > 0 && visible.includes(p);
    })
    .join('\n\n');
}
