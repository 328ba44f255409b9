// One lint gate. Its main job is architectural, in zones that follow where code runs:
// - lib/ stays pure (no browser, no Dexie, no Preact) so the CLI, tests and benchmarks run
//   it in Node;
// - components/ draw and reach the browser only through adapters/ (so they can be tested
//   against fakes, and one place knows each browser API);
// - components/ and the content script never open the database: the background owns it,
//   and a content script's IndexedDB would belong to the news site's origin;
// - test doubles live with the tests, not in product code;
// - and no code writes page text as HTML.
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

/** Import patterns that open the database, which only the background may do. */
const DATABASE_IMPORTS = [
  { group: ['dexie', 'dexie/*'], message: 'The background owns the database: ask it through adapters/messaging.' },
  { group: ['**/adapters/db', '**/adapters/db.ts'], message: 'The background owns the database: ask it through adapters/messaging.' },
];

/** Import patterns that reach browser APIs directly instead of through adapters/. */
const BROWSER_IMPORTS = [
  { group: ['wxt/browser', 'wxt/utils/*', 'webextension-polyfill', '@wxt-dev/*'], message: 'Components reach the browser only through adapters/.' },
];

/** Test doubles are imported by tests only. */
const TEST_IMPORTS = [
  { group: ['**/tests/*', '**/tests/**'], message: 'Product code never imports from tests/.' },
];

const BROWSER_GLOBALS = ['window', 'document', 'chrome', 'browser', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'web-ext-artifacts/**', 'tests/artifacts/**'] },
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never write HTML from strings: build DOM nodes or use Preact.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Never write HTML from strings.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never write HTML from strings.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never write HTML from strings.' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['wxt', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*'], message: 'lib/ is pure: browser APIs belong in entrypoints/ and adapters/.' },
          { group: ['dexie', 'dexie/*'], message: 'lib/ is pure: the database belongs to adapters/db.ts and the background.' },
          { group: ['preact', 'preact/*', '@preact/*'], message: 'lib/ is pure: UI belongs in components/.' },
          { group: ['**/adapters/*', '**/entrypoints/*', '**/components/*', '**/cli/*'], message: 'lib/ depends on nothing outside lib/.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'lib/ runs in the browser too: Node APIs belong in cli/.' },
          ...TEST_IMPORTS,
        ],
      }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS.map((name) => ({ name, message: 'lib/ is pure: take what you need as a parameter.' }))],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DATABASE_IMPORTS, ...BROWSER_IMPORTS, ...TEST_IMPORTS] }],
      'no-restricted-globals': ['error',
        ...['chrome', 'browser'].map((name) => ({ name, message: 'Components reach the browser only through adapters/.' })),
        ...['indexedDB', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'].map((name) => ({ name, message: 'Components keep nothing and fetch nothing: the background and adapters/ do.' })),
      ],
    },
  },
  {
    files: ['entrypoints/crosscheck.content/**/*.ts', 'entrypoints/crosscheck-reader/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...DATABASE_IMPORTS, ...TEST_IMPORTS] }],
      'no-restricted-globals': ['error', { name: 'indexedDB', message: 'A content script\'s IndexedDB belongs to the page\'s origin: the background owns the database.' }],
    },
  },
  {
    files: ['adapters/**/*.ts', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/crosscheck.content/**', 'entrypoints/crosscheck-reader/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: TEST_IMPORTS }],
    },
  },
);
