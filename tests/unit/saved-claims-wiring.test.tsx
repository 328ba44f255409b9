// @vitest-environment happy-dom
// The saved-claims UI against the real background: the sidebar (as entrypoints/sidebar
// wires it), the popup's line and the options page's list → askBackground → the real
// 'claims/*' handlers → the sync engine over fakeBrowser's storage. A change made in one
// of them, or arriving through storage.sync from another device, shows in the others.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { askBackground, broadcast, handleRequests } from '../../adapters/messaging';
import { OptionsApp } from '../../components/options/OptionsApp';
import { claimToSave } from '../../components/saved-claims/claim-to-save';
import { PopupSavedClaims } from '../../components/saved-claims/PopupSavedClaims';
import { SavedClaimsManager } from '../../components/saved-claims/SavedClaimsManager';
import { usePageSavedClaims } from '../../components/saved-claims/use-page-saved-claims';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { createSavedClaimsHandlers, createSavedClaimsSync, SavedClaims } from '../../entrypoints/background/saved-claims';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS, analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { REQUEST_SENDERS, type BackgroundRequests, type TabState } from '../../lib/protocol';
import { claimIdFor, type SavedClaimsSync, type SavedClaimsSyncOptions } from '../../lib/sync';
import { encodeClaim } from '../../lib/sync/format';
import { installChromeMessaging } from './helpers/chrome-messaging';
import { DEFAULT_PACK } from '../../lib/topics';
import { value } from './helpers/result';

const [HEADLINE = '', ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);
const ARTICLE = { isArticle: true, title: HEADLINE, byline: null, siteName: 'Example News', publishedTime: null, words: 255 };
const ANALYSIS = analyzeArticleText({ title: HEADLINE, text: PARAGRAPHS.join('\n\n'), article: ARTICLE }, buildCorpusIndex(seedReports(), DEFAULT_PACK));
const PAGE_URL = 'https://news.example.org/world/north-korea-troops';
const LISTED = ANALYSIS.claims.map((claim, index) => ({ claim, index })).filter(({ claim }) => claim.matches.length > 0);
const STATE: TabState = {
  tabId: 7, url: PAGE_URL, status: 'ready', article: ARTICLE, topic: ANALYSIS.topic,
  report: { ...ANALYSIS, url: PAGE_URL, analyzedAt: 1, corpusSize: 5 }, sidebarOpen: true, error: null,
};

let container: HTMLElement;
let claims: SavedClaims;
let engines: SavedClaimsSync[];
let dbCount = 0;

function startBackground(options: Partial<SavedClaimsSyncOptions> = {}) {
  claims = new SavedClaims(
    () => {
      const engine = createSavedClaimsSync({ scheduler: undefined, log: () => undefined, ...options });
      engines.push(engine);
      return engine;
    },
    (change) => broadcast('claims/changed', change),
  );
  const corpus = new Corpus(new CrosscheckDB(`crosscheck-saved-claims-test-${++dbCount}`), seedReports(), () => broadcast('corpus/changed', null));
  handleRequests<BackgroundRequests>({ ...createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), ...createSavedClaimsHandlers(claims) }, REQUEST_SENDERS);
}

beforeEach(() => {
  fakeBrowser.reset();
  installChromeMessaging();
  engines = [];
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  engines.forEach((e) => e.stop());
});

const text = () => container.textContent ?? '';
const button = (name: RegExp, root: ParentNode = container) => [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
const listed = () => [...container.querySelectorAll('[data-claim-id]')].map((li) => li.querySelector('blockquote')?.textContent ?? '');

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`never saw: ${what}\n---\n${text()}`);
}
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const flush = async () => (await claims.ready()).flush();

/** The sidebar frame's app, wired as entrypoints/sidebar/main.tsx wires it. */
function SidebarWithSaving({ state }: { state: TabState }) {
  const saving = usePageSavedClaims(state);
  return <Sidebar state={state} collapsed={false} activeClaim={null} onJump={vi.fn()} onOpen={vi.fn()} onCollapse={vi.fn()} {...saving} />;
}

