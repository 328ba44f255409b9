// @vitest-environment happy-dom
// The popup against the real background: it finds its tab, follows the tab's state as the
// content script reports it, and runs the reader's actions through the real handlers.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings } from '../../adapters/settings';
import { PopupApp, tabIdFromSearch } from '../../components/popup/PopupApp';
import type { PageReport, TabState } from '../../lib/protocol';
import { startBackground } from './helpers/background';
import { until as untilShown } from './helpers/until';
import type { ChromeMessaging } from './helpers/chrome-messaging';

const PAGE_URL = 'https://news.example.org/2024/10/31/buryatia';
const [TITLE = '', ...PARAGRAPHS] = readFileSync('tests/fixtures/popup-options/next-article.txt', 'utf8').trim().split(/\n\s*\n/);
const ARTICLE = { isArticle: true, title: TITLE, byline: null, siteName: 'Example News', publishedTime: null, words: 180 };

let container: HTMLElement;
let messaging: ChromeMessaging;

beforeEach(async () => {
  ({ messaging } = await startBackground('crosscheck-popup-test'));
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const text = () => container.textContent ?? '';
const button = (name: RegExp) => [...container.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

const until = (check: () => boolean, what: string, timeoutMs?: number) => untilShown(check, what, text, timeoutMs);

async function openPopupFor(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  await act(() => render(<PopupApp search={`?tab=${tab.id}`} />, container));
  return tab.id!;
}

const envelope = (type: string, payload: unknown) => ({ crosscheck: 1, type, payload });

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id> and ignores anything else', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?tab=4x2')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });
});

describe('the popup with the real background', () => {
  it('follows its tab live: not read yet → not an article → analysed', async () => {
    const tabId = await openPopupFor(PAGE_URL);
    await until(() => text().includes('Crosscheck has not read this page'), 'the reload hint');
    // The count is a request of its own (the seeds are installed first): wait for it as the reader does.
    await until(() => byTestId('corpus-size')?.textContent === '5 reports in your corpus (5 shipped, 0 added)', 'the corpus size');

    await messaging.sendFromTab(tabId, PAGE_URL, envelope('page/status', { url: PAGE_URL, status: 'not-article', article: { ...ARTICLE, isArticle: false } }));
    await until(() => text().includes('Not an article'), 'the not-article state');

    const reply = (await messaging.sendFromTab(tabId, PAGE_URL, envelope('page/analyze', {
      url: PAGE_URL, title: TITLE, text: PARAGRAPHS.join('\n\n'), article: ARTICLE,
      topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.5, evidence: [] },
    }))) as { ok: true; value: PageReport };
    const report = reply.value;
    await until(() => byTestId('phase-ready') !== null || byTestId('phase-off-topic') !== null, 'the analysis');
    expect(report.topic.onTopic).toBe(true);
    expect(byTestId('phase-ready')).not.toBeNull();
    // What the popup counts is what the background found.
    const claims = report.claims.length;
    const conflicting = report.claims.filter((c) => c.matches.some((m) => m.stance === 'conflicts')).length;
    console.log(`popup of the next article: ${claims} claims, ${conflicting} conflicting, topic ${report.topic.score.toFixed(2)}`);
    expect(byTestId('count-claims')?.textContent).toBe(`${claims} ${claims === 1 ? 'claim' : 'claims'}`);
    expect(byTestId('count-conflicting')?.textContent).toBe(`${conflicting} conflicting`);
    expect(byTestId('topic-score')?.textContent).toBe(report.topic.score.toFixed(2));
  });

  it('opens the sidebar through the content script and shows it open', async () => {
    const tabId = await openPopupFor(PAGE_URL);
    await messaging.sendFromTab(tabId, PAGE_URL, envelope('page/status', { url: PAGE_URL, status: 'waiting' }));
    let open = false;
    messaging.setTab(tabId, (type, payload) => {
      if (type !== 'content/sidebar') throw new Error(`unexpected ${type}`);
      open = (payload as { open: boolean | 'toggle' }).open === 'toggle' ? !open : Boolean((payload as { open: boolean }).open);
      return { open };
    });
    await until(() => button(/Open the sidebar/) !== undefined, 'the sidebar button');
    await act(() => button(/Open the sidebar/)!.click());
    await until(() => button(/Close the sidebar/) !== undefined, 'the sidebar open');
    expect(open).toBe(true);
  });

  it('pauses and resumes Crosscheck on the tab’s site', async () => {
    const tabId = await openPopupFor(PAGE_URL);
    await messaging.sendFromTab(tabId, PAGE_URL, envelope('page/status', { url: PAGE_URL, status: 'waiting' }));
    await until(() => button(/Pause Crosscheck on news\.example\.org/) !== undefined, 'the pause button');
    await act(() => button(/Pause Crosscheck on news\.example\.org/)!.click());
    await until(() => text().includes('Paused on news.example.org'), 'the paused state');
    expect((await readSettings()).pausedSites).toEqual(['news.example.org']);
    await act(() => button(/Resume Crosscheck on news\.example\.org/)!.click());
    await until(() => text().includes('Crosscheck is back on news.example.org.'), 'the resumed state');
    expect((await readSettings()).pausedSites).toEqual([]);
  });

  it('adds the tab’s article, confirms with its title, and counts it in the corpus', async () => {
    const tabId = await openPopupFor(PAGE_URL);
    await messaging.sendFromTab(tabId, PAGE_URL, envelope('page/status', { url: PAGE_URL, status: 'waiting', article: ARTICLE }));
    messaging.setTab(tabId, () => ({
      url: PAGE_URL, title: TITLE, text: PARAGRAPHS.join('\n\n'), byline: null, siteName: 'Example News', publishedTime: null,
      article: ARTICLE, topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.5, evidence: [] },
    }));
    await until(() => button(/Add this article/)?.getAttribute('aria-disabled') === null, 'the add button enabled');
    await act(() => button(/Add this article/)!.click());
    await until(() => byTestId('popup-feedback')?.textContent?.includes(`Added “${TITLE}” to your reports.`) === true, 'the confirmation');
    await until(() => byTestId('corpus-size')?.textContent === '6 reports in your corpus (5 shipped, 1 added)', 'the corpus size');
  });

  it('says a browser page cannot be read', async () => {
    await openPopupFor('chrome://extensions/');
    await until(() => text().includes('Not a web page'), 'the browser-page state');
    expect(button(/Add this article|Pause|sidebar/)).toBeUndefined();
  });

  it('says so plainly when its tab is gone', async () => {
    await act(() => render(<PopupApp search="?tab=9999" />, container));
    await until(() => container.querySelector('[role="alert"]')?.textContent?.includes('no longer open') === true, 'the error');
  });

  it('keeps a stale state of an earlier page apart from the page the tab shows now', async () => {
    const tabId = await openPopupFor(PAGE_URL);
    const stale: Partial<TabState> = { url: 'https://news.example.org/earlier', status: 'ready' };
    await messaging.sendFromTab(tabId, stale.url!, envelope('page/status', { url: stale.url, status: 'not-article' }));
    await until(() => text().includes('Crosscheck has not read this page'), 'the reload hint for the new page');
  });
});
