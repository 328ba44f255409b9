// Global setup of the unit run: says once, in one line, that the real-pages tier is skipped
// and why, when the corpus folder is missing.
import { REAL_PAGES_AVAILABLE, REAL_PAGES_SKIP_LINE } from '../../real-pages';

export default function setup(): void {
  if (!REAL_PAGES_AVAILABLE) console.log(REAL_PAGES_SKIP_LINE);
}
