// @vitest-environment happy-dom
// "Figures over time" as the reader gets it: the background's answer to `figures/timeline`
// (the corpus's figures and the tab's article's, only to the extension's own pages), and the
// chart with its table in the sidebar: what each row says, what the drawing marks, page and
// report text shown as text, and no accessibility violation.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { askBackground, broadcast, handleRequests } from '../../adapters/messaging';
import { loadReportsFromFolder } from '../../cli/load-reports';
import { FiguresOverTime } from '../../components/figures/FiguresOverTime';
import { PopupView } from '../../components/popup/PopupView';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { DEFAULT_SETTINGS, REQUEST_SENDERS, type BackgroundRequests, type Result, type TabState } from '../../lib/protocol';
import { buildTimeline, corpusFigureSources, type FigureTimeline } from '../../lib/timeline';
import { FIGURE_KINDS } from '../../lib/topics/dprk-troops-russia/figures';
import { expectAccessible } from './helpers/axe';
import { installChromeMessaging } from './helpers/chrome-messaging';
import { DEFAULT_PACK } from '../../lib/topics';
import { withContainer } from './helpers/container';

const OWN_REPORTS = loadReportsFromFolder('tests/fixtures/timeline', 'user');
const OWN = buildTimeline(corpusFigureSources(buildCorpusIndex(OWN_REPORTS, DEFAULT_PACK)), FIGURE_KINDS);
const [HEADLINE, ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);

describe('the background answers figures/timeline', () => {
  let messaging: ReturnType<typeof installChromeMessaging>;
  beforeEach(() => {
    fakeBrowser.reset();
    messaging = installChromeMessaging();
    const corpus = new Corpus(new CrosscheckDB(`figures-${Math.random()}`), seedReports(), () => broadcast('corpus/changed', null));
    handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
  });

  it("to an extension page: the corpus's figures with the tab's on-topic article's own; a content script is refused", async () => {
    const url = 'https://news.example/north-korea';
    const article = { isArticle: true, title: HEADLINE!, byline: null, siteName: 'Harbour Post', publishedTime: '2024-10-18T09:12:00Z', words: 300 };
    const snapshot = { url, title: HEADLINE!, text: PARAGRAPHS.join('\n\n'), article, topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] } };
    const analysed = (await messaging.sendFromTab(4, url, { crosscheck: 1, type: 'page/analyze', payload: snapshot })) as Result<unknown>;
    expect(analysed.ok).toBe(true);

    const reply = await askBackground('figures/timeline', { tabId: 4 });
    if (!reply.ok) throw new Error(reply.error);
    const all = reply.value.series.flatMap((s) => s.statements);
    // The seeds' figures (seed 001's six killed, dated) and the article's, dated by the article.
    expect(all.some((s) => s.reportId === '001_14d4b8edd7d3672e' && s.kind === 'killed' && s.date === '2024-10-05')).toBe(true);
    expect(all.filter((s) => s.fromArticle).map((s) => `${s.figure} ${s.date}`)).toEqual(expect.arrayContaining(['about 1,500 2024-10-18', '10,000 2024-10-16']));

    // No tab named and none to sit in (the popup without ?tab=): said in words, not a TypeError.
    expect(await askBackground('figures/timeline', null as never)).toEqual({ ok: false, error: 'No tab to answer for' });

    // Another tab, with nothing read: the corpus alone.
    const other = await askBackground('figures/timeline', { tabId: 5 });
    expect(other.ok && other.value.series.flatMap((s) => s.statements).some((s) => s.fromArticle)).toBe(false);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await messaging.sendFromTab(4, url, { crosscheck: 1, type: 'figures/timeline', payload: { tabId: 4 } })).toEqual({
      ok: false,
      error: 'Crosscheck does not answer this request from here.',
    });
    expect(warn.mock.calls.map((c) => c.join(' '))).toEqual(['[crosscheck] refused "figures/timeline" from content in tab 4']);
    warn.mockRestore();
  });
});

