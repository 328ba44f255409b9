// The main job: build the extension, open it in Chromium on sample articles, save a
// screenshot of each and print what Crosscheck found. A visible window where there is a
// display ($DISPLAY), headless otherwise.
//
//   npm run demo                 # build, then show the samples
//   npm run demo -- --no-build   # reuse .output/chrome-mv3
//   npm run demo -- --keep-open  # leave the window open until Ctrl+C (with a display)
import { execFileSync } from 'node:child_process';
import { chromium, type Frame, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readArticleFixture, readRealPage, withArticle } from '../tests/e2e/news-pages';
import { startServer } from '../tests/e2e/server';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import type { PageReport, TabState } from '../lib/protocol';

const args = new Set(process.argv.slice(2));
const BUILD = resolve('.output/chrome-mv3');
const OUT = resolve('demo-output');
const headless = !process.env.DISPLAY;
const WAIT_MS = 20_000;

/** Real page layouts from the shared corpus, each carrying an on-topic article that is not a seed. */
const SAMPLES = [
  { name: 'bbc-1', article: 'tests/fixtures/demo/seoul-north-korean-troops.txt' },
  { name: 'guardian-1', article: 'tests/fixtures/reading/on-topic-article.txt' },
];
/** An unchanged real page: Crosscheck should stay silent there. */
const OFF_TOPIC = 'nytimes-1';

declare const chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

async function main() {
  if (!args.has('--no-build')) {
    console.log('Building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  for (const s of SAMPLES) server.set(`/sample/${s.name}.html`, withArticle(s.name, readRealPage(s.name), readArticleFixture(s.article)));
  server.set(`/plain/${OFF_TOPIC}.html`, readRealPage(OFF_TOPIC));

  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'crosscheck-demo-')), chromiumLaunchOptions(BUILD, [], headless));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  console.log(`Chromium ${headless ? '(headless)' : '(window)'} with Crosscheck ${extensionId}\n`);

  const tabStateFor = async (page: Page) => {
    const states = await sw.evaluate(async () => Object.values(await chrome.storage.session.get(null)) as TabState[]);
    return states.find((s) => s.url === page.url());
  };

  for (const s of SAMPLES) {
    const page = await context.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    await page.goto(server.url(`/sample/${s.name}.html`));
    const frame = await sidebar(page, extensionId);
    const state = await tabStateFor(page);
    const shot = join(OUT, `${s.name}.png`);
    await page.screenshot({ path: shot });
    console.log(`── ${s.name} page carrying "${readArticleFixture(s.article).headline}"`);
    if (!frame || !state?.report) console.log('   no sidebar appeared: ' + (state?.status ?? 'no state') + (state?.error ? ` (${state.error})` : ''));
    else printReport(state.report);
    console.log(`   screenshot: ${shot}\n`);
  }

  const quiet = await context.newPage();
  await quiet.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await quiet.goto(server.url(`/plain/${OFF_TOPIC}.html`));
  await quiet.waitForTimeout(1_500);
  const quietState = await tabStateFor(quiet);
  console.log(`── ${OFF_TOPIC} unchanged: ${quietState?.status ?? 'no state'}, sidebar ${sidebarFrame(quiet, extensionId) ? 'SHOWN (unexpected)' : 'not shown'}`);

  if (args.has('--keep-open') && !headless) {
    console.log('\nThe window stays open; press Ctrl+C to end.');
    await new Promise(() => undefined);
  }
  await context.close();
  await server.close();
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
  console.error('demo failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
