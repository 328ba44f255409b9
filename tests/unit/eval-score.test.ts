// The development set's scoring rules, on a small analysis written for this test: a tool that
// reports the team's judgment figures must count exactly as the set's README says.
import { describe, expect, it } from 'vitest';
import { contain, scorePair, scorePairs, type LabelledPair } from '../../cli/eval-score';
import type { Analysis, ClaimMatch } from '../../lib/types';

const match = (reportId: string, claim: string, stance: ClaimMatch['stance']): ClaimMatch => ({
  reportId, reportTitle: null, outlet: null, date: null, claim, stance, score: 0.5, why: 'test', source: null,
});

const ANALYSIS: Analysis = {
  article: { isArticle: true, title: null, byline: null, siteName: null, publishedTime: null, words: 40 },
  topic: { id: 't', onTopic: true, score: 1, evidence: [] },
  claims: [
    {
      text: 'The agency said 1,500 soldiers had arrived by ship in the east.',
      quantities: [],
      attribution: null,
      matches: [
        match('seed_a', 'A headline about soldiers', 'corroborates'),
        match('seed_b', 'Officials said about 1,500 soldiers arrived in the east by ship.', 'corroborates'),
        match('seed_c', 'Some 3,000 soldiers arrived, a minister said.', 'conflicts'),
      ],
    },
  ],
};

const pair = (p: Partial<LabelledPair>): LabelledPair => ({
  pair_id: 'p', article_id: 'a', sentence: 'The agency said 1,500 soldiers had arrived by ship in the east.',
  seed_file: 'seed_b.txt', seed_sentence: 'Officials said about 1,500 soldiers arrived in the east by ship.', stance: 'corroborates', ...p,
});

describe('eval scoring', () => {
  it('folds curly quotes and counts distinct tokens of the part', () => {
    expect(contain('North Korea’s troops', "north korea's troops troops")).toBe(1);
    expect(contain('a b', 'a c')).toBe(0.5);
    expect(contain('anything', '')).toBe(0);
  });

  it('finds the labelled seed sentence at its rank in the listed matches and takes its stance', () => {
    const o = scorePair(pair({}), ANALYSIS);
    expect(o).toMatchObject({ found: true, rank: 1, predicted: 'corroborates', miss: null });
  });

  it('says where a missed pair broke', () => {
    expect(scorePair(pair({ sentence: 'An unrelated sentence about the weather today.' }), ANALYSIS).miss).toBe('not a claim');
    expect(scorePair(pair({ seed_file: 'seed_z.txt' }), ANALYSIS).miss).toBe('nothing from that report');
    expect(scorePair(pair({ seed_sentence: 'A different sentence of that report entirely here.' }), ANALYSIS).miss).toBe('another sentence of the report');
    expect(scorePair(pair({ stance: 'conflicts' }), ANALYSIS)).toMatchObject({ predicted: 'corroborates', miss: 'wrong stance' });
  });

  it('counts recall@5 over pairs with a stance, per-stance F1 with none as a negative, and unrelated pairs shown as agreeing', () => {
    const outcomes = [
      scorePair(pair({}), ANALYSIS),
      scorePair(pair({ stance: 'conflicts' }), ANALYSIS),
      scorePair(pair({ stance: 'unrelated' }), ANALYSIS),
      scorePair(pair({ sentence: 'Nothing here matches at all, not one word.' }), ANALYSIS),
    ];
    const s = scorePairs(outcomes);
    expect(s.recallAt5).toBeCloseTo(2 / 3);
    expect(s.stances.corroborates).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(s.stances.conflicts).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
    expect(s.unrelatedShownAgreeingOrConflicting).toBe(1);
    expect(s.falseMatchRate).toBe(1);
    expect(s.misses).toMatchObject({ 'not a claim': 1, 'wrong stance': 2 });
  });
});
