// @vitest-environment happy-dom
// The sidebar frame's app with the real background: it asks for its tab's state before its
// first render, then follows the background's broadcasts. The claims can arrive while the
// frame renders for the first time, between the first state's answer and the moment the app
// listens: the reader must see them then, not a quarter of a second later when the timer
// reads the state again (or never, in a browser that drops the broadcast).
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadState, SidebarApp } from '../../components/sidebar/SidebarApp';
import type { PageReport, PageSnapshot, Result, TabState } from '../../lib/protocol';
import { startBackground } from './helpers/background';
import type { ChromeMessaging } from './helpers/chrome-messaging';
import { withContainer } from './helpers/container';
import { value } from './helpers/result';
import { until as untilShown } from './helpers/until';

const PAGE_URL = 'https://news.example.org/world/north-korea-troops';
const TAB = 7;
const [TITLE = '', ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);
const PAGE: PageSnapshot = {
  url: PAGE_URL, title: TITLE, text: PARAGRAPHS.join('\n\n'),
  article: { isArticle: true, title: TITLE, byline: null, siteName: 'Example News', publishedTime: null, words: 255 },
  topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
};

let container: HTMLElement;
let messaging: ChromeMessaging;

withContainer((c) => (container = c));
beforeEach(async () => {
  ({ messaging } = await startBackground('sidebar-app'));
});

const fromPage = async (type: string, payload: unknown) => messaging.sendFromTab(TAB, PAGE_URL, { crosscheck: 1, type, payload });
const text = () => container.textContent ?? '';
/** What the reader sees once the claims are in, before their matches. */
const checking = (claims: number) => text().includes(`Checking ${claims} claims of this article`);
const until = (check: () => boolean, what: string) => untilShown(check, what, text);

describe('the sidebar frame', () => {
  it('lists claims that arrived between its first state and its first render, without waiting for the timer', async () => {
    // The frame was loaded ahead, unseen, while the page read its article: its first state says "waiting".
    await fromPage('page/status', { url: PAGE_URL, status: 'waiting', note: null });
    const first = (await loadState(TAB)) as TabState;
    expect(first.status).toBe('waiting');
    // The claims come, and the background broadcasts the change, before the app listens.
    const claims = value((await fromPage('page/claims', PAGE)) as Result<PageReport>).claims;
    expect(claims.length).toBeGreaterThan(3);

    // A timer too slow to help: only the app's own reading after it listens can list them.
    await act(() => render(<SidebarApp firstState={Promise.resolve(first)} pollMs={600_000} />, container));
    await until(() => checking(claims.length), 'the claims listed');
  });

  it('follows the changes broadcast after it listens', async () => {
    await fromPage('page/status', { url: PAGE_URL, status: 'waiting', note: null });
    await act(() => render(<SidebarApp firstState={loadState(TAB)} pollMs={600_000} />, container));
    await until(() => text().includes('nothing to show for this page'), 'the waiting sidebar');
    // Long enough for the app to listen and read its state again: what follows comes only by the broadcast.
    await act(() => new Promise((r) => setTimeout(r, 100)));
    const claims = value((await fromPage('page/claims', PAGE)) as Result<PageReport>).claims;
    await until(() => checking(claims.length), 'the claims listed');
  });
});
