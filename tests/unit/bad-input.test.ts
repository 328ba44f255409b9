// Bad input never loses data. Import files that are broken, of the wrong shape, enormous,
// binary or built to pollute prototypes; reports with no text or far too much; a database
// written by every earlier schema version; and a browser whose IndexedDB is missing or
// full. Each case is reached the way the extension reaches it (askBackground → runtime
// messaging → the real handlers → Dexie on fake-indexeddb), gets a message a reader can
// act on, and leaves what was stored before exactly as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB, DB_FULL_MESSAGE, DB_UNAVAILABLE_MESSAGE } from '../../adapters/db';
import { askBackground, broadcast, handleRequests } from '../../adapters/messaging';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { MAX_ARTICLE_CHARS, MAX_CLAIMS_PER_PAGE } from '../../lib/page-limits';
import { REQUEST_SENDERS, type BackgroundRequests, type PageReport, type PageSnapshot, type Result, type TabState } from '../../lib/protocol';
import { MAX_IMPORT_BYTES, MAX_REPORT_CHARS } from '../../lib/report-import';
import type { Report } from '../../lib/types';
import { installChromeMessaging, type ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const DB_VERSIONS_DIR = 'tests/fixtures/db-versions';
/** Dexie stores `version(n)` as IndexedDB version n * 10. */
const DEXIE_VERSION_FACTOR = 10;
const ON_TOPIC = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8');

let db: CrosscheckDB;
let corpus: Corpus;
let messaging: ChromeMessaging;
let dbCount = 0;
/** What each case did, printed as the table the README's "Hostile pages and bad input" section quotes. */
const outcomes: [string, string][] = [];

function connect(database: CrosscheckDB): void {
  db = database;
  corpus = new Corpus(db, seedReports(), () => broadcast('corpus/changed', null));
  handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
}

beforeEach(() => {
  fakeBrowser.reset();
  messaging = installChromeMessaging();
});

afterAll(() => {
  console.log('\nBad input: what the reader gets');
  console.log('case | outcome');
  for (const [name, outcome] of outcomes) console.log(`${name} | ${outcome}`);
});

const errorOf = <T>(reply: Result<T>): string => (reply.ok ? 'no error' : reply.error);
const userReports = async () => (await db.reports.where('origin').equals('user').toArray()).sort((a, b) => a.id.localeCompare(b.id));

/** An on-topic page as the content script sends it. */
function snapshot(text: string, title = 'North Korean troops in Russia'): PageSnapshot {
  return {
    url: 'https://news.example.org/article',
    title,
    text,
    article: { isArticle: true, title, byline: null, siteName: null, publishedTime: '2024-11-05T00:00:00Z', words: text.split(/\s+/).length },
    topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] },
  };
}

const analyzeFromTab = (tabId: number, page: PageSnapshot) =>
  messaging.sendFromTab(tabId, page.url, { crosscheck: 1, type: 'page/analyze', payload: page }) as Promise<Result<PageReport>>;

