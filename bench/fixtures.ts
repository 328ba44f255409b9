// Inputs of the benchmarks, read from the repo and the real-pages corpus only (READABILITY_PAGES,
// see tests/real-pages.ts): the seed reports, the 130 saved real pages, and the articles built from them. Everything derived here is
// deterministic (fixed seeds, fixed picks), so two runs measure the same work.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReportText } from '../lib/report-text';
import { splitSentences } from '../lib/segment';
import type { Report } from '../lib/types';
import { syntheticClaim, syntheticReports } from './synthetic-corpus';
import { seededRandom } from './stats';
import { READABILITY_PAGES } from '../tests/real-pages';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PAGES_DIR = READABILITY_PAGES;

/** Claims in the benchmark article, as the brief of issue 6 fixes it. */
export const ARTICLE_CLAIMS = 40;
/** Of those, how many are real sentences of the seed reports; the rest are generated. */
export const ARTICLE_SEED_CLAIMS = 20;
/** Seed of the generated article claims (the corpora use other seeds, so none is copied verbatim). */
const ARTICLE_SEED = 7;

/** A sentence that states something checkable: a figure, or someone saying, reporting, denying. */
const CHECKABLE = /\d|\b(said|says|stated|reported|according to|denied|dismissed|confirmed|claim(ed|s)?|warned|noted)\b/i;
const MIN_CLAIM_CHARS = 40;
const MAX_CLAIM_CHARS = 400;

export function seedReports(): Report[] {
  const dir = join(REPO_ROOT, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseReportText(f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8'), { origin: 'seed', addedAt: 0 }));
}

/**
 * The corpus the matching measures run against at a size: the seeds and `claims` synthetic
 * claims. The naive truth's answers (bench/naive-truth.json) hold only for this very corpus,
 * so the bench, its workers, the re-keying and the A/B run all build it here.
 */
export function benchCorpus(claims: number, seeds: readonly Report[] = seedReports()): Report[] {
  return [...seeds, ...syntheticReports(claims)];
}

export function sentencesOf(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim());
}

/** The checkable sentences of the seeds, taken round-robin across the five reports. */
function seedClaimSentences(limit: number): string[] {
  const perSeed = seedReports().map((r) =>
    sentencesOf(r.text).filter((s) => CHECKABLE.test(s) && s.length >= MIN_CLAIM_CHARS && s.length <= MAX_CLAIM_CHARS),
  );
  const out: string[] = [];
  for (let round = 0; out.length < limit && perSeed.some((s) => s.length > round); round++) {
    for (const list of perSeed) if (list[round] && out.length < limit) out.push(list[round]!);
  }
  return out;
}

export interface BenchArticle {
  title: string;
  /** Paragraphs separated by blank lines, two claims each. */
  text: string;
  /** The article's claim sentences in order: the queries of the matching benchmark. */
  claims: string[];
}

/** The 40-claim article of the matching benchmark: 20 real seed claims interleaved with 20 generated ones. */
export function benchArticle(): BenchArticle {
  const real = seedClaimSentences(ARTICLE_SEED_CLAIMS);
  const r = seededRandom(ARTICLE_SEED);
  const generated = Array.from({ length: ARTICLE_CLAIMS - real.length }, () => syntheticClaim(r));
  const claims: string[] = [];
  for (let i = 0; claims.length < ARTICLE_CLAIMS; i++) {
    if (real[i]) claims.push(real[i]!);
    if (generated[i]) claims.push(generated[i]!);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < claims.length; i += 2) paragraphs.push(claims.slice(i, i + 2).join(' '));
  return {
    title: 'North Korean troops in Russia: what Seoul, Kyiv and Washington say',
    text: paragraphs.join('\n\n'),
    claims,
  };
}

export interface SavedPage {
  name: string;
  html: string;
  bytes: number;
  readerable: boolean;
  title: string | null;
}

/** The saved real pages of the corpus (130), sorted by name. */
export function savedPages(): SavedPage[] {
  if (!existsSync(PAGES_DIR)) throw new Error(`No saved pages at ${PAGES_DIR}`);
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(PAGES_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const html = readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8');
      const meta = JSON.parse(readFileSync(join(PAGES_DIR, name, 'expected-metadata.json'), 'utf8')) as {
        readerable?: boolean;
        title?: string | null;
      };
      return { name, html, bytes: Buffer.byteLength(html), readerable: meta.readerable ?? false, title: meta.title ?? null };
    });
}
