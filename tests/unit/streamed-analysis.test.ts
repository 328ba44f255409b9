// The sidebar that streams, from the background's side: 'page/claims' answers with the topic
// verdict and the claims at once, none matched yet; the matches land in batches, each written
// to the tab's state (what the sidebar reads) and told to its pages; 'page/analyze' afterwards
// waits for that matching rather than doing it again, and the result is exactly the whole
// analysis. Reached the way the content script reaches it: runtime messaging from a tab → the
// real handlers → Dexie on fake-indexeddb.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { broadcast, handleRequests } from '../../adapters/messaging';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers, MATCH_BATCH_CLAIMS } from '../../entrypoints/background/handlers';
import { SEED_REPORTS } from '../../entrypoints/background/seeds';
import { analyzeArticleText, readArticle } from '../../lib/analyze';
import { matchClaims } from '../../lib/match';
import { REQUEST_SENDERS, type BackgroundRequests, type PageReport, type PageSnapshot, type Result, type TabState } from '../../lib/protocol';
import { installChromeMessaging, type ChromeMessaging } from './helpers/chrome-messaging';

const [TITLE = '', ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);
const TAB = 4;
const URL_A = 'https://news.example.org/article';

let corpus: Corpus;
let messaging: ChromeMessaging;
let dbCount = 0;
const match = vi.fn(matchClaims);

beforeEach(async () => {
  fakeBrowser.reset();
  match.mockClear();
  messaging = installChromeMessaging();
  corpus = new Corpus(new CrosscheckDB(`streamed-${++dbCount}`), SEED_REPORTS, () => broadcast('corpus/changed', null));
  handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: analyzeArticleText, stream: { read: readArticle, match } }), REQUEST_SENDERS);
  await corpus.installSeeds();
});

function snapshot(text = PARAGRAPHS.join('\n\n'), title = TITLE): PageSnapshot {
  return {
    url: URL_A, title, text,
    article: { isArticle: true, title, byline: null, siteName: null, publishedTime: null, words: 255 },
    topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
  };
}
const fromTab = (type: 'page/claims' | 'page/analyze' | 'page/status', payload: unknown) =>
  messaging.sendFromTab(TAB, URL_A, { crosscheck: 1, type, payload }) as Promise<Result<PageReport>>;
function value<T>(reply: Result<T>): T {
  if (!reply.ok) throw new Error(`expected a value, got the error "${reply.error}"`);
  return reply.value;
}
const tabState = async () => (await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as TabState;
/** Only the fields that say what a reader sees (analyzedAt is a clock). */
const shown = (r: PageReport | null | undefined) => r && { topic: r.topic, claims: r.claims, scoredClaims: r.scoredClaims };

describe('the analysis that streams', () => {
  it('answers with the claims at once, then writes the matches batch by batch, ending with the whole analysis', async () => {
    const states: PageReport[] = [];
    fakeBrowser.storage.session.onChanged.addListener((changes) => {
      const s = changes[`tab:${TAB}`]?.newValue as TabState | undefined;
      if (s?.report) states.push(s.report);
    });
    const first = value(await fromTab('page/claims', snapshot()));
    expect(first.topic.onTopic).toBe(true);
    expect(first.claims.length).toBeGreaterThan(MATCH_BATCH_CLAIMS);
    expect(first.scoredClaims).toBe(0);
    expect(first.claims.every((c) => c.matches.length === 0)).toBe(true);
    // None of the matching happened before the answer.
    expect(match).not.toHaveBeenCalled();

    const whole = value(await fromTab('page/analyze', snapshot()));
    // page/analyze waited for the batches instead of matching again.
    expect(match).toHaveBeenCalledTimes(Math.ceil(first.claims.length / MATCH_BATCH_CLAIMS));
    const expected = analyzeArticleText({ title: TITLE, text: snapshot().text, article: snapshot().article }, await corpus.getIndex(), { sensitivity: 0.5 });
    expect(shown(whole)).toEqual({ topic: expected.topic, claims: expected.claims, scoredClaims: undefined });
    expect(whole.claims.some((c) => c.matches.length > 0)).toBe(true);

    // What the sidebar read on the way: the claims unmatched, then more and more of them matched.
    const scored = states.map((r) => r.scoredClaims ?? r.claims.length);
    expect(scored[0]).toBe(0);
    expect(scored).toEqual([...scored].sort((a, b) => a - b));
    expect(new Set(scored).size).toBeGreaterThanOrEqual(3);
    const final = await tabState();
    expect(final.status).toBe('ready');
    expect(shown(final.report)).toEqual(shown(whole));
  });

  it('an off-topic page gets its verdict and no claims, and nothing is matched', async () => {
    const reply = value(await fromTab('page/claims', snapshot('The city council approved the budget for parks and libraries on Tuesday.', 'Council approves budget')));
    expect(reply.topic.onTopic).toBe(false);
    expect(reply.claims).toEqual([]);
    expect(match).not.toHaveBeenCalled();
    expect((await tabState()).status).toBe('off-topic');
  });

  it('a page that moved on is not written over by the matching of what it showed before', async () => {
    value(await fromTab('page/claims', snapshot()));
    // The reader navigated to an off-topic page before the batches ended.
    value(await fromTab('page/status', { url: 'https://news.example.org/sport', status: 'off-topic' }));
    await vi.waitFor(async () => expect(match.mock.calls.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 50));
    const state = await tabState();
    expect(state.status).toBe('off-topic');
    expect(state.report).toBeNull();
  });

  it('page/analyze of another text than the one being matched analyses that text', async () => {
    value(await fromTab('page/claims', snapshot()));
    const other = value(await fromTab('page/analyze', snapshot(PARAGRAPHS.slice(0, 2).join('\n\n'))));
    const expected = analyzeArticleText({ title: TITLE, text: PARAGRAPHS.slice(0, 2).join('\n\n'), article: snapshot().article }, await corpus.getIndex(), { sensitivity: 0.5 });
    expect(other.claims).toEqual(expected.claims);
  });
});
