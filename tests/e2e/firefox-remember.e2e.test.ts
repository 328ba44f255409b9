// Remembered reading in Firefox ESR with the built Firefox extension: the sidebar's question
// (a moz-extension:// frame), yes, and a later article listing the ones read before, marked
// as the reader's own reading. The Chromium file (remember.e2e.test.ts) covers the rest.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingReportId } from '../../lib/reading';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { newsPage, readArticleFixture } from './news-pages';
import { SIDEBAR_SETTLED } from './probes';
import { startServer, type TestServer } from './server';

declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const FIXTURES = 'tests/fixtures/remembered';
const READS = ['1-hur-kursk-arrivals.txt', '2-pentagon-kursk-count.txt', '4-seoul-kursk-update.txt'];
const UI_TIMEOUT = 20_000;

let firefox: FirefoxWithExtension;
let server: TestServer;
/** The options page: where the test asks the extension what it keeps. */
let options: Page;

beforeAll(async () => {
  server = await startServer();
  READS.forEach((file, i) => server.set(`/read/${i}`, newsPage('wire-story', readArticleFixture(`${FIXTURES}/${file}`), { siteName: `Site ${i}` })));
  firefox = await launchFirefoxWithExtension();
  options = await firefox.openExtensionPage('options.html');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function sidebarOf(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(async () => (frame = await firefox.extensionFrame(page, 'sidebar.html')) !== undefined, { timeout: UI_TIMEOUT }).toBe(true);
  await expect.poll(() => frame!.evaluate((settled) => document.querySelectorAll(settled).length, SIDEBAR_SETTLED), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
  return frame!;
}

const outcome = (frame: Frame) => frame.evaluate(() => document.querySelector('[data-testid="reading-outcome"]')?.textContent ?? '');
const remembered = async () => {
  const reply = (await options.evaluate(() => browser.runtime.sendMessage({ crosscheck: 1, type: 'reports/list', payload: null }))) as { ok: boolean; value: { id: string; origin: string }[] };
  expect(reply.ok).toBe(true);
  return reply.value.filter((r) => r.origin === 'reading').map((r) => r.id).sort();
};

describe('remembered reading in Firefox', () => {
  it('yes in the sidebar keeps the articles read; the third lists the two before it, marked as your reading', async () => {
    const ids: string[] = [];
    for (const i of [0, 1]) {
      const page = await firefox.openPage(server.url(`/read/${i}`));
      const frame = await sidebarOf(page);
      if (i === 0) {
        await expect.poll(() => frame.evaluate(() => document.querySelector('[data-action="remember-reading"]') !== null), { timeout: UI_TIMEOUT }).toBe(true);
        await frame.evaluate(() => document.querySelector<HTMLButtonElement>('[data-action="remember-reading"]')!.click());
      }
      await expect.poll(() => outcome(frame), { timeout: UI_TIMEOUT }).toContain('This article is kept on this device');
      ids.push(readingReportId(server.url(`/read/${i}`)));
      await page.close();
    }
    expect(await remembered()).toEqual([...ids].sort());

    const third = await firefox.openPage(server.url('/read/2'));
    const frame = await sidebarOf(third);
    const listed = () => frame.evaluate(() => [...document.querySelectorAll('[data-report-id^="reading_"]')].map((el) => [el.getAttribute('data-report-id'), el.querySelector('.report__reading')?.textContent ?? null]));
    await expect.poll(async () => new Set((await listed()).map(([id]) => id)).size, { timeout: UI_TIMEOUT }).toBe(2);
    const rows = await listed();
    expect([...new Set(rows.map(([id]) => id))].sort()).toEqual([...ids].sort());
    expect(rows.every(([, mark]) => mark === 'from your reading')).toBe(true);
    await third.close();
  });
});
