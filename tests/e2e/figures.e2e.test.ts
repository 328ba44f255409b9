// "Figures over time" in real Chromium with the built extension: on our wire-story layout
// carrying the on-topic article, the sidebar's collapsible section opens from the keyboard and
// shows a chart and its table for each kind of figure, the article's own figures among the
// corpus's, and so does the toolbar popup for that tab; no accessibility violation in the light or the dark scheme (axe, with layout, so
// contrast counts). With our four dated reports added, the chart shows an update and a conflict
// of the same days, and is photographed in both schemes (tests/artifacts/; into docs/ for the
// README when SAVE_DOCS_SCREENSHOTS=1).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '../../lib/report-text';
import { axeViolations, axeViolationsInBothSchemes } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { newsPage, readArticleFixture } from './news-pages';
import { tabState, UI_TIMEOUT, waitForSidebar } from './probes';
import { startServer, type TestServer } from './server';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
const ARTIFACTS = 'tests/artifacts';
const OWN_REPORTS = 'tests/fixtures/timeline';

let browser: ExtensionBrowser;
let server: TestServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  // Published 18 October 2024 (the layout's own date), by "Harbour Post".
  server.set('/on/wire-story.html', newsPage('wire-story', ARTICLE, { siteName: 'Harbour Post' }));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

/** Opens the sidebar's "Figures over time" with the keyboard, as a reader without a mouse would. */
async function openFigures(frame: Frame) {
  const summary = frame.locator('[data-testid="figures-over-time"] > summary');
  await summary.waitFor({ timeout: UI_TIMEOUT });
  await summary.focus();
  await summary.press('Enter');
  await expect.poll(() => frame.locator('[data-testid="figures-over-time"]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  return frame.locator('[data-testid="figures-over-time"]');
}

const rowTexts = (frame: Frame, kind: string) =>
  frame.locator(`[data-figure-kind="${kind}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '').join(' | ')));

describe('Figures over time in the sidebar', () => {
  it('on an on-topic page: a chart and its table for each kind, the article’s figures among the corpus’s, reachable by keyboard, no axe violation in either scheme', async () => {
    const page = await newPage();
    await page.goto(server.url('/on/wire-story.html'));
    const frame = await waitForSidebar(browser, page);
    const section = await openFigures(frame);

    // The seeds' kinds, each with its drawing and its table.
    await section.locator('[data-figure-kind="troops-sent"] svg[role="img"]').waitFor({ timeout: UI_TIMEOUT });
    expect(await section.locator('.figures__kind').allTextContents()).toEqual(['Troops at the front', 'Troops sent', 'Killed']);
    expect(await section.locator('svg.figures-chart[role="img"]').count()).toBe(3);
    expect(await section.locator('table').count()).toBe(3);
    const sent = await rowTexts(frame, 'troops-sent');
    // The article's own arrival figure, dated by the page (18 October 2024), named as this article.
    expect(sent).toContain("18 Oct 2024 | about 1,500 special forces | South Korea's National Intelligence Service · this article | first figure");
    // A seed that states no date stays undated.
    expect(sent.some((r) => r.startsWith('no date | 12,000 troops (planned total)'))).toBe(true);
    const box = await section.locator('[data-figure-kind="troops-sent"] svg').boundingBox();
    expect(box!.width).toBeGreaterThan(250);
    expect(box!.height).toBeGreaterThan(80);

    // The chart itself takes the keyboard focus (its label sums it up).
    await section.locator('[data-figure-kind="troops-sent"] svg').focus();
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Troops sent: \d+ figures from 1,500 to 12,000;/);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(frame, '[data-testid="figures-over-time"]'), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null });

    // The toolbar popup for this tab shows the same section under its counts.
    const tabId = (await tabState(browser, page))!.tabId;
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    const inPopup = popup.locator('[data-testid="figures-over-time"]');
    await inPopup.locator('summary').click();
    await inPopup.locator('[data-figure-kind="troops-sent"] svg[role="img"]').waitFor({ timeout: UI_TIMEOUT });
    expect(await inPopup.locator('table').count()).toBe(3);
    expect(await axeViolationsInBothSchemes(popup, '[data-testid="figures-over-time"]')).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('with dated reports added: an update and a conflict of the same days, photographed in light and dark', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    for (const name of readdirSync(OWN_REPORTS).filter((n) => n.endsWith('.txt')).sort()) {
      const r = parseReportText(name, readFileSync(join(OWN_REPORTS, name), 'utf8'));
      const reply = await options.evaluate(
        (report) => chrome.runtime.sendMessage({ crosscheck: 1, type: 'reports/add', payload: report }),
        { title: r.title, text: r.text, date: r.date, outlet: r.outlet },
      );
      expect(reply, name).toMatchObject({ ok: true });
    }
    await options.close();

    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.goto(server.url('/on/wire-story.html'));
    const frame = await waitForSidebar(browser, page);
    const section = await openFigures(frame);
    await section.locator('.figures__row--conflict').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await rowTexts(frame, 'troops-at-front')).toEqual(
      expect.arrayContaining([
        "25 Oct 2024 | about 3,000 soldiers | Zelensky · Zelensky: North Korean soldiers now near the front | conflict: Ukraine's military intelligence (HUR) says 5,000 (26 Oct 2024)",
      ]),
    );
    expect((await rowTexts(frame, 'troops-sent')).some((r) => r.startsWith('4 Nov 2024 | about 10,000 troops | the Pentagon') && r.includes('update: up from about 1,500 (18 Oct 2024)'))).toBe(true);
    expect(await section.locator('[data-figure-kind="troops-at-front"] .figures-chart__conflict-ring').count()).toBe(2);

    const docs = process.env.SAVE_DOCS_SCREENSHOTS === '1';
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The legend, the troops at the front (chart and table) and the chart of troops sent: what the README shows.
      await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const top = (await section.boundingBox())!;
      const end = (await section.locator('[data-figure-kind="troops-sent"] svg').boundingBox())!;
      const shot = await page.screenshot({ clip: { x: top.x, y: top.y, width: top.width, height: end.y + end.height + 10 - top.y } });
      expect(shot.length).toBeGreaterThan(10_000);
      writeFileSync(join(ARTIFACTS, `figures-${colorScheme}.png`), shot);
      if (docs) writeFileSync(`docs/figures-${colorScheme}.png`, shot);
      expect(await axeViolations(frame, '[data-testid="figures-over-time"]'), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null });
    await page.close();
  });
});
