// Hostile pages in real Chromium with the built extension (tests/e2e/hostile-pages.ts makes
// them): the page keeps working (its own timers and animation frames keep running, an
// off-topic page's DOM and layout are left exactly as they were), the extension throws
// nothing into it, the content script stays within its time budget, and where the page
// carries the on-topic article the sidebar shows the right results. One browser for the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVER_BUDGET_NOTE, PASS_BUDGET_MS } from '../../entrypoints/crosscheck.content/cost-meter';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { hostilePages, longArticlePage, PAGE_OWN_ERROR, type HostilePage } from './hostile-pages';
import {
  collectErrors, contentCost, highlightedTexts, injected, NOTHING_INJECTED, sidebarFrame, tabState, UI_TIMEOUT, waitForSidebar, waitForStatus,
} from './probes';
import { startServer, type TestServer } from './server';

/** How long the throttled page may take to reach the script's verdict (ms). */
const THROTTLED_TIMEOUT_MS = 90_000;
/** How long the page is watched for liveness after Crosscheck has done its work (ms). */
const LIVENESS_WINDOW_MS = 600;
/** The page's 20 ms timer must fire at least this many times in that window (a frozen page: 0). */
const MIN_TICKS = 10;
/** After an off-topic verdict, the late-content watcher is given this long to do something it should not (ms). */
const QUIET_WATCH_MS = 1_500;

let browser: ExtensionBrowser;
let server: TestServer;
const PAGES = hostilePages();
const rows: string[][] = [];

beforeAll(async () => {
  server = await startServer();
  server.set('/favicon.ico', '', 'image/x-icon');
  for (const p of PAGES) server.set(`/hostile/${p.id}`, p.html, 'text/html; charset=utf-8', p.headers ?? {});
  browser = await launchWithExtension();
});

afterAll(async () => {
  console.log('\nHostile pages in Chromium: outcome, content-script main-thread time (its own clock), page liveness');
  console.log(['page', 'on topic', 'outcome', 'to sidebar (ms)', 'content total (ms)', 'longest step (ms)', 'page timer ticks in 600 ms', 'errors from Crosscheck'].join(' | '));
  for (const row of rows) console.log(row.join(' | '));
  await browser?.close();
  await server?.close();
});

interface Liveness { ticks: number; frames: number }
const liveness = (page: Page) => page.evaluate(() => ({ ticks: (window as unknown as { __ticks: number }).__ticks, frames: (window as unknown as { __frames: number }).__frames }));

async function ticksOver(page: Page, ms: number): Promise<Liveness> {
  const a = await liveness(page);
  await page.waitForTimeout(ms);
  const b = await liveness(page);
  return { ticks: b.ticks - a.ticks, frames: b.frames - a.frames };
}

/** The page's DOM and the boxes of its main blocks, to show an off-topic page untouched. */
const layoutOf = (page: Page) =>
  page.evaluate(() => ({
    html: document.documentElement.outerHTML.length,
    attributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
    boxes: [...document.querySelectorAll('header, main, article, h1, footer')].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.tagName, Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)].join(',');
    }),
  }));

async function open(p: HostilePage): Promise<{ page: Page; errors: ReturnType<typeof collectErrors>; started: number }> {
  const page = await browser.context.newPage();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const errors = collectErrors(page);
  const started = Date.now();
  await page.goto(server.url(`/hostile/${p.id}`), { waitUntil: 'domcontentloaded', timeout: 30_000 });
  return { page, errors, started };
}

/** Checks shared by every page: alive, no errors of ours, within budget. Returns the row's figures. */
async function checkPageKeptWorking(p: HostilePage, page: Page, errors: ReturnType<typeof collectErrors>) {
  const alive = await ticksOver(page, LIVENESS_WINDOW_MS);
  expect(alive.ticks, 'the page’s own timer kept firing').toBeGreaterThanOrEqual(MIN_TICKS);
  expect(alive.frames, 'the page kept painting frames').toBeGreaterThan(0);
  const cost = await contentCost(browser, page);
  const total = cost.totalMs;
  // How long the steps took is printed in the table below and measured by the benchmark
  // (npm run bench), not asserted here: on a shared two-core machine a timed assertion fails
  // with the machine's load, not with the code. What this test holds is that the page kept working.
  // The page's own error arrived, so the log works; nothing else did.
  expect(errors.all.some((e) => e.includes(PAGE_OWN_ERROR))).toBe(true);
  expect(errors.foreign(PAGE_OWN_ERROR)).toEqual([]);
  return { alive, total: Math.round(total), longest: Math.round(cost.longestStepMs), errors: errors.foreign(PAGE_OWN_ERROR).length };
}

