// @vitest-environment happy-dom
// The content script's first stage, the only code that runs in every page a reader opens:
// off-topic and paused pages never load the reader (Readability, the sidebar), a page that
// passes the quick check is handed to it, and "Add this article" still works everywhere.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeLike } from '../../adapters/messaging-core';
import { startFirstStage } from '../../entrypoints/crosscheck.content/first-stage';
import { PageContext } from '../../entrypoints/crosscheck.content/page-context';
import type { Reader } from '../../entrypoints/crosscheck.content/second-stage';

const ID = 'crosscheck-test';
const ORIGIN = `chrome-extension://${ID}/`;

type Listener = Parameters<RuntimeLike['onMessage']['addListener']>[0];

/** A runtime that answers the first stage's requests as the background would, and records them. */
function fakeRuntime(opts: { paused?: boolean } = {}) {
  const sent: { type: string; payload: unknown }[] = [];
  const listeners = new Set<Listener>();
  const runtime: RuntimeLike = {
    id: ID,
    getURL: (path) => ORIGIN + path.replace(/^\//, ''),
    async sendMessage(message) {
      const m = message as { type: string; payload: unknown };
      sent.push({ type: m.type, payload: m.payload });
      if (m.type === 'page/settings') return { ok: true, value: { paused: opts.paused ?? false, sidebarCollapsed: false } };
      return { ok: true, value: null };
    },
    onMessage: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  /** Asks the page's content script as the popup would (an extension page). */
  const ask = (type: string, payload: unknown = null) =>
    new Promise<unknown>((resolve) => {
      let answered = false;
      for (const l of listeners) {
        if (l({ crosscheck: 1, type, payload }, { id: ID, url: `${ORIGIN}popup.html` }, (r) => { answered = true; resolve(r); }) === true) return;
      }
      if (!answered) resolve(undefined);
    });
  const statuses = () => sent.filter((s) => s.type === 'page/status').map((s) => (s.payload as { status: string }).status);
  return { runtime, sent, listeners, ask, statuses };
}

function fakeReader() {
  return {
    startReading: vi.fn<Reader['startReading']>(),
    articleForCorpus: vi.fn<Reader['articleForCorpus']>(() => ({
      url: location.href, title: 'An article', text: 'Its visible text.', byline: null, siteName: null, publishedTime: null,
      article: { isArticle: true, title: 'An article', byline: null, siteName: null, publishedTime: null, words: 3 },
      topic: { id: 'dprk-troops-russia', onTopic: false, score: 0, evidence: [] },
    })),
  };
}

function page(title: string, paragraphs: string[]) {
  document.title = title;
  document.body.replaceChildren(...paragraphs.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
}

const OFF_TOPIC = [
  'The city council approved the new budget for parks and libraries on Tuesday evening after a long debate.',
  'Residents asked for more bus routes, and the mayor promised a report on traffic before the summer holidays.',
];
const ON_TOPIC = [
  'North Korea has sent about 1,500 special forces troops to Russia, South Korea’s spy agency said on Friday.',
  'The soldiers are being trained in Russia’s far east before joining the war against Ukraine, the agency said.',
];

let ctx: PageContext;
let runtime: ReturnType<typeof fakeRuntime>;

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
});

afterEach(() => {
  ctx?.notifyInvalidated();
  vi.useRealTimers();
  delete (globalThis as { chrome?: unknown }).chrome;
  document.body.replaceChildren();
});

function start(opts: { paused?: boolean } = {}) {
  runtime = fakeRuntime(opts);
  (globalThis as { chrome?: unknown }).chrome = { runtime: runtime.runtime };
  ctx = new PageContext();
  const reader = fakeReader();
  const loadReader = vi.fn(async () => reader as Reader);
  startFirstStage(ctx, { runtime: () => runtime.runtime, loadReader });
  return { reader, loadReader };
}

describe('the first stage', () => {
  it('leaves an off-topic page after the quick check: the reader is never loaded, the popup hears "off-topic"', async () => {
    page('Council approves budget', OFF_TOPIC);
    const { loadReader } = start();
    await vi.waitFor(() => expect(runtime.statuses()).toEqual(['off-topic']));
    expect(loadReader).not.toHaveBeenCalled();
    expect(runtime.sent.map((s) => s.type)).not.toContain('page/topic');
    // Still answering the extension: nothing is shown, and its cost is one cheap check.
    expect(await runtime.ask('content/sidebar', { open: 'toggle' })).toEqual({ ok: true, value: { open: false } });
    const cost = (await runtime.ask('content/cost')) as { value: { cheapChecks: number; articleCheckMs: number } };
    expect(cost.value.cheapChecks).toBe(1);
  });

  it('hands a page that passes the quick check to the reader, once, and stops answering for it', async () => {
    page('North Korean troops in Russia', ON_TOPIC);
    const { reader, loadReader } = start();
    await vi.waitFor(() => expect(reader.startReading).toHaveBeenCalledTimes(1));
    expect(reader.startReading.mock.calls[0]![0]).toBe(ctx);
    // What the first stage found goes with the page, so the reader asks and checks nothing twice.
    expect(reader.startReading.mock.calls[0]![2]).toMatchObject({ url: location.href, settings: { paused: false }, quick: { pass: true } });
    expect(runtime.sent.filter((s) => s.type === 'page/settings')).toHaveLength(1);
    // The background's verdict on the prose is asked once, while the reader loads, and handed over.
    const probes = runtime.sent.filter((s) => s.type === 'page/topic');
    expect(probes).toHaveLength(1);
    expect((probes[0]!.payload as { text: string }).text).toContain(ON_TOPIC[0]!.slice(0, 40));
    await expect(reader.startReading.mock.calls[0]![2]!.probe).resolves.toEqual({ ok: true, value: null });
    expect(loadReader).toHaveBeenCalledTimes(1);
    expect(runtime.statuses()).toEqual([]);
    // The reader registers its own listeners; the first stage's are gone.
    expect(runtime.listeners.size).toBe(0);
  });

  it('reads nothing on a paused site: no quick check, no reader, the popup hears "paused"', async () => {
    page('North Korean troops in Russia', ON_TOPIC);
    const { loadReader } = start({ paused: true });
    await vi.waitFor(() => expect(runtime.statuses()).toEqual(['paused']));
    const cost = (await runtime.ask('content/cost')) as { value: { cheapChecks: number } };
    expect(cost.value.cheapChecks).toBe(0);
    expect(loadReader).not.toHaveBeenCalled();
  });

  it('checks again when an on-topic article arrives after load, and hands it over', async () => {
    page('Live', OFF_TOPIC);
    const { reader } = start();
    await vi.waitFor(() => expect(runtime.statuses()).toEqual(['off-topic']));
    document.title = 'North Korean troops in Russia';
    for (const t of ON_TOPIC) document.body.append(Object.assign(document.createElement('p'), { textContent: t.repeat(2) }));
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(reader.startReading).toHaveBeenCalledTimes(1));
  });

  it('loads the reader for "Add this article" on a page it let pass by, and answers with the article', async () => {
    page('Council approves budget', OFF_TOPIC);
    const { reader, loadReader } = start();
    await vi.waitFor(() => expect(runtime.statuses()).toEqual(['off-topic']));
    const reply = (await runtime.ask('content/article')) as { ok: boolean; value: { title: string } };
    expect(reply).toMatchObject({ ok: true, value: { title: 'An article' } });
    expect(loadReader).toHaveBeenCalledTimes(1);
    expect(reader.articleForCorpus).toHaveBeenCalledWith(document);
    expect(reader.startReading).not.toHaveBeenCalled();
  });

  it('refuses a page-side sender, as the reader does', async () => {
    page('Council approves budget', OFF_TOPIC);
    start();
    await vi.waitFor(() => expect(runtime.statuses()).toEqual(['off-topic']));
    const replies: unknown[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const l of runtime.listeners) l({ crosscheck: 1, type: 'content/cost', payload: null }, { id: ID, url: 'https://news.example/', tab: { id: 3 }, frameId: 0 }, (r) => replies.push(r));
    expect(replies).toEqual([{ ok: false, error: 'Crosscheck does not answer this request from here.' }]);
    expect(warn).toHaveBeenCalledOnce();
  });
});
