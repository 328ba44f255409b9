// The reading experience in real Chromium with the built extension: our news page layouts
// (tests/fixtures/pages: wire story, article among asides, live blog, single-page app) with
// their story swapped for an on-topic article show the sidebar and the highlighted claims by
// themselves; the same pages with their own stories get nothing; single-page navigations
// bring and remove the sidebar; the page's own scripts cannot read what the sidebar shows;
// and the sidebar works with the keyboard alone.
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { profileContentScript, type MainThreadCost } from './main-thread';
import { layoutPage, newsPage, readArticleFixture, spaPage, ARTICLE_BODY, type ArticleText } from './news-pages';
import {
  contentCost,
  highlightedTexts,
  injected,
  NOTHING_INJECTED as NOTHING,
  SIDEBAR_SETTLED,
  sidebarFrame,
  tabState,
  UI_TIMEOUT,
  waitForSidebar,
  waitForSidebarFrame,
} from './probes';
import { startServer, type TestServer } from './server';
import { pressShortcut } from './shortcut';
import { ARTICLE_LABELS, reasonProblem } from '../unit/helpers/reasons';
import type { ContentCost } from '../../lib/protocol';

// The extension APIs as the functions handed to sw.evaluate / frame.evaluate see them there.
declare const chrome: {
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
};

const PAGES = ['wire-story', 'main-asides', 'live-blog'] as const;
const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
const ARTIFACTS = 'tests/artifacts';
/** The open panel's width in the content script (sidebar-frame.ts PANEL_WIDTH_PX). */
const PANEL_WIDTH = 380;
/** The manifest's suggested key for the toggle-sidebar command (wxt.config.ts). */
const SHORTCUT = 'Alt+Shift+K';
/** The late page's own script puts its article in after this long (ms). */
const LATE_ARTICLE_MS = 1_500;

let browser: ExtensionBrowser;
let server: TestServer;
const costs: { page: string; kind: string; status: string; cost: MainThreadCost; own: ContentCost }[] = [];

/**
 * The wire story unchanged, plus a script of the page's own that puts the on-topic article in
 * its body a while after load, as client-rendered pages do.
 */
function pageThatSwaps(article: ArticleText): string {
  const data = JSON.stringify(article).replace(/</g, '\\u003c');
  const script = `<script>
(() => {
  const article = ${data};
  const body = document.querySelector(${JSON.stringify(ARTICLE_BODY['wire-story'])});
  const h1 = document.querySelector('h1');
  const swapIn = () => {
    body.replaceChildren(...article.paragraphs.map((t) => { const p = document.createElement('p'); p.textContent = t; return p; }));
    h1.textContent = article.headline;
    document.title = article.headline;
  };
  setTimeout(swapIn, ${LATE_ARTICLE_MS});
})();
</script>`;
  return layoutPage('wire-story').replace(/<\/body>/i, `${script}</body>`);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  for (const name of PAGES) {
    server.set(`/real/${name}.html`, layoutPage(name));
    server.set(`/on/${name}.html`, newsPage(name, ARTICLE));
  }
  // The single-page app opens on an off-topic story; its "World" link swaps in the article.
  const offTopic = readArticleFixture('tests/fixtures/topic/off-icbm-launch.txt');
  server.set('/spa/start', spaPage([{ section: 'Local', article: offTopic }, { section: 'World', article: ARTICLE }]));
  server.set('/late/wire-story.html', pageThatSwaps(ARTICLE));
  for (const story of NEAR_TOPIC_STORIES) server.set(`/near/${story}.html`, newsPage('wire-story', readArticleFixture(`tests/fixtures/topic/${story}.txt`)));
  browser = await launchWithExtension();
  await setSettings({ sidebarCollapsed: false });
});

// Each test starts from the default: the sidebar opens on wide pages.
beforeEach(() => setSettings({ sidebarCollapsed: false }));

