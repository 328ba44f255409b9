// Two versions of the matcher side by side in one process: a checkout of a base commit (its
// own lib/) and this tree, alternating run by run on the same synthetic corpus and the bench
// article, so that the machine's load falls on both alike. Prints whether the two give the
// same matchClaims output, each one's median and p95, and the ratio of the medians: the
// figures part N of the README's Performance section gives for its changes.
//
//   git worktree add --detach /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   node --import tsx bench/ab-matching.ts /tmp/base [corpus claims: 100000] [runs: 30]

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpusIndex } from '../lib/corpus-index';
import { extractClaims } from '../lib/claims';
import { matchClaims } from '../lib/match';
import { DEFAULT_PACK } from '../lib/topics';
import { benchArticle, benchCorpus } from './fixtures';
import { now, summarize } from './stats';

const [baseDir, claimsArg = '100000', runsArg = '30'] = process.argv.slice(2);
if (!baseDir) throw new Error('usage: bench/ab-matching.ts <checkout of the base commit> [corpus claims] [runs]');
// The base's modules come from the checkout named on the command line, by whoever runs the bench.
// eslint-disable-next-line no-unsanitized/method
const fromBase = <T>(module: string): Promise<T> => import(pathToFileURL(resolve(baseDir, 'lib', `${module}.ts`)).href) as Promise<T>;
const base = {
  ...(await fromBase<typeof import('../lib/corpus-index')>('corpus-index')),
  ...(await fromBase<typeof import('../lib/claims')>('claims')),
  ...(await fromBase<typeof import('../lib/match')>('match')),
  ...(await fromBase<typeof import('../lib/topics')>('topics/index')),
};

// Both versions read the same reports and article; each extracts and indexes them its own way.
const reports = benchCorpus(Number(claimsArg));
const text = benchArticle().text;
const baseClaims = base.extractClaims(text, { pack: base.DEFAULT_PACK });
const baseIndex = base.buildCorpusIndex(reports, base.DEFAULT_PACK);
const ownClaims = extractClaims(text, { pack: DEFAULT_PACK });
const ownIndex = buildCorpusIndex(reports, DEFAULT_PACK);
const runBase = () => base.matchClaims(baseClaims, baseIndex);
const runOwn = () => matchClaims(ownClaims, ownIndex);

const same = JSON.stringify(runBase()) === JSON.stringify(runOwn());
for (let i = 0; i < 3; i++) {
  runBase();
  runOwn();
}
const baseTimes: number[] = [];
const ownTimes: number[] = [];
for (let i = 0; i < Number(runsArg); i++) {
  let t0 = now();
  runBase();
  baseTimes.push(now() - t0);
  t0 = now();
  runOwn();
  ownTimes.push(now() - t0);
}
const b = summarize(baseTimes);
const o = summarize(ownTimes);
console.log(`${Number(claimsArg).toLocaleString('en-US')} claims, ${runsArg} runs each, alternating`);
console.log(`same output: ${same}`);
console.log(`base ${b.median} ms median, ${b.p95} ms p95; this tree ${o.median} ms median, ${o.p95} ms p95; ratio ${(o.median / b.median).toFixed(3)}`);
