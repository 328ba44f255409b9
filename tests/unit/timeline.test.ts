// The figures over time (lib/timeline.ts): which kind each figure is, the date it speaks of,
// and how it reads against the others of its kind (an update, a conflict of the same days),
// on the seeds as they are and on four small dated reports of our own (tests/fixtures/timeline).
import { describe, expect, it } from 'vitest';
import { loadReportsFromFolder, loadSeedReports } from '../../cli/load-reports';
import { analyzeArticleText } from '../../lib/analyze';
import { extractArticleFromText } from '../../lib/article';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { articleFigureSource, buildTimeline, corpusFigureSources, MAX_STATEMENTS_PER_KIND, type FigureSource, type FigureTimeline } from '../../lib/timeline';
import { extractClaims } from '../../lib/claims';
import { FIGURE_KINDS } from '../../lib/topics/dprk-troops-russia/figures';
import { readFileSync } from 'node:fs';
import { DEFAULT_PACK } from '../../lib/topics';

const timelineOf = (reports: ReturnType<typeof loadSeedReports>) => buildTimeline(corpusFigureSources(buildCorpusIndex(reports, DEFAULT_PACK)), FIGURE_KINDS);

/** "kind: figure (measure, date, source, reading)" for each figure: what the table shows, in one line each. */
function rows(t: FigureTimeline, kind: string): string[] {
  const series = t.series.find((s) => s.kind === kind);
  return (series?.statements ?? []).map((s) => `${s.figure} ${s.measure} ${s.date ?? 'undated'} ${s.source}: ${s.reading}`);
}

function statement(t: FigureTimeline, kind: string, figure: string) {
  const s = t.series.find((x) => x.kind === kind)?.statements.find((x) => x.figure === figure);
  if (!s) throw new Error(`no ${figure} in ${kind}: ${rows(t, kind).join(' | ')}`);
  return s;
}

function source(reportId: string, date: string | null, text: string, outlet: string | null = 'Test Wire'): FigureSource {
  return { reportId, title: null, outlet, date, claims: extractClaims(text, { pack: DEFAULT_PACK, documentDate: date }) };
}

describe('the figures over time, on the seeds as they are', () => {
  const timeline = timelineOf(loadSeedReports());

  it('sorts each figure into its kind: sent, at the front, killed', () => {
    expect(timeline.series.map((s) => s.kind)).toEqual(['troops-at-front', 'troops-sent', 'killed']);
    expect(rows(timeline, 'troops-at-front')).toEqual(['about 3,000 count undated Zelensky: undated']);
    // The 1,500 "expected to be sent to the front lines" are not at the front: only what follows the count, in its clause, places it.
    expect(rows(timeline, 'troops-sent')).toEqual(
      expect.arrayContaining([
        "about 1,500 count undated South Korea's National Intelligence Service: undated",
        "1,500 count undated South Korea's National Intelligence Service: undated",
        'nearly 3,000 count undated a report naming no source or outlet: undated',
        'about 10,000 planned undated Zelensky: undated',
        "12,000 planned undated South Korea's National Intelligence Service: undated",
        '12,000 possible undated South Korean media: undated',
      ]),
    );
    expect(rows(timeline, 'killed')).toEqual(['6 count 2024-10-05 Ukrainian media: first']);
  });

  it('dates a figure by its sentence when it names a day, never guesses a date a report does not give', () => {
    // Seed 001 is dated 8 October 2024 and says "in early October": the sentence's own date.
    const six = statement(timeline, 'killed', '6');
    expect(six).toMatchObject({ date: '2024-10-05', dateFrom: 'sentence', reportId: '001_14d4b8edd7d3672e' });
    // The other seeds state no date: their figures stay undated (listed, not placed on the time axis).
    const undated = timeline.series.flatMap((s) => s.statements).filter((s) => s.reportId !== '001_14d4b8edd7d3672e');
    expect(undated.length).toBeGreaterThan(5);
    expect(undated.every((s) => s.date === null && s.dateFrom === null && s.reading === 'undated')).toBe(true);
  });

  it('gives each report a figure once, even when it repeats it', () => {
    // Seed 004 says 12,000 planned twice ("plans to deploy 12,000 troops", "totaling 12,000 soldiers").
    const planned = timeline.series.find((s) => s.kind === 'troops-sent')!.statements.filter((s) => s.reportId === '004_8cbaaadb9775d755' && s.value === 12_000 && s.measure === 'planned');
    expect(planned).toHaveLength(1);
  });
});

