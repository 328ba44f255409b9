// `npm run analyze -- --timeline` as another tool runs it: a real process, its exit code and
// the JSON it prints (FigureTimeline, lib/timeline.ts). tsx is run from node_modules/.bin, as
// in cli.test.ts, so that npx's own warnings never mix with the CLI's output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureTimeline } from '../../lib/timeline';

const TSX = join('node_modules', '.bin', 'tsx');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(TSX, ['cli/analyze.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderrLines: r.stderr.split('\n').filter((l) => l.trim() !== '') };
}

const line = (t: FigureTimeline) =>
  t.series.flatMap((s) => s.statements.map((x) => `${s.kind} ${x.figure} ${x.measure} ${x.date ?? 'undated'} ${x.fromArticle ? 'article' : x.reportId}: ${x.reading}`));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-timeline-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run analyze -- --timeline', () => {
  it("prints the seeds' figures by kind as JSON, with no article needed", () => {
    const r = run('--timeline');
    expect(r.code).toBe(0);
    expect(r.stderrLines).toEqual([]);
    const t = JSON.parse(r.stdout) as FigureTimeline;
    expect(t.series.map((s) => [s.kind, s.label])).toEqual([
      ['troops-at-front', 'Troops at the front'],
      ['troops-sent', 'Troops sent'],
      ['killed', 'Killed'],
    ]);
    expect(line(t)).toContain('killed 6 count 2024-10-05 001_14d4b8edd7d3672e: first');
    const six = t.series.find((s) => s.kind === 'killed')!.statements[0]!;
    expect(Object.keys(six).sort()).toEqual(
      ['after', 'conflictsWith', 'date', 'dateFrom', 'figure', 'fromArticle', 'hedged', 'id', 'kind', 'label', 'max', 'measure', 'min', 'outlet', 'reading', 'reportId', 'reportTitle', 'sentence', 'source', 'value', 'via'].sort(),
    );
    expect(six).toMatchObject({ source: 'Ukrainian media', outlet: 'Athens News', dateFrom: 'sentence', label: '6 soldiers killed' });
  });

  it("adds an article's own figures, and reads each against a corpus of dated reports", () => {
    const r = run('tests/fixtures/reading/on-topic-article.txt', '--timeline', '--corpus', 'tests/fixtures/timeline');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as FigureTimeline;
    expect(line(t)).toEqual(
      expect.arrayContaining([
        'troops-at-front about 3,000 count 2024-10-25 02-front: conflict',
        'troops-at-front 5,000 count 2024-10-26 03-front-other-count: conflict',
        'troops-sent about 10,000 count 2024-11-04 04-november: update',
      ]),
    );
    expect(t.series.flatMap((s) => s.statements).filter((s) => s.fromArticle).length).toBeGreaterThan(0);
  });

  it('a report of the corpus given as the article is not counted twice', () => {
    const t = JSON.parse(run('tests/fixtures/timeline/04-november.txt', '--timeline', '--corpus', 'tests/fixtures/timeline').stdout) as FigureTimeline;
    const tenThousands = t.series.flatMap((s) => s.statements).filter((s) => s.value === 10_000);
    expect(tenThousands.map((s) => [s.fromArticle, s.reportId])).toEqual([[true, null]]);
  });

  it('refuses a corpus folder with no reports with exit 2 and one line on stderr', () => {
    const r = run('--timeline', '--corpus', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderrLines).toEqual([`crosscheck: cannot read corpus '${dir}': no .txt reports in it`]);
  });
});