describe('the sidebar saves and unsaves through the background', () => {
  it('“Save this claim” → Saved, waiting to sync → synced → pressed again, no longer saved (and gone from sync)', async () => {
    startBackground();
    await act(() => render(<SidebarWithSaving state={STATE} />, container));
    const { claim, index } = LISTED[0]!;
    const save = () => container.querySelector<HTMLButtonElement>(`[data-claim="${index}"] [data-action="save-claim"]`)!;
    const line = () => container.querySelector(`[data-claim="${index}"] .claim__saved`)?.textContent ?? '';
    await until(() => save().textContent === 'Save this claim', 'the save button');
    await act(() => save().click());
    await until(() => save().textContent === 'Saved', 'the claim saved');
    expect(line()).toBe('Waiting to sync…');
    const id = claimIdFor(PAGE_URL, claim.text);
    expect(value(await askBackground('claims/list', null)).map((c) => c.id)).toEqual([id]);

    await flush();
    await until(() => line() === 'Synced.', 'the claim synced');
    expect((await fakeBrowser.storage.sync.get(null))[`c:${id}`]).toMatchObject({ x: claim.text, l: PAGE_URL });

    await act(() => save().click());
    await until(() => save().textContent === 'Save this claim', 'the claim unsaved');
    expect(line()).toBe('');
    await flush();
    expect((await fakeBrowser.storage.sync.get(null))[`c:${id}`]).toMatchObject({ z: 1 });
  });

  it('says the claim stays on this device, and why, when sync storage is full', async () => {
    startBackground({ limits: { quotaBytes: 900 } });
    for (let i = 0; i < 2; i++) value(await askBackground('claims/save', claimToSave({ url: `https://elsewhere.example/${i}`, title: 'Filler' }, LISTED[1]!.claim)));
    await flush();
    await act(() => render(<SidebarWithSaving state={STATE} />, container));
    const { index } = LISTED[0]!;
    const save = () => container.querySelector<HTMLButtonElement>(`[data-claim="${index}"] [data-action="save-claim"]`)!;
    await until(() => save().textContent === 'Save this claim', 'the save button');
    await act(() => save().click());
    await until(() => save().textContent === 'Saved', 'the claim saved');
    await flush();
    const line = () => container.querySelector(`[data-claim="${index}"] .claim__saved`)?.textContent ?? '';
    await until(() => line().startsWith('Saved on this device only — not synced.'), 'the local-only line');
    console.log(`sidebar, sync full: ${line()}`);
    expect(line()).toMatch(/Sync storage is full \(1 KB\)\. \d claims? (is|are) saved on this device only\. Export or remove old claims to sync them\.$/);
  });
});

describe('the popup’s saved-claims line with the real background', () => {
  it('counts claims saved elsewhere (a sidebar, another device) as they arrive', async () => {
    startBackground();
    const onOpenList = vi.fn();
    await act(() => render(<PopupSavedClaims onOpenList={onOpenList} />, container));
    await until(() => byTestId('saved-claims-sync')?.textContent === 'Save claims from the sidebar to keep them here.', 'no claims yet');
    value(await askBackground('claims/save', claimToSave({ url: PAGE_URL, title: HEADLINE }, LISTED[0]!.claim)));
    await until(() => container.querySelector('h2')?.textContent === 'Saved claims: 1', 'one claim counted');
    expect(byTestId('saved-claims-sync')?.textContent).toBe('1 change waiting to sync.');
    await flush();
    await until(() => byTestId('saved-claims-sync')?.textContent === 'All saved claims synced', 'synced');
    await act(() => button(/See your 1 saved claim/)!.click());
    expect(onOpenList).toHaveBeenCalled();
  });
});

