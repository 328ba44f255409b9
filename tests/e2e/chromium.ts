// Launches Chromium (Debian's, or wherever tests/e2e/browsers.ts finds one), headless, with the
// built extension loaded (see shared/E2E.md).
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from './browsers';

export const CHROME_BUILD = resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  userDataDir: string;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  userDataDir?: string;
  withExtension?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** Load the extension from here instead of the build (a copy a test updates in place). */
  extensionDir?: string;
}

/**
 * How every Chromium of ours starts (tests, demo, benchmarks): the Chromium found, new headless
 * (which loads extensions), and no background networking, which this machine refuses.
 */
export function chromiumLaunchOptions(extensionDir: string | null, extraArgs: string[] = [], headless = true) {
  return {
    executablePath: chromiumPath(),
    headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1400, height: 900 },
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...extraArgs,
    ],
  };
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const withExtension = opts.withExtension ?? true;
  const dir = opts.extensionDir ?? CHROME_BUILD;
  if (withExtension && !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` first`);
  }
  const ownDir = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, chromiumLaunchOptions(withExtension ? dir : null, opts.args));
  const serviceWorker = async () => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? context.waitForEvent('serviceworker', { timeout: 20_000 });
  };
  const extensionId = withExtension ? new URL((await serviceWorker()).url()).host : '';
  return {
    context,
    userDataDir,
    extensionId,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
