import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, deserializeCorpusIndex, readReports, serializeCorpusIndex, CORPUS_INDEX_VERSION } from '../../lib/corpus-index';
import { extractClaims } from '../../lib/claims';
import { matchClaims, matchClaimsNaive } from '../../lib/match';
import { summariseSides, describeSide } from '../../lib/sources';
import type { ClaimMatch } from '../../lib/types';
import { loadSeedReports } from '../../cli/load-reports';
import { DEFAULT_PACK } from '../../lib/topics';
import { KENYA_POLICE_HAITI } from '../fixtures/packs/kenya-police-haiti';

const reports = loadSeedReports();
const index = buildCorpusIndex(reports, DEFAULT_PACK);
const page = reports.find((r) => r.id.startsWith('002'))!;
const claims = extractClaims(page.text, { pack: DEFAULT_PACK });

describe('corpus index', () => {
  it('keeps every claim as extraction reads it, field for field, though it stores equal parts once', () => {
    // The index shares equal strings, lists, events and counts among its claims (lib/claim-interning.ts):
    // what matching, stance and the timeline read of a claim must be what extraction found in its sentence.
    expect(index.claims).toEqual(readReports(reports, DEFAULT_PACK).claims);
    expect(JSON.stringify(index.claims)).toBe(JSON.stringify(readReports(reports, DEFAULT_PACK).claims));
  });

  it('survives the structured clone (as the background persists it in IndexedDB) and gives the same claims and matches', () => {
    const back = deserializeCorpusIndex(structuredClone(serializeCorpusIndex(index)), DEFAULT_PACK)!;
    expect(back.claims).toEqual(index.claims);
    expect(matchClaims(claims, back, { excludeReportIds: [page.id] })).toEqual(matchClaims(claims, index, { excludeReportIds: [page.id] }));
  });

  it('refuses an index written by another version of the extractor', () => {
    const old = { ...serializeCorpusIndex(index), version: CORPUS_INDEX_VERSION - 1 };
    expect(deserializeCorpusIndex(structuredClone(old), DEFAULT_PACK)).toBeNull();
    expect(deserializeCorpusIndex({ nonsense: true }, DEFAULT_PACK)).toBeNull();
  });

  it('refuses an index read for another story, so the background rebuilds it for the story it tracks', () => {
    const saved = structuredClone(serializeCorpusIndex(index));
    expect(deserializeCorpusIndex(saved, KENYA_POLICE_HAITI)).toBeNull();
    expect(deserializeCorpusIndex(saved, DEFAULT_PACK)?.pack).toBe(DEFAULT_PACK);
  });
});

describe('matchClaims', () => {
  it('leaves out excluded reports, and finds the report itself when it is not excluded', () => {
    const excluded = matchClaims(claims, index, { excludeReportIds: [page.id] });
    expect(excluded.flatMap((c) => c.matches).some((m) => m.reportId === page.id)).toBe(false);
    const included = matchClaims(claims, index);
    const self = included.map((c) => c.matches[0]);
    expect(self.every((m) => m?.reportId === page.id && m.score > 0.9)).toBe(true);
  });

  it('agrees with the naive baseline on the seed corpus', () => {
    const fast = matchClaims(claims, index, { excludeReportIds: [page.id] });
    const naive = matchClaimsNaive(claims, index, { excludeReportIds: [page.id] });
    const key = (m: ClaimMatch) => `${m.reportId}|${m.claim}`;
    let found = 0;
    let total = 0;
    naive.forEach((n, i) => {
      const mine = new Set(fast[i]!.matches.map(key));
      for (const m of n.matches) {
        total++;
        if (mine.has(key(m))) found++;
      }
    });
    console.log(`fast vs naive on the seeds: ${found}/${total} of the naive top matches found`);
    expect(found / total).toBeGreaterThanOrEqual(0.98);
  });

  it('returns "no match" as an empty list, never a weak guess', () => {
    const [off] = matchClaims(extractClaims('North Korea launched a ballistic missile into the sea on Thursday, Japan said.', { pack: DEFAULT_PACK }), index);
    expect(off?.matches ?? []).toEqual([]);
  });
});

