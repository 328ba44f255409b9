// @vitest-environment happy-dom
// The sidebar as a reader meets it: an on-topic article analysed by the real engine
// against the five seed reports, and a hand-made analysis whose numbers are known.
// Conflicts first, reasons and source counts shown, the test hooks present, the keyboard
// alone enough, page text never parsed as HTML, and no accessibility violation.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSeedReports } from '../../cli/load-reports';
import { buildSidebarModel, countLabel, formatDate } from '../../components/sidebar/claim-view';
import { Sidebar, type SidebarProps } from '../../components/sidebar/Sidebar';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import type { TabState } from '../../lib/protocol';
import type { ArticleInfo, ClaimMatch, ClaimResult, Stance } from '../../lib/types';
import { expectAccessible } from './helpers/axe';
import { DEFAULT_PACK } from '../../lib/topics';

const [HEADLINE, ...PARAGRAPHS] = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8').trim().split(/\n\s*\n/);
const ARTICLE: ArticleInfo = { isArticle: true, title: HEADLINE!, byline: null, siteName: 'Example News', publishedTime: null, words: 255 };
const REAL = analyzeArticleText({ title: HEADLINE!, text: PARAGRAPHS.join('\n\n'), article: ARTICLE }, buildCorpusIndex(loadSeedReports(), DEFAULT_PACK));

function stateOf(claims: ClaimResult[]): TabState {
  return {
    tabId: 7,
    url: 'https://news.example.org/world/north-korea-troops',
    status: 'ready',
    article: ARTICLE,
    topic: REAL.topic,
    report: { article: ARTICLE, topic: REAL.topic, claims, url: 'https://news.example.org/world/north-korea-troops', analyzedAt: 1, corpusSize: 5 },
    sidebarOpen: true,
    error: null,
  };
}

function match(stance: Stance, reportId: string, why: string, extra: Partial<ClaimMatch> = {}): ClaimMatch {
  return { reportId, reportTitle: `Report ${reportId}`, outlet: null, date: null, claim: `The sentence of report ${reportId}.`, stance, score: 0.7, why, source: null, ...extra };
}
const claim = (text: string, matches: ClaimMatch[]): ClaimResult => ({ text, quantities: [], attribution: null, matches });

// Known numbers: B has two conflicting reports relaying one source (Seoul's spy agency).
const MADE: ClaimResult[] = [
  claim('A: Pyongyang will send four brigades.', [match('corroborates', 'r1', 'both: four brigades', { outlet: 'Athens News', date: '2024-10-08' })]),
  claim('B: 12,000 soldiers have already arrived in Russia.', [
    match('conflicts', 'r2', '12,000 vs 1,500 soldiers', { source: "Seoul's spy agency", score: 0.8 }),
    match('conflicts', 'r3', '12,000 vs about 1,500 soldiers', { source: "Seoul's spy agency", score: 0.9, reportTitle: null }),
    match('corroborates', 'r4', 'both: 12,000 soldiers', { source: 'Yonhap' }),
  ]),
  claim('C: The deployment was discussed in June.', [match('related', 'r5', 'same event, different dates')]),
  claim('D: A claim no report speaks to.', []),
];

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function props(patch: Partial<SidebarProps> = {}): SidebarProps {
  return { state: stateOf(MADE), collapsed: false, activeClaim: null, onJump: vi.fn(), onOpen: vi.fn(), onCollapse: vi.fn(), ...patch };
}
const show = (p: SidebarProps) => act(() => render(<Sidebar {...p} />, container));
const claimIds = () => [...container.querySelectorAll('[data-claim]')].map((el) => el.getAttribute('data-claim'));
const stancesOf = (el: Element) => [...el.querySelectorAll('[data-stance]')].map((r) => r.getAttribute('data-stance'));

describe('the sidebar model', () => {
  it('lists contradicted claims first, then corroborated, then related only, and counts the unmatched', () => {
    const model = buildSidebarModel(MADE);
    expect(model.groups.map((g) => [g.group, g.claims.map((c) => c.index)])).toEqual([
      ['conflicts', [1]],
      ['corroborates', [0]],
      ['related', [2]],
    ]);
    expect(model.unmatched).toBe(1);
    // Within a side, the closest match first.
    expect(model.groups[0]!.claims[0]!.sides[0]!.matches.map((m) => m.reportId)).toEqual(['r3', 'r2']);
  });

  it('words source counts and dates as a reader reads them', () => {
    const b = buildSidebarModel(MADE).groups[0]!.claims[0]!;
    expect(b.sides.map((s) => [s.stance, s.countLabel, s.sources])).toEqual([
      ['conflicts', '2 reports, 1 independent source', ["Seoul's spy agency"]],
      ['corroborates', '1 report, 1 independent source', ['Yonhap']],
    ]);
    expect(countLabel(3, 2)).toBe('3 reports, 2 independent sources');
    expect(formatDate('2024-10-08')).toBe('8 Oct 2024');
    expect(formatDate('October 2024')).toBe('October 2024');
  });
});