describe('the chart and its table', () => {
  let container!: HTMLElement;
  withContainer((c) => (container = c));

  const show = (timeline: FigureTimeline | null, open = true) => act(() => render(<FiguresOverTime timeline={timeline} open={open} />, container));
  const rowsOf = (kind: string) =>
    [...container.querySelectorAll(`[data-figure-kind="${kind}"] tbody tr`)].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

  it('a chart and a table for each kind: who said what and when, updates and conflicts in words', () => {
    show(OWN);
    expect([...container.querySelectorAll('.figures__kind')].map((h) => h.textContent)).toEqual(['Troops at the front', 'Troops sent']);
    expect(rowsOf('troops-sent')).toEqual([
      ['18 Oct 2024', 'about 1,500 special forces', "South Korea's National Intelligence Service · Seoul says first North Korean troops have reached Russia", 'first figure'],
      ['4 Nov 2024', 'about 10,000 troops', 'the Pentagon · Pentagon: North Korean troops in Russia now number about 10,000', 'update: up from about 1,500 (18 Oct 2024)'],
      ['4 Nov 2024', '12,000 soldiers (planned total)', 'the Pentagon · Pentagon: North Korean troops in Russia now number about 10,000', 'first figure'],
    ]);
    expect(rowsOf('troops-at-front').map((r) => r[3])).toEqual([
      "conflict: Ukraine's military intelligence (HUR) says 5,000 (26 Oct 2024)",
      'conflict: Zelensky says about 3,000 (25 Oct 2024)',
    ]);
  });

  it('the drawing marks what the table says: one update line, two conflict rings joined by a dashed line, a square for a planned total', () => {
    show(OWN);
    const front = container.querySelector('[data-figure-kind="troops-at-front"] svg')!;
    expect(front.querySelectorAll('.figures-chart__conflict-ring')).toHaveLength(2);
    expect(front.querySelectorAll('line.figures-chart__conflict')).toHaveLength(1);
    const sent = container.querySelector('[data-figure-kind="troops-sent"] svg')!;
    expect(sent.querySelectorAll('line.figures-chart__change--update')).toHaveLength(1);
    expect(sent.querySelectorAll('.figures-chart__mark--planned rect')).toHaveLength(1);
    expect(sent.querySelectorAll('.figures-chart__conflict-ring')).toHaveLength(0);
    // Its label sums it up for a screen reader, and the keyboard reaches it.
    expect(front.getAttribute('role')).toBe('img');
    expect(front.getAttribute('tabindex')).toBe('0');
    expect(front.getAttribute('aria-label')).toBe(
      'Troops at the front: 2 figures from 3,000 to 5,000; 2 dated, 25 Oct 2024 to 26 Oct 2024; 2 in conflict with a figure of the same days.',
    );
    expect([...sent.querySelectorAll('.figures-chart__axis')].map((t) => t.textContent)).toEqual(['0', '10k', '20k', '18 Oct', '4 Nov']);
  });

  it('undated figures stand apart under "no date", never on the time axis', () => {
    const seeds = buildTimeline(corpusFigureSources(buildCorpusIndex(seedReports(), DEFAULT_PACK)), FIGURE_KINDS);
    show(seeds);
    const sent = container.querySelector('[data-figure-kind="troops-sent"] svg')!;
    expect([...sent.querySelectorAll('.figures-chart__axis')].map((t) => t.textContent)).toContain('no date');
    expect(rowsOf('troops-sent').every((r) => r[0] === 'no date' && r[3] === 'no date given')).toBe(true);
  });

  it('shows report titles as text, never as HTML', () => {
    const hostile = buildTimeline(
      corpusFigureSources(buildCorpusIndex([{ ...OWN_REPORTS[0]!, title: '<img src=x onerror="window.__pwned=1">Seoul' }], DEFAULT_PACK)),
      FIGURE_KINDS,
    );
    show(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned=1">Seoul');
  });

  it('has no accessibility violation, open or closed, and while it is being gathered', async () => {
    show(OWN);
    await expectAccessible(container);
    show(OWN, false);
    await expectAccessible(container);
    show(null);
    expect(container.textContent).toContain('Gathering the figures…');
    await expectAccessible(container);
  });

  it('in the sidebar: a collapsed "Figures over time" section beside the claims of an on-topic article', async () => {
    const state: TabState = {
      tabId: 7,
      url: 'https://news.example/a',
      status: 'ready',
      article: null,
      topic: null,
      report: { article: { isArticle: true, title: 'T', byline: null, siteName: null, publishedTime: null, words: 10 }, topic: { id: 'x', onTopic: true, score: 1, evidence: [] }, claims: [], url: 'https://news.example/a', analyzedAt: 1, corpusSize: 5 },
      sidebarOpen: true,
      error: null,
    };
    const noop = () => undefined;
    act(() => render(<Sidebar state={state} collapsed={false} activeClaim={null} onJump={noop} onOpen={noop} onCollapse={noop} figures={{ timeline: OWN, error: null }} />, container));
    const details = container.querySelector<HTMLDetailsElement>('details[data-testid="figures-over-time"]')!;
    expect(details.querySelector('summary')!.textContent).toBe('Figures over time5 figures');
    expect(details.open).toBe(false);
    await expectAccessible(container);
    // Not on a page that is not ready.
    act(() => render(<Sidebar state={{ ...state, status: 'analyzing' }} collapsed={false} activeClaim={null} onJump={noop} onOpen={noop} onCollapse={noop} figures={{ timeline: OWN, error: null }} />, container));
    expect(container.querySelector('[data-testid="figures-over-time"]')).toBeNull();
  });

  it('in the popup: the same section under the counts of an on-topic article, and none for an off-topic page', async () => {
    const url = 'https://news.example/a';
    const topic = { id: 'dprk-troops-russia', onTopic: true, score: 0.8, evidence: [] };
    const article = { isArticle: true, title: 'T', byline: null, siteName: null, publishedTime: null, words: 10 };
    const ready: TabState = { tabId: 7, url, status: 'ready', article, topic, report: { article, topic, claims: [], url, analyzedAt: 1, corpusSize: 5 }, sidebarOpen: false, error: null };
    const noop = () => undefined;
    const base = { tabUrl: url, settings: DEFAULT_SETTINGS, failure: null, stats: null, feedback: null, busy: null, onSidebar: noop, onPause: noop, onAddArticle: noop, onReload: noop, onOpenOptions: noop };
    act(() => render(<PopupView {...base} state={ready} figures={{ timeline: OWN, error: null }} />, container));
    expect(container.querySelectorAll('[data-testid="figures-over-time"] table')).toHaveLength(2);
    await expectAccessible(container);
    act(() => render(<PopupView {...base} state={{ ...ready, status: 'off-topic', topic: { ...topic, onTopic: false } }} figures={{ timeline: OWN, error: null }} />, container));
    expect(container.querySelector('[data-testid="figures-over-time"]')).toBeNull();
  });
});