describe('the figures over time, on dated reports of our own', () => {
  const timeline = timelineOf(loadReportsFromFolder('tests/fixtures/timeline', 'user'));

  it('reads a later, larger count of the same kind as an update of the earlier one', () => {
    const arrival = statement(timeline, 'troops-sent', 'about 1,500');
    const later = statement(timeline, 'troops-sent', 'about 10,000');
    expect(arrival).toMatchObject({ date: '2024-10-18', reading: 'first', source: "South Korea's National Intelligence Service" });
    expect(later).toMatchObject({ date: '2024-11-04', reading: 'update', after: arrival.id, conflictsWith: [] });
  });

  it('marks two different counts of the same kind a day apart as a conflict, each naming the other', () => {
    const three = statement(timeline, 'troops-at-front', 'about 3,000');
    const five = statement(timeline, 'troops-at-front', '5,000');
    expect(three).toMatchObject({ date: '2024-10-25', reading: 'conflict', conflictsWith: [five.id], source: 'Zelensky' });
    expect(five).toMatchObject({ date: '2024-10-26', reading: 'conflict', conflictsWith: [three.id], source: "Ukraine's military intelligence (HUR)" });
  });

  it('dates a figure by the day its sentence names: "said on Friday" in a report of Monday 21 October is 18 October', () => {
    expect(statement(timeline, 'troops-sent', 'about 1,500')).toMatchObject({ date: '2024-10-18', dateFrom: 'sentence' });
    expect(statement(timeline, 'troops-sent', 'about 10,000')).toMatchObject({ date: '2024-11-04', dateFrom: 'report' });
  });

  it('keeps a planned total apart from present counts, and leaves out denied counts and other forces', () => {
    const planned = statement(timeline, 'troops-sent', '12,000');
    expect(planned).toMatchObject({ measure: 'planned', reading: 'first', conflictsWith: [] });
    // "Moscow denied that 12,000 … are in Kursk" and "50,000 Ukrainian soldiers" are not figures of North Korea's troops.
    const all = timeline.series.flatMap((s) => s.statements);
    expect(all.filter((s) => s.value === 12_000)).toHaveLength(1);
    expect(all.some((s) => s.value === 50_000)).toBe(false);
  });

  it('same-time disagreements follow the stance rule: five days apart is an update, not a conflict', () => {
    const t = buildTimeline(
      [
        source('a', '2024-10-25', 'Zelensky said that about 3,000 North Korean soldiers have been positioned near the front line.'),
        source('b', '2024-10-30', "Ukraine's military intelligence said that 5,000 North Korean soldiers have been positioned near the front line."),
        source('c', '2024-11-02', 'The Pentagon said that 4,000 North Korean soldiers have been positioned near the front line.'),
      ],
      FIGURE_KINDS,
    );
    expect(rows(t, 'troops-at-front')).toEqual([
      'about 3,000 count 2024-10-25 Zelensky: first',
      "5,000 count 2024-10-30 Ukraine's military intelligence (HUR): conflict",
      '4,000 count 2024-11-02 the Pentagon: conflict',
    ]);
  });
});

describe('the same figure again', () => {
  it('reads as the same as before, not as an update, when a later report repeats it within rounding', () => {
    const t = buildTimeline(
      [
        source('a', '2024-10-18', "South Korea's National Intelligence Service said that 1,500 North Korean troops have arrived in Russia."),
        source('b', '2024-10-28', 'The Pentagon said that about 1,500 North Korean troops have arrived in Russia.'),
      ],
      FIGURE_KINDS,
    );
    expect(rows(t, 'troops-sent')).toEqual([
      "1,500 count 2024-10-18 South Korea's National Intelligence Service: first",
      'about 1,500 count 2024-10-28 the Pentagon: agrees',
    ]);
  });
});

describe('the article being read joins the timeline', () => {
  it('with its own figures dated by the article (or the day a sentence names), marked as the article', () => {
    const raw = readFileSync('tests/fixtures/reading/on-topic-article.txt', 'utf8');
    const a = extractArticleFromText(raw);
    const analysis = analyzeArticleText(
      { title: a.title, text: a.text, article: { ...a, publishedTime: '2024-10-18T09:12:00Z', siteName: 'Harbour Post' } },
      buildCorpusIndex(loadSeedReports(), DEFAULT_PACK),
    );
    const t = buildTimeline([articleFigureSource(analysis, DEFAULT_PACK), ...corpusFigureSources(buildCorpusIndex(loadSeedReports(), DEFAULT_PACK))], FIGURE_KINDS);
    const own = t.series.flatMap((s) => s.statements).filter((s) => s.fromArticle);
    expect(own.map((s) => `${s.kind} ${s.figure} ${s.measure} ${s.date}`).sort()).toEqual([
      'killed 6 count 2024-10-11',
      'troops-sent 10,000 planned 2024-10-16',
      // "decided to send a total of 12,000 … the first group was moved … between October 8 and 13": the sentence's first date.
      'troops-sent 12,000 planned 2024-10-08',
      'troops-sent about 1,500 count 2024-10-18',
    ]);
    const ten = own.find((s) => s.value === 10_000)!;
    const twelve = own.find((s) => s.value === 12_000)!;
    // Zelensky's 10,000 eight days after Seoul's 12,000: a later, lower planned total, not a conflict of the same days.
    expect(ten).toMatchObject({ reading: 'lower', after: twelve.id, conflictsWith: [], source: 'Zelensky', reportId: null, outlet: 'Harbour Post' });
    expect(twelve).toMatchObject({ source: "South Korea's National Intelligence Service", dateFrom: 'sentence' });
    const arrival = own.find((s) => s.value === 1_500)!;
    expect(arrival).toMatchObject({ date: '2024-10-18', dateFrom: 'report', reading: 'first' });
  });
});

describe('a large corpus', () => {
  it(`keeps at most ${MAX_STATEMENTS_PER_KIND} figures per kind, the most recent, and says how many it left out`, () => {
    const sources = Array.from({ length: 120 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 9, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      return source(`r${i}`, day, `South Korea's National Intelligence Service said that ${1_000 + i * 100} North Korean troops have arrived in Russia.`);
    });
    const series = buildTimeline(sources, FIGURE_KINDS).series.find((s) => s.kind === 'troops-sent')!;
    expect(series.statements).toHaveLength(MAX_STATEMENTS_PER_KIND);
    expect(series.omitted).toBe(120 - MAX_STATEMENTS_PER_KIND);
    expect(series.statements.at(-1)!.value).toBe(1_000 + 119 * 100);
    // Read against the whole series, left-out figures included: none of the kept ones reads as the first.
    expect(series.statements.every((s) => s.reading === 'update' || s.reading === 'agrees')).toBe(true);
  });
});
