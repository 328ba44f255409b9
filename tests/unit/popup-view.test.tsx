// @vitest-environment happy-dom
// The toolbar popup, drawn from the TabState the background keeps: every state a reader can
// meet, what it says, which actions it offers, and an accessibility check of each.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decidePhase, summarizeClaims } from '../../components/popup/popup-model';
import { PopupView, type PopupViewProps } from '../../components/popup/PopupView';
import { DEFAULT_SETTINGS, type PageReport, type TabState } from '../../lib/protocol';
import type { ClaimMatch, ClaimResult, TopicResult } from '../../lib/types';
import { axeRuleIds, expectAccessible } from './helpers/axe';

const URL_ON = 'https://news.example.org/world/2024/10/18/north-korea-troops';
const TOPIC_ON: TopicResult = { id: 'dprk-troops-russia', onTopic: true, score: 0.81, evidence: ['North Korea', 'troops', 'Russia', 'Kursk'] };
const TOPIC_OFF: TopicResult = { id: 'dprk-troops-russia', onTopic: false, score: 0.12, evidence: ['North Korea'] };
const ARTICLE = { isArticle: true, title: 'Seoul says 1,500 troops', byline: null, siteName: 'Example News', publishedTime: null, words: 640 };

function match(stance: ClaimMatch['stance'], reportId: string, why: string, score = 0.7): ClaimMatch {
  return { reportId, reportTitle: `Report ${reportId}`, outlet: `Outlet ${reportId}`, date: '2024-10-18', claim: 'A sentence of that report.', stance, score, why, source: null };
}

function claim(text: string, matches: ClaimMatch[]): ClaimResult {
  return { text, quantities: [], attribution: null, matches };
}

const CLAIMS: ClaimResult[] = [
  claim('Seoul’s spy agency said 1,500 North Korean special forces arrived in Russia.', [
    match('corroborates', 'a', 'both 1,500 troops', 0.9),
    match('conflicts', 'b', '1,500 vs 12,000 troops', 0.8),
  ]),
  claim('Moscow denied that any North Korean troops were in Russia.', [match('conflicts', 'c', 'denies vs asserts', 0.6)]),
  claim('Pyongyang will send four brigades.', [match('corroborates', 'b', 'both four brigades')]),
  claim('The deployment was first reported on Friday.', [match('related', 'a', 'same event')]),
];

function state(patch: Partial<TabState>): TabState {
  return { tabId: 7, url: URL_ON, status: 'waiting', article: null, topic: null, report: null, sidebarOpen: false, error: null, ...patch };
}

function pageReport(claims: ClaimResult[], topic = TOPIC_ON): PageReport {
  return { article: ARTICLE, topic, claims, url: URL_ON, analyzedAt: 1, corpusSize: 6 };
}

const READY = state({ status: 'ready', article: ARTICLE, topic: TOPIC_ON, report: pageReport(CLAIMS) });

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function actions() {
  return { onSidebar: vi.fn(), onPause: vi.fn(), onAddArticle: vi.fn(), onReload: vi.fn(), onOpenOptions: vi.fn() };
}

async function show(patch: Partial<PopupViewProps>) {
  const props: PopupViewProps = {
    tabUrl: undefined, state: null, settings: DEFAULT_SETTINGS, failure: null,
    stats: { reports: 6, seeds: 5, added: 1 }, feedback: null, busy: null, ...actions(), ...patch,
  };
  await act(() => render(<PopupView {...props} />, container));
  return props;
}

const text = () => container.textContent ?? '';
const button = (name: RegExp) => [...container.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));


describe('the accessibility check itself', () => {
  it('fails on unlabelled controls in this DOM (so a pass below means something)', async () => {
    await act(() => render(<div><button type="button" /><input type="range" /><p id="x" /><p id="x" /></div>, container));
    expect(await axeRuleIds(container)).toEqual(expect.arrayContaining(['button-name', 'label']));
  });
});