describe('the options page’s saved claims with the real background', () => {
  it('lists, searches, annotates and removes; a claim from another device appears by itself', async () => {
    startBackground();
    for (const { claim } of LISTED.slice(0, 3)) value(await askBackground('claims/save', claimToSave({ url: PAGE_URL, title: HEADLINE }, claim)));
    await flush();
    await act(() => render(<OptionsApp savedClaims={<SavedClaimsManager />} />, container));
    const section = () => container.querySelector('#saved-claims')!;
    await until(() => listed().length === 3, 'three saved claims');
    expect(section().querySelector('h2')?.textContent).toBe('Saved claims');
    expect(byTestId('saved-claims-heading')?.textContent).toBe('3 saved claims');
    expect(byTestId('sync-message')?.textContent).toBe('All 3 saved claims are synced.');

    // Search: every word, thousands separators ignored.
    const search = container.querySelector<HTMLInputElement>('#saved-claims-search')!;
    const expected = LISTED.slice(0, 3).filter(({ claim }) => /1,500/.test(claim.text)).length;
    expect(expected).toBeGreaterThan(0);
    await act(() => type(search, '1500'));
    await until(() => listed().length === expected, 'the search results');
    expect(byTestId('saved-claims-heading')?.textContent).toBe(`${expected} of 3 saved claims match${expected === 1 ? 'es' : ''} “1500”`);
    await act(() => type(search, ''));
    await until(() => listed().length === 3, 'all claims again');

    // Annotate the first listed claim.
    const first = () => container.querySelector('[data-claim-id]')!;
    const id = first().getAttribute('data-claim-id')!;
    await act(() => button(/Add a note/, first())!.click());
    await act(() => type(first().querySelector('textarea')!, 'Pentagon: about 8,000 in Kursk'));
    await act(() => button(/Save note/, first())!.click());
    await until(() => first().querySelector('[data-testid="claim-note"]')?.textContent === 'Your note: Pentagon: about 8,000 in Kursk', 'the note');
    expect(value(await askBackground('claims/list', null)).find((c) => c.id === id)?.note).toBe('Pentagon: about 8,000 in Kursk');
    expect(byTestId('saved-claims-notice')?.textContent).toBe('Note saved.');

    // Remove it after confirmation.
    await act(() => button(/^Remove$/, first())!.click());
    await act(() => button(/Yes, remove it/)!.click());
    await until(() => listed().length === 2, 'the claim removed');
    expect(byTestId('saved-claims-notice')?.textContent).toMatch(/^Removed “.+” from your saved claims\.$/);
    expect(document.activeElement?.id).toBe('saved-claims-list-heading');

    // Another device's claim arrives through storage.sync.
    const url = 'https://www.bbc.com/news/articles/c4g0';
    const arriving = 'Kyiv says the first North Korean units are already near Kursk.';
    const encoded = encodeClaim({
      id: claimIdFor(url, arriving), url, title: 'Ukraine war', text: arriving, stance: { corroborates: 1, conflicts: 0, summary: '1 corroborating' },
      savedAt: Date.now() - 60_000, note: '', updatedAt: { wall: Date.now() - 60_000, count: 0, device: 'phone123' },
    });
    if (!encoded.ok) throw new Error('a small claim fits one item');
    await fakeBrowser.storage.sync.set({ [encoded.item.key]: encoded.item.value });
    await until(() => listed().includes(arriving), 'the claim from the other device');
    // Saved a minute ago on the phone: listed by when it was saved, after the claims saved here since.
    expect(listed().at(-1)).toBe(arriving);
    expect(byTestId('saved-claims-heading')?.textContent).toBe('3 saved claims');
  });

  it('when sync storage is full, shows the way out; “oldest first” lists the oldest claim first', async () => {
    startBackground({ limits: { quotaBytes: 1_300 } });
    for (let i = 0; i < 4; i++) value(await askBackground('claims/save', claimToSave({ url: `${PAGE_URL}/${i}`, title: HEADLINE }, LISTED[i % LISTED.length]!.claim)));
    await flush();
    await act(() => render(<SavedClaimsManager />, container));
    await until(() => byTestId('sync-status')?.getAttribute('data-state') === 'quota-full', 'the quota-full status');
    expect(byTestId('sync-message')?.textContent).toMatch(/^Sync storage is full/);
    expect(container.querySelectorAll('[data-testid="claim-sync-note"]').length).toBeGreaterThan(0);
    const oldest = value(await askBackground('claims/list', null)).at(-1)!;
    await act(() => button(/List the oldest claims first/)!.click());
    await until(() => container.querySelector('[data-claim-id]')?.getAttribute('data-claim-id') === oldest.id, 'the oldest claim first');
    expect(container.querySelector<HTMLSelectElement>('#saved-claims-order')?.value).toBe('oldest');
  });

  it('imports a JSON export and refuses a file that is not one, with the reason', async () => {
    startBackground();
    value(await askBackground('claims/save', claimToSave({ url: PAGE_URL, title: HEADLINE }, LISTED[0]!.claim)));
    const json = value(await askBackground('claims/export', { format: 'json' }));
    await (await claims.ready()).remove(claimIdFor(PAGE_URL, LISTED[0]!.claim.text));
    await act(() => render(<SavedClaimsManager />, container));
    await until(() => byTestId('saved-claims-heading')?.textContent === '0 saved claims', 'an empty list');
    const input = container.querySelector<HTMLInputElement>('#import-saved-claims')!;
    const choose = async (content: string) => {
      Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], 'claims.json')] });
      await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    };
    await choose('{"format":"crosscheck-reports","version":1,"reports":[]}');
    await until(() => /Could not import/.test(byTestId('claims-import-summary')?.textContent ?? ''), 'the refusal');
    expect(byTestId('claims-import-summary')?.textContent).toBe(
      'Could not import the file: The file is not a Crosscheck saved-claims export (expected "format": "crosscheck-saved-claims"); nothing was imported.',
    );
    await choose(json);
    await until(() => listed().length === 1, 'the imported claim');
    expect(byTestId('claims-import-summary')?.textContent).toBe('Imported 1 claim.');
  });
});