const tabState = async (tabId: number) => ((await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabState | undefined);

describe('import files', () => {
  let kept: Report[];
  beforeEach(async () => {
    connect(new CrosscheckDB(`bad-input-import-${++dbCount}`));
    await corpus.installSeeds();
    value(await askBackground('reports/add', { title: 'Kept', text: 'A report the reader added before the bad import: 1,500 North Korean troops.' }));
    kept = await userReports();
  });

  const importFiles = async (files: { name: string; text: string }[]) => value(await askBackground('reports/import', { files }));

  const cases: { name: string; file: () => { name: string; text: string }; reason: RegExp }[] = [
    { name: 'malformed JSON', file: () => ({ name: 'broken.json', text: '{"reports": [{"title": "T", ' }), reason: /^not valid JSON \(.+\)$/ },
    { name: 'JSON of the wrong shape (an object)', file: () => ({ name: 'object.json', text: '{"articles": [{"text": "x"}]}' }), reason: /^expected a list of reports/ },
    { name: 'JSON of the wrong shape (a string)', file: () => ({ name: 'string.json', text: '"North Korea sent troops"' }), reason: /^expected a list of reports/ },
    { name: 'JSON of the wrong shape (null)', file: () => ({ name: 'null.json', text: 'null' }), reason: /^expected a list of reports/ },
    { name: 'nesting 100,000 deep', file: () => ({ name: 'deep.json', text: '['.repeat(100_000) + ']'.repeat(100_000) }), reason: /^(The report has no text|not valid JSON)/ },
    { name: 'binary data named .txt', file: () => ({ name: 'scan.txt', text: '%PDF-1.7\u0000\u0000\ufffd\ufffd' + 'x'.repeat(100) }), reason: /^not a text file/ },
  ];
  for (const c of cases) {
    it(`${c.name}: skipped with its reason, nothing stored changes`, async () => {
      const file = c.file();
      const summary = await importFiles([file]);
      expect(summary.added).toBe(0);
      expect(summary.skipped).toHaveLength(1);
      expect(summary.skipped[0]!.reason).toMatch(c.reason);
      expect(await userReports()).toEqual(kept);
      outcomes.push([`import: ${c.name}`, `skipped: "${summary.skipped[0]!.reason.slice(0, 70)}"; stored reports unchanged`]);
    });
  }

  it('a 50 MB file: refused by its size before it is parsed, with the limit named', async () => {
    const big = '{"reports": [' + '{"title": "x", "text": "North Korea sent troops."},'.repeat(1_100_000) + ']}';
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const parse = vi.spyOn(JSON, 'parse');
    const t0 = performance.now();
    const summary = await importFiles([{ name: 'huge.json', text: big }]);
    const ms = performance.now() - t0;
    expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > MAX_IMPORT_BYTES)).toBe(false);
    expect(summary).toEqual({ added: 0, skipped: [{ name: 'huge.json', reason: expect.stringMatching(/^too large \(5\d\.\d MB; the limit is 20 MB\)$/) }] });
    expect(await userReports()).toEqual(kept);
    outcomes.push(['import: a 50 MB file', `refused before parsing (${Math.round(ms)} ms through the background): "${summary.skipped[0]!.reason}"`]);
  });

  it('__proto__ and constructor keys at every level pollute nothing', async () => {
    const text = JSON.stringify({
      reports: [{ title: 'Proto', text: 'North Korea sent 1,500 troops to Russia.', polluted: 'field' }],
    }).replace('{"reports"', '{"__proto__": {"polluted": "top"}, "constructor": {"prototype": {"polluted": "ctor"}}, "reports"')
      .replace('{"title"', '{"__proto__": {"polluted": "entry"}, "constructor": {"prototype": {"polluted": "entry-ctor"}}, "title"');
    const summary = await importFiles([{ name: 'proto.json', text }]);
    expect(summary).toEqual({ added: 1, skipped: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const stored = (await userReports()).find((r) => r.title === 'Proto')!;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored).sort()).toEqual(['addedAt', 'author', 'copyOf', 'date', 'id', 'origin', 'outlet', 'signature', 'text', 'title', 'url']);
    outcomes.push(['import: `__proto__` / `constructor` keys', 'the report is imported field by field; `({}).polluted` stays undefined']);
  });

  it('a file with a byte-order mark (saved by a Windows editor) imports', async () => {
    const summary = await importFiles([{ name: 'bom.json', text: '\ufeff' + JSON.stringify([{ title: 'With BOM', text: 'Seoul said 3,000 North Korean soldiers had arrived.' }]) }]);
    expect(summary).toEqual({ added: 1, skipped: [] });
    outcomes.push(['import: JSON with a byte-order mark', 'imported']);
  });

  it('one bad entry among good ones: the good ones are imported, the bad one is named', async () => {
    const summary = await importFiles([{
      name: 'mixed.json',
      text: JSON.stringify([
        { title: 'Good', text: 'Ukraine said 11,000 North Korean troops were in Kursk.' },
        { title: 'Too long', text: 'x '.repeat(MAX_REPORT_CHARS) },
        { title: 'Empty', text: '' },
      ]),
    }]);
    expect(summary.added).toBe(1);
    expect(summary.skipped).toEqual([
      { name: 'mixed.json #2', reason: expect.stringMatching(/^The report is too long \(999,999 characters; the limit is 500,000\)$/) },
      { name: 'mixed.json #3', reason: 'The report has no text' },
    ]);
  });
});