describe('evidence beyond claims', () => {
  it('matches a claim to a report’s assessment that is not itself a checkable claim', () => {
    const text = [
      'North Korea has sent 3,000 troops to Russia, South Korea’s spy agency said on Monday.',
      'Military experts doubt that the troops will change the course of the war in Ukraine.',
    ].join('\n\n');
    const own = buildCorpusIndex([{ id: 'experts', title: null, outlet: null, date: '2024-10-21', author: null, url: null, text, origin: 'user', addedAt: 0 }], DEFAULT_PACK);
    const page = extractClaims('“North Korean soldiers are unlikely to change the course of the war in Ukraine,” an analyst at the institute said.', { pack: DEFAULT_PACK });
    expect(page).toHaveLength(1);
    const [result] = matchClaims(page, own);
    expect(result!.matches.map((m) => m.claim)).toContain('Military experts doubt that the troops will change the course of the war in Ukraine.');
  });
});

describe('a report’s headline among the evidence', () => {
  const report = (id: string, title: string, text: string) => ({ id, title, outlet: null, date: '2024-10-21', author: null, url: null, text, origin: 'user' as const, addedAt: 0 });
  const HEADLINE = 'North Korea sends troops to Russia: Seoul';
  const BODY = "South Korea's spy agency said on Friday that North Korea has sent 1,500 troops to Russia.";
  const page = extractClaims("South Korea's spy agency says North Korea has sent 1,500 troops to Russia.", { pack: DEFAULT_PACK });

  it('lists the sentence of the body that states the fact, not the headline that sums it up, even where the body repeats it', () => {
    for (const text of [BODY, `${HEADLINE}\n\n${BODY}`]) {
      const own = buildCorpusIndex([report('body', HEADLINE, text)], DEFAULT_PACK);
      const listed = matchClaims(page, own)[0]!.matches.map((m) => m.claim);
      expect(listed).toEqual([BODY]);
    }
  });

  it('does not list a subhead that sums up the paragraph under it, but the paragraph', () => {
    const SUBHEAD = 'Seoul warns of North Korean troops in Russia';
    const own = buildCorpusIndex([report('subhead', 'A week of tension on the peninsula', `Leaders met on Monday to talk about trade.\n\n${SUBHEAD}\n\n${BODY}`)], DEFAULT_PACK);
    expect(own.claims.map((c) => c.text)).not.toContain(SUBHEAD);
    expect(matchClaims(page, own)[0]!.matches.map((m) => m.claim)).toEqual([BODY]);
  });

  it('lists the headline of a report whose body says nothing of the story', () => {
    const own = buildCorpusIndex([report('headline-only', HEADLINE, 'Forecasters expect a cold and dry weekend across the region.')], DEFAULT_PACK);
    expect(matchClaims(page, own)[0]!.matches.map((m) => m.claim)).toEqual([HEADLINE]);
  });
});

