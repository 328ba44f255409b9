// The main job: build the extension, open it in Chromium on sample articles, save a
// screenshot of each and print what Crosscheck found. A visible window where there is a
// display ($DISPLAY), headless otherwise. The pages are our own news layouts
// (tests/fixtures/pages) carrying our own articles, so a fresh clone needs nothing beside it;
// the screenshots are 1280x800, the size the Chrome Web Store asks of a listing's screenshots.
//
//   npm run demo                 # build, then show the samples
//   npm run demo -- --no-build   # reuse .output/chrome-mv3
//   npm run demo -- --keep-open  # leave the window open until Ctrl+C (with a display)
import { execFileSync } from 'node:child_process';
import { chromium, type Frame, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newsPage, readArticleFixture, spaPage, type Layout } from '../tests/e2e/news-pages';
import { startServer } from '../tests/e2e/server';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { BrowserNotFoundError, chromiumPath } from '../tests/e2e/browsers';
import type { PageReport } from '../lib/protocol';
import { tabStatesIn } from '../lib/stored-tab-states';

const args = new Set(process.argv.slice(2));
const BUILD = resolve('.output/chrome-mv3');
const OUT = resolve('demo-output');
const headless = !process.env.DISPLAY;
const WAIT_MS = 20_000;
/** The Chrome Web Store's screenshot size (addons.mozilla.org takes it too). */
const SHOT = { width: 1280, height: 800 };

/** Our page layouts, each carrying an on-topic article that is not a seed. */
const SAMPLES: { layout: Layout; article: string }[] = [
  { layout: 'wire-story', article: 'tests/fixtures/demo/seoul-north-korean-troops.txt' },
  { layout: 'live-blog', article: 'tests/fixtures/reading/on-topic-article.txt' },
  { layout: 'main-asides', article: 'tests/fixtures/topic/on-pentagon-numbers.txt' },
  { layout: 'paywall', article: 'tests/fixtures/topic/on-kremlin-denial.txt' },
];
/** The single-page app opens on this story (not on the topic), then its World link swaps in the article. */
const SPA_FIRST = 'tests/fixtures/topic/off-icbm-launch.txt';
const SPA_ARTICLE = 'tests/fixtures/topic/on-zelensky-address.txt';

declare const chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

async function main() {
  chromiumPath(); // before the build: with no browser, say so at once
  if (!args.has('--no-build')) {
    console.log('Building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  for (const s of SAMPLES) server.set(`/sample/${s.layout}.html`, newsPage(s.layout, readArticleFixture(s.article)));
  server.set('/spa/start', spaPage([
    { section: 'Home', article: readArticleFixture(SPA_FIRST) },
    { section: 'World', article: readArticleFixture(SPA_ARTICLE) },
  ]));

  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'crosscheck-demo-')), {
    ...chromiumLaunchOptions(BUILD, [], headless),
    viewport: SHOT,
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  console.log(`Chromium ${headless ? '(headless)' : '(window)'} with Crosscheck ${extensionId}\n`);

  const tabStateFor = async (page: Page) => {
    const states = tabStatesIn(await sw.evaluate(async () => chrome.storage.session.get(null)));
    return states.find((s) => s.url === page.url());
  };

  /** What the reader should have seen and did not: the demo fails with these (CI runs it). */
  const failures: string[] = [];
  const newPage = async () => {
    const page = await context.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    return page;
  };
  const show = async (page: Page, name: string, headline: string) => {
    const frame = await sidebar(page, extensionId);
    const state = await tabStateFor(page);
    await scrollToHeadline(page);
    const shot = join(OUT, `${name}.png`);
    await page.screenshot({ path: shot });
    console.log(`── ${name} page carrying "${headline}"`);
    if (!frame || !state?.report) {
      console.log('   no sidebar appeared: ' + (state?.status ?? 'no state') + (state?.error ? ` (${state.error})` : ''));
      failures.push(`${name}: no sidebar`);
    } else printReport(state.report);
    console.log(`   screenshot (${pngSize(shot)}): ${shot}\n`);
  };

  for (const s of SAMPLES) {
    const page = await newPage();
    await page.goto(server.url(`/sample/${s.layout}.html`));
    await show(page, s.layout, readArticleFixture(s.article).headline);
  }

  // A single-page app: Crosscheck stays silent on the first story, and notices the article the
  // site swaps in when the reader follows a link (no page load).
  const spa = await newPage();
  await spa.goto(server.url('/spa/start'));
  await spa.waitForTimeout(1_500);
  const before = await tabStateFor(spa);
  const shownTooSoon = sidebarFrame(spa, extensionId) !== undefined;
  if (shownTooSoon) failures.push('spa: a sidebar on the off-topic first story');
  console.log(`── spa, first story "${readArticleFixture(SPA_FIRST).headline}": ${before?.status ?? 'no state'}, sidebar ${shownTooSoon ? 'SHOWN (unexpected)' : 'not shown'}`);
  await spa.getByRole('link', { name: 'World' }).click();
  await show(spa, 'spa', readArticleFixture(SPA_ARTICLE).headline);

  if (args.has('--keep-open') && !headless) {
    console.log('\nThe window stays open; press Ctrl+C to end.');
    await new Promise(() => undefined);
  }
  await context.close();
  await server.close();
  if (failures.length) throw new Error(`not as expected: ${failures.join('; ')}`);
  console.log(`Screenshots (${SHOT.width}x${SHOT.height}, usable in a store listing): ${OUT}`);
}

/** Brings the headline to the top of the window, with the highlighted claims under it. */
async function scrollToHeadline(page: Page) {
  await page.evaluate(() => {
    const h1 = document.querySelector('h1');
    scrollTo(0, h1 ? Math.max(0, h1.getBoundingClientRect().top + scrollY - 24) : 0);
  });
}

/** Width x height from a PNG's header, to show the screenshot has the store's size. */
function pngSize(path: string): string {
  const png = readFileSync(path);
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

function sidebarFrame(page: Page, extensionId: string): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
}

async function sidebar(page: Page, extensionId: string): Promise<Frame | undefined> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const frame = sidebarFrame(page, extensionId);
    if (frame && (await frame.locator('[data-claim]').count()) > 0) return frame;
    await page.waitForTimeout(200);
  }
  return undefined;
}

function printReport(report: PageReport) {
  const t = report.topic;
  console.log(`   on topic: ${t.onTopic} (score ${t.score.toFixed(2)}; ${t.evidence.slice(0, 5).join(', ')})`);
  console.log(`   ${report.claims.length} claims checked against ${report.corpusSize} reports`);
  for (const claim of report.claims) {
    const conflicts = claim.matches.filter((m) => m.stance === 'conflicts');
    const corroborates = claim.matches.filter((m) => m.stance === 'corroborates');
    console.log(`   • ${claim.text.length > 110 ? claim.text.slice(0, 107) + '…' : claim.text}`);
    for (const m of [...conflicts, ...corroborates].slice(0, 3)) {
      console.log(`       ${m.stance === 'conflicts' ? '✗ conflicts   ' : '✓ corroborates'} ${m.reportId}: ${m.why}`);
    }
  }
}

main().catch((error: unknown) => {
  // A missing browser is the reader's to fix: one line saying what to install, no stack.
  if (error instanceof BrowserNotFoundError) console.error(error.message);
  else console.error('demo failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