describe('reports with empty or enormous text', () => {
  beforeEach(async () => {
    connect(new CrosscheckDB(`bad-input-reports-${++dbCount}`));
    await corpus.installSeeds();
  });

  it('a report with no text, only spaces or only invisible characters is refused with a reason', async () => {
    for (const text of ['', '   \n\n\t ', '\u200b\u200d\ufeff', '\u00ad \u2060']) {
      expect(errorOf(await askBackground('reports/add', { title: 'Nothing', text })), JSON.stringify(text)).toBe('The report has no text');
    }
    expect(await userReports()).toEqual([]);
    outcomes.push(['report: empty, blank or zero-width-only text', '"The report has no text"; nothing stored']);
  });

  it('a report over the limit is refused whole (a cut report would misquote it), one at the limit is kept', async () => {
    const over = 'North Korea sent troops. '.repeat(Math.ceil(MAX_REPORT_CHARS / 25) + 1);
    expect(errorOf(await askBackground('reports/add', { title: 'Over', text: over }))).toMatch(/^The report is too long \([\d,]+ characters; the limit is 500,000\)$/);
    expect(await userReports()).toEqual([]);
    const at = over.slice(0, MAX_REPORT_CHARS).trim();
    const added = value(await askBackground('reports/add', { title: 'At the limit', text: at }));
    expect((await db.reports.get(added.id))?.text).toBe(at);
    outcomes.push(['report: 500,001+ characters', 'refused whole with the limit named; a report at the limit is stored intact']);
  });

  it('a page with 10 MB of text and a 5 MB title is analysed on its first 200,000 characters and 200 claims, and answers', async () => {
    const paragraphs = ON_TOPIC.trim().split(/\n\s*\n/).slice(1);
    let text = '';
    while (text.length < 10 * 1024 * 1024) text += paragraphs.join('\n\n') + '\n\n';
    const t0 = performance.now();
    const report = value(await analyzeFromTab(7, snapshot(text, 'North Korean troops in Russia '.repeat(200_000))));
    const ms = performance.now() - t0;
    expect(report.topic.onTopic).toBe(true);
    expect(report.claims.length).toBe(MAX_CLAIMS_PER_PAGE);
    // Every claim is a sentence of the article (the same few paragraphs, repeated).
    for (const c of report.claims) expect(text.slice(0, MAX_ARTICLE_CHARS)).toContain(c.text);
    outcomes.push(['page: 10 MB of article text and a 5 MB title sent to the background', `analysed on its first ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters and ${MAX_CLAIMS_PER_PAGE} claims, answered in ${Math.round(ms)} ms`]);
  });

  it('a page with no text is answered, not failed', async () => {
    const report = value(await analyzeFromTab(8, snapshot('')));
    expect(report.claims).toEqual([]);
    outcomes.push(['page: empty article text', 'answered: off the topic, no claims']);
  });
});

