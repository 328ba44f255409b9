// The benchmark's own arithmetic: if recall, trace attribution or source-map reading were
// wrong, docs/performance.md would print wrong figures with a straight face.
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { floorExtension } from '../../bench/floor-extension';
import { createCostMeter } from '../../entrypoints/crosscheck.content/cost-meter';
import { recallAt5 } from '../../bench/matching';
import { decodeVlq, SourceMapLookup } from '../../bench/sourcemap';
import { bytesBySource } from '../../bench/size';
import { analyzeTrace, type TraceEvent } from '../../bench/trace';
import { syntheticReports } from '../../bench/synthetic-corpus';
import { quantile, seededRandom } from '../../bench/stats';
import { isEnvelope, type ContentCost } from '../../lib/protocol';
import { checkedPageStatus } from '../../lib/tab-state-limits';
import type { ClaimMatch, ClaimResult } from '../../lib/types';

const match = (reportId: string, claim: string, score: number): ClaimMatch => ({
  reportId, claim, score, reportTitle: null, outlet: null, date: null, stance: 'related', why: '', source: null,
});
const result = (matches: ClaimMatch[]): ClaimResult => ({ text: 'q', quantities: [], attribution: null, matches });

describe('recall@5 against the naive top 5', () => {
  it('counts the naive matches found, per query, and skips queries the naive search found nothing for', () => {
    const reference = [
      { top: [{ reportId: 'a', claim: 'x', score: 0.9 }, { reportId: 'b', claim: 'y', score: 0.8 }] },
      { top: [] },
      { top: [{ reportId: 'c', claim: 'z', score: 0.7 }] },
    ];
    const results = [result([match('a', 'x', 0.9), match('d', 'w', 0.5)]), result([]), result([match('c', 'z', 0.7)])];
    const r = recallAt5(results, reference);
    expect(r.queries).toBe(2);
    expect(r.strict).toBe(0.75); // (1/2 + 1/1) / 2
  });

  it('score-aware recall credits a different match that scores at least the naive 5th', () => {
    const reference = [{ top: [{ reportId: 'a', claim: 'x', score: 0.9 }, { reportId: 'b', claim: 'y', score: 0.6 }] }];
    const results = [result([match('a', 'x', 0.9), match('e', 'v', 0.6)])];
    const r = recallAt5(results, reference);
    expect(r.strict).toBe(0.5);
    expect(r.scoreAware).toBe(1);
  });
});

describe('source maps', () => {
  it('decodes base64 VLQ segments', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('C')).toEqual([1]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('AACAC')).toEqual([0, 0, 1, 0, 1]);
  });

  it('finds the original line and name of a generated position', () => {
    // Line 0: col 0 → source 0 line 1 (name 0); col 10 → source 1 line 5.
    const map = new SourceMapLookup({ sources: ['../../lib/a.ts', 'node_modules/x/y.js'], names: ['alpha'], mappings: 'AACAA,UCIA' });
    expect(map.lookup(0, 3)).toEqual({ source: 'lib/a.ts', line: 2, name: 'alpha' });
    expect(map.lookup(0, 12)).toEqual({ source: 'node_modules/x/y.js', line: 6, name: null });
    expect(map.lookup(1, 0)).toBeNull();
  });

  it('shares a bundle out by source module', () => {
    const code = 'aaaaaaaaaabbbbb';
    const bytes = bytesBySource(code, JSON.stringify({ sources: ['lib/a.ts', 'node_modules/pkg/i.js'], mappings: 'AAAA,UCAA' }));
    expect(bytes.get('lib/a.ts')).toBe(10);
    expect(bytes.get('pkg')).toBe(6); // five characters and the line's end
  });
});

