// The limits behind the trust boundaries (issue 13): who the background takes a request from,
// what an import may do (files, entries, total size, the reader's own reports), what a failed
// write to this device's copy of the saved claims leaves behind, what the Markdown export
// links to, what a page may store in its tab's state, and what "Add this article" keeps.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { readSettings } from '../../adapters/settings';
import { askBackground, broadcast, handleRequests, onBroadcast } from '../../adapters/messaging';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { REQUEST_SENDERS, senderOf, type BackgroundRequests, type Result } from '../../lib/protocol';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_FILES,
  MAX_IMPORT_REPORTS,
  MAX_IMPORT_TOTAL_BYTES,
  parseImportFiles,
  planImport,
} from '../../lib/report-import';
import { SavedClaimsSync } from '../../lib/sync/engine';
import { claimsImportSizeRefusal, exportClaimsMarkdown, MAX_IMPORT_FILE_BYTES } from '../../lib/sync/export';
import type { LocalClaimRecord } from '../../lib/sync/local-store';
import { MemoryLocalStore } from './helpers/memory-local-store';
import { SimulatedSyncArea } from './helpers/simulated-sync-area';
import { checkedPageStatus, MAX_NOTE_CHARS, MAX_URL_CHARS } from '../../lib/tab-state-limits';
import { visibleParagraphs } from '../../lib/visible-text';
import { installChromeMessaging } from './helpers/chrome-messaging';
import { claimInput, FakeClock } from './sync-harness';

const OWN = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${OWN}/`;

describe('who sent a message', () => {
  it('an extension page by its origin, a content script only in a web page’s top frame, anyone else nobody', () => {
    expect(senderOf({ id: OWN, url: `${ORIGIN}popup.html` }, OWN, ORIGIN)).toEqual({ kind: 'extension', tabId: null });
    expect(senderOf({ id: OWN, url: `${ORIGIN}sidebar.html`, tab: { id: 7 }, frameId: 3 }, OWN, ORIGIN)).toEqual({ kind: 'extension', tabId: 7 });
    expect(senderOf({ id: OWN, url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 }, OWN, ORIGIN)).toEqual({ kind: 'content', tabId: 7, url: 'https://news.example/a' });
    // A sub-frame, another extension, a page that claims our origin in its path, no tab: nobody.
    expect(senderOf({ id: OWN, url: 'https://news.example/a', tab: { id: 7 }, frameId: 2 }, OWN, ORIGIN)).toBeNull();
    expect(senderOf({ id: 'other', url: `chrome-extension://other/popup.html` }, OWN, ORIGIN)).toBeNull();
    expect(senderOf({ id: OWN, url: `https://evil.example/${ORIGIN}`, frameId: 0 }, OWN, ORIGIN)).toBeNull();
    expect(senderOf({ id: OWN, url: 'https://news.example/a', frameId: 0 }, OWN, ORIGIN)).toBeNull();
  });
});

describe('the background refuses requests from the wrong sender', () => {
  let messaging: ReturnType<typeof installChromeMessaging>;
  beforeEach(async () => {
    fakeBrowser.reset();
    messaging = installChromeMessaging();
    const corpus = new Corpus(new CrosscheckDB(`trust-senders-${Math.random()}`), seedReports(), () => broadcast('corpus/changed', null));
    handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
  });

  it('a content script gets nothing but page/*, and an extension page no page/*; each refusal is one line in the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fromTab = (type: string, payload: unknown) => messaging.sendFromTab(4, 'https://news.example/a', { crosscheck: 1, type, payload }) as Promise<Result<unknown>>;
    expect(await fromTab('settings/get', null)).toEqual({ ok: false, error: 'Crosscheck does not answer this request from here.' });
    expect(await fromTab('tab/state', { tabId: 9 })).toEqual({ ok: false, error: 'Crosscheck does not answer this request from here.' });
    expect(await fromTab('page/settings', { url: 'https://news.example/a' })).toEqual({ ok: true, value: { paused: false, sidebarCollapsed: false } });
    expect(await askBackground('page/status', { url: 'https://news.example/a', status: 'ready' })).toEqual({ ok: false, error: 'Crosscheck does not answer this request from here.' });
    expect((await askBackground('settings/get', null)).ok).toBe(true);
    expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
      '[crosscheck] refused "settings/get" from content in tab 4',
      '[crosscheck] refused "tab/state" from content in tab 4',
      '[crosscheck] refused "page/status" from extension',
    ]);
  });

  it('extension pages follow broadcasts from the extension only, not one a content script forges', async () => {
    const heard: unknown[] = [];
    onBroadcast('settings/changed', (settings) => heard.push(settings));
    const forged = { sensitivity: 1, pausedSites: [], sidebarCollapsed: true, rememberReading: 'on' as const };
    await messaging.sendFromTab(4, 'https://news.example/a', { crosscheck: 1, type: 'settings/changed', payload: forged }).catch(() => undefined);
    expect(heard).toEqual([]);
    broadcast('settings/changed', forged);
    await expect.poll(() => heard).toEqual([forged]);
  });
});

