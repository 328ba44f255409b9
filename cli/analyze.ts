// `npm run analyze -- <file.html | file.txt | -> [--json] [--corpus <folder>] [--force]`
// `npm run analyze -- [<article>] --timeline [--corpus <folder>]`
//
// Reads an article (saved HTML, plain text, or stdin), decides whether it is about the
// tracked topic, and lists its checkable claims with the reports that corroborate or
// conflict with each. `--json` prints the Analysis contract (lib/types.ts) instead.
// `--timeline` prints the figures over time as JSON (FigureTimeline, lib/timeline.ts): the
// corpus's figures by kind, and the article's own when one is given and it is on the topic.
// Bad input ends with exit code 2 and one line on stderr.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { extractArticle, extractArticleFromText, extractPageText, countWords } from '../lib/article';
import { analyzeArticleText, type AnalyzeInput } from '../lib/analyze';
import { buildCorpusIndex } from '../lib/corpus-index';
import { copyLinks, copySignature } from '../lib/near-duplicates';
import { detailsOf, withReportDetails } from '../lib/report-details';
import { matchedReportName } from '../lib/report-name';
import { formatQuantity } from '../lib/quantities';
import { describeSide, summariseSides } from '../lib/sources';
import { articleFigureSource, buildTimeline, corpusFigureSources } from '../lib/timeline';
import type { Analysis, ArticleInfo, ClaimMatch } from '../lib/types';
import { parseHtml } from './dom';
import { loadReportsFromFolder, SEEDS_DIR } from './load-reports';
import { DEFAULT_PACK } from '../lib/topics';

const USAGE =
  'usage: npm run analyze -- <file.html | file.txt | -> [--json] [--corpus <folder of .txt reports>] [--force]; npm run analyze -- [<article>] --timeline [--corpus <folder>]';
/** Share of control characters above which input is binary, not text. */
const MAX_CONTROL_CHAR_SHARE = 0.01;

class InputError extends Error {}

interface Args {
  /** null only with --timeline: the corpus's figures alone. */
  input: string | null;
  json: boolean;
  timeline: boolean;
  corpus: string;
  force: boolean;
}

function parseArgs(argv: string[]): Args {
  let input: string | null = null;
  let json = false;
  let timeline = false;
  let force = false;
  let corpus = SEEDS_DIR;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--timeline') timeline = true;
    else if (a === '--force') force = true;
    else if (a === '--corpus') {
      const dir = argv[++i];
      if (!dir) throw new InputError(`--corpus needs a folder; ${USAGE}`);
      corpus = resolve(dir);
    } else if (a === '--help' || a === '-h') throw new InputError(USAGE);
    else if (a.startsWith('--')) throw new InputError(`unknown option '${a}'; ${USAGE}`);
    else if (input === null) input = a;
    else throw new InputError(`one input at a time; ${USAGE}`);
  }
  if (input === null && !timeline) throw new InputError(USAGE);
  return { input, json, timeline, corpus, force };
}

function readInput(input: string): string {
  let bytes: Buffer;
  try {
    bytes = input === '-' ? readFileSync(0) : readFileSync(input);
  } catch (e) {
    throw new InputError(`cannot read '${input}': ${reason(e)}`);
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new InputError(`cannot read '${input}': empty input`);
  if (isBinary(bytes)) throw new InputError(`cannot read '${input}': binary data, not text or HTML`);
  return bytes.toString('utf8');
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

/** NUL bytes, or more control characters than text ever has, mean binary data. */
function isBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control / sample.length > MAX_CONTROL_CHAR_SHARE) return true;
  // Invalid UTF-8 decodes to U+FFFD; a text file has none or almost none.
  const decoded = sample.toString('utf8');
  const replacements = decoded.split('\uFFFD').length - 1;
  return replacements / Math.max(1, decoded.length) > MAX_CONTROL_CHAR_SHARE;
}

function looksLikeHtml(input: string, raw: string): boolean {
  const ext = extname(input).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  if (ext === '.txt') return false;
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(raw) || /<\/(?:p|div|article)>/i.test(raw.slice(0, 20_000));
}

function articleInput(input: string, raw: string): AnalyzeInput {
  if (!looksLikeHtml(input, raw)) {
    const a = extractArticleFromText(raw);
    return { title: a.title, text: a.text, article: info(a) };
  }
  const doc = parseHtml(raw);
  const a = extractArticle(doc);
  if (a) return { title: a.title, text: a.text, article: info(a) };
  // Not an article: read the page's visible text, so --force can still look at it.
  const text = extractPageText(doc);
  const title = doc.title?.trim() || null;
  return {
    title,
    text,
    article: { isArticle: false, title, byline: null, siteName: null, publishedTime: null, words: countWords(text) },
  };
}

function info(a: ArticleInfo): ArticleInfo {
  return { isArticle: a.isArticle, title: a.title, byline: a.byline, siteName: a.siteName, publishedTime: a.publishedTime, words: a.words };
}

