// The sidebar comes with the claims, before their matches: a page asks 'page/claims' and
// shows the sidebar with what it gets, then 'page/analyze' fills in the matches. The tab's
// state (what the sidebar and the popup read) says "analyzing" with the claims listed until
// the matches are in, and the matches are exactly those of the whole analysis in one go.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { askBackground } from '../../adapters/messaging';
import type { Corpus } from '../../entrypoints/background/corpus';
import { analyzeArticleText } from '../../lib/analyze';
import type { PageReport, PageSnapshot, Result, TabState } from '../../lib/protocol';
import { startBackground } from './helpers/background';
import type { ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const PAGE_URL = 'https://news.example.org/world/north-korea-troops';
const TAB = 7;

let messaging: ChromeMessaging;
let corpus: Corpus;

beforeEach(async () => {
  ({ messaging, corpus } = await startBackground('claims-first'));
});

function snapshot(file: string): PageSnapshot {
  const [title = '', ...paragraphs] = readFileSync(file, 'utf8').trim().split(/\n\s*\n/);
  return {
    url: PAGE_URL, title, text: paragraphs.join('\n\n'),
    article: { isArticle: true, title, byline: null, siteName: 'Example News', publishedTime: null, words: 255 },
    topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
  };
}

const fromPage = async (type: 'page/claims' | 'page/analyze', page: PageSnapshot) =>
  value((await messaging.sendFromTab(TAB, PAGE_URL, { crosscheck: 1, type, payload: page })) as Result<PageReport>);
const tabState = async (): Promise<TabState> => value(await askBackground('tab/state', { tabId: TAB }));

describe('claims first, matches next', () => {
  it('lists the claims at once with no match yet, then fills in the same matches as one whole analysis', async () => {
    const page = snapshot('tests/fixtures/reading/on-topic-article.txt');
    const first = await fromPage('page/claims', page);
    expect(first.topic.onTopic).toBe(true);
    expect(first.claims.length).toBeGreaterThan(3);
    expect(first.claims.every((c) => c.matches.length === 0)).toBe(true);
    // What the sidebar reads meanwhile: checking, with the claims it checks.
    const meanwhile = await tabState();
    expect(meanwhile.status).toBe('analyzing');
    expect(meanwhile.report?.claims.map((c) => c.text)).toEqual(first.claims.map((c) => c.text));

    const full = await fromPage('page/analyze', page);
    expect(full.claims.map((c) => c.text)).toEqual(first.claims.map((c) => c.text));
    const whole = analyzeArticleText({ title: page.title!, text: page.text, article: page.article! }, await corpus.getIndex());
    expect(full.claims.map((c) => c.matches.map((m) => [m.reportId, m.claim, m.stance, m.why]))).toEqual(
      whole.claims.map((c) => c.matches.map((m) => [m.reportId, m.claim, m.stance, m.why])),
    );
    expect(full.claims.some((c) => c.matches.length > 0)).toBe(true);
    const after = await tabState();
    expect(after.status).toBe('ready');
    expect(after.report?.claims).toEqual(full.claims);
  });

  it('leaves the tab alone for an article off the topic: no sidebar is shown, and the analysis says off-topic', async () => {
    const title = 'City council approves a new tram line';
    const text = 'The city council voted 31 to 12 on Tuesday to build a tram line across the river, the mayor said.\n\nConstruction is due to start next spring and to last three years, according to the transport department.';
    const page = { ...snapshot('tests/fixtures/reading/on-topic-article.txt'), title, text, article: { isArticle: true, title, byline: null, siteName: 'Example News', publishedTime: null, words: 40 } };
    const first = await fromPage('page/claims', page);
    expect(first.topic.onTopic).toBe(false);
    expect(first.claims).toEqual([]);
    expect((await tabState()).status).not.toBe('analyzing');
    await fromPage('page/analyze', page);
    expect((await tabState()).status).toBe('off-topic');
  });
});