describe('the settings', () => {
  it('are moved once from storage.local, where earlier versions kept them and content scripts could read them', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ settings: { sensitivity: 0.3, pausedSites: ['example.com'], sidebarCollapsed: true }, settings$: { v: 1 } });
    expect(await readSettings()).toEqual({ sensitivity: 0.3, pausedSites: ['example.com'], sidebarCollapsed: true, rememberReading: 'unasked' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await readSettings()).toEqual({ sensitivity: 0.3, pausedSites: ['example.com'], sidebarCollapsed: true, rememberReading: 'unasked' });
  });
});

describe('report imports', () => {
  it('refuse files by size, by number and by their total size before reading them', () => {
    const files = Array.from({ length: MAX_IMPORT_FILES + 3 }, (_, i) => ({ name: `f${i}.txt`, size: 1_000 }));
    files[1] = { name: 'huge.json', size: MAX_IMPORT_BYTES + 1 };
    const { read, refused } = planImport(files);
    expect(read).toHaveLength(MAX_IMPORT_FILES);
    expect(refused.map((r) => r.name)).toEqual(['huge.json', `f${MAX_IMPORT_FILES + 1}.txt`, `f${MAX_IMPORT_FILES + 2}.txt`]);
    expect(refused[0]!.reason).toMatch(/too large/);
    expect(refused[1]!.reason).toMatch(`at most ${MAX_IMPORT_FILES} files`);

    const big = Array.from({ length: 4 }, (_, i) => ({ name: `big${i}.json`, size: MAX_IMPORT_BYTES }));
    const total = planImport(big);
    expect(total.read.length * MAX_IMPORT_BYTES).toBeLessThanOrEqual(MAX_IMPORT_TOTAL_BYTES);
    expect(total.refused.map((r) => r.name)).toEqual(['big2.json', 'big3.json']);
    expect(total.refused[0]!.reason).toMatch(/together/);
  });

  it('take at most MAX_IMPORT_REPORTS entries from one import and say how many more were left out', () => {
    const reports = Array.from({ length: MAX_IMPORT_REPORTS + 5 }, (_, i) => ({ title: `R${i}`, text: `Report number ${i} on troops.`, url: `https://r.example/${i}` }));
    const { reports: taken, summary } = parseImportFiles([{ name: 'many.json', text: JSON.stringify({ reports }) }], 0);
    expect(taken).toHaveLength(MAX_IMPORT_REPORTS);
    expect(summary.added).toBe(MAX_IMPORT_REPORTS);
    expect(summary.skipped).toEqual([{ name: '5 more reports', reason: `not imported: one import takes at most ${MAX_IMPORT_REPORTS.toLocaleString('en')} reports` }]);
  });

  it('apply the file limits in the background too, whatever the page that sent them checked', () => {
    const files = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => ({ name: `f${i}.txt`, text: `Title ${i}\n\nSeoul said ${i} troops arrived.` }));
    const { summary } = parseImportFiles(files, 0);
    expect(summary.added).toBe(MAX_IMPORT_FILES);
    expect(summary.skipped).toEqual([{ name: `f${MAX_IMPORT_FILES}.txt`, reason: `not read: one import takes at most ${MAX_IMPORT_FILES} files` }]);
  });
});

describe('an import beside the reader’s own reports', () => {
  let corpus: Corpus;
  beforeEach(async () => {
    fakeBrowser.reset();
    installChromeMessaging();
    corpus = new Corpus(new CrosscheckDB(`trust-import-${Math.random()}`), seedReports());
    await corpus.installSeeds();
  });

  it('never replaces a report the reader added: one with the same address and other text is kept beside it, and the summary says so', async () => {
    const mine = await corpus.add({ title: 'My copy', url: 'https://news.example/troops', text: 'Seoul said 3,000 North Korean soldiers had arrived.' });
    const crafted = { name: 'crafted.json', text: JSON.stringify({ reports: [{ title: 'Planted', url: 'https://news.example/troops', text: 'Seoul said 100,000 soldiers had arrived.' }] }) };
    const summary = await corpus.import([crafted]);
    expect(summary).toEqual({ added: 1, skipped: [], keptBoth: [{ title: 'Planted', url: 'https://news.example/troops' }] });
    expect(await corpus.get(mine.id)).toMatchObject({ title: 'My copy', text: mine.text });
    const all = await corpus.list();
    expect(all.filter((r) => r.url === 'https://news.example/troops').map((r) => r.title).sort()).toEqual(['My copy', 'Planted']);
    // The same file again: both are there already, nothing new.
    expect(await corpus.import([crafted])).toEqual({ added: 0, skipped: [] });
    // An export of the reader's own report imports onto itself without a copy.
    expect(await corpus.import([{ name: 'own.json', text: await corpus.exportJson() }])).toEqual({ added: 0, skipped: [] });
  });
});