afterAll(async () => {
  if (costs.length > 0) {
    // Two views: the content script's own clock per step (its code only), and V8's
    // sampling profiler from outside (also script compile and evaluation; slowed by the
    // profiler, so an upper bound). Machines shared with other jobs make both noisy.
    console.log('\nContent-script main-thread time, ms');
    const cols = ['page', 'kind', 'status', 'start', 'cheap', 'article?', 'extract', 'highlight', 'mount', 'longest step', 'profiler total', 'profiler longest'];
    console.log(cols.join(' | '));
    for (const { page, kind, status, own, cost } of costs) {
      const row = [page, kind, status, own.startMs, `${own.cheapCheckMs} (${own.cheapChecks}x)`, own.articleCheckMs, own.extractMs, own.highlightMs, own.mountMs, own.longestStepMs, cost.totalMs, cost.longestMs];
      console.log(row.join(' | '));
    }
  }
  await browser?.close();
  await server?.close();
});

/** Changes the settings the way the options page does (the background keeps them where pages cannot read them). */
async function setSettings(patch: Record<string, unknown>) {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  const reply = await options.evaluate((p) => chrome.runtime.sendMessage({ crosscheck: 1, type: 'settings/set', payload: p }), patch);
  expect(reply).toMatchObject({ ok: true });
  await options.close();
}

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  // The saved pages name their sites' scripts and images; nothing leaves this machine.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

const tabStatus = async (page: Page) => (await tabState(browser, page))?.status;

/** Our own near-topic stories (tests/fixtures/topic) whose prose scores far below the topic's threshold. */
const NEAR_TOPIC_STORIES = ['off-pact-signing', 'off-workers-in-russia'];

/** The labelled claims of the article these pages carry (tests/fixtures/own-article-labels.json). */
const READING_LABELS = ARTICLE_LABELS.filter((l) => l.article === 'reading/on-topic-article.txt');

/** The reports the sidebar lists with this stance beside the claim whose text holds `fragment`. */
async function reportsBeside(frame: Frame, fragment: string, stance: string) {
  const card = frame.locator('[data-claim]').filter({ has: frame.locator('.claim__text', { hasText: fragment }) }).first();
  await card.locator(`[data-stance="${stance}"]`).first().waitFor({ timeout: UI_TIMEOUT });
  const claimText = (await card.locator('.claim__text').textContent()) ?? '';
  const reports = await card.locator(`[data-stance="${stance}"]`).evaluateAll((els) =>
    els.map((el) => ({
      reportId: el.getAttribute('data-report-id') ?? '',
      why: el.querySelector('.report__why')?.textContent ?? '',
      reportClaim: el.querySelector('.report__claim')?.textContent ?? '',
      source: el.querySelector('.report__source')?.textContent ?? '',
    })),
  );
  return reports.map((r) => ({ ...r, claimText }));
}