describe('a sentence’s news, not its background', () => {
  // "… as North Korea sends troops": the deployment is the setting of the sentence, not its
  // news; the evidence is what the reports say of what it states (weapons for Ukraine).
  const page = extractClaims('Seoul is now weighing the supply of weapons to Ukraine as North Korea keeps sending troops to fight for Moscow, officials said on Monday.', { pack: DEFAULT_PACK });
  const listed = () => matchClaims(page, index)[0]!.matches;
  /** The event families read in a sentence, each marked when it is only the sentence's background. */
  const families = (sentence: string) => extractClaims(sentence, { pack: DEFAULT_PACK })[0]!.events.map((e) => `${e.family}${e.background ? ' (background)' : ''}`);

  it('lists reports on arms supplies before the deployment the sentence is set against', () => {
    expect(page).toHaveLength(1);
    expect(listed()[0]!.why).toMatch(/arms supplies/);
  });

  it('lists arms for the same side before arms for another', () => {
    const claims = listed().map((m) => m.claim);
    const forUkraine = claims.findIndex((c) => /weapons supplies to its current logistics/.test(c));
    const forRussia = claims.findIndex((c) => /North Korea supplying weapons to Russia/.test(c));
    expect(forUkraine).toBe(0);
    expect(forRussia === -1 || forRussia > forUkraine).toBe(true);
  });

  it('answers a sentence that voices concern about the deployment with the reactions to it, not with reports of it', () => {
    const worried = extractClaims('Japan voiced serious concern about North Korean soldiers being sent to Russia, and condemned the move.', { pack: DEFAULT_PACK });
    const first = matchClaims(worried, index)[0]!.matches.slice(0, 3);
    // Before: the first five were all reports stating the deployment ('concern about deployment vs a statement of it').
    expect(first.filter((m) => /condemnation/.test(m.why)).length).toBeGreaterThanOrEqual(2);
  });

  it('answers what Russia gives in return for the troops with the report on it, not with the deployment', () => {
    const paid = extractClaims('Analysts say Moscow is rewarding North Korea with oil and hard currency in return for the troops it sent.', { pack: DEFAULT_PACK });
    const [first] = matchClaims(paid, index)[0]!.matches;
    expect(first).toMatchObject({ stance: 'corroborates', why: expect.stringMatching(/compensation/) });
    expect(first!.claim).toMatch(/financial assistance or advanced technologies/);
  });

  it('reads the circumstance as background, and a count of troops or a news idiom ("this comes as") as news', () => {
    expect(families('Seoul is now weighing the supply of weapons to Ukraine as North Korea keeps sending troops to fight for Moscow.')).toContain('deploy (background)');
    expect(families('Washington approved longer-range strikes in response to North Korea’s deployment of troops to Russia.')).toContain('deploy (background)');
    expect(families('This comes as North Korea has sent 3,000 troops to Russia, Seoul said.')).toContain('deploy');
    expect(families('Tension rose following reports of North Korea deploying 3,000 troops to Russia.')).toContain('deploy');
    // "As" that compares or dates is no circumstance.
    expect(families('As of Monday North Korea had sent 11,000 troops and artillery shells to Russia, the agency said.')).toContain('deploy');
    expect(families('As early as October North Korea deployed 3,000 troops to Russia, Seoul said.')).toContain('deploy');
    expect(families('Seoul is weighing measures such as sending weapons to Ukraine, officials said.')).toContain('supply');
  });

  it('reads weapons sent as arms supplies, not as a deployment', () => {
    expect(families('North Korea has sent millions of artillery shells to Russia, Seoul said.')).toEqual(['supply']);
    expect(families('South Korea may send weapons to Ukraine, officials said.')).toEqual(['supply']);
    expect(families('North Korea has sent 3,000 troops and more weapons to Russia, Seoul said.')).toContain('deploy');
  });
});

describe('summariseSides', () => {
  const m = (reportId: string, stance: ClaimMatch['stance'], source: string | null, outlet: string | null = null): ClaimMatch => ({
    reportId, reportTitle: null, outlet, date: null, claim: '', stance, score: 0.5, why: '', source,
  });

  it('counts reports relaying the same original source as one voice', () => {
    const sides = summariseSides([
      m('a', 'corroborates', "South Korea's National Intelligence Service"),
      m('b', 'corroborates', "South Korea's National Intelligence Service"),
      m('c', 'corroborates', 'Zelensky'),
      m('d', 'conflicts', null, 'Athens News'),
      m('e', 'related', null),
    ]);
    expect(sides.corroborates).toEqual({ reports: 3, independentSources: 2, sources: ["South Korea's National Intelligence Service", 'Zelensky'] });
    expect(sides.conflicts).toEqual({ reports: 1, independentSources: 1, sources: ['Athens News'] });
    expect(describeSide(sides.corroborates)).toBe('3 reports, 2 independent sources');
    expect(describeSide(sides.conflicts)).toBe('1 report');
  });

  it('never names a report by its headline among the sources: one that names no source or outlet is its own voice, said as such', () => {
    const headline = (reportId: string) => ({ ...m(reportId, 'conflicts', null), reportTitle: 'South Korea confirms no troop deployment to Ukraine' });
    const one = summariseSides([headline('x'), m('y', 'conflicts', 'Zelensky')]);
    expect(one.conflicts).toEqual({ reports: 2, independentSources: 2, sources: ['Zelensky', 'a report naming no source or outlet'] });
    const two = summariseSides([headline('x'), headline('z')]);
    expect(two.conflicts).toEqual({ reports: 2, independentSources: 2, sources: ['2 reports naming no source or outlet'] });
  });
});
