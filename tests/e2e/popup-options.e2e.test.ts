// The toolbar popup and the options page in real Chromium with the built extension: the
// popup shows the context of the tab it was opened for, adding an article grows the corpus
// that later pages are matched against, and the options page manages the reports and the
// settings. Pages are our news page layouts (tests/fixtures/pages) carrying our articles.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '../../lib/report-text';
import type { TabState } from '../../lib/protocol';
import { axeViolations, axeViolationsInBothSchemes } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { newsPage, readArticleFixture } from './news-pages';
import { startServer, type TestServer } from './server';
import { tabStatesIn } from '../../lib/stored-tab-states';

/** Our news page whose article body we replace (a wire story: header, share bar, related links, comments). */
const TEMPLATE = 'wire-story';
/** An article of ours about North Korea's missiles, not about the topic (tests/fixtures/topic). */
const OFF_TOPIC_ARTICLE = readArticleFixture('tests/fixtures/topic/off-icbm-launch.txt');
const OFF_TOPIC_PAGE = 'main-asides';
const SEED_ID = '004_8cbaaadb9775d755';
const SEED = parseReportText(SEED_ID, readFileSync(`seeds/${SEED_ID}.txt`, 'utf8'), { origin: 'seed' });
const ADDED = readArticleFixture('tests/fixtures/popup-options/added-article.txt');
const NEXT = readArticleFixture('tests/fixtures/popup-options/next-article.txt');
const READY_TIMEOUT = 20_000;

interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string; pendingUrl?: string }[]> };
  storage: { session: { get(k: string | null): Promise<Record<string, unknown>> }; local: { get(k: string | null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

describe('popup and options page in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let addedReportId: string | null = null;

  beforeAll(async () => {
    server = await startServer();
    server.set('/world/seed-article.html', newsPage(TEMPLATE, { headline: SEED.title ?? '', paragraphs: SEED.text.split(/\n\s*\n/) }, { siteName: 'Seed Test News' }));
    server.set('/world/off-topic.html', newsPage(OFF_TOPIC_PAGE, OFF_TOPIC_ARTICLE));
    server.set('/world/added-article.html', newsPage(TEMPLATE, ADDED, { siteName: 'Kursk Test Daily', published: '2024-10-30T08:00:00Z' }));
    server.set('/world/next-article.html', newsPage('live-blog', NEXT, { siteName: 'Second Test Herald', published: '2024-10-31T08:00:00Z' }));
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const sw = () => browser.serviceWorker();

  /** The tab id of the page showing `url`, from the background (by address, or by the state the content script reported). */
  async function tabIdOf(url: string): Promise<number> {
    let id: number | null = null;
    await expect.poll(async () => {
      id = await (await sw()).evaluate(async (u) => {
        const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u || t.pendingUrl === u);
        if (tab?.id !== undefined) return tab.id;
        const states = await chrome.storage.session.get(null);
        const state = Object.entries(states).find(([key, s]) => key.startsWith('tab:') && (s as TabState).url === u)?.[1] as TabState | undefined;
        return state?.tabId ?? null;
      }, url);
      return id;
    }, { timeout: READY_TIMEOUT }).not.toBeNull();
    return id!;
  }

  async function tabState(tabId: number): Promise<TabState | null> {
    const items = await (await sw()).evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return chrome.storage.session.get(null);
    });
    return tabStatesIn(items).find((s) => s.tabId === tabId) ?? null;
  }

  async function openArticle(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await browser.context.newPage();
    await page.goto(server.url(path));
    return { page, tabId: await tabIdOf(server.url(path)) };
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    return popup;
  }

  async function expectAccessibleInBothSchemes(page: Page) {
    expect(await axeViolationsInBothSchemes(page)).toEqual([]);
  }

  it('the accessibility check catches low contrast in this browser (so its passes below mean something)', async () => {
    server.set('/contrast.html', '<!doctype html><html lang="en"><title>t</title><main><p style="color:#999;background:#aaa">Faint text</p></main></html>');
    const page = await browser.context.newPage();
    await page.goto(server.url('/contrast.html'));
    expect((await axeViolations(page)).map((v) => v.split(':')[0])).toContain('color-contrast');
    await page.close();
  });

  it('the popup shows the context of its tab: an on-topic article with score, evidence, claim counts and the top conflict', async () => {
    const { page, tabId } = await openArticle('/world/seed-article.html');
    const popup = await openPopup(tabId);
    await popup.getByRole('heading', { name: /^On topic:/ }).waitFor({ timeout: READY_TIMEOUT });

    const state = (await tabState(tabId))!;
    const report = state.report!;
    expect(state.status).toBe('ready');
    const claims = report.claims.length;
    const corroborated = report.claims.filter((c) => c.matches.some((m) => m.stance === 'corroborates')).length;
    const conflicting = report.claims.filter((c) => c.matches.some((m) => m.stance === 'conflicts')).length;
    const topConflict = report.claims
      .flatMap((c) => c.matches.filter((m) => m.stance === 'conflicts'))
      .sort((a, b) => b.score - a.score)[0];
    console.log(`popup, seed ${SEED_ID} in a ${TEMPLATE} page: topic ${report.topic.score.toFixed(2)} [${report.topic.evidence.join(', ')}], `
      + `${claims} claims, ${corroborated} corroborated, ${conflicting} conflicting; top conflict: ${topConflict?.why ?? 'none'}`);

    // The seeds disagree on the size of the force (1,500 arrived vs 12,000 planned): the page has conflicts.
    expect(conflicting).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('topic-score').textContent()).toBe((Math.round(report.topic.score * 100) / 100).toFixed(2));
    await expect.poll(() => popup.getByTestId('topic-evidence').locator('li').allTextContents()).toEqual(report.topic.evidence);
    await expect.poll(() => popup.getByTestId('count-claims').textContent()).toBe(`${claims} claims`);
    await expect.poll(() => popup.getByTestId('count-corroborated').textContent()).toBe(`${corroborated} corroborated`);
    await expect.poll(() => popup.getByTestId('count-conflicting').textContent()).toBe(`${conflicting} conflicting`);
    const first = popup.getByTestId('top-conflicts').locator('li').first();
    await expect.poll(() => first.locator('.why').textContent()).toContain(topConflict!.why);
    await expect.poll(() => popup.getByTestId('corpus-size').textContent()).toBe('5 reports in your corpus (5 shipped, 0 added)');

    // Keyboard: the first control takes focus with a visible ring, Enter opens the sidebar.
    await popup.keyboard.press('Tab');
    const focused = popup.locator(':focus');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    const toggle = popup.getByRole('button', { name: /the sidebar$/ });
    const wasOpen = /Close/.test((await toggle.textContent()) ?? '');
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: wasOpen ? 'Open the sidebar' : 'Close the sidebar' }).waitFor();
    await expect.poll(async () => (await tabState(tabId))?.sidebarOpen).toBe(!wasOpen);

    await expectAccessibleInBothSchemes(popup);
    await popup.close();
    await page.close();
  });

  it('the popup says calmly that a real article on another subject is off topic, and pauses and resumes the site', async () => {
    const { page, tabId } = await openArticle('/world/off-topic.html');
    const popup = await openPopup(tabId);
    await popup.getByRole('heading', { name: 'Off topic' }).waitFor({ timeout: READY_TIMEOUT });
    const state = (await tabState(tabId))!;
    console.log(`popup, ${OFF_TOPIC_PAGE}: status ${state.status}, topic ${state.report?.topic.score.toFixed(2) ?? state.topic?.score ?? 'not scored'}`);
    if (state.report) {
      await expect.poll(() => popup.getByTestId('topic-score').textContent()).toBe((Math.round(state.report.topic.score * 100) / 100).toFixed(2));
    }
    expect(await popup.getByTestId('claim-counts').count()).toBe(0);

    await popup.getByRole('button', { name: 'Pause Crosscheck on 127.0.0.1' }).click();
    await popup.getByRole('heading', { name: 'Paused on 127.0.0.1' }).waitFor();
    await popup.getByRole('button', { name: 'Resume Crosscheck on 127.0.0.1' }).click();
    await popup.getByRole('heading', { name: 'Off topic' }).waitFor({ timeout: READY_TIMEOUT });
    await expectAccessibleInBothSchemes(popup);
    await popup.close();
    await page.close();
  });

  it('“Add this article” puts a new article in the corpus, and the next page that repeats its claim is matched against it', async () => {
    const added = await openArticle('/world/added-article.html');
    const popup = await openPopup(added.tabId);
    const add = popup.getByRole('button', { name: 'Add this article to my reports' });
    await popup.getByTestId('phase-ready').or(popup.getByTestId('phase-off-topic')).waitFor({ timeout: READY_TIMEOUT });
    await expect.poll(() => add.getAttribute('aria-disabled')).toBeNull();
    await add.click();
    await popup.getByTestId('popup-feedback').filter({ hasText: `Added “${ADDED.headline}” to your reports.` }).waitFor();
    await popup.getByTestId('corpus-size').filter({ hasText: '6 reports in your corpus (5 shipped, 1 added)' }).waitFor();
    await popup.close();
    await added.page.close();

    const next = await openArticle('/world/next-article.html');
    const nextPopup = await openPopup(next.tabId);
    await nextPopup.getByTestId('phase-ready').waitFor({ timeout: READY_TIMEOUT });
    const state = (await tabState(next.tabId))!;
    const userMatches = state.report!.claims.flatMap((c) => c.matches.filter((m) => m.reportId.startsWith('user_')).map((m) => ({ ...m, claim: c.text })));
    console.log('next article, matches with the added report:', userMatches.map((m) => `${m.stance} (${m.score.toFixed(2)}, ${m.why}): ${m.claim.slice(0, 90)}`));
    expect(userMatches.some((m) => m.reportTitle === ADDED.headline && m.claim.includes('2,600'))).toBe(true);
    addedReportId = userMatches[0]!.reportId;
    await nextPopup.getByTestId('matched-reports').filter({ hasText: ADDED.headline }).waitFor();
    await nextPopup.close();
    await next.page.close();
  });

  it('the options page lists the seeds and the added report, shows one, deletes the added one, imports, exports, and keeps the settings', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const items = options.getByTestId('report-list').locator('li');
    await expect.poll(() => items.count(), { timeout: READY_TIMEOUT }).toBe(addedReportId ? 6 : 5);
    expect(await items.filter({ hasText: 'Seed' }).count()).toBe(5);
    expect(addedReportId, 'the report added from the popup in the previous test').not.toBeNull();
    const addedItem = items.filter({ hasText: ADDED.headline });
    expect(await addedItem.textContent()).toContain('Added by you');

    // One report in full.
    await items.filter({ hasText: SEED.title ?? '' }).getByRole('button').click();
    await options.getByTestId('report-text').filter({ hasText: '12,000 troops' }).waitFor();
    await options.getByTestId('seed-note').filter({ hasText: 'cannot be deleted' }).waitFor();
    await expectAccessibleInBothSchemes(options);

    // Delete the added one, by keyboard: the confirmation takes focus on Cancel.
    await addedItem.getByRole('button').click();
    await options.locator('#report-detail-title').filter({ hasText: ADDED.headline }).waitFor();
    await options.getByText('2,600 North Korean soldiers travelled by train').waitFor();
    await options.getByRole('button', { name: 'Delete this report' }).focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await options.keyboard.press('Shift+Tab');
    await options.keyboard.press('Enter');
    await options.getByTestId('reports-notice').filter({ hasText: `Deleted “${ADDED.headline}”.` }).waitFor();
    await expect.poll(() => items.count()).toBe(5);

    // Import a Crosscheck JSON file and a malformed one.
    const importFile = JSON.stringify({ format: 'crosscheck-reports', version: 1, reports: [{ title: NEXT.headline, outlet: 'Second Test Herald', date: '2024-10-31', text: NEXT.paragraphs.join('\n\n') }] });
    await options.locator('#import-files').setInputFiles([
      { name: 'reports.json', mimeType: 'application/json', buffer: Buffer.from(importFile) },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"reports": [{"title": ') },
    ]);
    const summary = options.getByTestId('import-summary');
    await summary.filter({ hasText: 'Imported 1 report.' }).waitFor();
    expect(await summary.textContent()).toMatch(/Skipped 1 entry:\s*broken\.json: not valid JSON \(.+\)/);
    await items.filter({ hasText: NEXT.headline }).waitFor();
    await expect.poll(() => items.count()).toBe(6);

    // Export: a JSON file with the reader's reports.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export my reports' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^crosscheck-reports-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { reports: { title: string }[] };
    expect(exported.reports.map((r) => r.title)).toEqual([NEXT.headline]);

    // Settings: sensitivity by keyboard, a paused site; both survive a reload.
    const slider = options.getByRole('slider', { name: 'Sensitivity of topic detection' });
    await slider.focus();
    await options.keyboard.press('ArrowLeft');
    await options.keyboard.press('ArrowLeft');
    await options.getByTestId('settings-outcome').filter({ hasText: 'Sensitivity set to 0.40.' }).waitFor();
    await options.getByLabel('Pause Crosscheck on a site').fill('https://www.example.com/news');
    await options.getByRole('button', { name: 'Pause this site' }).click();
    await options.getByTestId('paused-sites').filter({ hasText: 'example.com' }).waitFor();
    await options.reload();
    await options.getByTestId('sensitivity-value').filter({ hasText: '0.40' }).waitFor();
    await options.getByTestId('paused-sites').filter({ hasText: 'example.com' }).waitFor();
    const stored = await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return ((await chrome.runtime.sendMessage({ crosscheck: 1, type: 'settings/get', payload: null })) as { value: { sensitivity: number; pausedSites: string[] } }).value;
    });
    expect(stored).toMatchObject({ sensitivity: 0.4, pausedSites: ['example.com'] });
    // Kept by the background, not in storage.local, which content scripts could read.
    const local = await (await sw()).evaluate(async () => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.get(null));
    expect(JSON.stringify(local)).not.toContain('example.com');
    await expectAccessibleInBothSchemes(options);
    await options.close();
  });
});
