// @vitest-environment happy-dom
// Every report has a readable name: a report without a headline (seed 003) is named by its
// outlet and date, or by its first words, and says it has no headline, in the sidebar, the
// popup and the options page alike. And the sidebar lists a syndicated copy with the story it
// copies ("Also carried by"), readable without opening anything.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ClaimDetails } from '../../components/popup/ClaimsSummary';
import { summarizeClaims } from '../../components/popup/popup-model';
import { ReportList } from '../../components/options/ReportList';
import { ReportMatch } from '../../components/sidebar/ReportMatch';
import { seedReports } from '../../entrypoints/background/seeds';
import { detailsOf, withReportDetails } from '../../lib/report-details';
import { reportLead, reportName } from '../../lib/report-name';
import type { Analysis, ClaimMatch } from '../../lib/types';
import { expectAccessible } from './helpers/axe';
import { withContainer } from './helpers/container';

const SEED_003 = seedReports().find((s) => s.id.startsWith('003_'))!;
const SEED_003_NAME = '“South Korea may soon deploy military intelligence personnel…” (no headline)';

let container!: HTMLElement;
withContainer((c) => (container = c));

const match = (extra: Partial<ClaimMatch> = {}): ClaimMatch => ({
  reportId: SEED_003.id, reportTitle: SEED_003.title, outlet: SEED_003.outlet, date: SEED_003.date,
  claim: '1,500 North Korean special forces were already undergoing training in Russia.', stance: 'corroborates', score: 0.7,
  why: 'both: 1,500 special forces', source: "South Korea's National Intelligence Service", ...extra,
});

describe('reportName', () => {
  it('keeps a headline as it is', () => {
    expect(reportName({ title: ' North Korea sends troops ', outlet: 'Reuters', date: '2024-10-18' })).toBe('North Korea sends troops');
  });

  it('names a report without a headline by its outlet and date, marked as such', () => {
    expect(reportName({ title: null, outlet: 'Reuters', date: '2024-10-18' })).toBe('Reuters, 18 Oct 2024 (no headline)');
    expect(reportName({ title: '  ', outlet: 'Reuters', date: null })).toBe('Reuters (no headline)');
  });

  it('names one without a headline or outlet by its first words (seed 003)', () => {
    expect(SEED_003.title).toBeNull();
    expect(SEED_003.outlet).toBeNull();
    expect(reportName({ ...SEED_003, lead: reportLead(SEED_003.text) })).toBe(SEED_003_NAME);
    expect(reportName({ title: null, outlet: null, date: '2024-10-22', lead: 'Seoul said on Tuesday' })).toBe('“Seoul said on Tuesday”, 22 Oct 2024 (no headline)');
  });

  it('still says something when nothing is known', () => {
    expect(reportName({ title: null, outlet: null, date: null })).toBe('A report with no headline');
  });
});

describe('the same name wherever the report is listed', () => {
  /** A page's analysis as the background finishes it: the match carries what was stored with seed 003. */
  const analysis: Analysis = withReportDetails(
    {
      article: { isArticle: true, title: 'x', byline: null, siteName: null, publishedTime: null, words: 1 },
      topic: { id: 't', onTopic: true, score: 1, evidence: [] },
      claims: [{ text: 'A claim.', quantities: [], attribution: null, matches: [match({ stance: 'conflicts', why: '1,500 vs 12,000 troops' })] }],
    },
    new Map([[SEED_003.id, detailsOf(SEED_003)]]),
  );

  it('in the sidebar', async () => {
    await act(() => render(<ul><ReportMatch match={analysis.claims[0]!.matches[0]!} /></ul>, container));
    expect(container.querySelector('.report__title')?.textContent).toBe(SEED_003_NAME);
    expect(container.textContent).not.toContain('Untitled');
  });

  it('in the popup, among the top conflicts and the matched reports', async () => {
    await act(() => render(<ClaimDetails summary={summarizeClaims(analysis.claims)} />, container));
    expect(container.querySelector('[data-testid="top-conflicts"] .source')?.textContent).toBe(SEED_003_NAME);
    expect(container.querySelector('[data-testid="matched-reports"] .report-title')?.textContent).toBe(SEED_003_NAME);
  });

  it('in the options page’s list of reports', async () => {
    const listing = seedReports().map(({ text, signature: _s, ...r }) => ({ ...r, lead: reportLead(text) }));
    await act(() => render(<ReportList reports={listing} selectedId={null} onSelect={() => undefined} />, container));
    const item = container.querySelector(`[data-report-id="${SEED_003.id}"] .report-item-title`);
    expect(item?.textContent).toBe(SEED_003_NAME);
  });
});

describe('a syndicated copy in the sidebar', () => {
  it('is listed under the story it copies, with its outlet, date and headline, as plain text', async () => {
    const wire = match({ reportId: 'user_wire', reportTitle: 'North Korean troops reach Kursk front', outlet: 'Kursk Wire Service', date: '2024-10-25', source: null });
    const copy = match({ reportId: 'user_copy', reportTitle: 'Thousands of North Korean soldiers arrive at Kursk front line', outlet: 'Regional Courier', date: '2024-10-25', source: null, copyOf: 'user_wire' });
    await act(() => render(<ul><ReportMatch match={wire} copies={[copy]} /></ul>, container));
    const copies = container.querySelector('.report__copies')!;
    expect(copies.textContent).toContain('Also carried by');
    const item = copies.querySelector('[data-report-id="user_copy"]');
    expect(item?.textContent).toBe('Regional Courier, 25 Oct 2024: Thousands of North Korean soldiers arrive at Kursk front line');
    // Named for assistive technology by its label; nothing to expand, so the keyboard needs nothing.
    expect(copies.querySelector('ul')?.getAttribute('aria-labelledby')).toBe(copies.querySelector('p')?.id);
    await expectAccessible(container);
  });
});
