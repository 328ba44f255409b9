// The lint gate really guards what it says it guards: code that writes page text as HTML
// fails in every kind of source file we write (.ts, .tsx, tests too), by both rules that
// look for it (eslint-plugin-no-unsanitized and our own no-restricted-syntax).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const UNSAFE = `
export function render(el: HTMLElement, html: string) {
  el.innerHTML = html;
  el.outerHTML = html;
  el.insertAdjacentHTML('beforeend', html);
  document.write(html);
  document.createRange().createContextualFragment(html);
}
`;
const UNSAFE_JSX = `
export function Card(p: { html: string }) {
  return <div dangerouslySetInnerHTML={{ __html: p.html }} />;
}
`;

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? 'parse error');
}

describe('writing HTML from strings fails the lint', () => {
  for (const file of ['components/sidebar/probe.tsx', 'entrypoints/crosscheck.content/probe.ts', 'lib/probe.ts', 'tests/unit/probe.test.tsx']) {
    it(file, async () => {
      const ids = await ruleIds(UNSAFE, file);
      expect(ids.filter((id) => id === 'no-unsanitized/property')).toHaveLength(2);
      expect(ids.filter((id) => id === 'no-unsanitized/method')).toHaveLength(3);
      expect(ids).toContain('no-restricted-syntax');
    });
  }

  it('dangerouslySetInnerHTML in a component', async () => {
    expect(await ruleIds(UNSAFE_JSX, 'components/sidebar/probe.tsx')).toEqual(['no-restricted-syntax']);
  });

  it('and text set as text passes', async () => {
    expect(await ruleIds('export const f = (el: HTMLElement, t: string) => { el.textContent = t; };', 'components/sidebar/probe.tsx')).toEqual([]);
  });
});
