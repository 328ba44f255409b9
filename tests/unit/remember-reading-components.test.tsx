// @vitest-environment happy-dom
// Remembered reading as the reader meets it in the sidebar, the options page and the popup's
// switch: the one-time question, what it says after an answer, the "from your reading" mark,
// the switch and removing every remembered article; each checked with axe.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { RememberedReading } from '../../components/options/RememberedReading';
import { ReportList } from '../../components/options/ReportList';
import { RememberReadingSwitch } from '../../components/reading/RememberReadingSwitch';
import { Sidebar, type SidebarProps } from '../../components/sidebar/Sidebar';
import type { RememberReading } from '../../lib/reading';
import type { TabState } from '../../lib/protocol';
import type { ArticleInfo, ClaimMatch } from '../../lib/types';
import { expectAccessible } from './helpers/axe';
import { withContainer } from './helpers/container';

const ARTICLE: ArticleInfo = { isArticle: true, title: 'Seoul says troops fight in Kursk', byline: null, siteName: 'Harbour Times', publishedTime: null, words: 120 };
const TOPIC = { id: 'dprk-troops-russia', onTopic: true, score: 0.9, evidence: [] };
const match = (reportId: string, stance: ClaimMatch['stance']): ClaimMatch => ({
  reportId, reportTitle: `Report ${reportId}`, outlet: 'Example Wire', date: null, claim: `The sentence of ${reportId}.`, stance, score: 0.7, why: 'both: 7,000 soldiers', source: null,
});

function state(patch: Partial<TabState> = {}): TabState {
  const claims = [{ text: '7,000 North Korean soldiers reached Kursk.', quantities: [], attribution: null, matches: [match('reading_0011223344556677', 'corroborates'), match('003_seed', 'conflicts')] }];
  return {
    tabId: 4, url: 'https://news.example/kursk', status: 'ready', article: ARTICLE, topic: TOPIC,
    report: { article: ARTICLE, topic: TOPIC, claims, url: 'https://news.example/kursk', analyzedAt: 1, corpusSize: 6 },
    sidebarOpen: true, error: null, ...patch,
  };
}

let container!: HTMLElement;
withContainer((c) => (container = c));

const show = (node: preact.ComponentChild) => act(() => render(node, container));
const settle = () => act(async () => {
  await new Promise((r) => setTimeout(r, 0));
});
const sidebar = (setting: RememberReading | null, onAnswer: (remember: boolean) => Promise<string | null>, patch: Partial<TabState> = {}) => {
  const props: SidebarProps = { state: state(patch), collapsed: false, activeClaim: null, onJump: vi.fn(), onOpen: vi.fn(), onCollapse: vi.fn(), reading: { setting, onAnswer } };
  return show(<Sidebar {...props} />);
};
const yes = () => container.querySelector<HTMLButtonElement>('[data-action="remember-reading"]');
const outcome = () => container.querySelector('[data-testid="reading-outcome"]')!.textContent;