describe('a database written by every earlier schema version', () => {
  interface DbFixture {
    schemaVersion: number;
    stores: Record<string, { keyPath: string; indexes: string[] }>;
    records: Record<string, Record<string, unknown>[]>;
  }
  const fixtures = readdirSync(DB_VERSIONS_DIR)
    .filter((f) => /^v\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(`${DB_VERSIONS_DIR}/${f}`, 'utf8')) as DbFixture)
    .sort((a, b) => a.schemaVersion - b.schemaVersion);

  /** Writes the fixture with raw IndexedDB, as that version's code left it on disk. */
  function writeRaw(name: string, fixture: DbFixture): Promise<void> {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(name, fixture.schemaVersion * DEXIE_VERSION_FACTOR);
      open.onupgradeneeded = () => {
        for (const [store, def] of Object.entries(fixture.stores)) {
          const os = open.result.createObjectStore(store, { keyPath: def.keyPath });
          for (const index of def.indexes) os.createIndex(index, index);
        }
      };
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(Object.keys(fixture.records), 'readwrite');
        for (const [store, records] of Object.entries(fixture.records)) for (const r of records) tx.objectStore(store).put(r);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }

  it('there is a fixture for the current schema (a new version adds its own)', async () => {
    const current = new CrosscheckDB(`schema-probe-${++dbCount}`);
    const newest = fixtures[fixtures.length - 1]!;
    expect(current.verno, `schema version ${current.verno} has no ${DB_VERSIONS_DIR}/v${current.verno}.json`).toBe(newest.schemaVersion);
    const schema = Object.fromEntries(current.tables.map((t) => [t.name, { keyPath: t.schema.primKey.keyPath, indexes: t.schema.indexes.map((i) => i.name).sort() }]));
    expect(schema).toEqual(Object.fromEntries(Object.entries(newest.stores).map(([n, s]) => [n, { ...s, indexes: [...s.indexes].sort() }])));
  });

  for (const fixture of fixtures) {
    it(`version ${fixture.schemaVersion}: opens with the current code, keeps every report, rebuilds what it cannot read`, async () => {
      const name = `schema-v${fixture.schemaVersion}-${++dbCount}`;
      await writeRaw(name, fixture);
      connect(new CrosscheckDB(name));
      const written = (fixture.records.reports ?? []) as unknown as Report[];
      // What the reader added and what was kept from their reading (schema 2 on) must survive every upgrade.
      const users = written.filter((r) => r.origin !== 'seed');

      // The index cached by that version is rebuilt, the seeds are brought up to date, added reports stay byte for byte.
      const report = value(await analyzeFromTab(3, snapshot(ON_TOPIC)));
      expect(report.claims.length).toBeGreaterThan(0);
      const kept = (await db.reports.where('origin').anyOf('user', 'reading').toArray()).sort((a, b) => a.id.localeCompare(b.id));
      expect(kept).toEqual([...users].sort((a, b) => a.id.localeCompare(b.id)));
      // Found by their address (schema 2's index), so the page at that address is not matched against its own report.
      for (const r of users) if (r.url) expect(await db.reports.where('url').equals(r.url).primaryKeys()).toEqual([r.id]);
      const listed = value(await askBackground('reports/list', null)).map((r) => r.id);
      for (const r of users) expect(listed).toContain(r.id);
      expect(value(await askBackground('corpus/stats', null))).toEqual({ reports: seedReports().length + users.length, seeds: seedReports().length, added: users.length });
      // An added report from that version is matched against like any other.
      const matchedIds = new Set(report.claims.flatMap((c) => c.matches.map((m) => m.reportId)));
      expect(users.some((u) => matchedIds.has(u.id))).toBe(true);
      outcomes.push([`database written by schema version ${fixture.schemaVersion}`, `opened by version ${db.verno}: ${users.length} added reports kept as written, stale index rebuilt, retired seeds replaced`]);
    });
  }

  it('a database from a newer version with the same stores (a downgrade) is read, and left at its version', async () => {
    const newest = fixtures[fixtures.length - 1]!;
    const name = `schema-newer-${++dbCount}`;
    await writeRaw(name, { ...newest, schemaVersion: newest.schemaVersion + 1 });
    connect(new CrosscheckDB(name));
    const listed = value(await askBackground('reports/list', null)).map((r) => r.id);
    for (const r of newest.records.reports!) if (r.origin !== 'seed') expect(listed).toContain(r.id);
    db.close();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = await new Promise<number>((resolve) => {
      const req = raw.transaction('reports').objectStore('reports').count();
      req.onsuccess = () => resolve(req.result);
    });
    const version = raw.version;
    raw.close();
    expect(version).toBe((newest.schemaVersion + 1) * DEXIE_VERSION_FACTOR);
    // The retired seed is replaced by the shipped ones; the reader's reports are all there.
    expect(count).toBe(seedReports().length + newest.records.reports!.filter((r) => r.origin !== 'seed').length);
    outcomes.push(['database written by a newer version (downgrade)', 'read as it is (Dexie 4 opens a newer database whose stores it knows); the reader’s reports all listed']);
  });
});

