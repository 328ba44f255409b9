// Debian's Chromium, headless, with or without the extension the bench built
// (see ../shared/E2E.md). Outside requests are refused by the harness, not by the
// network: saved pages reference CDNs, and a refused socket costs less than a timeout.

import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { findChromium } from '../tests/e2e/browsers';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  extensionUrl(path: string): string;
  /** A new tab; requests to anything but 127.0.0.1 and the extension are aborted. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return findChromium() !== null;
}

export async function launchChromium(extensionDir: string | null): Promise<BenchBrowser> {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, chromiumLaunchOptions(extensionDir));
  await context.route(/^https?:\/\//, (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' ? route.continue() : route.abort('connectionrefused');
  });
  const serviceWorker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = extensionDir ? new URL((await serviceWorker()).url()).host : '';
  return {
    context,
    extensionId,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** How long a stopped worker may take to go (ms). */
const WORKER_STOP_TIMEOUT_MS = 5_000;

export interface WorkerStopper {
  /** Stops the extension's service worker and waits until DevTools reports it stopped; false if it did not stop in time. */
  stop(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Stops the extension's service worker as the browser does to a worker left idle for 30 s
 * (DevTools' ServiceWorker.stopAllWorkers, from a tab of its own). The next message to the
 * background starts it again. Its status is read from DevTools' events, not from
 * Playwright's handle on the worker: evaluating in a stopped worker waits until it runs again.
 */
export async function workerStopper(browser: BenchBrowser): Promise<WorkerStopper> {
  const control = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(control);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + WORKER_STOP_TIMEOUT_MS;
      while (status !== 'stopped' && Date.now() < deadline) await control.waitForTimeout(20);
      return status === 'stopped';
    },
    close: () => control.close(),
  };
}
