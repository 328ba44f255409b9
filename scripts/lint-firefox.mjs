#!/usr/bin/env node
// Lints a Firefox build (a directory or the zip for addons.mozilla.org) with web-ext's
// linter, the one AMO runs, and prints a summary. Fails on any error and on any warning
// or notice that is ours. web-ext itself exits 0 on warnings, so it alone would let a new
// warning slip into a release.
//
//   node scripts/lint-firefox.mjs .output/firefox-mv2
//   node scripts/lint-firefox.mjs --zip      (the zip `wxt zip -b firefox` made for this version)
import webExt from 'web-ext';
// jszip comes with wxt (its zip command uses it); it reads files back out of the AMO zip.
import JSZip from 'jszip';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Findings that come from a dependency's code, each with the reason it cannot reach our
 * users and a check, on the flagged code itself, that it is that dependency's and not ours
 * (eslint already forbids innerHTML in our own code; this keeps a bundled copy honest).
 * `before` is the minified code just before the flagged column, `at` the code from it on.
 */
const THIRD_PARTY = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's renderer assigns innerHTML only for the dangerouslySetInnerHTML prop, which eslint forbids in our code",
    // Preact: `….innerHTML=<props>.__html`.
    isTheirs: ({ at }) => /^[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(at),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Mozilla Readability (the code of Firefox's Reader View) restores its own saved copy of the page between attempts; it runs on a detached clone of the document, where no script runs and nothing loads",
    // Readability's _grabArticle retry: `page.innerHTML = pageCacheHtml`, right after it names its "readability-page-1" wrapper.
    isTheirs: ({ before, at }) => before.includes('"readability-page-1"') && /^[\w$]+\.innerHTML\s*=\s*[\w$]+[,;]/.test(at),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Mozilla Readability's _unwrapNoscriptImages copies a <noscript>'s own markup into a <div> of the same detached clone",
    isTheirs: ({ before, at }) => before.includes('_isSingleImage') && /^[\w$]+\.innerHTML\s*=\s*[\w$]+\.innerHTML\b/.test(at),
  },
];

/**
 * Findings in our own code that a reviewer has read and accepted, each with the reason and a
 * check on the flagged code that it is still exactly that code. Kept apart from THIRD_PARTY
 * and printed as ours, so that accepting one is a visible decision and not a silence.
 */
const OURS_REVIEWED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "the first stage imports the content script's second stage from the extension's own package: `import(runtime.getURL('/crosscheck-reader.js'))`, a constant file name, never anything from the page (entrypoints/crosscheck.content/second-stage.ts)",
    // `const X="/crosscheck-reader.js"` shortly before, and the import of runtime.getURL(X) at the flagged column.
    isReviewed: ({ before, at }) => {
      const name = /^import\(\s*[\w$]+\.getURL\(\s*([\w$]+)\s*\)\s*\)/.exec(at)?.[1];
      // Not \b before the name: a minifier's name may begin with "$", which is no word character.
      return !!name && new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}\\s*=\\s*"/crosscheck-reader\\.js"`).test(before);
    },
  },
];

/** WXT's default artifact name: {{name}}-{{version}}-{{browser}}.zip in .output/. */
function firefoxZip() {
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
  return `.output/${name}-${version}-firefox.zip`;
}

const arg = process.argv[2] ?? '.output/firefox-mv2';
const target = resolve(arg === '--zip' ? firefoxZip() : arg);
if (!existsSync(target)) {
  console.error(`✖ ${target} does not exist: build it first (npm run build:firefox or npm run zip:firefox)`);
  process.exit(1);
}

const result = await webExt.cmd.lint(
  { sourceDir: target, output: 'none', selfHosted: false, warningsAsErrors: false, boring: true, pretty: false, metadata: false, verbose: false },
  { shouldExitProgram: false },
);

/** The code around the flagged position, so an allowlisted finding is checked against the code itself. */
async function sourceAround(file, line, column) {
  const text = statSync(target).isDirectory()
    ? readFileSync(join(target, file), 'utf8')
    : await (await JSZip.loadAsync(readFileSync(target))).file(file)?.async('string');
  const lineText = (text ?? '').split('\n')[(line ?? 1) - 1] ?? '';
  // The linter's columns are 1-based.
  const at = Math.max(0, (column ?? 1) - 1);
  return { before: lineText.slice(Math.max(0, at - 800), at), at: lineText.slice(at, at + 120) };
}

const findings = [
  ...result.errors.map((m) => ({ ...m, level: 'error' })),
  ...result.warnings.map((m) => ({ ...m, level: 'warning' })),
  ...result.notices.map((m) => ({ ...m, level: 'notice' })),
];
const ours = [];
const theirs = [];
const reviewed = [];
for (const finding of findings) {
  const candidates = finding.level !== 'error' && finding.file ? THIRD_PARTY.filter((t) => t.code === finding.code) : [];
  const reviewable = finding.level !== 'error' && finding.file ? OURS_REVIEWED.filter((t) => t.code === finding.code) : [];
  const code = candidates.length + reviewable.length > 0 ? await sourceAround(finding.file, finding.line, finding.column) : null;
  const known = code ? candidates.find((t) => t.isTheirs(code)) : undefined;
  const accepted = code && !known ? reviewable.find((t) => t.isReviewed(code)) : undefined;
  if (known) theirs.push({ ...finding, why: known.why });
  else if (accepted) reviewed.push({ ...finding, why: accepted.why });
  else ours.push(finding);
}

console.log(`web-ext lint ${target}`);
console.log(`  errors ${result.summary.errors}, warnings ${result.summary.warnings}, notices ${result.summary.notices}`);
for (const f of theirs) console.log(`  third-party ${f.level} ${f.code} in ${f.file}: ${f.why}`);
for (const f of reviewed) console.log(`  ours, reviewed: ${f.level} ${f.code} in ${f.file}: ${f.why}`);
for (const f of ours) console.log(`  OURS ${f.level} ${f.code} ${f.file ?? ''}${f.line ? `:${f.line}` : ''}: ${f.message}. ${f.description ?? ''}`);
if (ours.length > 0) {
  console.log(`✖ ${ours.length} finding(s) of ours`);
  process.exit(1);
}
console.log('✔ no errors, no warnings or notices of ours');
