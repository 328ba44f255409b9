// Prints one plain closing line for a test run ("N passed, N failed"), from the JSON reports
// that the unit and end-to-end runs write into <dir>/tests/artifacts/, and how many tests of
// the real-pages tier ran (their names start with "[real pages]", tests/real-pages.ts), naming
// each failed test on the same line.
//
//   node scripts/test-summary.mjs [dir] [--label text] [--require-real-pages]
//
// --require-real-pages exits with 1 when the tier ran no test: CI has the corpus, so a
// tier that skipped there is a broken setup, not a pass.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const dir = args[0] && !args[0].startsWith('--') ? args[0] : '.';
const label = option('--label');
const TIER = '[real pages]';

let passed = 0, failed = 0, skipped = 0, tierPassed = 0, tierFailed = 0, reports = 0;
/** The failed tests by file and name: CI keeps only the end of its log, so the summary names them. */
const failures = [];
for (const name of ['unit', 'e2e']) {
  const file = join(dir, `tests/artifacts/${name}-results.json`);
  if (!existsSync(file)) continue;
  reports++;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') failures.push(`${relative(dir, file.name ?? '')} > ${t.fullName ?? t.title}`);
      if (!(t.ancestorTitles ?? []).some((title) => title.startsWith(TIER))) continue;
      if (t.status === 'passed') tierPassed++;
      else if (t.status === 'failed') tierFailed++;
    }
  }
}
const tier = `real-pages tier: ${tierPassed} passed${tierFailed ? `, ${tierFailed} failed` : ''}`;
const stages = reports === 2 ? '' : reports === 1 ? '; the end-to-end stage did not run' : '; no test stage ran';
const summary = `${label ? `${label}: ` : ''}Tests: ${passed} passed, ${failed} failed, ${skipped} skipped (${tier}${stages})`;
console.log(failures.length ? `${summary}; failed: ${failures.join('; ')}` : summary);
if (flag('--require-real-pages') && tierPassed === 0) {
  console.log('The real-pages tier ran no test: is READABILITY_PAGES set to the corpus?');
  process.exit(1);
}