function loadCorpus(dir: string) {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`cannot read corpus '${dir}': not a folder`);
    names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read corpus '${dir}': ${reason(e).replace('file', 'folder')}`);
  }
  if (!names.length) throw new InputError(`cannot read corpus '${dir}': no .txt reports in it`);
  return loadReportsFromFolder(dir);
}

// ---------------------------------------------------------------------------------------
// Readable output

const MARK: Record<ClaimMatch['stance'], string> = { corroborates: '+', conflicts: '!', related: '~' };

function printReadable(a: Analysis): void {
  const out: string[] = [];
  const art = a.article;
  out.push(`Article  ${art.title ?? '(untitled)'}`);
  out.push(`         ${art.words} words${art.siteName ? `, ${art.siteName}` : ''}${art.publishedTime ? `, ${art.publishedTime.slice(0, 10)}` : ''}${art.isArticle ? '' : ' (does not read as an article)'}`);
  out.push(
    `Topic    ${a.topic.id}: ${a.topic.onTopic ? 'on topic' : 'off topic'} (score ${a.topic.score.toFixed(2)})` +
      (a.topic.evidence.length ? ` - ${a.topic.evidence.slice(0, 6).join(', ')}` : ''),
  );
  if (!a.topic.onTopic && a.claims.length === 0) {
    out.push('', 'Not about the tracked topic: no claims checked (--force checks them anyway).');
    console.log(out.join('\n'));
    return;
  }
  const matched = a.claims.filter((c) => c.matches.length).length;
  out.push(`Claims   ${a.claims.length} checkable, ${matched} with matching reports`, '');
  a.claims.forEach((c, i) => {
    out.push(`[${i + 1}] ${oneLine(c.text)}`);
    const facts: string[] = [];
    if (c.quantities.length) {
      facts.push(c.quantities.map((q) => `${q.label ?? formatQuantity(q)}${q.planned ? ' (planned total)' : q.kind && q.kind !== 'count' ? ` (${q.kind})` : ''}${q.hedged ? ', hedged' : ''}`).join('; '));
    }
    if (c.attribution) facts.push(`source: ${c.attribution}`);
    if (facts.length) out.push(`    ${facts.join(' | ')}`);
    if (!c.matches.length) out.push('    no matching report');
    for (const m of c.matches) {
      const where = [m.outlet, m.date].filter(Boolean).join(', ');
      out.push(`    ${MARK[m.stance]} ${m.stance.padEnd(12)} ${m.score.toFixed(2)}  ${m.why}`);
      const copy = m.copyOf ? ` - a copy of ${m.copyOf}` : '';
      out.push(`      ${m.reportId} "${matchedReportName(m)}"${where ? ` (${where})` : ''}${m.source ? ` - source: ${m.source}` : ''}${copy}`);
      out.push(`      "${oneLine(m.claim)}"`);
    }
    if (c.matches.length) {
      const sides = summariseSides(c.matches);
      const parts: string[] = [];
      if (sides.corroborates.reports) parts.push(`corroborated by ${describeSide(sides.corroborates)}`);
      if (sides.conflicts.reports) parts.push(`contradicted by ${describeSide(sides.conflicts)}`);
      if (parts.length) out.push(`    => ${parts.join('; ')}`);
    }
    out.push('');
  });
  console.log(out.join('\n'));
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (args.input === null) {
      const index = buildCorpusIndex(loadCorpus(args.corpus), DEFAULT_PACK);
      console.log(JSON.stringify(buildTimeline(corpusFigureSources(index), index.pack.figureKinds), null, 2));
      return 0;
    }
    const inputPath = args.input;
    const raw = readInput(inputPath);
    const input = articleInput(inputPath, raw);
    const reports = loadCorpus(args.corpus);
    // A report of the corpus analysed against the corpus is never its own witness: the same
    // file, or (from stdin or a copy) the same text.
    const same = (a: string) => a.replace(/\s+/g, ' ').trim();
    const self = reports
      .filter(
        (r) =>
          (inputPath !== '-' && resolve(dirname(inputPath)) === resolve(args.corpus) && r.id === basename(inputPath, '.txt')) ||
          (input.text.trim() !== '' && same(r.text) === same(input.text)),
      )
      .map((r) => r.id);
    const index = buildCorpusIndex(reports, DEFAULT_PACK);
    const bare = analyzeArticleText(input, index, { force: args.force, excludeReportIds: self });
    // The extension stores copy links as reports come in; a folder has none stored, so they are found here.
    const links = copyLinks(reports.map((r) => ({ id: r.id, signature: copySignature(r.text) })));
    const analysis = withReportDetails(bare, new Map(reports.map((r) => [r.id, detailsOf({ ...r, copyOf: links.get(r.id) ?? null })])));
    if (args.timeline) {
      // The article itself, when it is one of the corpus's reports, is not counted twice.
      const corpus = corpusFigureSources(index).filter((r) => !self.includes(r.reportId ?? ''));
      const article = analysis.claims.length ? [articleFigureSource(analysis, index.pack)] : [];
      console.log(JSON.stringify(buildTimeline([...article, ...corpus], index.pack.figureKinds), null, 2));
    } else if (args.json) console.log(JSON.stringify(analysis, null, 2));
    else printReadable(analysis);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`crosscheck: ${e.message}`);
      return 2;
    }
    console.error(`crosscheck: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
