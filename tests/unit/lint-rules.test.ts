// The lint gate really guards what it says it guards: code that writes page text as HTML
// fails in every kind of source file we write (.ts, .tsx, tests too), by both rules that
// look for it (eslint-plugin-no-unsanitized and our own no-restricted-syntax); and each
// architectural zone (lib/ pure, components through adapters, the database only in the
// background, test doubles only in tests) fails a stray import at a path of that zone.
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

/** What the lint says about one line of code at one path: the rule and the message, per problem. */
async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse error'}: ${m.message}`);
}

// Each zone of eslint.config.js, shown failing on a stray import or global at a real path
// of that zone, and passing on what that zone may use. A zone that stops matching its
// folder (a renamed path, a pattern that no longer catches the import) fails here.
describe('lint zones', () => {
  const stray: Array<[zone: string, file: string, code: string, expected: RegExp]> = [
    ['components never open the database (dexie)', 'components/popup/probe.tsx', "import Dexie from 'dexie';\nexport const d = Dexie;", /no-restricted-imports: .*background owns the database/],
    ['components never open the database (adapters/db)', 'components/options/probe.tsx', "import { openDb } from '../../adapters/db';\nexport const o = openDb;", /no-restricted-imports: .*background owns the database/],
    ['components reach the browser through adapters (wxt/browser)', 'components/popup/probe.tsx', "import { browser } from 'wxt/browser';\nexport const b = browser;", /no-restricted-imports: .*only through adapters/],
    ['components reach the browser through adapters (polyfill)', 'components/sidebar/probe.tsx', "import browser from 'webextension-polyfill';\nexport const b = browser;", /no-restricted-imports: .*only through adapters/],
    ['components reach the browser through adapters (wxt storage)', 'components/saved-claims/probe.ts', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;", /no-restricted-imports: .*only through adapters/],
    ['components reach the browser through adapters (chrome global)', 'components/popup/probe.tsx', 'export const open = () => chrome.tabs.create({});', /no-restricted-globals: .*only through adapters/],
    ['components reach the browser through adapters (browser global)', 'components/sidebar/probe.tsx', 'export const id = () => browser.runtime.id;', /no-restricted-globals: .*only through adapters/],
    ['components keep nothing themselves (indexedDB)', 'components/options/probe.tsx', "export const open = () => indexedDB.open('x');", /no-restricted-globals: .*keep nothing/],
    ['the content script never opens the database (dexie)', 'entrypoints/crosscheck.content/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;", /no-restricted-imports: .*background owns the database/],
    ['the content script never opens the database (adapters/db)', 'entrypoints/crosscheck.content/probe.ts', "import { openDb } from '../../adapters/db';\nexport const o = openDb;", /no-restricted-imports: .*background owns the database/],
    ['the content script never opens the database (indexedDB)', 'entrypoints/crosscheck.content/probe.ts', "export const open = () => indexedDB.open('x');", /no-restricted-globals: .*page's origin/],
    ['lib/ is pure (browser)', 'lib/probe.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;", /no-restricted-imports: .*lib\/ is pure/],
    ['lib/ is pure (dexie)', 'lib/sync/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;", /no-restricted-imports: .*lib\/ is pure/],
    ['lib/ is pure (preact)', 'lib/probe.ts', "import { h } from 'preact';\nexport const x = h;", /no-restricted-imports: .*lib\/ is pure/],
    ['lib/ is pure (adapters)', 'lib/probe.ts', "import { askBackground } from '../adapters/messaging';\nexport const a = askBackground;", /no-restricted-imports: .*lib\/ depends on nothing outside lib/],
    ['lib/ is pure (Node)', 'lib/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /no-restricted-imports: .*lib\/ runs in the browser too/],
    ['lib/ is pure (document)', 'lib/probe.ts', 'export const t = () => document.title;', /no-restricted-globals: .*lib\/ is pure/],
    ['product code never imports test doubles (lib)', 'lib/sync/probe.ts', "import { x } from '../../tests/unit/helpers/fake';\nexport const y = x;", /no-restricted-imports: .*Product code never imports from tests/],
    ['product code never imports test doubles (background)', 'entrypoints/background/probe.ts', "import { x } from '../../tests/unit/helpers/fake';\nexport const y = x;", /no-restricted-imports: .*Product code never imports from tests/],
  ];
  for (const [zone, file, code, expected] of stray) {
    it(`${zone}: a stray use in ${file} fails`, async () => {
      const found = await problems(code, file);
      expect(found.some((p) => expected.test(p)), found.join('\n') || 'no problems').toBe(true);
    });
  }

  const allowed: Array<[what: string, file: string, code: string]> = [
    ['a component asks the background through adapters/messaging', 'components/popup/probe.tsx', "import { askBackground } from '../../adapters/messaging';\nexport const a = askBackground;"],
    ['a component opens a tab through adapters/tabs', 'components/popup/probe.tsx', "import { openOptionsPage } from '../../adapters/tabs';\nexport const o = openOptionsPage;"],
    ['the content script uses the browser (it is an entrypoint)', 'entrypoints/crosscheck.content/probe.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;"],
    ['the background opens the database', 'entrypoints/background/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;"],
    ['a test imports a test double', 'tests/unit/probe.test.ts', "import { x } from './helpers/fake';\nexport const y = x;"],
  ];
  for (const [what, file, code] of allowed) {
    it(`and ${what} passes`, async () => {
      expect(await problems(code, file)).toEqual([]);
    });
  }
});
