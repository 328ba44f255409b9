// The tier of unit tests over the saved real pages: a describe block that runs only when the
// corpus is there. The one skip line comes from the run's global setup
// (tests/unit/helpers/real-pages-notice.ts), once for the whole run, not once per file.
import { describe } from 'vitest';
import { REAL_PAGES_AVAILABLE, REAL_PAGES_TIER } from '../../real-pages';

export function describeRealPages(title: string, body: () => void): void {
  describe.skipIf(!REAL_PAGES_AVAILABLE)(`${REAL_PAGES_TIER} ${title}`, body);
}
