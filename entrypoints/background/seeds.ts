// The seed reports: bundled from seeds/*.txt at build time, parsed by the same code the CLI
// uses, and only when they are needed (an install, a database that lacks them, an import):
// the worker starts again for almost every page after a pause, and parsing the five reports
// at each start took 9 ms of its evaluation before it could answer the page (Node, the
// built background script).
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
