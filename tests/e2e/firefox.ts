// Launches Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi,
// with the built extension installed as a temporary add-on (see shared/E2E.md, Firefox).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The build we ship for Firefox (see docs/firefox.md); FIREFOX_BUILD tries another one. */
export const FIREFOX_BUILD = resolve(process.env.FIREFOX_BUILD ?? '.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox gives each add-on a random moz-extension:// host per profile. Pinning it through
 * the `extensions.webextensions.uuids` pref gives the popup and options pages a known address.
 */
export const EXTENSION_UUID = '6a1c8f0e-3b52-4d7e-9c41-0f2d5b8e7a13';

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox installed (browser_specific_settings.gecko.id). */
  addonId: string;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  /**
   * Loads a URL in a page and waits for its load event. `page.goto()` hangs on
   * moz-extension:// URLs (Firefox's BiDi sends no navigation events for them), so this
   * sends the raw BiDi `browsingContext.navigate` instead; it works for any URL.
   */
  navigate(page: Page, url: string): Promise<void>;
  /** A new tab showing one of the extension's pages, e.g. `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

function geckoIdOf(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${buildDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefoxWithExtension(opts: { withExtension?: boolean } = {}): Promise<FirefoxWithExtension> {
  const withExtension = opts.withExtension ?? true;
  if (withExtension && !existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No built extension at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first`);
  }
  const geckoId = withExtension ? geckoIdOf(FIREFOX_BUILD) : '';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    // Lets BiDi reach moz-extension:// documents (system principal access).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...(withExtension ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) } : {}),
      // Nothing may leave the machine: no update, telemetry or safe-browsing traffic.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  try {
    const addonId = withExtension ? await browser.installExtension(FIREFOX_BUILD) : '';
    if (withExtension && addonId !== geckoId) throw new Error(`Firefox installed ${addonId}, expected ${geckoId}`);

    const navigate = async (page: Page, url: string) => {
      // BiDi names a tab's top-level browsing context by the id puppeteer keeps on its main frame.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
      await connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
    };
    const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
    const newPage = () => browser.newPage();

    return {
      browser,
      addonId,
      extensionUrl,
      newPage,
      navigate,
      async openExtensionPage(path) {
        const page = await newPage();
        await navigate(page, extensionUrl(path));
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
