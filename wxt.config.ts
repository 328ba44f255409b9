import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox needs a fixed id for storage.sync (Firefox Sync keys data by add-on id)
// and for the e2e tests, which pin the moz-extension:// host through that id.
export const GECKO_ID = 'crosscheck@crosscheck.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Crosscheck',
    description:
      'Source-aware reading: finds the checkable claims in a news article and shows which reports corroborate or conflict with each. Runs entirely on your device.',
    permissions: ['storage'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open or close the Crosscheck sidebar',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
