// A tab's state (what its sidebar and the popup show) is patched by several requests at
// once: the page saying its sidebar is open while the analysis stores the matches. No
// patch may undo another.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyTabState, patchTabState, readTabState, writeTabState } from '../../entrypoints/background/tab-states';
import type { PageReport } from '../../lib/protocol';
import { tabStatesIn } from '../../lib/stored-tab-states';

const REPORT: PageReport = {
  article: { isArticle: true, title: 'Troops in Kursk', byline: null, siteName: null, publishedTime: null, words: 900 },
  topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
  claims: [{ text: 'About 11,000 North Korean soldiers are in Kursk.', quantities: [], attribution: null, matches: [] }],
  url: 'https://news.example.org/kursk',
  analyzedAt: 1,
  corpusSize: 5,
};

beforeEach(() => fakeBrowser.reset());

describe('patchTabState', () => {
  it('keeps every field of patches made at the same time, the last patch of a field winning', async () => {
    await Promise.all([
      patchTabState(3, { status: 'analyzing', url: 'https://news.example.org/a' }),
      patchTabState(3, { sidebarOpen: true }),
      patchTabState(3, { status: 'ready', error: null }),
      patchTabState(4, { status: 'off-topic' }),
    ]);
    expect(await readTabState(3)).toMatchObject({ status: 'ready', url: 'https://news.example.org/a', sidebarOpen: true });
    expect(await readTabState(4)).toMatchObject({ status: 'off-topic', sidebarOpen: false });
  });

  it('goes on after a patch that failed', async () => {
    const setItems = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    let fail = true;
    fakeBrowser.storage.session.set = async (items) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      return setItems(items);
    };
    await expect(patchTabState(5, { status: 'analyzing' })).rejects.toThrow('quota');
    await patchTabState(5, { status: 'ready' });
    expect((await readTabState(5)).status).toBe('ready');
  });

  // Each patch of an analysis carries the whole report (160 KB for a long article): reading
  // it back from storage before every patch doubled what each one cost.
  it('reads a tab\'s state from storage once; the patches after it do not read it back', async () => {
    await fakeBrowser.storage.session.set({ 'tab:7': { ...emptyTabState(7, 'https://news.example.org/b'), status: 'analyzing' } });
    const getItems = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let reads = 0;
    fakeBrowser.storage.session.get = async (keys) => {
      reads++;
      return getItems(keys);
    };
    await patchTabState(7, { sidebarOpen: true });
    await patchTabState(7, { status: 'ready' });
    expect(await readTabState(7)).toMatchObject({ url: 'https://news.example.org/b', status: 'ready', sidebarOpen: true });
    expect(reads).toBe(1);
    expect(await fakeBrowser.storage.session.get('tab:7')).toMatchObject({ 'tab:7': { status: 'ready', sidebarOpen: true } });
  });

  it('never takes back an older state that a slow read found after a newer one was written', async () => {
    await fakeBrowser.storage.session.set({ 'tab:8': { ...emptyTabState(8), status: 'analyzing' } });
    const getItems = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    fakeBrowser.storage.session.get = async (keys) => {
      const found = await getItems(keys);
      await held;
      return found;
    };
    const slowRead = readTabState(8);
    await writeTabState({ ...emptyTabState(8), status: 'ready' });
    release();
    expect((await slowRead).status).toBe('analyzing');
    expect((await readTabState(8)).status).toBe('ready');
  });

  // The sidebar asks for its tab's state whenever it likes (its first render, each change):
  // asked while a newer state is being stored, it must not get the older one storage holds
  // (a listed article's claims would vanish for the length of the write).
  it('answers a read made while a state is being stored with that state, and stores it', async () => {
    await writeTabState({ ...emptyTabState(12), status: 'waiting' });
    const setItems = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    fakeBrowser.storage.session.set = async (items) => {
      await held;
      return setItems(items);
    };
    const writing = writeTabState({ ...emptyTabState(12), status: 'analyzing', report: REPORT });
    try {
      expect(await readTabState(12)).toMatchObject({ status: 'analyzing', report: REPORT });
    } finally {
      release();
      await writing;
      fakeBrowser.storage.session.set = setItems;
    }
    expect(await fakeBrowser.storage.session.get('tab:12')).toMatchObject({ 'tab:12': { status: 'analyzing' } });
  });

  // A status change (analysing, ready, the sidebar opened) happens several times per analysis;
  // writing the report again each time cost about 35 ms a write in Chromium at 10,000 reports.
  it('writes the report only when it changes, and a worker started afresh reads the state with its report', async () => {
    const setItems = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const written: string[][] = [];
    fakeBrowser.storage.session.set = async (items) => {
      written.push(Object.keys(items).sort());
      return setItems(items);
    };
    await patchTabState(9, { url: REPORT.url, status: 'analyzing', report: REPORT });
    await patchTabState(9, { status: 'ready' });
    await patchTabState(9, { sidebarOpen: true });
    expect(written).toEqual([['tab-report:9', 'tab:9'], ['tab:9'], ['tab:9']]);

    vi.resetModules();
    const restarted = await import('../../entrypoints/background/tab-states');
    expect(await restarted.readTabState(9)).toEqual({ ...emptyTabState(9, REPORT.url), status: 'ready', sidebarOpen: true, report: REPORT });
    // What reads the whole area (the demo, the bench, the end-to-end tests) sees the same.
    expect(tabStatesIn(await fakeBrowser.storage.session.get(null))).toEqual([{ ...emptyTabState(9, REPORT.url), status: 'ready', sidebarOpen: true, report: REPORT }]);
    await restarted.patchTabState(9, { status: 'waiting', report: null });
    vi.resetModules();
    const again = await import('../../entrypoints/background/tab-states');
    expect(await again.readTabState(9)).toMatchObject({ status: 'waiting', report: null });
  });

  // Firefox may keep storage.session through an update of the extension: a state written by
  // the version before the split holds its report itself, and must not lose it.
  it('reads a state stored with its report inside, and keeps that report through the next change', async () => {
    await fakeBrowser.storage.session.set({ 'tab:11': { ...emptyTabState(11, REPORT.url), status: 'ready', report: REPORT } });
    vi.resetModules();
    const updated = await import('../../entrypoints/background/tab-states');
    expect((await updated.readTabState(11)).report).toEqual(REPORT);
    await updated.patchTabState(11, { sidebarOpen: true });
    vi.resetModules();
    const restarted = await import('../../entrypoints/background/tab-states');
    expect(await restarted.readTabState(11)).toMatchObject({ status: 'ready', sidebarOpen: true, report: REPORT });
  });
});
