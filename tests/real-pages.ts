// Where the 130 saved real pages live (Mozilla's Readability test corpus). They are read in
// place and never copied into the repository, so a fresh clone does not have them: the tests
// and benchmark sections over them form a tier that skips, saying so in one line, when the
// folder is missing. `.ci/run` sets READABILITY_PAGES, so CI always runs the tier.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus folder: READABILITY_PAGES, or the shared checkout beside the repository. */
export const READABILITY_PAGES = resolve(process.env.READABILITY_PAGES ?? '../shared/corpora/readability-test-pages');

/** Names of the saved pages (folders holding a source.html), sorted; empty when the corpus is missing. */
export function realPageNames(): string[] {
  if (!existsSync(READABILITY_PAGES)) return [];
  return readdirSync(READABILITY_PAGES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(READABILITY_PAGES, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

export const REAL_PAGES_AVAILABLE = realPageNames().length > 0;

/** Test names of the tier start with this, so a run's report can count them (scripts/test-summary.mjs). */
export const REAL_PAGES_TIER = '[real pages]';

/** The one line printed when the tier cannot run. */
export const REAL_PAGES_SKIP_LINE =
  `Real-pages tier skipped: no saved pages at ${READABILITY_PAGES} ` +
  '(set READABILITY_PAGES to a copy of the Readability test pages to run the tests over 130 real pages).';

/** A saved page's HTML, as it was saved. */
export function readRealPage(name: string): string {
  return readFileSync(join(READABILITY_PAGES, name, 'source.html'), 'utf8');
}

/** What the corpus expects of a page (Readability's own metadata file). */
export function readRealPageMetadata(name: string): { title: string | null; readerable: boolean } {
  return JSON.parse(readFileSync(join(READABILITY_PAGES, name, 'expected-metadata.json'), 'utf8')) as { title: string | null; readerable: boolean };
}
