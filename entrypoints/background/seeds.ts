// The seed reports: bundled from seeds/*.txt at build time, parsed on install by the same code the CLI uses.
import { parseReportText } from '../../lib/report-text';
import type { Report } from '../../lib/types';

const files = import.meta.glob('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const SEED_REPORTS: Report[] = Object.entries(files)
  .map(([path, raw]) => parseReportText(path.split('/').pop()!.replace(/\.txt$/, ''), raw, { origin: 'seed' }))
  .sort((a, b) => a.id.localeCompare(b.id));