const fold = (s: string) => s.toLowerCase().replace(/[\s'"‘’“”]/g, '');

describe('an on-topic article on a news page', () => {
  for (const name of PAGES) {
    it(`${name}: the sidebar appears by itself with conflicting and corroborating reports, and the claims are highlighted`, async () => {
      const page = await newPage();
      const cost = await profileContentScript(browser.context, page, async () => {
        await page.goto(server.url(`/on/${name}.html`), { waitUntil: 'domcontentloaded' });
        await waitForSidebar(browser, page);
        await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      });
      const own = await contentCost(browser, page);
      costs.push({ page: name, kind: 'on-topic', status: (await tabStatus(page)) ?? '?', cost, own });
      // The reader starts from the first stage's verdict: the page is checked once, not twice.
      expect(own.cheapChecks).toBe(1);
      const frame = sidebarFrame(browser, page)!;

      // Each labelled claim of the article is listed with a labelled seed as conflicting or
      // corroborating, and a reason that names what the two sentences say.
      expect(READING_LABELS.map((l) => l.stance)).toEqual(expect.arrayContaining(['conflicts', 'corroborates']));
      for (const label of READING_LABELS) {
        const shown = await reportsBeside(frame, label.claim, label.stance);
        const fitting = shown.filter(
          (r) => label.reports.some((seed) => r.reportId.startsWith(seed)) && reasonProblem(r.why, r.claimText, `${r.reportClaim} ${r.source}`, label.reason, label.stance) === null,
        );
        expect(fitting, `“${label.claim}” ${label.stance} ${label.reports.join('/')} (${label.note}); shown: ${JSON.stringify(shown)}`).not.toEqual([]);
      }
      // Conflicts first: the first listed claim has a conflicting report.
      await expect.poll(() => frame.locator('[data-claim]').first().locator('[data-stance="conflicts"]').count()).toBeGreaterThan(0);
      await expect.poll(() => frame.locator('.side__count').first().textContent()).toMatch(/^\d+ reports?(, \d+ independent sources?)?$/);

      // Every highlight is the text of a claim the sidebar lists.
      const claims = (await frame.locator('[data-claim] .claim__text').allTextContents()).map(fold);
      const highlighted = await highlightedTexts(page);
      expect(highlighted.length).toBeGreaterThan(0);
      for (const text of highlighted) expect(claims).toContain(fold(text));

      // The open panel sits beside the article, not over it.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe(`${PANEL_WIDTH}px`);
      const articleRight = await page.evaluate((sel) => document.querySelector(sel)!.getBoundingClientRect().right, ARTICLE_BODY[name]!);
      expect(articleRight).toBeLessThanOrEqual(1400 - PANEL_WIDTH);

      // A screenshot with the first highlighted claim in view.
      await page.evaluate(() => {
        const first = [...((CSS.highlights.get('crosscheck-claim') as Set<Range> | undefined) ?? [])][0];
        const top = first ? first.getBoundingClientRect().top + scrollY - 160 : 0;
        scrollTo(0, Math.max(0, top));
      });
      await page.screenshot({ path: `${ARTIFACTS}/sidebar-${name}.png` });
      await page.close();
    });
  }
});

describe('the sidebar frame loads while the article is read', () => {
  it('unseen and without moving the page, then shows the claims in the same frame once they are known', async () => {
    const page = await newPage();
    // The page's own record of the sidebar's host: when it arrived and when it lost its
    // waiting mark, and the room reserved beside the page at each change.
    await page.addInitScript(() => {
      const seen: { at: number; waiting: boolean; shift: string }[] = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const host = document.querySelector('crosscheck-sidebar');
        const now = { at: performance.now(), waiting: host?.hasAttribute('data-crosscheck-waiting') ?? false, shift: document.documentElement.style.marginRight };
        const last = seen.at(-1);
        if (host && (!last || last.waiting !== now.waiting || last.shift !== now.shift)) seen.push(now);
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-crosscheck-waiting', 'style'] });
    });
    await page.goto(server.url(`/on/${PAGES[0]}.html`), { waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebar(browser, page);
    const seen = await page.evaluate(() => (window as unknown as { __seen: { at: number; waiting: boolean; shift: string }[] }).__seen);
    // First unseen, the page at its own width; then shown, beside the page.
    expect(seen[0]).toMatchObject({ waiting: true, shift: '' });
    expect(seen.filter((s) => s.waiting).every((s) => s.shift === '')).toBe(true);
    const shownAt = seen.find((s) => !s.waiting)!;
    expect(seen.at(-1)).toMatchObject({ waiting: false, shift: `${PANEL_WIDTH}px` });
    // One host all along, and the frame that lists the claims began loading before it was shown.
    expect((await injected(page)).hosts).toBe(1);
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const frameOrigin = await frame.evaluate(() => performance.timeOrigin);
    expect(frameOrigin).toBeLessThan(pageOrigin + shownAt.at);
    await page.close();
  });
});

describe('the sidebar’s accessibility in Chromium (with layout, so colour contrast counts)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe-core in the ${scheme} scheme, open and collapsed`, async () => {
      const page = await newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url('/on/live-blog.html'), { waitUntil: 'domcontentloaded' });
      const frame = await waitForSidebar(browser, page);
      expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      const violations = () => axeViolations(frame);
      expect(await violations()).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/sidebar-${scheme}.png` });
      // Collapsed to the handle.
      await frame.locator('.panel__collapse').press('Enter');
      await frame.locator('button.handle').waitFor({ timeout: UI_TIMEOUT });
      expect(await violations()).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/sidebar-${scheme}-collapsed.png` });
      await page.close();
    });
  }
});

