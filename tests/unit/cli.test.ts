// The analyze CLI as a reader runs it: a real process, its exit code and its output.
// tsx is run from node_modules/.bin rather than through npx: npx may print its own
// configuration warnings on stderr, which are not the CLI's.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '../../lib/types';

const TSX = join('node_modules', '.bin', 'tsx');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(TSX, ['cli/analyze.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  const stderrLines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  return { code: r.status, stdout: r.stdout, stderrLines };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run analyze', () => {
  it('refuses a missing file with exit 2 and one line on stderr', () => {
    const r = run(join(dir, 'nope.html'));
    expect(r.code).toBe(2);
    expect(r.stderrLines).toHaveLength(1);
    expect(r.stderrLines[0]).toMatch(/^crosscheck: cannot read '.*nope\.html': no such file$/);
    expect(r.stdout).toBe('');
  });

  it('refuses an empty file and a binary file the same way', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const binary = join(dir, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    for (const [file, reason] of [[empty, 'empty input'], [binary, 'binary data']] as const) {
      const r = run(file);
      expect(r.code, file).toBe(2);
      expect(r.stderrLines, file).toHaveLength(1);
      expect(r.stderrLines[0]).toContain(reason);
    }
  });

  it('prints the Analysis contract for a seed with --json, never matching the seed itself', () => {
    const r = run('seeds/004_8cbaaadb9775d755.txt', '--json');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.article).toMatchObject({ isArticle: expect.any(Boolean), title: 'North Korea sends troops to aid Russia’s war in Ukraine: Seoul', words: expect.any(Number) });
    expect(a.topic).toMatchObject({ id: 'dprk-troops-russia', onTopic: true });
    expect(a.topic.score).toBeGreaterThan(0);
    expect(a.topic.score).toBeLessThanOrEqual(1);
    expect(a.claims.length).toBeGreaterThan(3);
    const twelve = a.claims.find((c) => c.quantities.some((q) => q.value === 12000 && q.unit === 'troops'))!;
    expect(twelve.attribution).toBe("South Korea's National Intelligence Service");
    expect(twelve.quantities[0]).toMatchObject({ value: 12000, unit: 'troops', approx: false, hedged: true });
    for (const c of a.claims) {
      for (const m of c.matches) {
        expect(m.reportId).not.toBe('004_8cbaaadb9775d755');
        expect(['corroborates', 'conflicts', 'related']).toContain(m.stance);
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
        expect(m.why.length).toBeGreaterThan(0);
        // copyOf (a syndicated copy) and reportLead (a report without a headline) only when they apply.
        expect(Object.keys(m).filter((k) => k !== 'copyOf' && k !== 'reportLead').sort()).toEqual(['claim', 'date', 'outlet', 'reportId', 'reportTitle', 'score', 'source', 'stance', 'why']);
        if (m.reportTitle === null) expect(m.reportLead).toMatch(/\S/);
      }
    }
  });
});
