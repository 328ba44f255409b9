// Admission (lib/admission.ts) decides which corpus claims the matcher scores at all: a claim
// it does not admit is never listed. It visits the corpus signature by signature, best bound
// first, and stops when no claim it has not visited could reach its pool. The first tests
// build a corpus where the claims that score best share only the commonest terms with the
// page, while more claims than the pool holds share a rarer word and score less; the last
// compares admission with every claim's preview computed, for each claim of the benchmark's
// article over its synthetic corpus.
import { describe, expect, it } from 'vitest';
import { ADMISSION_POOL, preselect } from '../../lib/admission';
import { benchArticle, benchCorpus } from '../../bench/fixtures';
import { buildCorpusIndex, inverseFrequency, UNSEEN_TERM_WEIGHT, conceptWeight, type CorpusIndex } from '../../lib/corpus-index';
import { extractClaims, type ExtractedClaim } from '../../lib/claims';
import { matchClaims, matchClaimsNaive } from '../../lib/match';
import { signatureOf, signatureRelevance } from '../../lib/match-score';
import { DEFAULT_PACK } from '../../lib/topics';
import type { Report } from '../../lib/types';

const report = (id: string, text: string): Report => ({
  id,
  title: null,
  outlet: null,
  date: '2024-11-01',
  author: null,
  url: `https://example.org/${id}`,
  text,
  origin: 'user',
  addedAt: 1,
});

const PAGE = "South Korea's spy agency said North Korea has sent 3,000 troops to Russia.";
const CITIES = ['Vladivostok', 'Khabarovsk', 'Ussuriysk', 'Kursk', 'Rostov', 'Moscow', 'Pyongyang', 'Wonsan', 'Chongjin', 'Sinuiju'];

/**
 * The same fact as the page, counted (a deployment of North Korean troops, with a number),
 * in words that most claims of the corpus carry; filler that makes those words, and the
 * deployment itself, common (the same event told without a count, in more words); and a
 * crowd of claims that share the page's rarer words ("spy agency") but not its event.
 */
function corpus(): Report[] {
  const reports: Report[] = [];
  for (let i = 0; i < 5; i++) reports.push(report(`same-fact-${i}`, `North Korea has sent ${4_000 + 700 * i} troops to Russia.`));
  for (let i = 0; i < 3 * ADMISSION_POOL; i++) {
    reports.push(report(`spy-${i}`, `A spy agency of Russia opened office ${i} in ${CITIES[i % CITIES.length]}.`));
  }
  for (let i = 0; i < 12 * ADMISSION_POOL; i++) {
    reports.push(report(`filler-${i}`, `North Korea has sent troops to Russia, reports from ${CITIES[i % CITIES.length]} said at briefing ${i}.`));
  }
  return reports;
}

const index = buildCorpusIndex(corpus(), DEFAULT_PACK);
const [page] = extractClaims(PAGE, { pack: DEFAULT_PACK }) as [ExtractedClaim];

/** The listed reports and claims, best first: what the reader sees beside the claim. */
const listed = (results: ReturnType<typeof matchClaims>) => results[0]!.matches.slice(0, 5).map((m) => `${m.reportId}: ${m.claim}`);

/** Terms of the page (words and concepts) that more than a quarter of the corpus's claims carry. */
const commonWords = (corpusIndex: CorpusIndex) => new Set(page.terms.filter((t) => (corpusIndex.wordDf.get(t) ?? 0) > corpusIndex.claims.length / 4));

describe('admission on a score bound', () => {
  it('the corpus is what the test needs: the best claims share only common words with the page, and many share a rarer one', () => {
    const naive = matchClaimsNaive([page], index)[0]!.matches.slice(0, 5);
    expect(naive.map((m) => m.reportId).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `same-fact-${i}`));
    const common = commonWords(index);
    for (const m of naive) {
      const terms = index.claims.find((c) => c.text === m.claim)!.terms;
      for (const t of terms.filter((x) => page.terms.includes(x))) expect(common).toContain(t);
    }
    // More claims share the rare word "spy" than the pool holds, and none of them matches.
    expect(index.wordDf.get('spy')).toBeGreaterThan(ADMISSION_POOL);
    expect(common.has('spy')).toBe(false);
  });

  it('lists the same top 5 as scoring every claim of the corpus', () => {
    expect(listed(matchClaims([page], index))).toEqual(listed(matchClaimsNaive([page], index)));
  });

  it('admits the best claims even when the claims sharing rarer words are many more than its pool', () => {
    const admitted = new Set(preselect(page, index, new Set()).map((id) => index.claims[id]!.text));
    for (const m of matchClaimsNaive([page], index)[0]!.matches.slice(0, 5)) expect(admitted).toContain(m.claim);
  });

  it("with some reports excluded (the page's own, when it is in the corpus), lists the same as scoring every other claim", () => {
    const excludeReportIds = ['same-fact-0', 'same-fact-3'];
    const fast = listed(matchClaims([page], index, { excludeReportIds }));
    expect(fast).toEqual(listed(matchClaimsNaive([page], index, { excludeReportIds })));
    expect(fast.filter((m) => m.startsWith('same-fact-'))).toHaveLength(3);
  });
});

/**
 * What admission ranks by, computed for every claim of the corpus (the oracle): the claim's
 * relevance to the page with their shared words counted exactly, as lib/match.ts's text
 * similarity counts them before it looks for other spellings.
 */
function previewOfEvery(claim: ExtractedClaim, corpusIndex: CorpusIndex): number[] {
  const maxIdf = inverseFrequency(Math.max(1, corpusIndex.claims.length), 1);
  const weightOf = (t: string) => corpusIndex.wordIdf.get(t) ?? UNSEEN_TERM_WEIGHT * maxIdf * conceptWeight(t);
  const own = signatureOf(claim, corpusIndex.pack);
  const queryWeight = claim.terms.reduce((s, t) => s + weightOf(t), 0);
  return corpusIndex.claims.map((c, id) => {
    const words = new Set(c.terms);
    const shared = claim.terms.reduce((s, t) => s + (words.has(t) ? weightOf(t) : 0), 0);
    const total = queryWeight + corpusIndex.textWeight[id]!;
    return signatureRelevance(own, signatureOf(c, corpusIndex.pack), total > 0 ? Math.min(1, (2 * shared) / total) : 0);
  });
}

describe("admission against every claim scored (the benchmark's synthetic corpus)", () => {
  // 2,000 synthetic claims and the seeds; the 40-sentence article of the benchmark as pages.
  const synthetic = buildCorpusIndex(benchCorpus(2_000), DEFAULT_PACK);
  const article = extractClaims(benchArticle().text, { pack: DEFAULT_PACK });

  it('admits every claim whose exact preview ranks among the ADMISSION_POOL best, for each claim of the article', () => {
    const missed: string[] = [];
    article.forEach((claim, q) => {
      const previews = previewOfEvery(claim, synthetic);
      const floor = [...previews].sort((a, b) => b - a)[ADMISSION_POOL - 1]!;
      const admitted = new Set(preselect(claim, synthetic, new Set()));
      // Claims strictly above the pool's floor must be in (those tied with it may give way to lower ids).
      previews.forEach((p, id) => {
        if (p > floor + 1e-9 && !admitted.has(id)) missed.push(`article claim ${q}: corpus claim ${id} (${p.toFixed(3)} > ${floor.toFixed(3)})`);
      });
    });
    expect(missed).toEqual([]);
  });
});