describe('the same pages with their own stories (not on the topic)', () => {
  for (const name of PAGES) {
    it(`${name}: nothing is shown and nothing visible is injected`, async () => {
      const page = await newPage();
      let status: string | undefined;
      const cost = await profileContentScript(browser.context, page, async () => {
        await page.goto(server.url(`/real/${name}.html`), { waitUntil: 'domcontentloaded' });
        await expect.poll(async () => (status = await tabStatus(page)), { timeout: UI_TIMEOUT }).toMatch(/^(off-topic|not-article)$/);
      });
      costs.push({ page: name, kind: 'unchanged', status: status!, cost, own: await contentCost(browser, page) });
      expect(await injected(page)).toEqual(NOTHING);
      expect(sidebarFrame(browser, page)).toBeUndefined();
      await page.screenshot({ path: `${ARTIFACTS}/unchanged-${name}.png` });
      await page.close();
    });
  }
});

describe('near-topic stories on a news page (they name North Korea and Russia, so they pass the quick check)', () => {
  for (const story of NEAR_TOPIC_STORIES) {
    it(`${story}: let go on its prose's topic score, before Readability reads the page`, async () => {
      const page = await newPage();
      await page.goto(server.url(`/near/${story}.html`), { waitUntil: 'domcontentloaded' });
      await expect.poll(() => tabStatus(page), { timeout: UI_TIMEOUT }).toBe('off-topic');
      const own = await contentCost(browser, page);
      // The reader took the page over (it gathered the prose), and extracted nothing.
      expect(own.cheapChecks).toBe(1);
      expect(own.proseMs).toBeGreaterThan(0);
      expect(own.extractMs).toBe(0);
      // The popup shows the score the verdict came from.
      expect((await tabState(browser, page))?.topic).toMatchObject({ onTopic: false, score: expect.any(Number) });
      expect(await injected(page)).toEqual(NOTHING);
      expect(sidebarFrame(browser, page)).toBeUndefined();
      await page.close();
    });
  }
});

describe('single-page navigation', () => {
  it('brings the sidebar when the site swaps in an on-topic article, and history.back() removes it', async () => {
    const page = await newPage();
    await page.goto(server.url('/spa/start'), { waitUntil: 'domcontentloaded' });
    await expect.poll(() => tabStatus(page), { timeout: UI_TIMEOUT }).toBe('off-topic');
    expect(await injected(page)).toEqual(NOTHING);

    await page.getByRole('link', { name: 'World' }).click();
    expect(page.url()).toMatch(/\/spa\/story-1$/);
    const frame = await waitForSidebar(browser, page);
    await frame.locator('[data-stance="conflicts"]').first().waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);

    await page.evaluate(() => history.back());
    await expect.poll(() => injected(page), { timeout: UI_TIMEOUT }).toEqual(NOTHING);
    expect(page.url()).toMatch(/\/spa\/start$/);
    await expect.poll(() => tabStatus(page), { timeout: UI_TIMEOUT }).toBe('off-topic');
    await page.close();
  });
});

describe('an article that arrives after load', () => {
  it('is noticed when the page’s script puts it in, without a navigation', async () => {
    const page = await newPage();
    await page.goto(server.url('/late/wire-story.html'), { waitUntil: 'domcontentloaded' });
    // At first the page is the old, off-topic story.
    await expect.poll(() => tabStatus(page), { timeout: UI_TIMEOUT }).toBe('off-topic');
    expect(await injected(page)).toEqual(NOTHING);
    const frame = await waitForSidebar(browser, page);
    await frame.locator('[data-stance="conflicts"]').first().waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    const own = await contentCost(browser, page);
    expect(own.cheapChecks).toBeGreaterThanOrEqual(2);
    console.log(`late article: found after ${own.cheapChecks} cheap checks (${own.cheapCheckMs} ms in all)`);
    await page.close();
  });
});

describe('a narrow window', () => {
  it('starts with the sidebar collapsed to its handle and leaves the page’s width alone', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(server.url('/on/main-asides.html'), { waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebarFrame(browser, page);
    await frame.locator('button.handle').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await frame.evaluate(() => innerWidth)).toBeLessThan(60);
    expect((await injected(page)).pageShift).toBe('');
    await page.close();
  });
});