describe('the sidebar’s question', () => {
  it('asks on an on-topic article while unanswered, as a labelled group of buttons; yes is sent and said', async () => {
    const onAnswer = vi.fn(async () => null);
    await sidebar('unasked', onAnswer);
    const section = container.querySelector('section.reading__ask')!;
    expect(section.getAttribute('aria-labelledby')).toBe('reading-question');
    expect(container.querySelector('#reading-question')!.textContent).toBe('Keep the articles you read on this topic, on this device only, so later articles are checked against them?');
    expect(yes()!.tagName).toBe('BUTTON');
    expect(yes()!.textContent).toBe('Yes, keep them');
    await expectAccessible(container);
    await act(() => yes()!.click());
    await settle();
    expect(onAnswer).toHaveBeenCalledWith(true);
    // The answer's reply says the article was kept before the tab's state does (Firefox may not pass the state's change on at once).
    render(null, container);
    const props: SidebarProps = { state: state(), collapsed: false, activeClaim: null, onJump: vi.fn(), onOpen: vi.fn(), onCollapse: vi.fn(), reading: { setting: 'on', onAnswer, keptNow: true } };
    await show(<Sidebar {...props} />);
    expect(outcome()).toBe('This article is kept on this device, from your reading: later articles are checked against it.');
    // The tab's state says so too.
    await sidebar('on', onAnswer, { remembered: true });
    expect(yes()).toBeNull();
    expect(outcome()).toBe('This article is kept on this device, from your reading: later articles are checked against it.');
    expect(container.querySelector('[data-claim] .report__reading')?.textContent).toBe('from your reading');
  });

  it('no: says nothing is kept and where to turn it on; an answer that failed says why and keeps the question', async () => {
    await sidebar('unasked', async () => null);
    await act(() => container.querySelector<HTMLButtonElement>('[data-action="dont-remember-reading"]')!.click());
    await settle();
    expect(outcome()).toBe('Nothing is kept. You can turn this on in Crosscheck’s toolbar popup or its options page.');
    render(null, container);
    await sidebar('unasked', async () => 'the database is full');
    await act(() => yes()!.click());
    await settle();
    expect(outcome()).toBe('Your answer was not saved: the database is full');
    expect(yes()).not.toBeNull();
  });

  it('is not asked once answered, nor while the setting is unknown, nor on a page still being checked', async () => {
    for (const setting of ['on', 'off', null] as const) {
      await sidebar(setting, async () => null);
      expect(yes()).toBeNull();
    }
    await sidebar('unasked', async () => null, { status: 'analyzing' });
    expect(yes()).toBeNull();
  });

  it('marks only the reports from the reader’s reading', async () => {
    await sidebar('on', async () => null);
    const marks = [...container.querySelectorAll('[data-report-id]')].map((el) => [el.getAttribute('data-report-id'), el.querySelector('.report__reading')?.textContent ?? null]);
    expect(marks).toEqual([['003_seed', null], ['reading_0011223344556677', 'from your reading']]);
  });
});

describe('the switch and the options page', () => {
  it('the switch is a labelled switch that reflects the setting and sends the change', async () => {
    const onChange = vi.fn(async () => null);
    await show(<RememberReadingSwitch setting="off" onChange={onChange} />);
    const input = container.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(input.checked).toBe(false);
    expect(input.closest('label')!.textContent).toContain('Remember articles I read on this topic');
    expect(container.querySelector(`#${input.getAttribute('aria-describedby')!}`)!.textContent).toContain('Paused sites are never kept');
    await expectAccessible(container);
    await act(() => input.click());
    await settle();
    expect(onChange).toHaveBeenCalledWith(true);
    expect(container.textContent).toContain('On-topic articles you read are now kept on this device.');
  });

  it('counts the remembered articles, removes them all after a confirmation, and the list marks them', async () => {
    const onForgetAll = vi.fn(async () => ({ removed: 2 }));
    await show(<RememberedReading setting="on" count={2} onSwitch={async () => null} onForgetAll={onForgetAll} />);
    expect(container.querySelector('[data-testid="remembered-count"]')!.textContent).toBe('2 articles kept from your reading, marked “From your reading” in the list above.');
    await act(() => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Remove all remembered articles')!.click());
    expect(onForgetAll).not.toHaveBeenCalled();
    await expectAccessible(container);
    await act(() => container.querySelector<HTMLButtonElement>('[data-action="forget-reading"]')!.click());
    await settle();
    expect(onForgetAll).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain('Removed 2 remembered articles.');

    render(null, container);
    const base = { title: 'T', outlet: null, date: null, author: null, url: null, addedAt: 1, lead: 'T' };
    await show(<ReportList reports={[{ ...base, id: 'reading_1', origin: 'reading' }, { ...base, id: 'user_1', origin: 'user' }]} selectedId={null} onSelect={() => undefined} />);
    expect([...container.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['From your reading', 'Added by you']);
  });
});
