import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// Firefox needs a fixed id for storage.sync (Firefox Sync keys data by add-on id)
// and for the e2e tests, which pin the moz-extension:// host through that id.
export const GECKO_ID = 'crosscheck@crosscheck.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    resolve: {
      // WXT's content-script start-up posts the extension's id into every page and stands
      // down on an event any page can send; ours announces nothing (entrypoints/crosscheck.content/page-context.ts).
      alias: {
        'wxt/utils/content-script-context': fileURLToPath(new URL('./entrypoints/crosscheck.content/page-context.ts', import.meta.url)),
      },
    },
  }),
  zip: {
    // The sources archive addons.mozilla.org asks for: what a reviewer needs to rebuild the
    // Firefox zip byte for byte (docs/firefox.md). WXT already leaves out node_modules, the
    // build output, hidden files and *.test.* files; tests and their artifacts are not needed.
    excludeSources: ['tests/**', 'web-ext-artifacts/**', 'coverage/**', 'stats.html', '*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'Crosscheck',
    description:
      'Source-aware reading: finds the checkable claims in a news article and shows which reports corroborate or conflict with each. Runs entirely on your device.',
    permissions: ['storage'],
    // The sidebar is an extension page shown in a frame inside news pages (entrypoints/sidebar);
    // its scripts and styles are loaded by the sidebar page itself, from its own origin, which
    // needs no listing. The content script's second stage (crosscheck-reader.js) is imported
    // by the first stage on pages that pass the quick check, which needs it listed
    // (entrypoints/crosscheck.content/second-stage.ts says why this way).
    // Chrome: `use_dynamic_url` keeps pages from fetching the sidebar by the extension's fixed
    // id, which would tell them Crosscheck is installed; the frame the content script inserts
    // still loads (tests/e2e/privacy.e2e.test.ts). Firefox already gives each install its own host.
    web_accessible_resources: [
      {
        resources: ['sidebar.html', 'crosscheck-reader.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open or close the Crosscheck sidebar',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Firefox 140 is the first to read data_collection_permissions (Android: 142), which
          // addons.mozilla.org requires; it also brings the CSS Custom Highlight API (claim
          // marks) and has storage.session (115) that the background keeps tab states in.
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