describe('<Sidebar> open, on a hand-made analysis', () => {
  it('shows claims conflicts first, each report with its reason, title, outlet, date and matched sentence', async () => {
    await show(props());
    expect(claimIds()).toEqual(['1', '0', '2']);
    expect(container.querySelector('main')!.getAttribute('aria-busy')).toBe('false');
    const b = container.querySelector('[data-claim="1"]')!;
    expect(stancesOf(b)).toEqual(['conflicts', 'conflicts', 'corroborates']);
    const first = b.querySelector('[data-stance="conflicts"]')!;
    expect(first.getAttribute('data-report-id')).toBe('r3');
    expect(first.querySelector('.report__why')!.textContent).toBe('12,000 vs about 1,500 soldiers');
    expect(first.querySelector('.report__title')!.textContent).toBe('A report with no headline');
    expect(first.querySelector('.report__claim')!.textContent).toBe('The sentence of report r3.');
    expect(b.querySelector('.side--conflicts .side__count')!.textContent).toBe('2 reports, 1 independent source');
    const a = container.querySelector('[data-claim="0"] [data-stance="corroborates"]')!;
    expect(a.querySelector('.report__outlet')!.textContent).toBe('Athens News');
    expect(a.querySelector('time')!.getAttribute('datetime')).toBe('2024-10-08');
    expect(a.querySelector('time')!.textContent).toBe('8 Oct 2024');
    expect(container.textContent).toContain('1 more claim has no matching report.');
    expect(container.textContent).not.toContain('D: A claim no report speaks to.');
    await expectAccessible(container);
  });

  it('while the matches are still being found, names the claims it checks and lists those matched so far', async () => {
    const soFar = MADE.map((c, i) => (i === 0 ? c : { ...c, matches: [] }));
    await show(props({ state: { ...stateOf(soFar), status: 'analyzing' } }));
    expect(container.querySelector('#panel-summary')!.textContent).toBe('Checking 4 claims of this article against your reports… 1 with matches so far.');
    expect(claimIds()).toEqual(['0']);
    // Not yet matched is not "no matching report"; the list says it is still changing.
    expect(container.textContent).not.toContain('no matching report');
    expect(container.querySelector('main')!.getAttribute('aria-busy')).toBe('true');
    await show(props({ state: { ...stateOf(MADE.map((c) => ({ ...c, matches: [] }))), status: 'analyzing' } }));
    expect(container.querySelector('#panel-summary')!.textContent).toBe('Checking 4 claims of this article against your reports…');
    await expectAccessible(container);
  });

  it('offers a save button per claim, disabled until saving claims exists', async () => {
    await show(props());
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('[data-claim] [data-action="save-claim"]')];
    expect(buttons).toHaveLength(3);
    expect(buttons.every((b) => b.disabled && b.title === 'Saving claims arrives soon')).toBe(true);
  });

  it('marks the claim the reader picked in the page', async () => {
    await show(props({ activeClaim: 2 }));
    expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-claim')).toBe('2');
  });

  it('never parses page text as HTML', async () => {
    const hostile = [claim('<img src=x onerror="alert(1)"> 1,500 troops', [match('conflicts', 'x', '<b>bold</b> vs 12,000', { claim: '<script>alert(2)</script>' })])];
    await show(props({ state: stateOf(hostile) }));
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)"> 1,500 troops');
    expect(container.textContent).toContain('<b>bold</b> vs 12,000');
  });
});

