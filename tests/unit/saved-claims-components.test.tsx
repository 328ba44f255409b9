// @vitest-environment happy-dom
// The saved-claims UI as the reader meets it: the sidebar's save button, the popup's line,
// and the options page's list (search, notes, removal, sync status with its way out,
// export and import). Claims come from the real analysis of an on-topic article against
// the seed reports; statuses and claim views from the real sync engine over a simulated
// sync area (the same engine the background runs). Each part gets an accessibility check.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSeedReports } from '../../cli/load-reports';
import { claimToSave, LOCAL_ONLY_PREFIX, savedMarkOf, savedMarksFor, stanceSnapshot } from '../../components/saved-claims/claim-to-save';
import { claimsExportFileName, ClaimsImportExport, importSummaryLine } from '../../components/saved-claims/ClaimsImportExport';
import { popupSyncLine, SavedClaimsSummary } from '../../components/saved-claims/PopupSavedClaims';
import { safeArticleHref, SavedClaimItem } from '../../components/saved-claims/SavedClaimItem';
import { listHeading, SavedClaimsList } from '../../components/saved-claims/SavedClaimsList';
import { SyncStatusPanel, usageLine } from '../../components/saved-claims/SyncStatusPanel';
import { Sidebar, type SidebarProps } from '../../components/sidebar/Sidebar';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { err, ok, type SyncStatus, type TabState } from '../../lib/protocol';
import { SavedClaimsSync, type SyncLimits } from '../../lib/sync';
import { MemoryLocalStore } from './helpers/memory-local-store';
import { SimulatedSyncArea } from './helpers/simulated-sync-area';
import type { ClaimMatch, ClaimResult } from '../../lib/types';
import { expectAccessible } from './helpers/axe';
import { DEFAULT_PACK } from '../../lib/topics';

const [HEADLINE = '', ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);
const ARTICLE = { isArticle: true, title: HEADLINE, byline: null, siteName: 'Example News', publishedTime: null, words: 255 };
const ANALYSIS = analyzeArticleText({ title: HEADLINE, text: PARAGRAPHS.join('\n\n'), article: ARTICLE }, buildCorpusIndex(loadSeedReports(), DEFAULT_PACK));
const PAGE_URL = 'https://news.example.org/world/north-korea-troops';
const LISTED = ANALYSIS.claims.map((claim, index) => ({ claim, index })).filter(({ claim }) => claim.matches.length > 0);
const NOW = Date.UTC(2024, 10, 4, 9, 30);

const STATE: TabState = {
  tabId: 7,
  url: PAGE_URL,
  status: 'ready',
  article: ARTICLE,
  topic: ANALYSIS.topic,
  report: { ...ANALYSIS, url: PAGE_URL, analyzedAt: 1, corpusSize: 5 },
  sidebarOpen: true,
  error: null,
};

