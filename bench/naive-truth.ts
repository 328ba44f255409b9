// The naive baseline's answers (its top 5 per query), kept in bench/naive-truth.json.
//
// Why a file: the baseline needs tens of seconds per query over 100,000 claims on this
// kind of machine, so a run times only a sample of queries at the large sizes, but
// recall@5 is only worth reporting over every claim of the article. The answers depend
// only on the claims the engine extracts from the corpus and the article, the matcher's
// scoring code and fuse.js (all deterministic), so they are computed once with
// `npm run bench -- --only matching --naive-full` and checked on every run: each entry
// is keyed by a hash of all its inputs, and the sampled queries a run times must give
// the same answers as the file, or the file is not used.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { CorpusIndex } from '../lib/corpus-index';
import type { ExtractedClaim } from '../lib/claims';
import type { ClaimResult } from '../lib/types';
import { REPO_ROOT } from './fixtures';

export const NAIVE_TRUTH_FILE = join(REPO_ROOT, 'bench/naive-truth.json');
export const TOP_K = 5;

/** One query's naive top 5: report, matched corpus claim, score (0..1). */
export interface NaiveAnswer {
  top: { reportId: string; claim: string; score: number }[];
}

interface TruthFile {
  entries: Record<string, { key: string; answers: NaiveAnswer[] }>;
}

export function answersOf(result: ClaimResult): NaiveAnswer {
  return { top: result.matches.slice(0, TOP_K).map((m) => ({ reportId: m.reportId, claim: m.claim, score: m.score })) };
}

function fuseVersion(): string {
  // fuse.js does not export its package.json; read it next to the resolved entry.
  const entry = createRequire(import.meta.url).resolve('fuse.js');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The scoring code of the naive baseline: lib/match.ts and the modules it imports, less
 * the extraction modules (claims, sentences, mentions), whose effect the key takes from
 * their output instead. A refactor of extraction that extracts the same claims leaves the
 * answers on file valid; any change of the scoring code does not.
 */
const EXTRACTION_MODULES = new Set(['claims.ts', 'sentences.ts', 'mentions.ts', 'segment.ts']);
/**
 * Modules of the fast path alone, which the naive baseline never calls (lib/admission.ts:
 * which claims the fast matcher scores). They are not followed: a change of admission
 * changes Crosscheck's answers, never the baseline's, so it leaves the answers on file valid.
 */
const FAST_PATH_MODULES = new Set(['admission.ts']);
/**
 * How the background writes the index to its cache and reads it back (lib/packed-claims.ts),
 * which no matcher calls: a change of that form leaves every answer as it was, and its
 * tests check that the claims read back are the claims written.
 */
const PERSISTENCE_MODULES = new Set(['packed-claims.ts']);

export function scoringSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const name = file.split('/').pop()!;
    if (seen.has(file) || !existsSync(file) || FAST_PATH_MODULES.has(name) || PERSISTENCE_MODULES.has(name)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
      const base = join(dirname(file), m[1]!);
      visit(existsSync(base + '.ts') ? base + '.ts' : join(base, 'index.ts'));
    }
  };
  visit(join(REPO_ROOT, 'lib/match.ts'));
  return [...seen].filter((f) => !EXTRACTION_MODULES.has(f.split('/').pop()!)).sort();
}

/**
 * A hash of everything the naive answers depend on: the corpus's and the article's claims
 * as the engine extracted them (every field), the scoring code, fuse.js's version.
 */
export function truthKey(index: CorpusIndex, queries: readonly ExtractedClaim[], size: string): string {
  const h = createHash('sha256');
  h.update(`${size}\u0000${fuseVersion()}\u0000`);
  for (const file of scoringSources()) h.update(readFileSync(file));
  for (const r of index.reports) h.update(r.id).update('\u0000');
  for (const c of index.claims) h.update(JSON.stringify(c)).update('\u0000');
  h.update('\u0001');
  for (const q of queries) h.update(JSON.stringify(q)).update('\u0000');
  return h.digest('hex').slice(0, 32);
}

export function readTruth(size: string, key: string): NaiveAnswer[] | null {
  if (!existsSync(NAIVE_TRUTH_FILE)) return null;
  try {
    const entry = (JSON.parse(readFileSync(NAIVE_TRUTH_FILE, 'utf8')) as TruthFile).entries?.[size];
    return entry && entry.key === key ? entry.answers : null;
  } catch {
    return null;
  }
}

export function writeTruth(size: string, key: string, answers: NaiveAnswer[]): void {
  let entries: TruthFile['entries'] = {};
  if (existsSync(NAIVE_TRUTH_FILE)) {
    try {
      entries = (JSON.parse(readFileSync(NAIVE_TRUTH_FILE, 'utf8')) as TruthFile).entries ?? {};
    } catch {
      // An unreadable file is replaced.
    }
  }
  entries[size] = { key, answers };
  // One query per line keeps the file's diffs readable.
  const blocks = Object.entries(entries)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([s, e]) => `    ${JSON.stringify(s)}: {\n      "key": ${JSON.stringify(e.key)},\n      "answers": [\n${e.answers.map((a) => '        ' + JSON.stringify(a)).join(',\n')}\n      ]\n    }`);
  writeFileSync(NAIVE_TRUTH_FILE, `{\n  "entries": {\n${blocks.join(',\n')}\n  }\n}\n`);
}

/**
 * The naive answers for every query, computed by one child process per core (each builds
 * the same corpus and index, then takes every n-th query). For filling the truth file
 * only: the timed baseline runs on one thread, like Crosscheck's matcher.
 */
export async function computeTruthInParallel(corpusClaims: number, queries: number, onProgress: (done: number) => void = () => undefined): Promise<NaiveAnswer[]> {
  const shards = Math.max(1, Math.min(availableParallelism(), queries));
  const answers: NaiveAnswer[] = new Array(queries);
  let done = 0;
  await Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench/naive-worker.ts'), String(corpusClaims), String(shard), String(shards)], {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (!line.startsWith('{')) continue;
            const { i, answer } = JSON.parse(line) as { i: number; answer: NaiveAnswer };
            answers[i] = answer;
            onProgress(++done);
          }
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`naive worker ${shard} exited with ${code}`))));
      }),
    ),
  );
  if (answers.some((a) => a === undefined)) throw new Error('naive workers left queries unanswered');
  return answers;
}
