// Admission ranks corpus claims by previews whose lines (intercept and slope per signature)
// lib/signature-lines.ts sums from features judged once per distinct value of the fields they
// read. The matcher lists the same claims as scoring each signature whole only if every line
// is the same number, to the last bit: a preview a rounding away from another can reorder
// claims tied in the pool. Checked for each claim of the benchmark's article against the
// signatures of its synthetic corpus and of the seeds.
import { describe, expect, it } from 'vitest';
import { benchArticle, seedReports } from '../../bench/fixtures';
import { syntheticReports } from '../../bench/synthetic-corpus';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { extractClaims } from '../../lib/claims';
import { signatureOf, signatureRelevance } from '../../lib/match-score';
import { signatureFactors, signatureLines } from '../../lib/signature-lines';
import { DEFAULT_PACK } from '../../lib/topics';

describe('signature lines judged per factor', () => {
  const index = buildCorpusIndex([...seedReports(), ...syntheticReports(2_000)], DEFAULT_PACK);
  const signatures = index.claims.map((c) => signatureOf(c, DEFAULT_PACK));
  const article = extractClaims(benchArticle().text, { pack: DEFAULT_PACK });

  it('are bit for bit the lines of signatureRelevance, for every claim of the article and every corpus signature', () => {
    const factors = signatureFactors(signatures);
    const lineA = new Float64Array(signatures.length);
    const lineB = new Float64Array(signatures.length);
    const differ: string[] = [];
    for (const claim of article) {
      const own = signatureOf(claim, DEFAULT_PACK);
      signatureLines(own, factors, lineA, lineB);
      signatures.forEach((s, g) => {
        const a = signatureRelevance(own, s, 0);
        const b = signatureRelevance(own, s, 1) - a;
        if (!Object.is(lineA[g], a) || !Object.is(lineB[g], b)) differ.push(`"${claim.text.slice(0, 40)}…" vs "${index.claims[g]!.text.slice(0, 40)}…": ${lineA[g]}, ${lineB[g]} instead of ${a}, ${b}`);
      });
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

});
