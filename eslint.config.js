// One lint gate. Its main job is architectural: lib/ stays pure (no browser, no Dexie,
// no Preact) so the CLI, tests and benchmarks run it in Node; and no code writes page
// text as HTML.
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

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
        ],
      }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS.map((name) => ({ name, message: 'lib/ is pure: take what you need as a parameter.' }))],
    },
  },
);
