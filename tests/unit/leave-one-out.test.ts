// Each seed analysed as if a reader opened it, against the corpus of the other four, and
// held to the labelled sentence pairs (tests/fixtures/stance-pairs.json): what the reader
// sees beside a claim must agree with what a person labelled.
import { describe, expect, it } from 'vitest';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { countWords } from '../../lib/article';
import type { Analysis, ClaimMatch, ClaimResult } from '../../lib/types';
import { loadSeedReports } from '../../cli/load-reports';
import { oneLine, reasonKindOf, reasonProblem, samePassage, STANCE_PAIRS, type LabelledPair } from './helpers/reasons';
import { DEFAULT_PACK } from '../../lib/topics';

const reports = loadSeedReports();
const index = buildCorpusIndex(reports, DEFAULT_PACK);

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

/** The claim of `seed` (leave-one-out) that is this labelled sentence, if the engine took it as a claim. */
function claimOf(seed: string, text: string): ClaimResult | undefined {
  const a = [...analyses.entries()].find(([id]) => id.startsWith(seed))?.[1];
  return a?.claims.find((c) => samePassage(c.text, text));
}

/** Both directions of a pair: the first sentence read as the claim, the second as the report, and back. */
const directions = (p: LabelledPair) => [
  { claim: p.a, report: p.b },
  { claim: p.b, report: p.a },
];

const fromReport = (c: ClaimResult, seed: string) => c.matches.filter((m) => m.reportId.startsWith(seed));
const show = (m: ClaimMatch) => `${m.stance} ${m.reportId.slice(0, 3)} "${m.why}"`;

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
    for (const a of analyses.values()) expect(a.topic.onTopic).toBe(true);
  });

  it('never matches a report against itself', () => {
    for (const [id, a] of analyses) for (const c of a.claims) for (const m of c.matches) expect(m.reportId).not.toBe(id);
  });

  it('every labelled conflict is shown: the claim is listed with the other seed’s report as conflicting, and the reason names what clashes', () => {
    const missing: string[] = [];
    let shown = 0;
    for (const pair of STANCE_PAIRS.filter((p) => p.label === 'conflicts')) {
      // A reader sees the conflict from either side: in either seed, beside the labelled claim.
      const seen = directions(pair).flatMap(({ claim, report }) => {
        const c = claimOf(claim.seed, claim.text);
        return c ? fromReport(c, report.seed).filter((m) => m.stance === 'conflicts').map((m) => ({ c, m })) : [];
      });
      if (seen.length === 0) {
        missing.push(`${pair.a.seed.slice(0, 3)}/${pair.b.seed.slice(0, 3)} (${pair.note}): not shown as a conflict either way`);
        continue;
      }
      shown++;
      for (const { c, m } of seen) {
        const problem = reasonProblem(m.why, c.text, m.claim, reasonKindOf(pair));
        if (problem) missing.push(`${pair.note}: ${problem}`);
      }
    }
    expect(missing).toEqual([]);
    expect(shown).toBe(STANCE_PAIRS.filter((p) => p.label === 'conflicts').length);
  });

  it('where the engine pairs two labelled sentences, it shows the labelled stance (and never pairs unrelated ones)', () => {
    const wrong: string[] = [];
    const paired: Record<string, number> = {};
    for (const pair of STANCE_PAIRS) {
      for (const { claim, report } of directions(pair)) {
        const c = claimOf(claim.seed, claim.text);
        if (!c) continue;
        for (const m of fromReport(c, report.seed).filter((x) => samePassage(x.claim, report.text))) {
          paired[pair.label] = (paired[pair.label] ?? 0) + 1;
          const expected = pair.label === 'unrelated' ? '(no match)' : pair.label;
          if (m.stance !== expected) wrong.push(`${oneLine(claim.text).slice(0, 60)}… → ${show(m)}; labelled ${expected} (${pair.note})`);
          else if (m.stance === 'conflicts' || m.stance === 'corroborates') {
            const problem = reasonProblem(m.why, c.text, m.claim, reasonKindOf(pair), m.stance);
            if (problem) wrong.push(`${pair.note}: ${problem}`);
          }
        }
      }
    }
    console.log(`labelled pairs the leave-one-out analysis shows, by label: ${JSON.stringify(paired)}`);
    expect(wrong).toEqual([]);
    // Quantity conflicts and corroborations are what the sidebar is for: some of each must be paired.
    expect(paired.conflicts ?? 0).toBeGreaterThan(0);
    expect(paired.corroborates ?? 0).toBeGreaterThan(0);
  });
});
