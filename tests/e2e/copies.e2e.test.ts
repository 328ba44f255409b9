// Syndicated copies in real Chromium with the built extension: the reader adds one wire story
// from two sites (our wire-story and main-asides layouts, each with its own headline and
// name; the second copy trimmed and with a paragraph of its own), through the popup's "Add
// this article" as any reader would. A third site's own story on the same event is then
// corroborated by both, and the sidebar counts the two copies as one independent source and
// lists the second under the first ("Also carried by"). Texts: tests/fixtures/copies/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimMatch } from '../../lib/types';
import { axeViolations } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { newsPage, readArticleFixture } from './news-pages';
import { tabState, UI_TIMEOUT, waitForSidebar } from './probes';
import { startServer, type TestServer } from './server';
import { tabStatesIn } from '../../lib/stored-tab-states';

const WIRE = readArticleFixture('tests/fixtures/copies/wire-original.txt');
const REGIONAL = readArticleFixture('tests/fixtures/copies/wire-copy-regional.txt');
const OTHER = readArticleFixture('tests/fixtures/copies/same-event-other-story.txt');
const WIRE_SITE = 'Kursk Wire Service';
const REGIONAL_SITE = 'Regional Courier';

declare const chrome: { storage: { session: { get(k: string | null): Promise<Record<string, unknown>> } } };

describe('syndicated copies in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    server.set('/wire/kursk.html', newsPage('wire-story', WIRE, { siteName: WIRE_SITE, published: '2024-10-25T06:00:00Z' }));
    server.set('/regional/kursk.html', newsPage('main-asides', REGIONAL, { siteName: REGIONAL_SITE, published: '2024-10-25T09:00:00Z' }));
    server.set('/herald/kursk.html', newsPage('wire-story', OTHER, { siteName: 'Capital Herald', published: '2024-10-26T08:00:00Z' }));
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function tabIdOf(page: Page): Promise<number> {
    await expect.poll(async () => (await tabState(browser, page))?.tabId, { timeout: UI_TIMEOUT }).toBeTypeOf('number');
    return (await tabState(browser, page))!.tabId;
  }

  /** Opens the page and adds it to the corpus with the popup's button, as a reader does. */
  async function addThroughPopup(path: string, headline: string): Promise<void> {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    const tabId = await tabIdOf(page);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.getByTestId('phase-ready').waitFor({ timeout: UI_TIMEOUT });
    const add = popup.getByRole('button', { name: 'Add this article to my reports' });
    await expect.poll(() => add.getAttribute('aria-disabled')).toBeNull();
    await add.click();
    await popup.getByTestId('popup-feedback').filter({ hasText: `Added “${headline}” to your reports.` }).waitFor({ timeout: UI_TIMEOUT });
    await popup.close();
    await page.close();
  }

  it('two copies of one wire story, added from two sites, count as one independent source in the sidebar', async () => {
    await addThroughPopup('/wire/kursk.html', WIRE.headline);
    await addThroughPopup('/regional/kursk.html', REGIONAL.headline);

    const page = await browser.context.newPage();
    await page.goto(server.url('/herald/kursk.html'));
    const frame = await waitForSidebar(browser, page);
    const tabId = await tabIdOf(page);
    const sw = await browser.serviceWorker();
    const state = tabStatesIn(await sw.evaluate(async () => chrome.storage.session.get(null))).find((s) => s.tabId === tabId)!;

    // The claim of this page that both copies back up, as the background found it.
    const claims = state.report!.claims;
    const index = claims.findIndex((c) => [WIRE_SITE, REGIONAL_SITE].every((site) => c.matches.some((m) => m.stance === 'corroborates' && m.outlet === site)));
    expect(index, `no claim backed by both copies among: ${claims.map((c) => c.text).join(' | ')}`).toBeGreaterThanOrEqual(0);
    const backing = claims[index]!.matches.filter((m) => m.stance === 'corroborates');
    const wire = backing.find((m) => m.outlet === WIRE_SITE)!;
    const regional = backing.find((m) => m.outlet === REGIONAL_SITE)!;
    // Neither copy names a source for this sentence: without copy detection each site would be a voice of its own.
    expect([wire.source, regional.source]).toEqual([null, null]);
    // A report is one voice, whichever of its sentences are listed (one may cite a source and
    // another none); reports citing the same source would be one voice too, and none here do.
    // So the copies counted once make one voice fewer than the reports.
    const reportsCiting = new Map<string, Set<string>>();
    for (const m of backing) if (m.source) reportsCiting.set(m.source, (reportsCiting.get(m.source) ?? new Set()).add(m.reportId));
    expect([...reportsCiting.values()].every((ids) => ids.size === 1)).toBe(true);
    const reports = new Set(backing.map((m: ClaimMatch) => m.reportId)).size;
    const independent = reports - 1;

    const side = frame.locator(`[data-claim="${index}"] .side--corroborates`);
    const expected = `${reports} ${reports === 1 ? 'report' : 'reports'}, ${independent} independent source${independent === 1 ? '' : 's'}`;
    await side.locator('.side__count').filter({ hasText: expected }).waitFor({ timeout: UI_TIMEOUT });
    console.log(`copies: "${await side.locator('.side__count').textContent()}" (${reports} if each site counted); ${await side.locator('.side__sources').textContent()}`);
    const sources = (await side.locator('.side__sources').textContent()) ?? '';
    expect(sources).toContain(WIRE_SITE);
    expect(sources).not.toContain(REGIONAL_SITE);

    // One site's report is listed (by whichever copy matched closest; a second sentence of it may be listed too),
    // and the other site only under it, as a copy, by name, readable as text.
    const listed = (m: ClaimMatch) => side.locator(`.report[data-report-id="${m.reportId}"]`).count();
    await expect.poll(async () => [await listed(wire), await listed(regional)].filter((n) => n === 0).length).toBe(1);
    const [shown, folded] = (await listed(wire)) > 0 ? [wire, regional] : [regional, wire];
    const copies = side.locator(`.report[data-report-id="${shown.reportId}"] .report__copies`).first();
    expect(await copies.textContent()).toContain('Also carried by');
    const foldedHeadline = folded === wire ? WIRE.headline : REGIONAL.headline;
    expect(await copies.locator(`[data-report-id="${folded.reportId}"]`).textContent()).toBe(`${folded.outlet}, 25 Oct 2024: ${foldedHeadline}`);

    // The copies list passes axe (colour contrast included) in both schemes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect.poll(() => frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      expect(await axeViolations(frame), colorScheme).toEqual([]);
    }
    await page.close();
  });
});
