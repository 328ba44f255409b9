// Each seed analysed as if a reader opened it, against the corpus of the other four.
import { describe, expect, it } from 'vitest';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { countWords } from '../../lib/article';
import { parseClaim } from '../../lib/claims';
import { judgeStance } from '../../lib/stance';
import type { Analysis, ClaimResult } from '../../lib/types';
import { loadSeedReports } from '../../cli/load-reports';

const reports = loadSeedReports();
const index = buildCorpusIndex(reports);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const analyses = new Map<string, Analysis>(
  reports.map((r) => [
    r.id,
    analyzeArticleText(
      {
        title: r.title,
        text: r.text,
        article: { isArticle: true, title: r.title, byline: r.author, siteName: r.outlet, publishedTime: r.date, words: countWords(r.text) },
      },
      index,
      { excludeReportIds: [r.id], force: true },
    ),
  ]),
);

function claim(seed: string, start: string): ClaimResult {
  const a = [...analyses.entries()].find(([id]) => id.startsWith(seed))![1];
  const c = a.claims.find((x) => oneLine(x.text).startsWith(start));
  expect(c, `${seed}: ${start}`).toBeDefined();
  return c!;
}

function match(c: ClaimResult, seed: string, stance?: string) {
  return c.matches.find((m) => m.reportId.startsWith(seed) && (!stance || m.stance === stance));
}

describe('leave-one-out over the seeds', () => {
  it('prints what each seed finds in the other four', () => {
    const lines: string[] = [];
    const totals = { claims: 0, corroborates: 0, conflicts: 0, related: 0 };
    for (const [id, a] of analyses) {
      const count = (s: string) => a.claims.reduce((n, c) => n + c.matches.filter((m) => m.stance === s).length, 0);
      const row = { corroborates: count('corroborates'), conflicts: count('conflicts'), related: count('related') };
      totals.claims += a.claims.length;
      totals.corroborates += row.corroborates;
      totals.conflicts += row.conflicts;
      totals.related += row.related;
      lines.push(
        `${id}  topic ${a.topic.onTopic ? 'on ' : 'off'} ${a.topic.score.toFixed(2)}  claims ${a.claims.length}  matches: ${row.corroborates} corroborate, ${row.conflicts} conflict, ${row.related} related`,
      );
      for (const c of a.claims) {
        lines.push(`  - ${oneLine(c.text).slice(0, 110)}`);
        for (const m of c.matches) lines.push(`      ${m.stance.padEnd(12)} ${m.score.toFixed(2)} ${m.reportId.slice(0, 3)} ${m.why}`);
      }
    }
    lines.unshift(`leave-one-out: ${totals.claims} claims; ${totals.corroborates} corroborations, ${totals.conflicts} conflicts, ${totals.related} related`);
    console.log(lines.join('\n'));
    for (const a of analyses.values()) expect(a.claims.length).toBeGreaterThan(0);
  });

  it('never matches a report against itself', () => {
    for (const [id, a] of analyses) for (const c of a.claims) for (const m of c.matches) expect(m.reportId).not.toBe(id);
  });

  it('surfaces the pairs a reader would expect', () => {
    // The 1,500 arrival, reported by 002 and 004 from Seoul's spy agency.
    const arrived = claim('002', 'According to Seoul’s intelligence agency, approximately 1,500');
    expect(match(arrived, '004', 'corroborates')?.why).toMatch(/1,500/);
    expect(match(arrived, '003', 'corroborates')).toBeDefined();
    // 000's nearly 3,000 against Seoul's spy agency's 1,500 arrived (003 and 004 both report it): a conflict.
    const nearly = claim('000', 'Note that, the situation');
    const arrivalConflicts = nearly.matches.filter((m) => /^00[34]/.test(m.reportId) && m.stance === 'conflicts').map((m) => m.why);
    expect(arrivalConflicts.some((why) => /3,000 vs 1,500|1,500 vs nearly 3,000|nearly 3,000 vs 1,500/.test(why))).toBe(true);
    // The projections agree on 12,000.
    expect(match(claim('002', 'South Korean media reports suggest'), '004', 'corroborates')?.why).toMatch(/12,000/);
    // Silence against a denial.
    expect(match(claim('000', 'Neither North Korea nor Russia'), '003', 'conflicts')?.why).toMatch(/has not responded.*groundless rumor/);
    // North Korea's denial against Seoul's figures.
    const rumor = claim('003', 'A North Korean representative');
    expect(match(rumor, '002', 'conflicts') ?? match(rumor, '004', 'conflicts')).toBeDefined();
    // Seoul's intelligence personnel, in 003 and in the minister's words in 000.
    expect(match(claim('003', 'South Korea may soon deploy'), '000', 'corroborates')).toBeDefined();
    // Zelensky's 10,000 against the 12,000 projections.
    // (The list puts Zelensky's other statements first; the pair itself must still read as a conflict.)
    const zelensky = claim('004', '“We know about 10,000 soldiers');
    const projection = index.claims.find((c) => index.reports[c.report]!.id.startsWith('002') && c.text.startsWith('South Korean media reports suggest'))!;
    expect(judgeStance(parseClaim(zelensky.text), projection)).toMatchObject({ stance: 'conflicts', why: 'about 10,000 vs 12,000 soldiers (both projections)' });
  });
});
