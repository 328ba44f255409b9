// Launches Firefox ESR (or the Firefox tests/e2e/browsers.ts finds), headless, driven by puppeteer-core over WebDriver BiDi,
// with the built extension installed as a temporary add-on (see shared/E2E.md, Firefox).
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firefoxPath } from './browsers';

/** The build we ship for Firefox (see docs/firefox.md); FIREFOX_BUILD tries another one. */
export const FIREFOX_BUILD = resolve(process.env.FIREFOX_BUILD ?? '.output/firefox-mv2');
/** How long a page may take to be parsed. */
const NAVIGATION_TIMEOUT_MS = 20_000;

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
   * Loads a URL in a page and waits until its document is parsed. Use this rather than
   * `page.goto()`: goto hangs on moz-extension:// URLs (Firefox's BiDi sends no navigation
   * events for them) and fails with "Address rejected" when a frame inside the page fails
   * to load (the saved news pages embed ad and video frames from hosts we refuse).
   */
  navigate(page: Page, url: string): Promise<void>;
  /** A new tab showing this URL (through `navigate`). */
  openPage(url: string): Promise<Page>;
  /** A new tab showing one of the extension's pages, e.g. `popup.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * The frame of the page showing this extension page (e.g. the sidebar), or undefined.
   * Found by asking each frame its address: puppeteer hears no navigation events for
   * moz-extension:// frames either, so `frame.url()` stays `about:blank`.
   */
  extensionFrame(page: Page, path: string): Promise<Frame | undefined>;
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

export interface LaunchOptions {
  /** false: the same Firefox without the extension (a baseline). */
  withExtension?: boolean;
  /** More Firefox preferences, e.g. `extensions.background.idle.timeout` to suspend an MV3 event page sooner. */
  prefs?: Record<string, unknown>;
}

export async function launchFirefoxWithExtension(opts: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const withExtension = opts.withExtension ?? true;
  if (withExtension && !existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No built extension at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first`);
  }
  const geckoId = withExtension ? geckoIdOf(FIREFOX_BUILD) : '';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    // Lets BiDi reach moz-extension:// documents (system principal access).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...(withExtension ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) } : {}),
      // Nothing may leave the machine. puppeteer's profile already turns off updates and
      // telemetry; the saved news pages still name their sites' scripts, fonts and images:
      // every request off 127.0.0.1 goes to a proxy on a closed port and fails at once.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...opts.prefs,
    },
  });
  try {
    const addonId = withExtension ? await browser.installExtension(FIREFOX_BUILD) : '';
    if (withExtension && addonId !== geckoId) throw new Error(`Firefox installed ${addonId}, expected ${geckoId}`);

    const navigate = async (page: Page, url: string) => {
      // BiDi names a tab's top-level browsing context by the id puppeteer keeps on its main frame.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
      await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
      const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
      for (;;) {
        const at = await page.evaluate(() => ({ href: location.href, state: document.readyState })).catch(() => null);
        if (at && at.href === url && at.state !== 'loading') return;
        if (Date.now() > deadline) throw new Error(`${url} did not load within ${NAVIGATION_TIMEOUT_MS} ms (at ${at?.href ?? 'unknown'})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
    const newPage = () => browser.newPage();
    const openPage = async (url: string) => {
      const page = await newPage();
      await navigate(page, url);
      return page;
    };

    return {
      browser,
      addonId,
      extensionUrl,
      newPage,
      navigate,
      openPage,
      openExtensionPage: (path) => openPage(extensionUrl(path)),
      async extensionFrame(page, path) {
        const wanted = extensionUrl(path);
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const href = await frame.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(wanted)) return frame;
        }
        return undefined;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