describe('trace attribution', () => {
  const ext = 'chrome-extension://abc/';
  const base: TraceEvent[] = [
    { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
    { name: 'ParseHTML', ph: 'X', ts: 1_000, dur: 1_000, pid: 1, tid: 1, args: { beginData: { url: 'http://127.0.0.1:5/p/' } } },
  ];
  const task = (ts: number, ms: number): TraceEvent => ({ name: 'RunTask', ph: 'X', ts, dur: ms * 1000, pid: 1, tid: 1 });
  const ours = (ts: number, ms: number): TraceEvent => ({
    name: 'EvaluateScript', ph: 'X', ts, dur: ms * 1000, pid: 1, tid: 1, args: { data: { url: `${ext}content-scripts/x.js` } },
  });

  it('counts a long task as caused only when it would be short without the extension', () => {
    const events = [...base, task(10_000, 60), ours(20_000, 20), task(100_000, 100), ours(110_000, 20)];
    const t = analyzeTrace(events, 'http://127.0.0.1:5/p/', ext);
    expect(t.longTasks).toBe(2);
    expect(t.longTasksCausedByOrigin).toBe(1);
    expect(t.originMs).toBe(40);
    expect(t.maxOriginMsInTask).toBe(20);
  });

  it('ignores work on other threads and other pages', () => {
    const other: TraceEvent = { ...ours(20_000, 30), pid: 2 };
    const t = analyzeTrace([...base, task(10_000, 60), other], 'http://127.0.0.1:5/p/', ext);
    expect(t.originMs).toBe(0);
    expect(analyzeTrace(base, 'http://127.0.0.1:5/elsewhere/', ext).thread).toBeNull();
  });
});

describe('deterministic inputs', () => {
  it('the same seed gives the same corpus, another seed another one', () => {
    expect(syntheticReports(50, 1)).toEqual(syntheticReports(50, 1));
    expect(syntheticReports(50, 2)[0]!.text).not.toBe(syntheticReports(50, 1)[0]!.text);
    expect(syntheticReports(25).length).toBe(3);
  });

  it('the PRNG and quantiles behave', () => {
    const r = seededRandom(42);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.95)).toBe(5);
  });
});

describe('the off-topic floor', () => {
  /** A built extension as far as floorExtension reads one: a manifest naming one content script, its source map, another file. */
  const builtExtension = () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-built-'));
    mkdirSync(join(dir, 'content-scripts'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/crosscheck.js'] }] }));
    writeFileSync(join(dir, 'content-scripts/crosscheck.js'), 'realScript();');
    writeFileSync(join(dir, 'content-scripts/crosscheck.js.map'), '{}');
    writeFileSync(join(dir, 'background.js'), 'background();');
    return dir;
  };

  it('replaces only the content script, with one the background takes as an off-topic verdict and whose cost it can ask', () => {
    const built = builtExtension();
    const floor = floorExtension(built);
    try {
      expect(readFileSync(join(built, 'content-scripts/crosscheck.js'), 'utf8')).toBe('realScript();');
      expect(readFileSync(join(floor.dir, 'background.js'), 'utf8')).toBe('background();');
      // The map would name the real script's functions in the breakdown.
      expect(existsSync(join(floor.dir, 'content-scripts/crosscheck.js.map'))).toBe(false);

      // Run as a browser would, with a runtime that records what the script sends and listens for.
      const sent: unknown[] = [];
      const listeners: ((m: unknown, s: unknown, reply: (r: unknown) => void) => unknown)[] = [];
      const runtime = {
        sendMessage: (m: unknown) => (sent.push(m), Promise.resolve(null)),
        onMessage: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) },
      };
      let now = 10;
      const script = readFileSync(join(floor.dir, 'content-scripts/crosscheck.js'), 'utf8');
      runInNewContext(script, { chrome: { runtime }, location: { href: 'http://127.0.0.1/p/' }, performance: { now: () => (now += 0.5) } });

      expect(sent).toHaveLength(1);
      const status = sent[0];
      expect(isEnvelope(status)).toBe(true);
      expect(status).toMatchObject({ type: 'page/status' });
      expect(checkedPageStatus((status as { payload: unknown }).payload)).toMatchObject({ url: 'http://127.0.0.1/p/', status: 'off-topic' });

      let reply: { ok: boolean; value: ContentCost } | undefined;
      listeners[0]!({ crosscheck: 1, type: 'content/cost', payload: null }, {}, (r) => (reply = r as typeof reply));
      expect(reply?.ok).toBe(true);
      // Every step the real script's meter reports, so the bench reads both alike.
      expect(Object.keys(reply!.value).sort()).toEqual(Object.keys(createCostMeter(() => 0).report()).sort());
      expect(reply!.value.totalMs).toBe(0.5);
      expect(reply!.value.startMs).toBe(reply!.value.totalMs);
    } finally {
      floor.dispose();
      rmSync(built, { recursive: true, force: true });
    }
    expect(existsSync(floor.dir)).toBe(false);
  });
});