/** A real engine over a simulated sync area with `claims` of the article saved (and flushed). */
async function engineWith(count: number, limits: Partial<SyncLimits> = {}) {
  const area = new SimulatedSyncArea({ now: () => NOW, limits });
  const engine = new SavedClaimsSync({ area, local: new MemoryLocalStore(), now: () => NOW, limits, log: () => undefined });
  await engine.start();
  for (let i = 0; i < count; i++) {
    const { claim } = LISTED[i % LISTED.length]!;
    await engine.save(claimToSave({ url: i < LISTED.length ? PAGE_URL : `${PAGE_URL}/${i}`, title: HEADLINE }, claim));
  }
  await engine.flush();
  return engine;
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const show = (node: preact.ComponentChild) => act(() => render(node, container));
const button = (name: RegExp, root: ParentNode = container) => [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The accessible name a button gets: aria-label when set, else its text. */
const nameOf = (b: Element) => b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';

describe('what a saved claim records', () => {
  it('the stance at the time: report counts by side and the closest conflict’s reason first', () => {
    const match = (stance: ClaimMatch['stance'], reportId: string, why: string, score: number): ClaimMatch => ({
      reportId, reportTitle: null, outlet: null, date: null, claim: 'x', stance, score, why, source: null,
    });
    const claim = (matches: ClaimMatch[]): ClaimResult => ({ text: 'North Korea sent 1,500 troops.', quantities: [], attribution: null, matches });
    expect(stanceSnapshot(claim([match('conflicts', 'a', '1,500 vs 12,000 troops', 0.9), match('conflicts', 'a', 'other', 0.4), match('corroborates', 'b', 'both: 1,500', 0.7), match('corroborates', 'c', 'both', 0.6)]))).toEqual({
      corroborates: 2, conflicts: 1, summary: '1 conflicting: 1,500 vs 12,000 troops; 2 corroborating',
    });
    expect(stanceSnapshot(claim([match('corroborates', 'b', 'both: 1,500 troops', 0.7)]))).toEqual({ corroborates: 1, conflicts: 0, summary: '1 corroborating: both: 1,500 troops' });
    expect(stanceSnapshot(claim([match('related', 'r', 'same event', 0.5)]))).toEqual({ corroborates: 0, conflicts: 0, summary: '1 related' });
    expect(stanceSnapshot(claim([]))).toEqual({ corroborates: 0, conflicts: 0, summary: 'No matching report' });
  });

  it('finds which claims of the page are saved, ignoring the #fragment, and words their sync state', async () => {
    const engine = await engineWith(2);
    const marks = savedMarksFor(`${PAGE_URL}#comments`, ANALYSIS.claims, engine.list(), engine.status());
    expect([...marks.keys()].sort()).toEqual([LISTED[0]!.index, LISTED[1]!.index].sort());
    expect([...marks.values()].map((m) => [m.sync, m.text])).toEqual([['synced', 'Synced.'], ['synced', 'Synced.']]);

    const full = await engineWith(4, { quotaBytes: 1_300 });
    const status = full.status();
    const stuck = full.list().find((c) => !c.synced)!;
    expect(savedMarkOf(stuck, status)).toEqual({ id: stuck.id, sync: 'local-only', text: `${LOCAL_ONLY_PREFIX} ${status.message}` });
    expect(savedMarkOf(stuck, { ...status, state: 'pending' })).toMatchObject({ sync: 'pending', text: 'Waiting to sync…' });
  });
});

describe('the sidebar’s save button', () => {
  const props = (patch: Partial<SidebarProps> = {}): SidebarProps => ({
    state: STATE, collapsed: false, activeClaim: null, onJump: vi.fn(), onOpen: vi.fn(), onCollapse: vi.fn(), ...patch,
  });
  const saveButton = (index: number) => container.querySelector<HTMLButtonElement>(`[data-claim="${index}"] [data-action="save-claim"]`)!;

  it('is a working “Save this claim” button on every listed claim, described by the claim it saves', async () => {
    const onSaveClaim = vi.fn();
    await show(<Sidebar {...props({ onSaveClaim, onUnsaveClaim: vi.fn(), savedClaims: new Map() })} />);
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('[data-claim] [data-action="save-claim"]')];
    expect(buttons).toHaveLength(LISTED.length);
    for (const b of buttons) {
      expect(b.tagName).toBe('BUTTON'); // Tab reaches it, Enter and Space press it
      expect(b.disabled).toBe(false);
      expect(b.getAttribute('tabindex')).toBeNull();
      expect(nameOf(b)).toBe('Save this claim');
      const described = b.getAttribute('aria-describedby')!.split(' ').map((id) => container.querySelector(`#${id}`)?.textContent);
      expect(described[0]).toBe(b.closest('[data-claim]')!.querySelector('.claim__text')!.textContent);
    }
    const { index } = LISTED[0]!;
    await act(() => saveButton(index).click());
    expect(onSaveClaim).toHaveBeenCalledWith(index);
    await expectAccessible(container);
  });

  it('shows “Saved” and the sync state, says why a claim stays on this device, and unsaves', async () => {
    const [first, second] = [LISTED[0]!.index, LISTED[1]!.index];
    const onUnsaveClaim = vi.fn();
    const reason = 'Sync storage is full (100 KB). 1 claim is saved on this device only. Export or remove old claims to sync them.';
    const savedClaims = new Map([
      [first, { id: 'a', sync: 'synced' as const, text: 'Synced.' }],
      [second, { id: 'b', sync: 'local-only' as const, text: `${LOCAL_ONLY_PREFIX} ${reason}` }],
    ]);
    await show(<Sidebar {...props({ onSaveClaim: vi.fn(), onUnsaveClaim, savedClaims, saveErrors: new Map([[LISTED[2]!.index, 'Could not save: The claim text is empty.']]) })} />);
    expect(saveButton(first).textContent).toBe('Saved');
    expect(nameOf(saveButton(first))).toBe('Saved: remove from your saved claims');
    expect(saveButton(first).getAttribute('data-saved')).toBe('synced');
    const line = (i: number) => container.querySelector(`[data-claim="${i}"] .claim__saved`)!;
    expect(line(first).textContent).toBe('Synced.');
    expect(line(second).textContent).toBe(`Saved on this device only — not synced. ${reason}`);
    expect(line(second).getAttribute('aria-live')).toBe('polite');
    expect(saveButton(second).getAttribute('aria-describedby')).toContain(line(second).id);
    expect(line(LISTED[2]!.index).textContent).toBe('Could not save: The claim text is empty.');
    await act(() => saveButton(second).click());
    expect(onUnsaveClaim).toHaveBeenCalledWith(second);
    await expectAccessible(container);
  });

  it('ignores presses while a save is on its way', async () => {
    const onSaveClaim = vi.fn();
    const { index } = LISTED[0]!;
    await show(<Sidebar {...props({ onSaveClaim, savingClaims: new Set([index]) })} />);
    expect(saveButton(index).getAttribute('aria-disabled')).toBe('true');
    await act(() => saveButton(index).click());
    expect(onSaveClaim).not.toHaveBeenCalled();
  });
});

describe('the popup’s saved-claims line', () => {
  it('counts the saved claims, says they are synced, and opens the list', async () => {
    const engine = await engineWith(3);
    const onOpenList = vi.fn();
    await show(<SavedClaimsSummary status={engine.status()} error={null} onOpenList={onOpenList} />);
    expect(container.querySelector('h2')?.textContent).toBe('Saved claims: 3');
    expect(byTestId('saved-claims-sync')?.textContent).toBe('All saved claims synced');
    await act(() => button(/See your 3 saved claims/)!.click());
    expect(onOpenList).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('gives the engine’s own words when sync is full, and says when nothing is saved yet', async () => {
    const full = (await engineWith(4, { quotaBytes: 1_300 })).status();
    await show(<SavedClaimsSummary status={full} error={null} onOpenList={vi.fn()} />);
    expect(byTestId('saved-claims-sync')?.textContent).toBe(full.message);
    expect(byTestId('saved-claims-sync')?.className).toBe('error-text');
    expect(popupSyncLine((await engineWith(0)).status())).toBe('Save claims from the sidebar to keep them here.');
    await expectAccessible(container);
  });
});

describe('a saved claim in the options list', () => {
  const claimOf = async (note = '') => {
    const engine = await engineWith(1);
    const [claim] = engine.list();
    return note ? (await engine.update(claim!.id, { note }))! : claim!;
  };

  it('shows the claim, its article as a link, when it was saved and how it stood against the reports', async () => {
    const claim = await claimOf('Compare with the Pentagon figure');
    await show(<ul><SavedClaimItem claim={claim} onSaveNote={vi.fn()} onRemove={vi.fn()} /></ul>);
    expect(container.querySelector('blockquote')?.textContent).toBe(LISTED[0]!.claim.text);
    const link = container.querySelector('a')!;
    expect([link.textContent, link.getAttribute('href'), link.getAttribute('rel')]).toEqual([HEADLINE, PAGE_URL, 'noopener noreferrer']);
    expect(container.querySelector('time')?.textContent).toBe('4 Nov 2024');
    expect(container.querySelector('.saved-claim__stance')?.textContent).toBe(`Reports when saved: ${stanceSnapshot(LISTED[0]!.claim).summary}`);
    expect(byTestId('claim-note')?.textContent).toBe('Your note: Compare with the Pentagon figure');
    expect(byTestId('claim-sync-note')?.textContent).toBe('Waiting to sync.'); // the note edit is not flushed yet
    await expectAccessible(container);
  });

  it('never makes a link of an address that is not http(s), whatever another device wrote', () => {
    expect(safeArticleHref('javascript:alert(1)')).toBeNull();
    expect(safeArticleHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeArticleHref('not a url')).toBeNull();
    expect(safeArticleHref('https://www.bbc.com/news/x')).toBe('https://www.bbc.com/news/x');
  });

  it('edits the note with the keyboard: the field takes focus, Escape cancels, saving returns focus to the button', async () => {
    const claim = await claimOf();
    const onSaveNote = vi.fn().mockResolvedValue(ok({ ...claim, note: 'Pentagon says 8,000' }));
    await show(<ul><SavedClaimItem claim={claim} onSaveNote={onSaveNote} onRemove={vi.fn()} /></ul>);
    await act(() => button(/Add a note/)!.click());
    const field = container.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(document.activeElement).toBe(field);
    expect(container.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Note on this claim');
    await expectAccessible(container);
    await act(() => {
      type(field, 'draft');
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(container.querySelector('textarea')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Add a note');
    await act(() => button(/Add a note/)!.click());
    await act(() => type(container.querySelector('textarea')!, 'Pentagon says 8,000'));
    await act(() => button(/Save note/)!.click());
    await settle();
    expect(onSaveNote).toHaveBeenCalledWith(claim.id, 'Pentagon says 8,000');
    expect(document.activeElement?.textContent).toBe('Add a note');
  });

  it('removes only after confirmation, with focus on Cancel, and shows a failure plainly', async () => {
    const claim = await claimOf();
    const onRemove = vi.fn().mockResolvedValue(err('Sync is not working right now.'));
    await show(<ul><SavedClaimItem claim={claim} onSaveNote={vi.fn()} onRemove={onRemove} /></ul>);
    await act(() => button(/^Remove$/)!.click());
    expect(container.textContent).toContain('Remove this claim from your saved claims, on all your devices?');
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(onRemove).not.toHaveBeenCalled();
    await expectAccessible(container);
    await act(() => button(/Yes, remove it/)!.click());
    await settle();
    expect(onRemove).toHaveBeenCalledWith(claim.id);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Could not remove the claim: Sync is not working right now.');
  });
});

describe('the options list', () => {
  it('counts, searches and orders the claims', async () => {
    const engine = await engineWith(3);
    const all = engine.list();
    const props = { total: 3, onQuery: vi.fn(), onOrder: vi.fn(), onSaveNote: vi.fn(), onRemove: vi.fn() };
    await show(<SavedClaimsList {...props} claims={all} query="" order="newest" />);
    expect(byTestId('saved-claims-heading')?.textContent).toBe('3 saved claims');
    expect(container.querySelectorAll('[data-claim-id]')).toHaveLength(3);
    const search = container.querySelector<HTMLInputElement>('#saved-claims-search')!;
    expect(container.querySelector(`label[for="${search.id}"]`)?.textContent).toBe('Search saved claims');
    await act(() => type(search, '1500 troops'));
    expect(props.onQuery).toHaveBeenCalledWith('1500 troops');
    await expectAccessible(container);

    const found = engine.search('1500 troops');
    await show(<SavedClaimsList {...props} claims={found} query="1500 troops" order="oldest" />);
    expect(found.length).toBeGreaterThan(0);
    expect(byTestId('saved-claims-heading')?.textContent).toBe(listHeading(found.length, 3, '1500 troops'));
    expect(listHeading(2, 5, 'troops')).toBe('2 of 5 saved claims match “troops”');
    await show(<SavedClaimsList {...props} claims={[]} query="zebra" order="newest" />);
    expect(container.textContent).toContain('No saved claim contains all of these words.');
  });
});

describe('the sync status on the options page', () => {
  it('when sync storage is full: the engine’s message, the usage, and the way out (export, oldest first)', async () => {
    const status = (await engineWith(4, { quotaBytes: 1_300 })).status();
    const onExportJson = vi.fn();
    const onShowOldestFirst = vi.fn();
    await show(<SyncStatusPanel status={status} error={null} onExportJson={onExportJson} onShowOldestFirst={onShowOldestFirst} />);
    expect(byTestId('sync-status')?.getAttribute('data-state')).toBe('quota-full');
    expect(byTestId('sync-message')?.textContent).toBe(status.message);
    expect(container.textContent).toContain(usageLine(status));
    expect(byTestId('way-out')).not.toBeNull();
    await act(() => button(/Export all as JSON/)!.click());
    await act(() => button(/List the oldest claims first/)!.click());
    expect(onExportJson).toHaveBeenCalled();
    expect(onShowOldestFirst).toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('when all is synced: the message and the usage, no way out needed', async () => {
    const status: SyncStatus = (await engineWith(2)).status();
    await show(<SyncStatusPanel status={status} error={null} onExportJson={vi.fn()} onShowOldestFirst={vi.fn()} />);
    expect(byTestId('sync-message')?.textContent).toBe('All 2 saved claims are synced.');
    expect(usageLine(status)).toMatch(/^Sync storage holds \d\.\d KB of 100 KB and 3 of 512 items\.$/);
    expect(byTestId('way-out')).toBeNull();
    await expectAccessible(container);
  });
});

describe('export and import on the options page', () => {
  it('exports as JSON or Markdown, names the file by date, and reports an import with its skipped entries', async () => {
    const onExport = vi.fn();
    const onImport = vi.fn().mockResolvedValue(ok({ added: 2, alreadySaved: 1, skipped: [{ index: 3, reason: '"url" is empty' }] }));
    await show(<ClaimsImportExport savedCount={3} onExport={onExport} exportOutcome={null} onImport={onImport} />);
    await act(() => button(/Export as JSON/)!.click());
    await act(() => button(/Export as Markdown/)!.click());
    expect(onExport.mock.calls).toEqual([['json'], ['markdown']]);
    expect(claimsExportFileName('markdown', new Date(NOW))).toBe('crosscheck-saved-claims-2024-11-04.md');
    const input = container.querySelector<HTMLInputElement>('#import-saved-claims')!;
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Choose a Crosscheck saved-claims export (.json)');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['{"format":"crosscheck-saved-claims"}'], 'claims.json')] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(onImport).toHaveBeenCalledWith('{"format":"crosscheck-saved-claims"}');
    expect(byTestId('claims-import-summary')?.textContent).toBe('Imported 2 claims. 1 claim was already saved.Skipped 1 entry of the file:Claim 4: "url" is empty');
    await expectAccessible(container);
  });

  it('says plainly why a file was not imported', async () => {
    const onImport = vi.fn().mockResolvedValue(err('The file is not valid JSON (Unexpected token o); nothing was imported.'));
    await show(<ClaimsImportExport savedCount={0} onExport={vi.fn()} exportOutcome={{ ok: false, text: 'Could not export: no answer' }} onImport={onImport} />);
    const input = container.querySelector<HTMLInputElement>('#import-saved-claims')!;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['{oops'], 'claims.json')] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(byTestId('claims-import-summary')?.textContent).toBe('Could not import the file: The file is not valid JSON (Unexpected token o); nothing was imported.');
    expect(byTestId('claims-export-outcome')?.textContent).toBe('Could not export: no answer');
    expect(importSummaryLine({ added: 0, alreadySaved: 2, skipped: [] })).toBe('No new claims were imported. 2 claims were already saved.');
    await expectAccessible(container);
  });
});
