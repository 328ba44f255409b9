// The background's saved claims, reached the way the sidebar, the popup and the options
// page reach them: askBackground → runtime messaging → the real 'claims/*' handlers → the
// SavedClaimsSync engine over fakeBrowser's storage.sync and the background's private IndexedDB. The claims are
// those the real analysis finds in an on-topic article against the five seed reports.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privateDb, resetPrivateDbForTests } from '../../adapters/private-db';
import { askBackground, broadcast, handleRequests } from '../../adapters/messaging';
import { claimToSave, stanceSnapshot } from '../../components/saved-claims/claim-to-save';
import { createSavedClaimsHandlers, createSavedClaimsSync, SavedClaims, timeoutScheduler } from '../../entrypoints/background/saved-claims';
import { loadSeedReports } from '../../cli/load-reports';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { REQUEST_SENDERS, type BackgroundRequests, type Result, type SavedClaimsChange } from '../../lib/protocol';
import { claimIdFor, type SavedClaimsSync, type SavedClaimsSyncOptions } from '../../lib/sync';
import { encodeClaim } from '../../lib/sync/format';
import { installChromeMessaging } from './helpers/chrome-messaging';
import { DEFAULT_PACK } from '../../lib/topics';
import { value } from './helpers/result';

const [HEADLINE = '', ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);
const ARTICLE = { isArticle: true, title: HEADLINE, byline: null, siteName: 'Example News', publishedTime: null, words: 255 };
const ANALYSIS = analyzeArticleText({ title: HEADLINE, text: PARAGRAPHS.join('\n\n'), article: ARTICLE }, buildCorpusIndex(loadSeedReports(), DEFAULT_PACK));
const PAGE_URL = 'https://news.example.org/world/north-korea-troops';
/** The article's claims that some report speaks to: the ones the sidebar lists and lets the reader save. */
const LISTED = ANALYSIS.claims.filter((c) => c.matches.length > 0);
const CONFLICTED = LISTED.find((c) => c.matches.some((m) => m.stance === 'conflicts'))!;

let claims: SavedClaims;
let engines: SavedClaimsSync[];
let changes: SavedClaimsChange[];

/** Registers the handlers over a fresh engine, as the background's main() does. */
function startBackground(options: Partial<SavedClaimsSyncOptions> = {}) {
  const logs: string[] = [];
  claims = new SavedClaims(
    () => {
      // No scheduler: the tests flush when they mean to, instead of waiting on timers.
      const engine = createSavedClaimsSync({ scheduler: undefined, log: (e) => logs.push(e.message), ...options });
      engines.push(engine);
      return engine;
    },
    (change) => {
      changes.push(change);
      broadcast('claims/changed', change);
    },
  );
  handleRequests<BackgroundRequests>(createSavedClaimsHandlers(claims), REQUEST_SENDERS);
  return logs;
}

beforeEach(() => {
  fakeBrowser.reset();
  installChromeMessaging();
  engines = [];
  changes = [];
});
afterEach(() => engines.forEach((e) => e.stop()));