describe('a click on a highlighted claim', () => {
  it('brings that claim up in the sidebar, and the page’s own click handlers still run', async () => {
    const page = await newPage();
    await page.goto(server.url('/on/live-blog.html'), { waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebar(browser, page);
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(2);
    await page.evaluate(() => {
      (window as unknown as { __clicks: number }).__clicks = 0;
      document.addEventListener('click', () => (window as unknown as { __clicks: number }).__clicks++);
    });
    // The middle of the third highlighted claim's first line, scrolled into view.
    const point = await page.evaluate(() => {
      const range = [...((CSS.highlights.get('crosscheck-claim') as Set<Range> | undefined) ?? [])][2]!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: range.toString() };
    });
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
    const current = frame.locator('[data-claim][aria-current="true"] .claim__text');
    await current.waitFor({ timeout: UI_TIMEOUT });
    expect(fold((await current.textContent()) ?? '')).toBe(fold(point.text));
    await page.close();
  });
});

describe('the page’s own scripts', () => {
  it('cannot read the sidebar’s content or the extension’s data', async () => {
    const page = await newPage();
    // Runs in the page's world before its scripts: records every message event it can hear.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
    });
    await page.goto(server.url('/on/live-blog.html'), { waitUntil: 'domcontentloaded' });
    const frame = await waitForSidebar(browser, page);
    const shown = await frame.locator('.report__why').first().textContent();
    const reportTitle = await frame.locator('.report__title').first().textContent();
    expect(shown).toMatch(/\w/);

    const attempt = await page.evaluate(async () => {
      const host = document.querySelector('crosscheck-sidebar');
      const frames: string[] = [];
      for (let i = 0; i < window.frames.length; i++) {
        try {
          frames.push(window.frames[i]!.document.body.innerText);
        } catch (error) {
          frames.push(`blocked: ${(error as Error).name}`);
        }
      }
      const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
      return {
        hostFound: host !== null,
        shadowRoot: host ? host.shadowRoot : undefined,
        insideHost: host ? host.querySelectorAll('*').length + host.childNodes.length : 0,
        extensionIframes: [...document.querySelectorAll('iframe')].filter((f) => f.src.startsWith('chrome-extension:')).length,
        frames,
        pageText: document.documentElement.innerText,
        databases,
        runtime: typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
        heard: (window as unknown as { __heard: string[] }).__heard,
      };
    });
    expect(attempt.hostFound).toBe(true); // the host is there (a closed box)…
    expect(attempt.shadowRoot).toBeNull(); // …that cannot be opened,
    expect(attempt.insideHost).toBe(0); // holds nothing the page can query,
    expect(attempt.extensionIframes).toBe(0);
    // and the frame inside is another origin: its document is out of reach.
    for (const f of attempt.frames) expect(f.includes(shown!.trim())).toBe(false);
    expect(attempt.pageText.includes(shown!.trim())).toBe(false);
    expect(attempt.pageText.includes(reportTitle!.trim())).toBe(false);
    expect(attempt.databases).not.toContain('crosscheck');
    expect(attempt.runtime).toBe('undefined');
    // Nothing that crosses as a window message carries our data or our messages.
    const heard = attempt.heard.join('\n');
    expect(heard.includes(shown!.trim())).toBe(false);
    expect(heard.includes(reportTitle!.trim())).toBe(false);
    expect(heard).not.toMatch(/"crosscheck":1/);
    console.log(`page-world probe: ${attempt.frames.length} frames (${attempt.frames.filter((f) => f.startsWith('blocked')).length} blocked), ${attempt.heard.length} message events heard, databases [${attempt.databases.join(', ')}]`);
    await page.close();
  });
});