describe('hostile pages with the on-topic article: the sidebar shows the right results and the page keeps working', () => {
  for (const p of PAGES.filter((x) => x.onTopic)) {
    it(`${p.id}: ${p.what}`, async () => {
      const { page, errors, started } = await open(p);
      const frame = await waitForSidebar(browser, page);
      const toSidebar = Date.now() - started;
      // The story's central conflict is there: a claim with a conflicting report and a corroborating one, with reasons.
      await frame.locator('[data-stance="conflicts"]').first().waitFor({ timeout: UI_TIMEOUT });
      await frame.locator('[data-stance="corroborates"]').first().waitFor({ timeout: UI_TIMEOUT });
      const claims = await frame.locator('[data-claim] .claim__text').allTextContents();
      expect(claims.some((c) => /1,500/.test(c))).toBe(true);
      expect(claims.some((c) => /12,000/.test(c))).toBe(true);
      const reasons = await frame.locator('.report__why').allTextContents();
      expect(reasons.join(' ')).toMatch(/\d[\d,]* vs [\d,]+/);
      await expect.poll(async () => (await highlightedTexts(page)).length, { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      await specificChecks(p, page, claims);
      const figures = await checkPageKeptWorking(p, page, errors);
      expect(sidebarFrame(browser, page)).toBeDefined();
      rows.push([p.id, 'yes', `sidebar: ${claims.length} claims, conflicts and corroborations`, String(toSidebar), String(figures.total), String(figures.longest), String(figures.alive.ticks), String(figures.errors)]);
      await page.close();
    });
  }
});

describe('hostile pages off the topic: nothing is shown, and the page is left exactly as it was', () => {
  for (const p of PAGES.filter((x) => !x.onTopic)) {
    it(`${p.id}: ${p.what}`, async () => {
      const { page, errors } = await open(p);
      const churns = p.id.startsWith('mutating');
      const before = churns ? null : await layoutOf(page);
      const status = await waitForStatus(browser, page, /^(off-topic|not-article|error)$/);
      await page.waitForTimeout(QUIET_WATCH_MS);
      expect(await injected(page)).toEqual(NOTHING_INJECTED);
      expect(sidebarFrame(browser, page)).toBeUndefined();
      if (before) expect(await layoutOf(page)).toEqual(before);
      const figures = await checkPageKeptWorking(p, page, errors);
      const cost = await contentCost(browser, page);
      if (churns) {
        // The watcher for late articles looks again a bounded number of times, however busy the page.
        expect(cost.cheapChecks).toBeLessThanOrEqual(1 + 6);
      }
      rows.push([p.id, 'no', `nothing shown (${status}; ${cost.cheapChecks} cheap checks)${before ? ', DOM and layout unchanged' : ''}`, '-', String(figures.total), String(figures.longest), String(figures.alive.ticks), String(figures.errors)]);
      await page.close();
    });
  }
});

/** What each hostile feature must not break in particular. */
async function specificChecks(p: HostilePage, page: Page, claims: string[]): Promise<void> {
  const frame = sidebarFrame(browser, page)!;
  switch (p.id) {
    case 'hundred-thousand-nodes':
      expect(await page.evaluate(() => (window as unknown as { __elements: number }).__elements)).toBeGreaterThan(100_000);
      break;
    case 'nesting-5000-deep':
      expect(await page.evaluate(() => (window as unknown as { __depth: number }).__depth)).toBeGreaterThan(5_000);
      break;
    case 'forty-iframes': {
      // One sidebar, in the top frame only: the embeds got no content script.
      expect((await injected(page)).hosts).toBe(1);
      const embedHosts = await Promise.all(page.frames().filter((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc').map((f) => f.evaluate(() => document.querySelectorAll('crosscheck-sidebar').length)));
      expect(embedHosts.length).toBe(40);
      expect(embedHosts.every((n) => n === 0)).toBe(true);
      break;
    }
    case 'replaced-builtins': {
      // The traps fired for nobody: the content script's world has its own built-ins.
      const sabotaged = () => page.evaluate(() => (window as unknown as { __sabotaged: string[] }).__sabotaged.splice(0));
      expect(await sabotaged()).toEqual([]);
      // Control: code of the extension's that ran in the page's world would be caught. A script
      // named as one of the extension's files, run in the page's world, calls three of them.
      await page.addScriptTag({ content: `[1, 2].map((x) => x); JSON.stringify({}); 'a'.replace('a', 'b');\n//# sourceURL=${browser.extensionUrl('content-scripts/stand-in-control.js')}` });
      expect(await sabotaged()).toEqual(['Array.prototype.map', 'JSON.stringify', 'String.prototype.replace']);
      break;
    }
    case 'zero-width':
      // Read as the numbers they are; the claims are shown without the invisible characters.
      expect(claims.some((c) => c.includes('about 1,500 special forces troops'))).toBe(true);
      expect(claims.join(' ')).not.toMatch(/[\u200b\u200d\u2060\u00ad]/);
      expect((await frame.locator('.report__why').allTextContents()).join(' ')).toMatch(/1,500 vs|vs 1,500|12,000 vs|vs 12,000/);
      break;
    case 'text-like-html': {
      // Shown as the text it is, in the sidebar, and run nowhere.
      expect(claims.some((c) => c.includes('<img src=x onerror='))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await frame.locator('img, script:not([src])').count()).toBe(0);
      break;
    }
    case 'tag-name-taken':
      // The page's element got no sidebar inside its open shadow root.
      expect(await page.evaluate(() => (window as unknown as { __stolenRoot?: ShadowRoot }).__stolenRoot?.innerHTML ?? '')).toBe('');
      break;
    case 'strict-csp':
      // The frame still sits at the right edge, sized as the open panel.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('380px');
      break;
    default:
      break;
  }
  const state = await tabState(browser, page);
  expect(state?.status).toBe('ready');
}

/**
 * How much slower the throttled machine is. At 20x the pass cost 380 to 1,260 ms on the
 * machines of 2026-12-04 and 12-05, around the 400 ms budget: 40x puts it well past it.
 */
const SLOWDOWN = 40;

describe('a much slower machine', () => {
  it(`a 1 MB article with the CPU throttled ${SLOWDOWN}x: past its budget the content script stops with a quiet note, or shows the sidebar without the highlights; the page keeps working`, async () => {
    // 1 MB, not the 10 MB page above: parsing 10 MB twenty times slower took 47 to 72 s of
    // the 90 s allowed, depending on what else the machine ran; 2 MB at 20x about 10 s.
    const id = 'one-mb-article';
    server.set(`/hostile/${id}`, longArticlePage(1), 'text/html; charset=utf-8');
    const page = await browser.context.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const errors = collectErrors(page);
    const cdp = await browser.context.newCDPSession(page);
    // The slowdown starts as soon as the page is committed, before the content script can run:
    // started after the page was parsed, it raced the script, which on a fast moment finished first.
    await page.goto(server.url(`/hostile/${id}`), { waitUntil: 'commit', timeout: 30_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    // Parsing the page so much slower takes a while before the script even starts.
    // Which of the two designed outcomes comes depends on where in the pass the budget runs
    // out, and so on the machine (reader.ts): spent before Readability reads the article,
    // the pass stops with a quiet note and injects nothing; spent by that read, the sidebar
    // still comes, without the highlights (the costly part). Either way nothing costly runs
    // once the budget is spent.
    let status: string | undefined;
    await expect.poll(async () => (status = (await tabState(browser, page))?.status), { timeout: THROTTLED_TIMEOUT_MS }).toMatch(/^(?:error|ready)$/);
    if (status === 'ready') await expect.poll(() => sidebarFrame(browser, page) !== undefined, { timeout: THROTTLED_TIMEOUT_MS }).toBe(true);
    // 'ready' is the background's word once its analysis is stored, and the sidebar may be
    // mounted as soon as the claims come: the content script may still be deciding on the
    // highlights. Its cost is read once it stops changing.
    let cost = await contentCost(browser, page);
    for (let settled = false; !settled; ) {
      await page.waitForTimeout(QUIET_WATCH_MS);
      const next = await contentCost(browser, page);
      settled = next.totalMs === cost.totalMs;
      cost = next;
    }
    // The slowdown took effect: the script's time on the page went past one pass's budget.
    // (Which of its steps a pass counts is the reader's business: the first stage's, the
    // frame warmed up unseen, watchers; the cost report does not split them by pass.)
    expect(cost.totalMs).toBeGreaterThan(PASS_BUDGET_MS);
    expect(cost.highlightMs).toBe(0);
    const seen = await injected(page);
    if (status === 'error') {
      expect((await tabState(browser, page))?.error).toBe(OVER_BUDGET_NOTE);
      expect(seen).toEqual(NOTHING_INJECTED);
    } else {
      // The sidebar is there (the poll above waited for it), with nothing marked in the page.
      expect(seen).toMatchObject({ highlights: 0, marks: 0 });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const alive = await ticksOver(page, LIVENESS_WINDOW_MS);
    expect(alive.ticks).toBeGreaterThanOrEqual(MIN_TICKS);
    expect(errors.foreign(PAGE_OWN_ERROR)).toEqual([]);
    const total = cost.totalMs;
    const outcome = status === 'error' ? `stopped with the note "${OVER_BUDGET_NOTE}"` : 'sidebar without highlights (budget spent by the read)';
    rows.push([`${id}, CPU ${SLOWDOWN}x slower`, 'yes', outcome, '-', String(Math.round(total)), String(Math.round(cost.longestStepMs)), String(alive.ticks), String(errors.foreign(PAGE_OWN_ERROR).length)]);
    await page.close();
  }, 2 * THROTTLED_TIMEOUT_MS);
});
