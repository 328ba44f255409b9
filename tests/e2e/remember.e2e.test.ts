// Remembered reading in real Chromium with the built extension, on our own page layouts
// carrying our own on-topic articles (tests/fixtures/remembered): the sidebar asks once; "No"
// keeps nothing and the question does not come back; "Yes" keeps each on-topic article read,
// and the fourth article lists the three read before among its reports, marked as the
// reader's own reading; a paused site is never kept; reading an article again updates it;
// the options page removes them all. What is stored is checked through the extension
// (the options page's own 'reports/list'), never through anything a page could reach.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { newsPage, readArticleFixture, type Layout } from './news-pages';
import { UI_TIMEOUT, waitForSidebar, waitForStatus } from './probes';
import { startServer, type TestServer } from './server';
import { readingReportId } from '../../lib/reading';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const FIXTURES = 'tests/fixtures/remembered';
/** Four articles of our own, read in this order; each page in another layout. */
const READS: { path: string; file: string; layout: Layout; site: string }[] = [
  { path: '/world/hur-kursk-arrivals', file: '1-hur-kursk-arrivals.txt', layout: 'wire-story', site: 'Example Wire' },
  { path: '/world/pentagon-kursk-count', file: '2-pentagon-kursk-count.txt', layout: 'main-asides', site: 'Capital Daily' },
  { path: '/live/kremlin-denies-kursk', file: '3-kremlin-denies-kursk.txt', layout: 'live-blog', site: 'Live Desk' },
  { path: '/world/seoul-kursk-update', file: '4-seoul-kursk-update.txt', layout: 'wire-story', site: 'Harbour Times' },
];
const OFF_PATHS = ['/off/first', '/off/second'];
/**
 * A paragraph the second page hides through its own stylesheet (a class, which the extraction
 * of the page's markup cannot tell is hidden): it must never reach the reader's corpus.
 */
const HIDDEN = 'A planted sentence: Seoul said 99,000 North Korean soldiers had reached Kursk.';
const HIDE_SCRIPT = `<style>.fine-print { display: none; }</style><script>for (const p of document.querySelectorAll('p')) if (p.textContent.includes('A planted sentence')) p.className = 'fine-print';</script>`;

interface ListedReport {
  id: string;
  origin: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
}

let browser: ExtensionBrowser;
let server: TestServer;
let options: Page;

