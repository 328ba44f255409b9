import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real browsers. No WxtVitest here: it
// would replace the browser APIs with fakes. One file at a time: these machines have
// two cores and each test file starts a browser.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'tests/artifacts/e2e-results.json' }]],
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // No browser, no run: one line says what to install (tests/e2e/browsers.ts).
    globalSetup: ['tests/e2e/browsers-check.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
