// Prints one plain closing line for the whole test run ("N passed, N failed"), from the
// JSON reports that the unit and end-to-end runs write into tests/artifacts/.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
for (const name of ['unit', 'e2e']) {
  const file = `tests/artifacts/${name}-results.json`;
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
