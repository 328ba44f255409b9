// Re-keys bench/naive-truth.json after a change of the scoring sources that must not change
// the naive baseline's answers (a refactor; the key hashes the sources, so any edit makes the
// file stale): for each corpus size given, runs matchClaimsNaive on every query of the
// bench article, one after another, and writes the new key only when every answer equals
// the one on file. Prints the queries that differ otherwise and leaves the file as it is.
//
//   node --import tsx bench/rekey-naive-truth.ts 1000 10000
//
// About 20 s at 1,000 claims and 4 minutes at 10,000 on one core (2026-12-04); 100,000
// takes about 40 minutes (`--naive-full` computes it on every core instead).

import { readFileSync } from 'node:fs';
import { buildCorpusIndex } from '../lib/corpus-index';
import { extractClaims } from '../lib/claims';
import { matchClaimsNaive } from '../lib/match';
import { DEFAULT_PACK } from '../lib/topics';
import { benchArticle, benchCorpus } from './fixtures';
import { answersOf, NAIVE_TRUTH_FILE, truthKey, writeTruth, type NaiveAnswer } from './naive-truth';

const sizes = process.argv.slice(2);
if (sizes.length === 0) throw new Error('usage: bench/rekey-naive-truth.ts <corpus claims>...');
for (const size of sizes) {
  const stored = (JSON.parse(readFileSync(NAIVE_TRUTH_FILE, 'utf8')) as { entries: Record<string, { key: string; answers: NaiveAnswer[] }> }).entries[size];
  if (!stored) throw new Error(`no answers on file for ${size} claims`);
  // Built exactly as bench/matching.ts and bench/naive-worker.ts build it.
  const index = buildCorpusIndex(benchCorpus(Number(size)), DEFAULT_PACK);
  const claims = extractClaims(benchArticle().text, { pack: DEFAULT_PACK });
  const key = truthKey(index, claims, size);
  if (key === stored.key) {
    console.log(`${size}: the key on file is current`);
    continue;
  }
  if (stored.answers.length !== claims.length) throw new Error(`${size}: ${stored.answers.length} answers on file for ${claims.length} queries`);
  const differ: number[] = [];
  claims.forEach((claim, i) => {
    const [result] = matchClaimsNaive([claim], index);
    if (JSON.stringify(answersOf(result!)) !== JSON.stringify(stored.answers[i])) differ.push(i);
    process.stderr.write(`\r${size}: ${i + 1}/${claims.length} queries checked`);
  });
  process.stderr.write('\n');
  if (differ.length > 0) {
    console.log(`${size}: the naive answers changed on queries ${differ.join(', ')}; the file is left as it is (recompute with --naive-full)`);
    process.exitCode = 1;
    continue;
  }
  writeTruth(size, key, stored.answers);
  console.log(`${size}: all ${claims.length} answers equal the file's; re-keyed ${stored.key} -> ${key}`);
}