describe('the keyboard alone', () => {
  it('opens the sidebar, moves through claims, jumps to one in the page, collapses and closes it', async () => {
    await setSettings({ sidebarCollapsed: true });
    const page = await newPage();
    await page.goto(server.url('/on/wire-story.html'), { waitUntil: 'domcontentloaded' });
    // Collapsed, the frame shows only the handle.
    const frame = await waitForSidebarFrame(browser, page);
    await frame.locator('button.handle').waitFor({ timeout: UI_TIMEOUT });
    expect(await frame.locator('[data-claim]').count()).toBe(0);
    const isOpen = () => frame.evaluate(() => innerWidth > 120);
    const focusedClaim = () => frame.evaluate(() => document.activeElement?.closest('[data-claim]')?.getAttribute('data-claim') ?? null);

    // The shortcut, pressed as a reader presses it: a key event that Chromium routes to the
    // extension's commands (see shortcut.ts). The manifest's shortcut is the one assigned.
    const sw = await browser.serviceWorker();
    const commands = await sw.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-sidebar')?.shortcut).toBe(SHORTCUT);
    await page.bringToFront();
    await pressShortcut(browser.context, page, SHORTCUT);
    await expect.poll(isOpen, { timeout: UI_TIMEOUT }).toBe(true);

    // Focus lands on the first claim; arrows and Tab move through claims.
    await frame.locator(SIDEBAR_SETTLED).first().waitFor({ timeout: UI_TIMEOUT });
    const order = await frame.locator('[data-claim]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
    expect(order.length).toBeGreaterThan(1);
    await expect.poll(focusedClaim, { timeout: UI_TIMEOUT }).toBe(order[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedClaim).toBe(order[1]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedClaim).toBe(order[0]);
    // Tab reaches the claim's own controls (its save button) before the next claim.
    const focusedAction = () => frame.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null);
    await page.keyboard.press('Tab');
    await expect.poll(focusedAction).toBe('save-claim');
    await expect.poll(focusedClaim).toBe(order[0]);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focusedClaim).toBe(order[0]);
    await expect.poll(focusedAction).toBe(null);

    // Escape collapses to the handle, which takes the focus; Enter opens it again.
    await page.keyboard.press('Escape');
    await expect.poll(isOpen, { timeout: UI_TIMEOUT }).toBe(false);
    await expect.poll(() => frame.evaluate(() => document.activeElement?.classList.contains('handle') ?? false)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(isOpen, { timeout: UI_TIMEOUT }).toBe(true);
    await expect.poll(focusedClaim, { timeout: UI_TIMEOUT }).toBe(order[0]);

    // Enter on a claim far down the article scrolls it into view and moves focus to it.
    await page.keyboard.press('End');
    const last = order[order.length - 1]!;
    await expect.poll(focusedClaim).toBe(last);
    await page.evaluate(() => scrollTo(0, 0));
    await page.keyboard.press('Enter');
    const claimInView = () =>
      page.evaluate(() => {
        const range = [...((CSS.highlights.get('crosscheck-claim-focus') as Set<Range> | undefined) ?? [])][0];
        if (!range) return 'no focused claim';
        const r = range.getBoundingClientRect();
        const focused = document.activeElement?.contains(range.startContainer) ?? false;
        return r.top >= 0 && r.bottom <= innerHeight && focused ? 'in view, focused' : `top ${Math.round(r.top)}, focused ${focused}`;
      });
    await expect.poll(claimInView, { timeout: UI_TIMEOUT }).toBe('in view, focused');
    // The highlights are painted again when the tab's state changes (the figures, remembered
    // reading): read the focused claim as the reader sees it settle, not at one instant.
    const wanted = fold((await frame.locator(`[data-claim="${last}"] .claim__text`).textContent()) ?? '');
    const jumped = () => page.evaluate(() => [...((CSS.highlights.get('crosscheck-claim-focus') as Set<Range> | undefined) ?? [])][0]?.toString() ?? '');
    await expect.poll(async () => fold(await jumped()), { timeout: UI_TIMEOUT }).toBe(wanted);

    // The same shortcut closes it, pressed while the focus is inside the sidebar.
    await pressShortcut(browser.context, page, SHORTCUT);
    await expect.poll(isOpen, { timeout: UI_TIMEOUT }).toBe(false);
    await page.close();
  });
});

describe('an extension reload (as on an update)', () => {
  it('takes the old sidebar and highlights off the page, with no "Extension context invalidated" error', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (/context invalidated/i.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => {
      if (/context invalidated/i.test(e.message)) errors.push(e.message);
    });
    await page.goto(server.url('/on/live-blog.html'), { waitUntil: 'domcontentloaded' });
    await waitForSidebar(browser, page);
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    const sw = await browser.serviceWorker();
    await sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => injected(page), { timeout: UI_TIMEOUT }).toEqual(NOTHING);
    expect(errors).toEqual([]);
    await page.close();
  });
});