describe('IndexedDB missing or refused', () => {
  const unavailable: [string, () => { open: () => unknown }][] = [
    ['no IndexedDB at all', () => undefined as unknown as { open: () => unknown }],
    ['IndexedDB refuses to open (SecurityError)', () => ({ open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } })],
  ];
  for (const [name, factory] of unavailable) {
    it(`${name}: every request is answered with the same clear error; a page asking for matches gets it too`, async () => {
      connect(new CrosscheckDB(`unavailable-${++dbCount}`, { indexedDB: factory(), IDBKeyRange }));
      expect(errorOf(await askBackground('reports/list', null))).toBe(DB_UNAVAILABLE_MESSAGE);
      expect(errorOf(await askBackground('corpus/stats', null))).toBe(DB_UNAVAILABLE_MESSAGE);
      expect(errorOf(await askBackground('reports/add', { title: 'New', text: 'North Korea sent troops.' }))).toBe(DB_UNAVAILABLE_MESSAGE);
      const reply = await analyzeFromTab(5, snapshot(ON_TOPIC));
      expect(errorOf(reply)).toBe(DB_UNAVAILABLE_MESSAGE);
      // The popup shows the tab's state: the error, in the same words.
      expect(await tabState(5)).toMatchObject({ status: 'error', error: DB_UNAVAILABLE_MESSAGE });
      // Settings live in extension storage, not IndexedDB: they still work.
      expect(value(await askBackground('settings/get', null)).sensitivity).toBeTypeOf('number');
      outcomes.push([`IndexedDB: ${name}`, `every corpus request answers "${DB_UNAVAILABLE_MESSAGE.slice(0, 60)}…"; tab state 'error'; settings still work`]);
    });
  }
});

describe('IndexedDB full (QuotaExceededError)', () => {
  const stores = ['put', 'add'] as const;
  let restore: (() => void) | null = null;
  /** From now on every write to IndexedDB fails as a full disk does. */
  function fillTheDisk(): void {
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
    const saved = stores.map((m) => [m, proto[m]] as const);
    for (const m of stores) proto[m] = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    restore = () => {
      for (const [m, f] of saved) proto[m] = f;
      restore = null;
    };
  }
  afterEach(() => restore?.());

  beforeEach(async () => {
    connect(new CrosscheckDB(`full-${++dbCount}`));
    await corpus.installSeeds();
    value(await askBackground('reports/add', { title: 'Kept', text: 'Ukraine said 11,000 North Korean troops were in Kursk.' }));
  });

  it('adding or importing says the disk is full, changes nothing, and works again once there is room', async () => {
    const before = await db.reports.toArray();
    fillTheDisk();
    expect(errorOf(await askBackground('reports/add', { title: 'New', text: 'Seoul said 3,000 North Korean soldiers arrived.' }))).toBe(DB_FULL_MESSAGE);
    const imported = await askBackground('reports/import', { files: [{ name: 'two.json', text: JSON.stringify([{ title: 'A', text: 'North Korea sent troops.' }, { title: 'B', text: 'Russia denied it.' }]) }] });
    expect(errorOf(imported)).toBe(DB_FULL_MESSAGE);
    restore!();
    expect(await db.reports.toArray()).toEqual(before);
    value(await askBackground('reports/add', { title: 'New', text: 'Seoul said 3,000 North Korean soldiers arrived.' }));
    expect(await db.reports.count()).toBe(before.length + 1);
    outcomes.push(['IndexedDB full on add / import', `"${DB_FULL_MESSAGE.slice(0, 60)}…"; stored reports unchanged; saving works once there is room`]);
  });

  it('a page is still analysed when the index cannot be cached', async () => {
    await db.cache.clear();
    fillTheDisk();
    const report = value(await analyzeFromTab(9, snapshot(ON_TOPIC)));
    expect(report.claims.some((c) => c.matches.length > 0)).toBe(true);
    outcomes.push(['IndexedDB full while caching the search index', 'the page is analysed anyway (the cache only saves time at the next start)']);
  });
});
