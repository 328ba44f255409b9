// The reading experience in Firefox ESR with the built Firefox extension: the cases of the
// Chromium reading and popup tests that matter for a reader, on the same news page layouts
// (tests/fixtures/pages, tests/e2e/news-pages.ts), plus what Firefox does its own way: the sidebar is a
// moz-extension:// frame, pages' Content-Security-Policy, and storage.sync's quotas.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '../../lib/report-text';
import type { TabState } from '../../lib/protocol';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { layoutPage, newsPage, readArticleFixture, ARTICLE_BODY } from './news-pages';
import { SIDEBAR_SETTLED } from './probes';
import { startServer, type TestServer } from './server';
import { tabStatesIn } from '../../lib/stored-tab-states';

// The extension API as the functions handed to page.evaluate see it in an extension page.
declare const browser: {
  storage: {
    session: { get(k: string | null): Promise<Record<string, unknown>> };
    sync: {
      get(k: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(k: string | string[]): Promise<void>;
      getBytesInUse(k: string | null): Promise<number>;
    };
  };
};

const PAGES = ['wire-story', 'main-asides', 'live-blog'] as const;
const ARTICLE = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
const SEED_ID = '004_8cbaaadb9775d755';
const SEED = parseReportText(SEED_ID, readFileSync(`seeds/${SEED_ID}.txt`, 'utf8'), { origin: 'seed' });
/** A policy as strict as news sites get: no frames, no inline or foreign styles, no scripts. */
const STRICT_CSP = "default-src 'none'; frame-src 'none'; style-src 'none'; img-src 'none'; script-src 'none'";
const ARTIFACTS = 'tests/artifacts';
const UI_TIMEOUT = 20_000;
/** The open panel's width in the content script (sidebar-frame.ts PANEL_WIDTH_PX). */
const PANEL_WIDTH = 380;

let firefox: FirefoxWithExtension;
let server: TestServer;
/** An extension page kept open to read the extension's storage from its origin. */
let probe: Page;

beforeAll(async () => {
  server = await startServer();
  for (const name of PAGES) {
    server.set(`/real/${name}.html`, layoutPage(name));
    server.set(`/on/${name}.html`, newsPage(name, ARTICLE));
  }
  server.set('/seed/wire-story.html', newsPage('wire-story', { headline: SEED.title ?? '', paragraphs: SEED.text.split(/\n\s*\n/) }));
  server.set('/strict/wire-story.html', newsPage('wire-story', ARTICLE), 'text/html; charset=utf-8', { 'content-security-policy': STRICT_CSP });
  firefox = await launchFirefoxWithExtension();
  probe = await firefox.openExtensionPage('icon/16.png');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const open = (path: string): Promise<Page> => firefox.openPage(server.url(path));

/** What the background keeps for the tab showing this page (by URL: tab URLs need the "tabs" permission). */
async function tabState(page: Page): Promise<TabState | undefined> {
  const url = await page.evaluate(() => location.href);
  // As JSON: BiDi hands an object met twice in one value (state.topic is report.topic) back as undefined.
  const states = tabStatesIn(JSON.parse(await probe.evaluate(async () => JSON.stringify(await browser.storage.session.get(null)))) as Record<string, unknown>);
  return states.find((s) => s.url === url);
}

async function waitForSidebar(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(async () => (frame = await firefox.extensionFrame(page, 'sidebar.html')) !== undefined, { timeout: UI_TIMEOUT }).toBe(true);
  await expect.poll(() => frame!.evaluate((settled) => document.querySelectorAll(settled).length, SIDEBAR_SETTLED), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
  return frame!;
}

interface ListedReport { claim: string; stance: string; reportId: string; why: string }

/** The reports the sidebar lists, claim by claim, as the reader sees them. */
const listedReports = (frame: Frame) =>
  frame.evaluate(() => [...document.querySelectorAll('[data-claim] [data-stance]')].map((el) => ({
    claim: el.closest('[data-claim]')!.getAttribute('data-claim')!,
    stance: el.getAttribute('data-stance')!,
    reportId: el.getAttribute('data-report-id') ?? '',
    why: el.querySelector('.report__why')?.textContent?.trim() ?? '',
  })) as ListedReport[]);

const highlightedTexts = (page: Page) =>
  page.evaluate(() => [...((CSS.highlights.get('crosscheck-claim') as Set<Range> | undefined) ?? [])].map((r) => r.toString()));

/** Everything Crosscheck could have put into the page that a reader (or the page) could see. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    hosts: document.querySelectorAll('crosscheck-sidebar').length,
    highlights: CSS.highlights.size,
    marks: document.querySelectorAll('mark[data-crosscheck]').length,
    styles: document.querySelectorAll('style[data-crosscheck-style]').length,
    // The room the open panel takes beside the page.
    htmlMarginRight: document.documentElement.style.marginRight,
  }));
const NOTHING = { hosts: 0, highlights: 0, marks: 0, styles: 0, htmlMarginRight: '' };

const fold = (s: string) => s.toLowerCase().replace(/[\s'"‘’“”]/g, '');

describe('Firefox: an on-topic article on a news page', () => {
  for (const name of PAGES) {
    it(`${name}: the sidebar appears by itself with conflicting and corroborating reports, and the claims are highlighted`, async () => {
      const page = await open(`/on/${name}.html`);
      const frame = await waitForSidebar(page);
      let reports: ListedReport[] = [];
      await expect.poll(async () => (reports = await listedReports(frame)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      const conflicts = reports.filter((r) => r.stance === 'conflicts');
      const corroborations = reports.filter((r) => r.stance === 'corroborates');
      console.log(`firefox ${name}: ${new Set(reports.map((r) => r.claim)).size} claims listed, ${conflicts.length} conflicting and ${corroborations.length} corroborating reports; first conflict: ${conflicts[0]?.why ?? 'none'}`);
      expect(conflicts.length).toBeGreaterThan(0);
      expect(corroborations.length).toBeGreaterThan(0);
      for (const r of [...conflicts, ...corroborations]) {
        expect(r.reportId).toMatch(/\S/);
        expect(r.why).toMatch(/\w/);
      }
      // Conflicts first: the first listed claim has a conflicting report.
      expect(reports.find((r) => r.claim === reports[0]!.claim && r.stance === 'conflicts')).toBeDefined();

      // Every highlight is the text of a claim the sidebar lists.
      await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      const claims = (await frame.evaluate(() => [...document.querySelectorAll('[data-claim] .claim__text')].map((e) => e.textContent ?? ''))).map(fold);
      for (const text of await highlightedTexts(page)) expect(claims).toContain(fold(text));

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
      await page.screenshot({ path: `${ARTIFACTS}/sidebar-firefox-${name}.png` });
      await page.close();
    });
  }
});

describe('Firefox: the same pages with their own stories (not on the topic)', () => {
  for (const name of PAGES) {
    it(`${name}: nothing is shown and nothing visible is injected`, async () => {
      const page = await open(`/real/${name}.html`);
      await expect.poll(async () => (await tabState(page))?.status, { timeout: UI_TIMEOUT }).toMatch(/^(off-topic|not-article)$/);
      expect(await injected(page)).toEqual(NOTHING);
      expect(await firefox.extensionFrame(page, 'sidebar.html')).toBeUndefined();
      await page.close();
    });
  }
});

describe('Firefox: the popup', () => {
  it('shows the context of its tab: on topic, with the claim counts the analysis found', async () => {
    const page = await open('/seed/wire-story.html');
    await expect.poll(async () => (await tabState(page))?.status, { timeout: UI_TIMEOUT }).toBe('ready');
    const state = (await tabState(page))!;
    const popup = await firefox.openExtensionPage(`popup.html?tab=${state.tabId}`);
    const shown = () => popup.evaluate(() => ({
      heading: document.querySelector('[data-testid="phase-ready"] h2')?.textContent ?? null,
      claims: document.querySelector('[data-testid="count-claims"]')?.textContent ?? null,
      conflicting: document.querySelector('[data-testid="count-conflicting"]')?.textContent ?? null,
      score: document.querySelector('[data-testid="topic-score"]')?.textContent ?? null,
      corpus: document.querySelector('[data-testid="corpus-size"]')?.textContent ?? null,
    }));
    await expect.poll(async () => (await shown()).heading, { timeout: UI_TIMEOUT }).toMatch(/^On topic:/);

    const report = state.report!;
    const conflicting = report.claims.filter((c) => c.matches.some((m) => m.stance === 'conflicts')).length;
    const view = await shown();
    console.log(`firefox popup, seed ${SEED_ID} in the wire story: ${view.heading}; ${view.claims}, ${view.conflicting}, topic ${view.score}; ${view.corpus}`);
    expect(view.claims).toBe(`${report.claims.length} claims`);
    expect(view.conflicting).toBe(`${conflicting} conflicting`);
    expect(view.score).toBe((Math.round(report.topic.score * 100) / 100).toFixed(2));
    expect(view.corpus).toBe('5 reports in your corpus (5 shipped, 0 added)');
    await popup.close();
    await page.close();
  });
});

describe('Firefox: what it does its own way', () => {
  it('a page with a strict Content-Security-Policy still gets the sidebar frame and the claim highlights', async () => {
    const page = await open('/strict/wire-story.html');
    const frame = await waitForSidebar(page);
    expect((await listedReports(frame)).some((r) => r.stance === 'conflicts')).toBe(true);
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    // The policy blocks the page's own inline styles, not the extension's: the highlight
    // colours are a <style> the content script adds, which Firefox exempts from it.
    const sheets = await page.evaluate(() => {
      const pageStyle = document.createElement('style');
      pageStyle.textContent = 'p { outline: 1px solid red }';
      document.head.append(pageStyle);
      const ours = document.querySelector<HTMLStyleElement>('style[data-crosscheck-style]');
      return { ours: ours?.sheet != null, pages: pageStyle.sheet != null };
    });
    expect(sheets).toEqual({ ours: true, pages: false });
    await page.close();
  });

  it('the sidebar is a moz-extension:// frame the page cannot look into', async () => {
    const page = await open('/on/live-blog.html');
    const frame = await waitForSidebar(page);
    expect(await frame.evaluate(() => location.origin)).toBe(firefox.extensionUrl('').replace(/\/$/, ''));
    const why = (await listedReports(frame))[0]!.why;
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
      return {
        shadowRoot: host ? host.shadowRoot : undefined,
        frameCount: window.frames.length,
        pageIframes: document.querySelectorAll('iframe').length,
        frames,
        pageText: document.documentElement.innerText,
        databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
      };
    });
    expect(attempt.shadowRoot).toBeNull();
    // Firefox leaves frames inside shadow trees out of window.frames, as the HTML standard
    // says: the page cannot even enumerate the sidebar, let alone read it.
    expect(attempt.frameCount).toBe(attempt.pageIframes);
    for (const f of attempt.frames) expect(f.includes(why)).toBe(false);
    expect(attempt.pageText.includes(why)).toBe(false);
    expect(attempt.databases).not.toContain('crosscheck');
    await page.close();
  });

  it('storage.sync refuses an item over 8,192 bytes and more than 512 items, and says so in its own words', async () => {
    // lib/sync plans within these limits (CHROME_SYNC_LIMITS) and reads Firefox's one
    // QuotaExceededError message as a quota failure (classifySyncError).
    const result = await probe.evaluate(async () => {
      const attempt = async (items: Record<string, unknown>) => {
        try {
          await browser.storage.sync.set(items);
          return 'stored';
        } catch (error) {
          return String((error as Error).message ?? error);
        }
      };
      const many: Record<string, number> = {};
      for (let i = 0; i < 513; i++) many[`quota-probe-${i}`] = i;
      const out = {
        fits: await attempt({ 'quota-probe': 'x'.repeat(8_000) }),
        tooBig: await attempt({ 'quota-probe': 'x'.repeat(8_200) }),
        tooMany: await attempt(many),
      };
      await browser.storage.sync.remove(['quota-probe', ...Object.keys(many)]);
      return out;
    });
    console.log('firefox storage.sync:', result);
    expect(result.fits).toBe('stored');
    expect(result.tooBig).toMatch(/QuotaExceededError/);
    expect(result.tooMany).toMatch(/QuotaExceededError/);
  });
});

describe('Firefox: saving a claim', () => {
  it('“Save claim” in the sidebar puts the claim into storage.sync (Firefox Sync), under its own item', async () => {
    const page = await open('/on/main-asides.html');
    const frame = await waitForSidebar(page);
    const button = () => frame.evaluate(() => {
      const b = document.querySelector<HTMLButtonElement>('[data-claim] [data-action="save-claim"]');
      return b ? { disabled: b.disabled, label: b.textContent?.trim() ?? '', title: b.title } : null;
    });
    // A working button: enabled and saying what it does (not the disabled "arrives soon" stand-in
    // the sidebar shows when saving is not wired to it).
    expect(await button()).toMatchObject({ disabled: false, label: 'Save this claim', title: expect.not.stringMatching(/soon/i) });
    const claimText = await frame.evaluate(() => document.querySelector('[data-claim] .claim__text')?.textContent ?? '');
    const url = await page.evaluate(() => location.href);
    await frame.evaluate(() => document.querySelector<HTMLButtonElement>('[data-claim] [data-action="save-claim"]')!.click());
    await expect.poll(async () => (await button())?.label, { timeout: UI_TIMEOUT }).toBe('Saved');

    // docs/sync-format.md: one item per claim, `c:<claimId>`, with the article URL (l) and the claim (x).
    const synced = async () => {
      const items = JSON.parse(await probe.evaluate(async () => JSON.stringify(await browser.storage.sync.get(null)))) as Record<string, { l?: string; x?: string }>;
      return Object.entries(items).filter(([key, item]) => key.startsWith('c:') && item.l === url).map(([, item]) => fold(item.x ?? ''));
    };
    await expect.poll(synced, { timeout: UI_TIMEOUT }).toContain(fold(claimText));
    const usage = await probe.evaluate(async () => ({ keys: Object.keys(await browser.storage.sync.get(null)), bytes: await browser.storage.sync.getBytesInUse(null) }));
    console.log(`firefox storage.sync after one save: ${usage.keys.length} items [${usage.keys.join(', ')}], ${usage.bytes} bytes in use`);
    await page.close();
  });
});

describe('Firefox: an extension reload (as on an update)', () => {
  // Last in the file: a reload closes every extension page, the probe included.
  it('leaves the open page with one working sidebar: Firefox runs the new content script there, which replaces the old one’s', async () => {
    const page = await open('/on/live-blog.html');
    const before = await waitForSidebar(page);
    const oldFrame = await before.evaluate(() => performance.timeOrigin);
    await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);

    const reloader = await firefox.openExtensionPage('options.html');
    const reloadedAt = Date.now();
    await reloader.evaluate(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload());
    // A new sidebar document, from the new version, listing reports again.
    const freshSidebar = async (): Promise<Frame | undefined> => {
      const frame = await firefox.extensionFrame(page, 'sidebar.html');
      const seen = await frame?.evaluate(() => ({ started: performance.timeOrigin, reports: document.querySelectorAll('[data-stance]').length })).catch(() => null);
      return seen && seen.started !== oldFrame && seen.reports > 0 ? frame : undefined;
    };
    let after: Frame | undefined;
    await expect.poll(async () => (after = await freshSidebar()) !== undefined, { timeout: UI_TIMEOUT }).toBe(true);
    // The new version's background knows the page again: the new content script analysed it.
    probe = await firefox.openExtensionPage('icon/16.png');
    await expect.poll(async () => (await tabState(page))?.report?.analyzedAt ?? 0, { timeout: UI_TIMEOUT }).toBeGreaterThan(reloadedAt);
    expect((await tabState(page))?.status).toBe('ready');
    expect((await listedReports(after!)).some((r) => r.stance === 'conflicts')).toBe(true);
    expect(await injected(page)).toMatchObject({ hosts: 1, styles: 1, marks: 0, htmlMarginRight: `${PANEL_WIDTH}px` });
    expect((await highlightedTexts(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});
