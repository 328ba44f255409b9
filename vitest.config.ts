import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and wiring tests. The end-to-end tests have their own config
// (vitest.e2e.config.ts): WxtVitest would replace the real browser with a fake.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', ['json', { outputFile: 'tests/artifacts/unit-results.json' }]],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/helpers/setup.ts'],
    // Says once, in one line, when the tier over the saved real pages is skipped.
    globalSetup: ['tests/unit/helpers/real-pages-notice.ts'],
    testTimeout: 60_000,
    restoreMocks: true,
  },
});
