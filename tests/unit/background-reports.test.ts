// The background's report handlers, reached the way the popup and the options page reach
// them: askBackground → runtime messaging → the real handlers → Dexie on fake-indexeddb.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CrosscheckDB } from '../../adapters/db';
import { askBackground } from '../../adapters/messaging';
import type { Corpus } from '../../entrypoints/background/corpus';
import { seedReports } from '../../entrypoints/background/seeds';
import type { Result } from '../../lib/protocol';
import type { Report } from '../../lib/types';
import { startBackground } from './helpers/background';
import type { ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const ADDED_TEXT = readFileSync('tests/fixtures/popup-options/added-article.txt', 'utf8');
const [ADDED_TITLE = '', ...ADDED_PARAGRAPHS] = ADDED_TEXT.trim().split(/\n\s*\n/);

let db: CrosscheckDB;
let corpus: Corpus;
let messaging: ChromeMessaging;

beforeEach(async () => {
  ({ messaging, db, corpus } = await startBackground('crosscheck-reports-test'));
  messaging.broadcasts.length = 0;
});


const errorOf = <T>(reply: Result<T>): string => (reply.ok ? 'no error' : reply.error);
const list = async () => value(await askBackground('reports/list', null));
const exportedFile = (reports: unknown) => ({ name: 'reports.json', text: JSON.stringify({ format: 'crosscheck-reports', version: 1, reports }) });

describe('reports through the background', () => {
  it('lists the five seeds, without their text, and counts them', async () => {
    const reports = await list();
    expect(reports.map((r) => r.id).sort()).toEqual(seedReports().map((s) => s.id).sort());
    expect(reports.every((r) => r.origin === 'seed' && !('text' in r))).toBe(true);
    expect(value(await askBackground('corpus/stats', null))).toEqual({ reports: 5, seeds: 5, added: 0 });
  });

  it('adds a pasted report, gets it in full, counts it, and tells open pages', async () => {
    const added = value(await askBackground('reports/add', {
      title: ADDED_TITLE, outlet: 'Tests Gazette', date: '2024-10-30', url: 'https://example.org/kursk', text: ADDED_PARAGRAPHS.join('\n\n'),
    }));
    expect(added).toMatchObject({ origin: 'user', title: ADDED_TITLE, outlet: 'Tests Gazette', date: '2024-10-30' });
    expect(added.id).toMatch(/^user_[0-9a-f]{16}$/);
    expect((await list()).map((r) => r.id)).toContain(added.id);
    expect(value(await askBackground('reports/get', { id: added.id }))?.text).toContain('2,600 North Korean soldiers');
    expect(value(await askBackground('corpus/stats', null))).toEqual({ reports: 6, seeds: 5, added: 1 });
    expect(messaging.broadcasts).toContain('corpus/changed');
  });

  it('refuses a report without text, with a reason, and stores nothing', async () => {
    expect(errorOf(await askBackground('reports/add', { title: 'Only a title', text: '   ' }))).toBe('The report has no text');
    expect(await list()).toHaveLength(5);
  });

  it('deletes an added report, and refuses to delete a seed with an explanation', async () => {
    const added = value(await askBackground('reports/add', { title: ADDED_TITLE, text: ADDED_PARAGRAPHS.join('\n\n') }));
    value(await askBackground('reports/delete', { id: added.id }));
    expect(value(await askBackground('reports/get', { id: added.id }))).toBeNull();
    const seedId = seedReports()[0]!.id;
    expect(errorOf(await askBackground('reports/delete', { id: seedId }))).toBe('Seed reports ship with Crosscheck and cannot be deleted');
    expect(value(await askBackground('reports/get', { id: seedId }))?.origin).toBe('seed');
    expect(await list()).toHaveLength(5);
  });

  it('exports the added reports as JSON that imports back to the same reports', async () => {
    const added = value(await askBackground('reports/add', { title: ADDED_TITLE, outlet: 'Tests Gazette', text: ADDED_PARAGRAPHS.join('\n\n') }));
    const json = value(await askBackground('reports/export', null));
    const parsed = JSON.parse(json) as { format: string; reports: Report[] };
    expect(parsed.format).toBe('crosscheck-reports');
    expect(parsed.reports.map((r) => r.id)).toEqual([added.id]);

    value(await askBackground('reports/delete', { id: added.id }));
    const summary = value(await askBackground('reports/import', { files: [{ name: 'crosscheck-reports.json', text: json }] }));
    expect(summary).toEqual({ added: 1, skipped: [] });
    const back = value(await askBackground('reports/get', { id: added.id }));
    expect(back).toMatchObject({ title: ADDED_TITLE, outlet: 'Tests Gazette', text: added.text, origin: 'user' });
  });

  it('imports .txt captures, one report per file, with the title from the first line', async () => {
    const summary = value(await askBackground('reports/import', {
      files: [
        { name: 'added-article.txt', text: ADDED_TEXT },
        { name: 'empty.txt', text: '' },
      ],
    }));
    expect(summary.added).toBe(1);
    expect(summary.skipped).toEqual([{ name: 'empty.txt', reason: expect.stringMatching(/no text/i) }]);
    expect((await list()).find((r) => r.origin === 'user')?.title).toBe(ADDED_TITLE);
  });
});

describe('bad imports are explained and lose nothing', () => {
  let before: string[];
  beforeEach(async () => {
    value(await askBackground('reports/add', { title: 'Kept', text: 'A report the reader added before the bad import.' }));
    before = (await list()).map((r) => r.id).sort();
  });

  it('malformed JSON: skipped with the parser’s reason', async () => {
    const summary = value(await askBackground('reports/import', { files: [{ name: 'broken.json', text: '{"reports": [{"title": "T", ' }] }));
    expect(summary.added).toBe(0);
    expect(summary.skipped).toEqual([{ name: 'broken.json', reason: expect.stringMatching(/^not valid JSON \(.+\)$/) }]);
    expect((await list()).map((r) => r.id).sort()).toEqual(before);
  });

  it('JSON of the wrong shape: says what was expected', async () => {
    const summary = value(await askBackground('reports/import', {
      files: [
        { name: 'object.json', text: '{"articles": []}' },
        { name: 'number.json', text: '42' },
      ],
    }));
    expect(summary.skipped).toEqual([
      { name: 'object.json', reason: 'expected a list of reports or { "reports": [...] }' },
      { name: 'number.json', reason: 'expected a list of reports or { "reports": [...] }' },
    ]);
    expect((await list()).map((r) => r.id).sort()).toEqual(before);
  });

  it('bad entries are skipped one by one with their reasons, good ones in the same file are kept', async () => {
    const summary = value(await askBackground('reports/import', {
      files: [exportedFile([
        { title: 'Good one', text: 'Seoul said 1,500 soldiers had arrived.' },
        { title: 'No text' },
        { title: 'Wrong type', text: 42 },
        { title: 7, text: 'A title that is not text' },
        'a string, not a report',
        { ...seedReports()[0], text: 'A seed sent back in' },
      ])],
    }));
    expect(summary.added).toBe(1);
    expect(summary.skipped).toEqual([
      { name: 'reports.json #2', reason: 'The report has no text' },
      { name: 'reports.json #3', reason: 'The report has no text' },
      { name: 'reports.json #4', reason: '"title" must be text' },
      { name: 'reports.json #5', reason: 'The report has no text' },
      { name: 'reports.json #6', reason: 'a seed report, already shipped with Crosscheck' },
    ]);
    expect((await list()).length).toBe(before.length + 1);
  });

  it('__proto__ and constructor keys reach no prototype and are not stored', async () => {
    const text = '{"reports": [{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},'
      + ' "title": "Proto", "text": "North Korea sent troops.", "polluted": "field"}], "__proto__": {"polluted": "yes"}}';
    const summary = value(await askBackground('reports/import', { files: [{ name: 'proto.json', text }] }));
    expect(summary).toEqual({ added: 1, skipped: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const stored = (await db.reports.toArray()).find((r) => r.title === 'Proto');
    expect(stored).toBeDefined();
    expect(Object.keys(stored!).sort()).toEqual(['addedAt', 'author', 'copyOf', 'date', 'id', 'origin', 'outlet', 'signature', 'text', 'title', 'url']);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
  });
});

describe('seeds on update', () => {
  it('re-installing replaces old seeds and never touches added reports', async () => {
    const added = value(await askBackground('reports/add', { title: 'Mine', text: 'My own capture of a report.' }));
    // What an earlier version could have left: a seed this version no longer ships, and an edited seed.
    const shipped = seedReports()[1]!;
    await db.reports.put({ ...shipped, id: '999_retired_seed', title: 'Retired seed' });
    await db.reports.update(shipped.id, { text: 'An older wording of this seed.' });

    await corpus.installSeeds();

    const reports = await list();
    expect(reports.map((r) => r.id)).not.toContain('999_retired_seed');
    expect(value(await askBackground('reports/get', { id: shipped.id }))?.text).toBe(shipped.text);
    expect(value(await askBackground('reports/get', { id: added.id }))).toMatchObject({ title: 'Mine', addedAt: added.addedAt, origin: 'user' });
    expect(value(await askBackground('corpus/stats', null))).toEqual({ reports: 6, seeds: 5, added: 1 });
  });
});

describe('adding the article of a tab', () => {
  const TAB = 11;
  const URL_ADDED = 'https://news.example.org/2024/10/30/kursk';

  function serveArticle(isArticle: boolean) {
    messaging.setTab(TAB, (type) => {
      if (type !== 'content/article') throw new Error(`unexpected ${type}`);
      return {
        url: URL_ADDED, title: ADDED_TITLE, text: ADDED_PARAGRAPHS.join('\n\n'), byline: 'A. Reporter', siteName: 'Example News',
        publishedTime: '2024-10-30T09:00:00Z',
        article: { isArticle, title: ADDED_TITLE, byline: 'A. Reporter', siteName: 'Example News', publishedTime: '2024-10-30T09:00:00Z', words: 220 },
        topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.8, evidence: [] },
      };
    });
  }

  it('adds it with what the page states (outlet, author, date, address)', async () => {
    serveArticle(true);
    const report = value(await askBackground('tab/add-article', { tabId: TAB }));
    expect(report).toMatchObject({ title: ADDED_TITLE, outlet: 'Example News', author: 'A. Reporter', date: '2024-10-30', url: URL_ADDED, origin: 'user' });
    expect(value(await askBackground('corpus/stats', null)).added).toBe(1);
  });

  it('matches later pages against the added report', async () => {
    serveArticle(true);
    const added = value(await askBackground('tab/add-article', { tabId: TAB }));
    const [nextTitle = '', ...nextParagraphs] = readFileSync('tests/fixtures/popup-options/next-article.txt', 'utf8').trim().split(/\n\s*\n/);
    const url = 'https://other.example.com/2024/10/31/buryatia';
    const reply = (await messaging.sendFromTab(12, url, {
      crosscheck: 1,
      type: 'page/analyze',
      payload: {
        url, title: nextTitle, text: nextParagraphs.join('\n\n'),
        article: { isArticle: true, title: nextTitle, byline: null, siteName: 'Other Example', publishedTime: null, words: 200 },
        topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.5, evidence: [] },
      },
    })) as Result<{ claims: { text: string; matches: { reportId: string; stance: string; why: string }[] }[] }>;
    const claims = value(reply).claims;
    const fromAdded = claims.flatMap((c) => c.matches.filter((m) => m.reportId === added.id).map((m) => ({ claim: c.text, stance: m.stance, why: m.why })));
    console.log('matches of the next article with the added report:', fromAdded);
    expect(fromAdded.some((m) => m.claim.includes('2,600') && m.stance === 'corroborates')).toBe(true);
    const state = value(await askBackground('tab/state', { tabId: 12 }));
    expect(state.status).toBe('ready');
    expect(state.report?.claims.length).toBe(claims.length);
  });

  it('refuses a page that is not an article, and a tab where Crosscheck is not running', async () => {
    serveArticle(false);
    expect(errorOf(await askBackground('tab/add-article', { tabId: TAB }))).toMatch(/does not look like a news article/);
    messaging.setTab(TAB, null);
    expect(errorOf(await askBackground('tab/add-article', { tabId: TAB }))).toMatch(/^Could not read the article in this tab/);
    expect(value(await askBackground('corpus/stats', null)).added).toBe(0);
  });
});