beforeAll(async () => {
  server = await startServer();
  for (const [i, r] of READS.entries()) {
    const article = readArticleFixture(`${FIXTURES}/${r.file}`);
    if (i === 1) article.paragraphs.splice(2, 0, HIDDEN);
    const built = newsPage(r.layout, article, { siteName: r.site, published: '2024-11-06T09:00:00Z' });
    const page = i === 1 ? built.replace(/<\/body>/i, `${HIDE_SCRIPT}</body>`) : built;
    server.set(r.path, page);
    for (const off of OFF_PATHS) server.set(`${off}${r.path}`, page);
  }
  browser = await launchWithExtension();
  // The options page is where the test asks the extension what it keeps, as the reader would see it.
  options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function ask<T>(type: string, payload: unknown): Promise<T> {
  const reply = (await options.evaluate(([t, p]) => chrome.runtime.sendMessage({ crosscheck: 1, type: t, payload: p }), [type, payload] as const)) as { ok: boolean; value: T; error?: string };
  expect(reply, reply.error).toMatchObject({ ok: true });
  return reply.value;
}

const remembered = async () => (await ask<ListedReport[]>('reports/list', null)).filter((r) => r.origin === 'reading');

/** Opens an article and waits for its open sidebar to list claims. */
async function read(url: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  await page.goto(url);
  const frame = await waitForSidebar(browser, page);
  return { page, frame };
}

const question = (frame: Frame) => frame.locator('[data-action="remember-reading"]');
const outcome = (frame: Frame) => frame.locator('[data-testid="reading-outcome"]');

describe('remembered reading', () => {
  it('asks once; "No" keeps nothing, and the question does not come back on the next article', async () => {
    const first = await read(server.url(`${OFF_PATHS[0]}${READS[0]!.path}`));
    await question(first.frame).waitFor({ timeout: UI_TIMEOUT });
    expect(await axeViolations(first.frame)).toEqual([]);
    await first.frame.locator('[data-action="dont-remember-reading"]').click();
    await outcome(first.frame).filter({ hasText: 'Nothing is kept' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await question(first.frame).count()).toBe(0);
    expect((await ask<{ rememberReading: string }>('settings/get', null)).rememberReading).toBe('off');

    const second = await read(server.url(`${OFF_PATHS[0]}${READS[1]!.path}`));
    await waitForStatus(browser, second.page, /^ready$/);
    expect(await question(second.frame).count()).toBe(0);
    // Nothing from either page is in the database.
    expect(await remembered()).toEqual([]);
    const urls = (await ask<ListedReport[]>('reports/list', null)).map((r) => r.url);
    for (const { page } of [first, second]) expect(urls).not.toContain(page.url());
    await first.page.close();
    await second.page.close();
  });

  it('"Yes" (from the keyboard) keeps each on-topic article read; the fourth lists the three before it, marked as your reading', async () => {
    await ask('settings/set', { rememberReading: 'unasked' });
    const ids: string[] = [];
    for (const [i, r] of READS.slice(0, 3).entries()) {
      const url = server.url(r.path);
      const { page, frame } = await read(url);
      if (i === 0) {
        const yes = question(frame);
        await yes.waitFor({ timeout: UI_TIMEOUT });
        await yes.focus();
        await frame.page().keyboard.press('Enter');
      } else {
        expect(await question(frame).count()).toBe(0);
      }
      await outcome(frame).filter({ hasText: 'This article is kept on this device' }).waitFor({ timeout: UI_TIMEOUT });
      ids.push(readingReportId(url));
      await page.close();
    }
    const kept = await remembered();
    expect(kept.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(kept.map((r) => r.outlet).sort()).toEqual(['Capital Daily', 'Example Wire', 'Live Desk']);
    // Kept as the reader saw it: the paragraph the page hid is not in the report.
    const second = await ask<{ text: string }>('reports/get', { id: ids[1] });
    expect(second.text).toContain('Pentagon press secretary Sabrina Singh');
    expect(second.text).not.toContain('A planted sentence');

    const fourth = await read(server.url(READS[3]!.path));
    const listed = fourth.frame.locator('[data-report-id^="reading_"]');
    await expect.poll(async () => new Set(await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id')))).size, { timeout: UI_TIMEOUT }).toBe(3);
    const listedIds = new Set(await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id'))));
    expect([...listedIds].sort()).toEqual([...ids].sort());
    // Each is listed as corroborating or conflicting somewhere, and carries the mark.
    const stances = await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-stance')));
    expect(stances.filter((s) => s === 'corroborates' || s === 'conflicts').length).toBeGreaterThan(0);
    for (const id of ids) {
      const item = fourth.frame.locator(`[data-report-id="${id}"]`).first();
      expect(await item.locator('.report__reading').textContent()).toBe('from your reading');
    }
    const decisive = await fourth.frame.locator('[data-report-id^="reading_"][data-stance="corroborates"], [data-report-id^="reading_"][data-stance="conflicts"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id')));
    expect(new Set(decisive).size).toBeGreaterThanOrEqual(2);
    // The fourth is kept too, and is not matched against itself when read again.
    await outcome(fourth.frame).filter({ hasText: 'This article is kept' }).waitFor({ timeout: UI_TIMEOUT });
    await fourth.page.reload();
    const again = await waitForSidebar(browser, fourth.page);
    await outcome(again).filter({ hasText: 'This article is kept' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await again.locator(`[data-report-id="${readingReportId(server.url(READS[3]!.path))}"]`).count()).toBe(0);
    expect(await remembered()).toHaveLength(4);
    await fourth.page.close();

    // The options page marks them and lists them apart from the reader's own reports.
    await options.reload();
    await options.locator('[data-testid="remembered-count"]').filter({ hasText: '4 articles kept from your reading' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await options.locator('[data-report-id^="reading_"] .badge-reading').count()).toBe(4);
  });

  it('a paused site is never remembered, and the options page removes them all', async () => {
    await ask('settings/set', { pausedSites: ['localhost'] });
    const port = new URL(server.origin).port;
    const page = await browser.context.newPage();
    const url = `http://localhost:${port}${OFF_PATHS[1]}${READS[0]!.path}`;
    await page.goto(url);
    await waitForStatus(browser, page, /^paused$/);
    expect((await ask<ListedReport[]>('reports/list', null)).map((r) => r.url)).not.toContain(url);
    expect(await remembered()).toHaveLength(4);
    await page.close();
    await ask('settings/set', { pausedSites: [] });

    await options.reload();
    await options.getByRole('button', { name: 'Remove all remembered articles' }).click();
    await options.locator('[data-action="forget-reading"]').click();
    await options.locator('[data-testid="remembered-count"]').filter({ hasText: 'No article is kept from your reading.' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await remembered()).toEqual([]);
    // The switch stays on: remembering goes on until the reader turns it off.
    expect(await options.getByRole('switch', { name: 'Remember articles I read on this topic' }).isChecked()).toBe(true);
  });
});
