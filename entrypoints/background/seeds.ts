// The seed reports: bundled from seeds/*.txt at build time, parsed by the same code the CLI
// uses, and only when they are needed (an install, a database that lacks them, an import):
// the worker starts again for almost every page after a pause, and parsing the five reports
// and signing them (corpus.ts) at each start took about 21 ms of the 33 that the built
// background script spent from its compile to the end of its start, in Node.
import { parseReportText } from '../../lib/report-text';
import type { Report } from '../../lib/types';

const files = import.meta.glob('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The reports shipped with the extension: how many there are, known without reading them, and the reports themselves. */
export interface ShippedSeeds {
  readonly count: number;
  reports(): readonly Report[];
}

let parsed: Report[] | null = null;

/** The seed reports, parsed on first use, sorted by id. */
export function seedReports(): Report[] {
  parsed ??= Object.entries(files)
    .map(([path, raw]) => parseReportText(path.split('/').pop()!.replace(/\.txt$/, ''), raw, { origin: 'seed' }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return parsed;
}

export const SHIPPED_SEEDS: ShippedSeeds = { count: Object.keys(files).length, reports: seedReports };
