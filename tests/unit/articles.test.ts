// Articles written for these tests in wording of their own (wire copy, a denial, a
// casualty report, Seoul's observers), read as the CLI reads a .txt, against the seeds.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { extractArticleFromText } from '../../lib/article';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import type { Analysis, ClaimResult } from '../../lib/types';
import { loadSeedReports } from '../../cli/load-reports';

const DIR = 'tests/fixtures/articles';
const index = buildCorpusIndex(loadSeedReports());
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function analyse(name: string): Analysis {
  const a = extractArticleFromText(readFileSync(`${DIR}/${name}.txt`, 'utf8'));
  const { text, excerpt: _excerpt, lang: _lang, ...article } = a;
  return analyzeArticleText({ title: a.title, text, article }, index);
}

function claim(a: Analysis, start: string): ClaimResult {
  const c = a.claims.find((x) => oneLine(x.text).includes(start));
  expect(c, start).toBeDefined();
  return c!;
}

const stanceFrom = (c: ClaimResult, seed: string) => c.matches.filter((m) => m.reportId.startsWith(seed)).map((m) => m.stance);

describe('own test articles against the seeds', () => {
  it('prints the claims and stances found', () => {
    const lines: string[] = [];
    for (const name of readdirSync(DIR).map((f) => f.replace(/\.txt$/, '')).sort()) {
      const a = analyse(name);
      lines.push(`${name}: topic ${a.topic.onTopic ? 'on' : 'off'} (${a.topic.score.toFixed(2)}), ${a.claims.length} claims`);
      for (const c of a.claims) {
        const q = c.quantities.map((x) => x.label).join('; ');
        lines.push(`  - ${oneLine(c.text).slice(0, 100)}${q ? ` [${q}]` : ''}${c.attribution ? ` <${c.attribution}>` : ''}`);
        for (const m of c.matches.slice(0, 3)) lines.push(`      ${m.stance.padEnd(12)} ${m.reportId.slice(0, 3)} ${m.why}`);
      }
      expect(a.topic.onTopic).toBe(true);
      expect(a.claims.length).toBeGreaterThanOrEqual(4);
    }
    console.log(lines.join('\n'));
  });

  it('wire report: reads the Pentagon range and weighs it against Seoul’s figures', () => {
    const a = analyse('pentagon-kursk-estimate');
    const range = claim(a, 'between 11,000 and 12,000');
    expect(range.quantities[0]).toMatchObject({ value: 11000, label: '11,000-12,000 soldiers', kind: 'count' });
    expect(range.attribution).toBe('the Pentagon');
    // A present count against the 1,500 that had arrived earlier: a conflict, with the figures.
    expect(range.matches.some((m) => m.stance === 'conflicts' && /11,000-12,000 vs .*1,500/.test(m.why))).toBe(true);
    const first = claim(a, 'some 1,500 special forces arrived');
    expect(first.attribution).toBe("South Korea's National Intelligence Service");
    expect(stanceFrom(first, '002')).toContain('corroborates');
    expect(stanceFrom(first, '004')).toContain('corroborates');
    const peskov = claim(a, 'declined to comment on the Pentagon');
    expect(peskov.matches.some((m) => m.stance === 'corroborates' && /no comment from Russia/.test(m.why))).toBe(true);
  });

  it('Kremlin denial: conflicts with Seoul’s figures, agrees with North Korea’s own denial', () => {
    const a = analyse('kremlin-denial');
    const fake = claim(a, 'This is another piece of fake news');
    expect(fake.attribution).toBe('the Kremlin');
    expect(fake.matches.filter((m) => m.stance === 'conflicts').length).toBeGreaterThanOrEqual(2);
    const mission = claim(a, 'mission to the United Nations also denied');
    expect(mission.attribution).toBe("North Korea's UN mission");
    expect(stanceFrom(mission, '003')).toContain('corroborates');
    expect(stanceFrom(mission, '004')).toContain('conflicts');
    const lawful = claim(a, 'not aimed at any third country');
    expect(lawful.matches.some((m) => m.stance === 'corroborates' && m.why.includes('defence of the ties as lawful'))).toBe(true);
  });

  it('casualty report: counts casualties apart from deployments, and agrees on the six killed', () => {
    const a = analyse('casualties-kursk');
    const toll = claim(a, 'about 200 North Korean soldiers had been killed');
    expect(toll.quantities[0]).toMatchObject({ value: 200, unit: 'soldiers killed', kind: 'casualties' });
    // Another toll, of another incident, is no contradiction.
    expect(toll.matches.every((m) => m.stance !== 'conflicts')).toBe(true);
    expect(claim(a, 'captured two wounded').quantities[0]).toMatchObject({ value: 2, unit: 'soldiers captured' });
    const six = claim(a, 'six North Korean soldiers had been killed');
    expect(six.matches[0]).toMatchObject({ reportId: expect.stringMatching(/^001/), stance: 'corroborates', why: 'both: 6 soldiers killed' });
  });

  it('Seoul’s observers: sending observers and ruling out combat troops are told apart', () => {
    const a = analyse('seoul-observers');
    const team = claim(a, 'considering sending a small team of military officers');
    expect(team.attribution).toBe('an anonymous South Korean government source');
    expect(stanceFrom(team, '003')).toContain('corroborates');
    expect(stanceFrom(team, '000')).not.toContain('conflicts');
    const noCombat = claim(a, 'no plans to send combat troops');
    expect(stanceFrom(noCombat, '000')).toContain('corroborates');
    expect(stanceFrom(noCombat, '003')).not.toContain('conflicts');
    const counts = claim(a, 'around 3,000 soldiers to Russia');
    expect(counts.quantities.map((q) => q.label)).toEqual(['about 3,000 soldiers', 'as many as 10,000 soldiers']);
    expect(stanceFrom(counts, '000')).toContain('corroborates');
  });
});