describe('<Sidebar> with the keyboard', () => {
  const jumpButton = (index: string) => container.querySelector<HTMLButtonElement>(`[data-claim="${index}"] .claim__jump`)!;
  const key = (el: Element, k: string) =>
    act(() => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    });
  const focusedClaim = () => document.activeElement?.closest('[data-claim]')?.getAttribute('data-claim') ?? null;

  it('moves between claims with the arrow keys, Home and End, and activates a claim to jump to it', async () => {
    const p = props();
    await show(p);
    jumpButton('1').focus();
    await key(document.activeElement!, 'ArrowDown');
    expect(focusedClaim()).toBe('0');
    await key(document.activeElement!, 'ArrowDown');
    expect(focusedClaim()).toBe('2');
    await key(document.activeElement!, 'ArrowDown');
    expect(focusedClaim()).toBe('2');
    await key(document.activeElement!, 'Home');
    expect(focusedClaim()).toBe('1');
    await key(document.activeElement!, 'End');
    expect(focusedClaim()).toBe('2');
    await key(document.activeElement!, 'ArrowUp');
    expect(focusedClaim()).toBe('0');
    // Enter on a button is a click in every browser.
    await act(() => (document.activeElement as HTMLButtonElement).click());
    expect(p.onJump).toHaveBeenCalledWith(0);
  });

  it('gives the first claim the focus when the claims come after a keyboard opening, unless the reader is elsewhere', async () => {
    const reading: TabState = { ...stateOf([]), status: 'waiting', report: null };
    const p = props({ state: reading });
    await show(p);
    expect(document.hasFocus()).toBe(true);
    expect(container.querySelectorAll('[data-claim]')).toHaveLength(0);
    expect(document.activeElement).toBe(document.body);
    await show({ ...p, state: stateOf(MADE) });
    // The contradicted claim is listed first, and takes the focus.
    expect(focusedClaim()).toBe('1');

    // The reader had moved to the collapse button meanwhile: the focus stays there.
    render(null, container);
    await show(p);
    const collapse = container.querySelector<HTMLButtonElement>('button.panel__collapse')!;
    collapse.focus();
    await show({ ...p, state: stateOf(MADE) });
    expect(document.activeElement).toBe(collapse);
  });

  it('collapses on Escape and gives the focus to the handle, which opens it again', async () => {
    const p = props();
    await show(p);
    jumpButton('0').focus();
    await key(document.activeElement!, 'Escape');
    expect(p.onCollapse).toHaveBeenCalledTimes(1);
    // The content script shrinks the frame to the handle: the same Sidebar renders collapsed.
    await show({ ...p, collapsed: true });
    const handle = container.querySelector<HTMLButtonElement>('button.handle')!;
    expect(document.activeElement).toBe(handle);
    expect(handle.getAttribute('aria-expanded')).toBe('false');
    expect(handle.getAttribute('aria-label')).toBe('Open Crosscheck: 3 claims checked, 1 contradicted by reports');
    await act(() => handle.click());
    expect(p.onOpen).toHaveBeenCalledTimes(1);
    await expectAccessible(container);
  });
});

describe('<Sidebar> on the real engine’s analysis of an on-topic article against the seed reports', () => {
  it('lists every matched claim once, contradicted ones first, every match with its reason and hooks', async () => {
    const matched = REAL.claims.map((c, i) => ({ c, i })).filter(({ c }) => c.matches.length > 0);
    expect(matched.length).toBeGreaterThan(1);
    await show(props({ state: stateOf(REAL.claims) }));
    const items = [...container.querySelectorAll('[data-claim]')];
    expect(items.map((el) => Number(el.getAttribute('data-claim'))).sort((x, y) => x - y)).toEqual(matched.map(({ i }) => i));
    // Conflicts first: once a claim without a conflicting report is listed, none with one follows.
    const hasConflict = items.map((el) => stancesOf(el).includes('conflicts'));
    expect(hasConflict.indexOf(false) === -1 || !hasConflict.slice(hasConflict.indexOf(false)).includes(true)).toBe(true);
    for (const { c, i } of matched) {
      const el = container.querySelector(`[data-claim="${i}"]`)!;
      expect(el.querySelector('.claim__text')!.textContent).toBe(c.text);
      const reports = [...el.querySelectorAll('[data-stance]')];
      expect(reports).toHaveLength(c.matches.length);
      // A report may stand with several of its sentences; each is shown with its own reason.
      for (const m of c.matches) {
        const shown = [...el.querySelectorAll(`[data-stance="${m.stance}"][data-report-id="${m.reportId}"] .report__why`)].map((w) => w.textContent);
        const expected = c.matches.filter((x) => x.stance === m.stance && x.reportId === m.reportId).map((x) => x.why);
        expect(shown.sort()).toEqual(expected.sort());
      }
    }
    const stances = items.flatMap(stancesOf);
    console.log(`real analysis: ${REAL.claims.length} claims, ${items.length} listed, ${stances.filter((s) => s === 'conflicts').length} conflicting / ${stances.filter((s) => s === 'corroborates').length} corroborating / ${stances.filter((s) => s === 'related').length} related reports shown`);
    await expectAccessible(container);
  });
});