describe('summarizeClaims', () => {
  it('counts claims with a corroborating and with a conflicting report, and ranks conflicts by score', () => {
    const s = summarizeClaims(CLAIMS);
    expect([s.claims, s.corroborated, s.conflicting]).toEqual([4, 2, 2]);
    expect(s.topConflicts.map((c) => c.match.why)).toEqual(['1,500 vs 12,000 troops', 'denies vs asserts']);
    // Report b corroborates one claim and conflicts on another; "related" matches are not counted.
    expect(s.matchedReports.find((r) => r.reportId === 'b')).toMatchObject({ corroborates: 1, conflicts: 1 });
    expect(s.matchedReports.find((r) => r.reportId === 'a')).toMatchObject({ corroborates: 1, conflicts: 0 });
  });

  it('says zero, not nothing, for a page without claims', () => {
    expect(summarizeClaims([])).toMatchObject({ claims: 0, corroborated: 0, conflicting: 0, topConflicts: [], matchedReports: [] });
  });
});

describe('decidePhase', () => {
  const base = { tabUrl: undefined, state: null, settings: DEFAULT_SETTINGS, failure: null };
  it('names browser pages before anything else', () => {
    expect(decidePhase({ ...base, tabUrl: 'chrome://extensions/' }).kind).toBe('unsupported');
    expect(decidePhase({ ...base, tabUrl: 'about:blank', state: READY }).kind).toBe('unsupported');
  });
  it('treats a state of an earlier page in the same tab as stale', () => {
    expect(decidePhase({ ...base, tabUrl: 'https://other.example.com/', state: READY }).kind).toBe('not-running');
    expect(decidePhase({ ...base, tabUrl: `${URL_ON}#comments`, state: READY }).kind).toBe('ready');
  });
  it('says paused when the reader paused the site, whatever the last state was', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['news.example.org'] };
    expect(decidePhase({ ...base, state: READY, settings })).toEqual({ kind: 'paused', site: 'news.example.org' });
  });
});