describe('saved-claims imports', () => {
  it('refuse a file by its size before it is read', () => {
    expect(claimsImportSizeRefusal(MAX_IMPORT_FILE_BYTES)).toBeNull();
    expect(claimsImportSizeRefusal(MAX_IMPORT_FILE_BYTES + 1)).toMatch(/too large .* not read/);
  });
});

/** A LocalStore whose writes fail while `failing` is set, as a full disk would. */
class FlakyLocalStore extends MemoryLocalStore {
  failing = false;
  override async putRecords(records: readonly LocalClaimRecord[]): Promise<void> {
    if (this.failing) throw new Error('QuotaExceededError');
    return super.putRecords(records);
  }
}

describe('this device’s copy of the saved claims', () => {
  it('loses nothing when a write fails: what was not written is written by the next one, and a restart finds it', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const local = new FlakyLocalStore();
    const engine = new SavedClaimsSync({ area, local, now: clock.now, log: () => {} });
    await engine.start();
    const first = await engine.save(claimInput(1));
    local.failing = true;
    await expect(engine.save(claimInput(2))).rejects.toThrow('QuotaExceededError');
    local.failing = false;
    // The next change writes the claim the failed write left, with its own.
    await engine.save(claimInput(3));
    engine.stop();
    const restarted = new SavedClaimsSync({ area: new SimulatedSyncArea({ now: clock.now }), local, now: clock.now, log: () => {} });
    await restarted.start();
    expect(restarted.list().map((c) => c.text).sort()).toEqual([claimInput(1).text, claimInput(2).text, claimInput(3).text].sort());
    expect(restarted.get(first.claim.id)).toBeDefined();
  });
});

describe('the Markdown export', () => {
  it('links only http(s) addresses; any other address is written as plain text', () => {
    const claim = (url: string) => ({
      id: 'x', url, title: 'T', text: 'A claim.', note: '', savedAt: 0, stance: { corroborates: 1, conflicts: 0, summary: 's' }, synced: true,
    });
    const markdown = exportClaimsMarkdown([claim('javascript:alert(document.cookie)'), claim('https://news.example/a'), claim('data:text/html,<b>x</b>')] as never, 0);
    expect(markdown).toContain('- Article: <https://news.example/a>');
    expect(markdown).not.toMatch(/<javascript:|<data:/);
    expect(markdown).toContain('- Article (not a web address, not linked): javascript:alert(document.cookie)');
  });
});

describe('a page’s state in storage.session', () => {
  it('keeps only known statuses and bounded fields', () => {
    expect(() => checkedPageStatus({ url: 'https://a.example/', status: 'pwned' })).toThrow();
    const huge = 'x'.repeat(1_000_000);
    const checked = checkedPageStatus({ url: `https://a.example/${huge}`, status: 'error', note: huge, topic: { id: huge, evidence: Array(10_000).fill(huge), score: 9 }, article: { title: huge, words: -4 } });
    expect(checked.url).toHaveLength(MAX_URL_CHARS);
    expect(checked.note).toHaveLength(MAX_NOTE_CHARS);
    expect(JSON.stringify(checked).length).toBeLessThan(10_000);
    expect(checked.topic).toMatchObject({ score: 1, onTopic: false });
    expect(checked.article).toMatchObject({ words: 0, isArticle: false });
    expect(checkedPageStatus({ url: 'javascript:alert(1)', status: 'ready' }).url).toBe('');
  });
});

describe('“Add this article”', () => {
  it('keeps only the paragraphs the reader can see', () => {
    const extracted = 'Seoul said 3,000 troops arrived.\n\nHidden: 100,000 troops arrived, officials confirmed.\n\nMoscow denied it.';
    const rendered = 'Menu Home\nSeoul said 3,000   troops arrived.\nMoscow denied it.\nFooter';
    expect(visibleParagraphs(extracted, rendered)).toBe('Seoul said 3,000 troops arrived.\n\nMoscow denied it.');
    expect(visibleParagraphs(extracted, '')).toBe('');
  });
});