const errorOf = <T>(reply: Result<T>): string => (reply.ok ? 'no error' : reply.error);
const save = (claimIndex: number, url = PAGE_URL) => askBackground('claims/save', claimToSave({ url, title: HEADLINE }, LISTED[claimIndex]!));
const flush = async () => (await claims.ready()).flush();
async function until(check: () => Promise<boolean>, what: string, seen?: () => Promise<string>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never saw: ${what}${seen ? `; saw ${await seen()}` : ''}`);
}

describe('saved claims through the background', () => {
  it('saves a claim from the page, lists it, annotates it, and removes it: in this device’s copy and in storage.sync', async () => {
    startBackground();
    expect(LISTED.length).toBeGreaterThanOrEqual(3);
    const saved = value(await askBackground('claims/save', claimToSave({ url: PAGE_URL, title: HEADLINE }, CONFLICTED)));
    expect(saved.created).toBe(true);
    expect(saved.claim).toMatchObject({ url: PAGE_URL, title: HEADLINE, text: CONFLICTED.text, note: '', synced: false });
    // The stance at the time, in the words the reader saw: "N conflicting: <reason>".
    const conflict = CONFLICTED.matches.filter((m) => m.stance === 'conflicts').sort((a, b) => b.score - a.score)[0]!;
    expect(saved.claim.stance.summary.startsWith(`${saved.claim.stance.conflicts} conflicting: ${conflict.why}`)).toBe(true);
    expect(saved.claim.stance.conflicts).toBeGreaterThan(0);
    expect(saved.claim.id).toBe(claimIdFor(PAGE_URL, CONFLICTED.text));
    console.log(`saved: "${saved.claim.text.slice(0, 70)}…" — ${saved.claim.stance.summary}`);

    // Saving it again returns the same claim.
    expect(value(await askBackground('claims/save', claimToSave({ url: `${PAGE_URL}#comments`, title: HEADLINE }, CONFLICTED)))).toMatchObject({
      created: false,
      claim: { id: saved.claim.id },
    });
    value(await save(LISTED.indexOf(CONFLICTED) === 0 ? 1 : 0));
    const list = value(await askBackground('claims/list', null));
    expect(list).toHaveLength(2);
    expect(value(await askBackground('claims/status', null))).toMatchObject({ state: 'pending', savedCount: 2, pendingCount: 2 });

    await flush();
    expect(value(await askBackground('claims/status', null))).toMatchObject({ state: 'synced', savedCount: 2, message: 'All 2 saved claims are synced.' });
    const synced = await fakeBrowser.storage.sync.get(null);
    expect(synced[`c:${saved.claim.id}`]).toMatchObject({ v: 1, l: PAGE_URL, x: CONFLICTED.text, t: HEADLINE });

    const annotated = value(await askBackground('claims/update', { id: saved.claim.id, note: '  Compare with the Pentagon figure ' }));
    expect(annotated).toMatchObject({ id: saved.claim.id, note: 'Compare with the Pentagon figure', synced: false });
    await flush();
    expect((await fakeBrowser.storage.sync.get(`c:${saved.claim.id}`))[`c:${saved.claim.id}`]).toMatchObject({ n: 'Compare with the Pentagon figure' });
    expect(value(await askBackground('claims/list', { query: 'pentagon' })).map((c) => c.id)).toEqual([saved.claim.id]);

    expect(value(await askBackground('claims/remove', { id: saved.claim.id }))).toEqual({ removed: true });
    expect(value(await askBackground('claims/remove', { id: saved.claim.id }))).toEqual({ removed: false });
    expect(value(await askBackground('claims/list', null)).map((c) => c.id)).not.toContain(saved.claim.id);
    await flush();
    // A tombstone under the same key, so other devices remove it too (docs/sync-format.md).
    expect((await fakeBrowser.storage.sync.get(`c:${saved.claim.id}`))[`c:${saved.claim.id}`]).toMatchObject({ v: 1, z: 1 });
    expect(await privateDb().savedClaims.count()).toBe(2);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(changes.filter((c) => c.kind === 'claims').map((c) => c.kind === 'claims' && c.origin)).toEqual(['local', 'local', 'local', 'local']);
  });

  it('lists the claims of one article for its sidebar, whatever the #fragment', async () => {
    startBackground();
    value(await save(0));
    value(await save(1, 'https://other.example.net/kursk'));
    expect(value(await askBackground('claims/list', { url: `${PAGE_URL}#top` })).map((c) => c.text)).toEqual([LISTED[0]!.text]);
  });

  it('refuses bad input with a sentence the reader can act on, and stores nothing', async () => {
    startBackground();
    const input = claimToSave({ url: PAGE_URL, title: HEADLINE }, LISTED[0]!);
    expect(errorOf(await askBackground('claims/save', { ...input, text: '   ' }))).toBe('The claim text is empty.');
    expect(errorOf(await askBackground('claims/save', { ...input, url: '' }))).toBe('The article link is empty.');
    expect(errorOf(await askBackground('claims/save', { ...input, stance: { ...input.stance, conflicts: -1 } }))).toBe('Stance counts must be whole numbers from 0.');
    expect(errorOf(await askBackground('claims/save', { ...input, note: 'x'.repeat(200_001) }))).toBe('The note is too long (over 200,000 characters).');
    expect(errorOf(await askBackground('claims/update', { id: 'nosuchclaim', note: 'hello' }))).toBe(
      'This claim is no longer saved: it may have been removed on another device.',
    );
    expect(errorOf(await askBackground('claims/import', { text: '{"format":"something-else"}' }))).toMatch(/not a Crosscheck saved-claims export.*nothing was imported/);
    expect(errorOf(await askBackground('claims/import', { text: '{oops' }))).toMatch(/^The file is not valid JSON .*nothing was imported\.$/);
    expect(errorOf(await askBackground('claims/export', { format: 'pdf' as never }))).toBe('Saved claims export as "json" or "markdown", not "pdf".');
    expect(value(await askBackground('claims/list', null))).toEqual([]);
    expect(await privateDb().savedClaims.get(claimIdFor(PAGE_URL, LISTED[0]!.text))).toBeUndefined();
  });

  it('says when sync storage is full, in plain words, and keeps the claims on this device', async () => {
    // Room for the meta item and about two claims: the engine plans within the limits it is given.
    startBackground({ limits: { quotaBytes: 1_300 } });
    for (let i = 0; i < 4; i++) value(await save(i % LISTED.length, `${PAGE_URL}/${i}`));
    await flush();
    const status = value(await askBackground('claims/status', null));
    console.log(`quota-full status (${status.bytesInUse} of ${status.quotaBytes} bytes, ${status.itemsInUse} items): ${status.message}`);
    expect(status).toMatchObject({ state: 'quota-full', savedCount: 4, limit: 'bytes' });
    expect(status.localOnlyCount).toBeGreaterThan(0);
    expect(status.message).toMatch(/^Sync storage is full \(1 KB\)\. \d claims? (is|are) saved on this device only\. Export or remove old claims to sync them\.$/);
    expect(changes.some((c) => c.kind === 'status' && c.status.state === 'quota-full')).toBe(true);
    const list = value(await askBackground('claims/list', null));
    expect(list).toHaveLength(4);
    const localOnly = list.filter((c) => !c.synced);
    expect(localOnly).toHaveLength(status.localOnlyCount);
    expect(localOnly.every((c) => c.syncNote === 'Sync storage is full: saved on this device only for now.')).toBe(true);

    // The way out: export keeps all of them; removing one lets a waiting one in.
    const exported = JSON.parse(value(await askBackground('claims/export', { format: 'json' }))) as { claims: unknown[] };
    expect(exported.claims).toHaveLength(4);
    const synced = list.find((c) => c.synced)!;
    value(await askBackground('claims/remove', { id: synced.id }));
    await flush();
    expect(value(await askBackground('claims/status', null)).localOnlyCount).toBeLessThan(status.localOnlyCount);
  });

  it('a claim waiting for space syncs by itself once space is freed elsewhere (another feature’s keys leave sync)', async () => {
    // The engine's own timers, made short: no local change follows the freeing.
    startBackground({ scheduler: timeoutScheduler, policy: { flushDebounceMs: 5, maxFlushDelayMs: 5 }, limits: { quotaBytes: 2_000 } });
    await fakeBrowser.storage.sync.set({ 'other-feature': 'x'.repeat(1_700) });
    value(await save(0));
    const sync = await claims.ready();
    await until(async () => value(await askBackground('claims/status', null)).state === 'quota-full', 'sync full', async () => JSON.stringify(value(await askBackground('claims/status', null))));
    await fakeBrowser.storage.sync.remove('other-feature');
    await until(async () => value(await askBackground('claims/status', null)).state === 'synced', 'the claim synced');
    expect(sync.list()[0]).toMatchObject({ synced: true, syncNote: null });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain(`c:${claimIdFor(PAGE_URL, LISTED[0]!.text)}`);
  });

  it('exports as Markdown and JSON, and a JSON export imports into a new profile', async () => {
    startBackground();
    value(await save(0));
    const id = claimIdFor(PAGE_URL, LISTED[0]!.text);
    value(await askBackground('claims/update', { id, note: 'Check the *Pentagon* figure' }));
    const markdown = value(await askBackground('claims/export', { format: 'markdown' }));
    expect(markdown).toContain('# Saved claims (Crosscheck)');
    expect(markdown).toContain('- Note: Check the \\*Pentagon\\* figure');
    const json = value(await askBackground('claims/export', { format: 'json' }));

    engines.forEach((e) => e.stop());
    fakeBrowser.reset();
    await resetPrivateDbForTests();
    installChromeMessaging();
    startBackground();
    expect(value(await askBackground('claims/import', { text: json }))).toEqual({ added: 1, alreadySaved: 0, skipped: [] });
    expect(value(await askBackground('claims/import', { text: json }))).toEqual({ added: 0, alreadySaved: 1, skipped: [] });
    expect(value(await askBackground('claims/list', null))).toEqual([expect.objectContaining({ id, note: 'Check the *Pentagon* figure' })]);
  });

  it('a service worker woken by a message answers from the claims it kept, not from an empty engine', async () => {
    startBackground();
    value(await save(0));
    // The worker sleeps: its engine and its timers are gone; storage stays.
    engines.forEach((e) => e.stop());
    installChromeMessaging();
    startBackground();
    // The very first message of the new worker: the handler waits for start() (local load + sync read).
    expect(value(await askBackground('claims/list', null)).map((c) => c.text)).toEqual([LISTED[0]!.text]);
    expect(value(await askBackground('claims/status', null))).toMatchObject({ state: 'pending', pendingCount: 1 });
    await flush();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toContain(`c:${claimIdFor(PAGE_URL, LISTED[0]!.text)}`);
  });

  it('tells open pages when a claim arrives from another device through storage.sync', async () => {
    startBackground();
    await claims.ready();
    const url = 'https://www.bbc.com/news/articles/c4g0';
    const text = 'Kyiv says the first North Korean units are already near Kursk.';
    const encoded = encodeClaim({
      id: claimIdFor(url, text), url, title: 'Ukraine war', text,
      stance: stanceSnapshot({ text, quantities: [], attribution: null, matches: [] }),
      savedAt: Date.now() - 60_000, note: 'from the phone',
      updatedAt: { wall: Date.now() - 60_000, count: 0, device: 'phone123' },
    });
    if (!encoded.ok) throw new Error('a small claim fits one item');
    await fakeBrowser.storage.sync.set({ [encoded.item.key]: encoded.item.value });
    await (await claims.ready()).whenIdle();
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'claims', origin: 'remote', ids: [claimIdFor(url, text)] }));
    const arrived = changes.find((c) => c.kind === 'claims' && c.origin === 'remote')!;
    expect(arrived.status.savedCount).toBe(1);
    expect(value(await askBackground('claims/list', null))).toEqual([expect.objectContaining({ text, note: 'from the phone', synced: true })]);
  });
});
