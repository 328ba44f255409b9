// One shard of the naive baseline for bench/naive-truth.json: builds the corpus and index
// exactly as bench/matching.ts does, runs matchClaimsNaive on every n-th article claim,
// and prints one JSON line per answer. Started by naive-truth.ts; not a command of its own.

import { buildCorpusIndex } from '../lib/corpus-index';
import { extractClaims } from '../lib/claims';
import { matchClaimsNaive } from '../lib/match';
import { benchArticle, benchCorpus } from './fixtures';
import { answersOf } from './naive-truth';
import { DEFAULT_PACK } from '../lib/topics';

const [size, shard, shards] = process.argv.slice(2).map(Number) as [number, number, number];
const index = buildCorpusIndex(benchCorpus(size), DEFAULT_PACK);
const claims = extractClaims(benchArticle().text, { pack: DEFAULT_PACK });
for (let i = shard; i < claims.length; i += shards) {
  const [result] = matchClaimsNaive([claims[i]!], index);
  process.stdout.write(JSON.stringify({ i, answer: answersOf(result!) }) + '\n');
}
