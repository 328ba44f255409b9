// Proof of the seam between the engine and a story: the whole engine (topic scoring, claim
// extraction, the index, matching and stance) runs on a second, small pack with its own
// three reports, and nothing of the first pack is loaded. If any engine module imported the
// first pack's files, the mocks below would throw as this file loads and every test failed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { analyzeArticleText } from '../../lib/analyze';
import { buildCorpusIndex } from '../../lib/corpus-index';
import type { ClaimResult } from '../../lib/types';
import { KENYA_POLICE_HAITI, KENYA_REPORTS } from '../fixtures/packs/kenya-police-haiti';

const { firstPackLoaded } = vi.hoisted(() => ({
  firstPackLoaded: (file: string) => () => {
    throw new Error(`the engine loaded the first pack's ${file}: the seam leaks`);
  },
}));
vi.mock('../../lib/topics/dprk-troops-russia/lexicon', firstPackLoaded('lexicon.ts'));
vi.mock('../../lib/topics/dprk-troops-russia/topic', firstPackLoaded('topic.ts'));
vi.mock('../../lib/topics/dprk-troops-russia/index', firstPackLoaded('index.ts'));
vi.mock('../../lib/topics/index', firstPackLoaded('the list of packs'));

const ARTICLE = { isArticle: true, title: null, byline: null, siteName: 'Test', publishedTime: '2024-06-26T09:00:00Z', words: 60 };
const index = buildCorpusIndex(KENYA_REPORTS, KENYA_POLICE_HAITI);

function analyze(title: string, text: string) {
  return analyzeArticleText({ title, text, article: { ...ARTICLE, title } }, index);
}

function matchesOf(claim: ClaimResult | undefined) {
  return (claim?.matches ?? []).map((m) => ({ report: m.reportId, stance: m.stance, why: m.why }));
}

describe('the engine on a second story pack', () => {
  const analysis = analyze(
    'Kenyan police officers arrive in Haiti',
    [
      "Some 400 Kenyan police officers arrived in Port-au-Prince on Tuesday, Kenya's Interior Ministry said.",
      'Two Kenyan police officers were killed in an ambush by gangs, Haitian officials said.',
      'The weather in the capital was hot and humid.',
    ].join('\n\n'),
  );

  it('finds the article on its topic, with the pack’s own words as evidence', () => {
    expect(analysis.topic).toMatchObject({ id: 'kenya-police-haiti', onTopic: true });
    expect(analysis.topic.evidence.join(' ')).toMatch(/Kenya/);
  });

  it('takes the checkable sentences as claims, and not the weather', () => {
    const texts = analysis.claims.map((c) => c.text);
    expect(texts.some((t) => t.startsWith('Some 400 Kenyan police officers'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Two Kenyan police officers were killed'))).toBe(true);
    expect(texts.some((t) => t.includes('weather'))).toBe(false);
  });

  it('lists the report with the same count as corroborating and the one with another count as conflicting, with the figures', () => {
    const arrival = analysis.claims.find((c) => c.text.startsWith('Some 400'));
    const found = matchesOf(arrival);
    expect(found).toContainEqual(expect.objectContaining({ report: 'kh-first-contingent', stance: 'corroborates' }));
    const conflict = found.find((m) => m.report === 'kh-fewer-arrived' && m.stance === 'conflicts');
    expect(conflict?.why).toMatch(/200/);
    expect(conflict?.why).toMatch(/400/);
    // The denial of deaths says nothing against the arrival.
    expect(found.filter((m) => m.report === 'kh-no-deaths' && m.stance === 'conflicts')).toEqual([]);
  });

  it('sets a reported death against the denial of any', () => {
    const deaths = analysis.claims.find((c) => c.text.startsWith('Two Kenyan police officers were killed'));
    expect(matchesOf(deaths)).toContainEqual(expect.objectContaining({ report: 'kh-no-deaths', stance: 'conflicts', why: expect.stringMatching(/asserts vs denies/) }));
  });

  it('leaves a neighbouring story and the first story alone', () => {
    const protest = analyze('Protests in Nairobi', 'Thousands of Kenyans protested against the finance bill in Nairobi on Tuesday, and police fired tear gas.');
    expect(protest.topic.onTopic).toBe(false);
    expect(protest.claims).toEqual([]);
    const seeds = new URL('../../seeds/', import.meta.url);
    const seed = readFileSync(new URL(readdirSync(seeds).find((f) => f.startsWith('001'))!, seeds), 'utf8');
    expect(analyze('North Korean troops', seed).topic.onTopic).toBe(false);
  });
});
