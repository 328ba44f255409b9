// Node-only: reads a folder of captured .txt reports into Reports (the CLI, the tests
// and the benchmarks share it). The extension bundles its seeds at build time instead.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReportText } from '../lib/report-text';
import type { Report } from '../lib/types';

export const SEEDS_DIR = resolve(fileURLToPath(import.meta.url), '../../seeds');

export function loadReportsFromFolder(dir: string, origin: Report['origin'] = 'seed'): Report[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseReportText(basename(name, '.txt'), readFileSync(join(dir, name), 'utf8'), { origin }));
}

export function loadSeedReports(): Report[] {
  return loadReportsFromFolder(SEEDS_DIR, 'seed');
}
