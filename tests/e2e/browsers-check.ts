// Global setup of the end-to-end run: with a browser missing, stop before any test starts
// with one line per missing browser saying what to install, rather than a stack trace per file.
import { BrowserNotFoundError, CHROMIUM_MISSING, FIREFOX_MISSING, findChromium, findFirefox } from './browsers';

function problem(find: () => string | null, missing: string): string | null {
  try {
    return find() ? null : missing;
  } catch (error) {
    if (error instanceof BrowserNotFoundError) return error.message;
    throw error;
  }
}

export default function setup(): void {
  const problems = [problem(findChromium, CHROMIUM_MISSING), problem(findFirefox, FIREFOX_MISSING)].filter((p) => p !== null);
  if (problems.length === 0) return;
  console.error(problems.join('\n'));
  process.exit(1);
}