describe('PopupView', () => {
  it('shows an on-topic article: topic, score, evidence, claim counts, top conflicts with reasons, matched reports', async () => {
    await show({ state: READY });
    expect(text()).toContain('On topic: North Korean troops in Russia’s war against Ukraine');
    expect(container.querySelector('[data-testid="topic-score"]')?.textContent).toBe('0.81');
    expect([...container.querySelectorAll('[data-testid="topic-evidence"] li')].map((li) => li.textContent)).toEqual(TOPIC_ON.evidence);
    expect(container.querySelector('[data-testid="count-claims"]')?.textContent).toBe('4 claims');
    expect(container.querySelector('[data-testid="count-corroborated"]')?.textContent).toBe('2 corroborated');
    expect(container.querySelector('[data-testid="count-conflicting"]')?.textContent).toBe('2 conflicting');
    const conflicts = [...container.querySelectorAll('[data-testid="top-conflicts"] li')];
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]?.textContent).toContain('1,500 North Korean special forces');
    expect(conflicts[0]?.textContent).toContain('1,500 vs 12,000 troops');
    expect(conflicts[0]?.textContent).toContain('Outlet b');
    expect(container.querySelector('[data-testid="matched-reports"]')?.textContent).toContain('Report c');
    expect(text()).toContain('6 reports in your corpus (5 shipped, 1 added)');
    await expectAccessible(container);
  });

  it('opens and closes the sidebar, pauses the site and adds the article through its callbacks', async () => {
    const props = await show({ state: READY });
    await act(() => button(/Open the sidebar/)!.click());
    expect(props.onSidebar).toHaveBeenCalledWith(true);
    await act(() => button(/Pause Crosscheck on news\.example\.org/)!.click());
    expect(props.onPause).toHaveBeenCalledWith(true);
    await act(() => button(/Add this article/)!.click());
    expect(props.onAddArticle).toHaveBeenCalledTimes(1);

    const open = await show({ state: { ...READY, sidebarOpen: true } });
    await act(() => button(/Close the sidebar/)!.click());
    expect(open.onSidebar).toHaveBeenCalledWith(false);
  });

  it('says "off topic" calmly with the score, and still lets the reader add the article', async () => {
    const props = await show({ state: state({ status: 'off-topic', article: ARTICLE, topic: TOPIC_OFF, report: pageReport([], TOPIC_OFF) }) });
    expect(container.querySelector('h2')?.textContent).toBe('Off topic');
    expect(text()).toContain('does not seem to be about North Korean troops');
    expect(container.querySelector('[data-testid="topic-score"]')?.textContent).toBe('0.12');
    expect(text()).toMatch(/pages need 0\.\d\d at your sensitivity/);
    expect(container.querySelector('[data-testid="claim-counts"]')).toBeNull();
    await act(() => button(/Add this article/)!.click());
    expect(props.onAddArticle).toHaveBeenCalledTimes(1);
    await expectAccessible(container);
  });

  it('says "off topic" for a page the cheap check rejected, without inventing a score', async () => {
    await show({ state: state({ status: 'off-topic' }) });
    expect(container.querySelector('h2')?.textContent).toBe('Off topic');
    expect(container.querySelector('[data-testid="topic-score"]')).toBeNull();
    expect(container.querySelector('[data-testid="topic-not-scored"]')?.textContent).toContain('not scored');
    // Its article is read on demand, so adding stays possible.
    expect(button(/Add this article/)?.getAttribute('aria-disabled')).toBeNull();
    await expectAccessible(container);
  });

  it('explains why a page that is not an article cannot be added, and keeps the button reachable', async () => {
    const props = await show({ state: state({ status: 'not-article', article: { ...ARTICLE, isArticle: false } }) });
    expect(text()).toContain('Not an article');
    const add = button(/Add this article/)!;
    expect(add.getAttribute('aria-disabled')).toBe('true');
    const why = container.querySelector(`#${add.getAttribute('aria-describedby')}`);
    expect(why?.textContent).toContain('does not look like a news article');
    await act(() => add.click());
    expect(props.onAddArticle).not.toHaveBeenCalled();
    await expectAccessible(container);
  });

  it('tells the reader that browser pages cannot be read, and offers no page actions', async () => {
    await show({ tabUrl: 'chrome://settings/privacy', state: state({ url: '' }) });
    expect(text()).toContain('Not a web page');
    expect(text()).toContain('chrome://settings/privacy');
    expect(button(/sidebar|Pause|Add this article/)).toBeUndefined();
    await expectAccessible(container);
  });

  it('suggests reloading a web page where the content script has not reported', async () => {
    const props = await show({ tabUrl: 'https://example.com/a', state: state({ url: '' }) });
    expect(text()).toContain('Crosscheck has not read this page');
    expect(button(/Open the sidebar/)).toBeUndefined();
    expect(button(/Add this article/)?.getAttribute('aria-disabled')).toBe('true');
    await act(() => button(/Reload the page/)!.click());
    expect(props.onReload).toHaveBeenCalledTimes(1);
    await expectAccessible(container);
  });

  it('shows reading and checking as status messages', async () => {
    await show({ state: state({ status: 'waiting' }) });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Reading the page…');
    await show({ state: state({ status: 'analyzing', article: ARTICLE, topic: TOPIC_ON }) });
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Checking the claims');
    expect(container.querySelector('[data-testid="topic-score"]')?.textContent).toBe('0.81');
    await expectAccessible(container);
  });

  it('shows a paused site with a resume button and nothing else of the page', async () => {
    const props = await show({ state: READY, settings: { ...DEFAULT_SETTINGS, pausedSites: ['news.example.org'] } });
    expect(text()).toContain('Paused on news.example.org');
    expect(container.querySelector('[data-testid="claim-counts"]')).toBeNull();
    expect(button(/Open the sidebar/)).toBeUndefined();
    await act(() => button(/Resume Crosscheck on news\.example\.org/)!.click());
    expect(props.onPause).toHaveBeenCalledWith(false);
    await expectAccessible(container);
  });

  it('shows the error of a failed analysis, and a failure to reach the background, in plain words', async () => {
    await show({ state: state({ status: 'error', error: 'The corpus index could not be built' }) });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The corpus index could not be built');
    await show({ failure: 'The tab this popup was opened for is no longer open.' });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('no longer open');
    await expectAccessible(container);
  });

  it('confirms an added article with its title', async () => {
    await show({ state: READY, feedback: { tone: 'ok', text: 'Added “Seoul says 1,500 troops” to your reports.' } });
    expect(container.querySelector('[data-testid="popup-feedback"]')?.textContent).toContain('Seoul says 1,500 troops');
  });

  it('says so when an on-topic article has no checkable claims', async () => {
    await show({ state: state({ status: 'ready', article: ARTICLE, topic: TOPIC_ON, report: pageReport([]) }) });
    expect(container.querySelector('[data-testid="count-claims"]')?.textContent).toBe('0 claims');
    expect(text()).toContain('No checkable claims');
  });
});
